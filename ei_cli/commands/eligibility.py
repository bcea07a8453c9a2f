"""Command module `eligibility` (to be written)."""
