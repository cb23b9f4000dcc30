"""report-lint: checks 政府信息公开工作年度报告 before they are published."""

__version__ = "0.1.0"
