"""Command module `batch` (to be written)."""
