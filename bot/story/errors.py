"""The one error every importer raises for a file it cannot use."""

from __future__ import annotations

from bot.errors import UserError


class StoryFormatError(UserError):
    """The file cannot be read as a story; the message is one sentence saying what to fix."""
