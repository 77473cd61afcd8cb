"""What the driver raises: a test asked for the impossible, or the bot failed an interaction."""

from __future__ import annotations

from bot.devtools.double.models import InteractionRecord


class DriverError(AssertionError):
    """The test asked for something impossible (unknown command or option, missing button...)."""


class CommandNotVisible(DriverError):
    """Discord would not show this command to this member (``default_member_permissions``)."""


class InteractionFailed(AssertionError):
    """The bot did not answer in time, or deferred and never followed up."""

    def __init__(self, record: InteractionRecord) -> None:
        super().__init__(f"{record.describe()} failed: {record.failed}")
        self.record = record
