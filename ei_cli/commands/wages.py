"""Command module `wages` (to be written)."""
