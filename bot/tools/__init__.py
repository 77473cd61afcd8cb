"""Offline command-line tools of ``python -m bot``."""
