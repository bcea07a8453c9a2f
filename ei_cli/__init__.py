"""ei: toolkit for Belgian entreprises d'insertion (Wallonia, Brussels)."""

__version__ = "0.1.0"
