"""RL4xx: dates and periods (FORMAT.md §5)."""
