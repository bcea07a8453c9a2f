"""Command module `validate` (to be written)."""
