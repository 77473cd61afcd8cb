"""Argument parsing for the offline tools: a mistake becomes one line, not argparse's usage dump."""

from __future__ import annotations

import argparse


class UsageError(Exception):
    """A command-line mistake, reported as one line with exit status 2."""


class OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)
