"""Where the project's shipped files live, read through ``importlib.resources``.

The repository keeps shipped data in the top-level ``data/`` (``bot/data`` links to it); the
build copies what the code reads into the installed package. Reading through
``importlib.resources`` makes an editable install, a wheel and an sdist behave the same, and
nothing here depends on the current directory or on a checkout being present.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def shipped(*parts: str) -> Traversable:
    """A file shipped with Dogear, e.g. ``shipped("warnings", "rules.json")``."""
    return files("bot").joinpath("data", *parts)


def migrations_dir() -> Traversable:
    """The numbered SQL migrations."""
    return files("bot").joinpath("migrations")
