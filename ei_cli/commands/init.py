"""Command module `init` (to be written)."""
