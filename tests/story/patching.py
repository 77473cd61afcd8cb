"""Replacing one of the story readers' functions wherever the readers call it from.

The plain-text reader is several modules (:mod:`bot.story.plaintext` and the modules it calls), and one
function is often called from more than one of them, each through its own import: a test that counts
calls must replace it in every module that holds it, or the calls from the others go uncounted.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest


def story_function(name: str) -> Callable[..., object]:
    """The function of that name as the module defining it holds it."""
    for module in list(sys.modules.values()):
        found = getattr(module, name, None) if module and module.__name__.startswith("bot.story") else None
        if callable(found) and getattr(found, "__module__", None) == module.__name__:
            return found
    raise LookupError(f"no bot.story module defines {name}")


def patch_everywhere(monkeypatch: pytest.MonkeyPatch, name: str, replacement: Callable[..., object]) -> None:
    """Replace the function in every ``bot.story`` module holding it."""
    original = story_function(name)
    for module in list(sys.modules.values()):
        if module and module.__name__.startswith("bot.story") and getattr(module, name, None) is original:
            monkeypatch.setattr(module, name, replacement)
