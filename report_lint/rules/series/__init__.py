"""RL6xx: rules over one body's reports across years (report_lint.series)."""
