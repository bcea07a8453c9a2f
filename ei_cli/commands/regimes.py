"""Command module `regimes` (to be written)."""
