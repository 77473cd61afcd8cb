"""Errors a member can act on.

Raising :class:`UserError` anywhere under a command ends it with the message shown
ephemerally to the member; anything else is logged with a reference they can quote.
"""


class UserError(Exception):
    """A mistake in what the member asked for; the message says what to fix."""
