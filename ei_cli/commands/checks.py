"""Command module `checks` (to be written)."""
