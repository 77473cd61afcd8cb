"""What a poster raises when Discord does not do what the discussion service asked.

In a module of their own so the use cases beside the service (:mod:`bot.discussions.joins`) and
the cog's poster name the same failures without importing the whole service.
"""

from __future__ import annotations

from datetime import timedelta

from bot.errors import UserError

# Waits before an item Discord could not take (:class:`Unreachable`) is tried again, in turn; after
# the last it fails with the reason. An outage of minutes must not cost a club its discussion: the
# item stays 'posting' meanwhile (a restart picks it up too), a retry looks for the post before
# sending, and one past the grace period is reported missed as any late item is. Owed thread adds
# (:mod:`bot.discussions.joins`) wait the same.
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1))


class PostFailure(Exception):
    """A lasting problem with one item (channel gone, permission missing); the text is the reason."""


class Unreachable(PostFailure):
    """Discord could not be reached or failed on its side (a dropped connection, a 5xx after
    discord.py's own retries): the item is tried again later (:data:`RETRY_DELAYS`)."""


class Gone(PostFailure):
    """The channel or thread no longer exists: nothing done there later can succeed."""


class EventsRefused(UserError):
    """Discord refused to create a scheduled event: Dogear lacks Create Events (and Manage Events) in
    the server. The text is what an admin scheduling reads; a move that adds an event says its own
    (``compose.failure_fix(event_refused="add")``), as the discussion did move."""


class EventMissing(Exception):
    """The discussion's scheduled event is gone from Discord or finished there (deleted, cancelled or
    ended by hand): it can be neither moved nor started, so the discussion should stop naming it
    (a move with ``event:True`` then gives it a new one)."""


class EventsForbidden(PostFailure):
    """Discord refused to change or delete a scheduled event: Dogear lacks Create Events (and Manage
    Events) in the server, which no retry mends; the admin's note says what does
    (``compose.failure_fix``)."""
