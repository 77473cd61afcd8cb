"""A chapter's messages as plain text, computed in a worker process.

Rendering a long chapter is CPU work, so the service runs :func:`render_contents` through the
worker pool (``Workers.run``); it is top-level and takes plain, picklable values, and this
module imports only what rendering needs, so a worker starts light.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.story.model import Chapter, HeaderWarning
from bot.story.render import render_chapter


def render_contents(title: str, chapter: Chapter, warnings: Sequence[HeaderWarning], budget: int) -> list[str]:
    """The chapter's messages, header first, as the text of each message."""
    return [payload["content"] for payload in render_chapter(title, chapter, warnings, budget=budget)]
