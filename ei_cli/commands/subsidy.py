"""Command module `subsidy` (to be written)."""
