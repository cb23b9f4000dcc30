"""RL5xx: the report's structure and integrity (FORMAT.md §6)."""
