"""Command module `report` (to be written)."""
