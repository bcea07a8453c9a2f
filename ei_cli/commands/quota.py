"""Command module `quota` (to be written)."""
