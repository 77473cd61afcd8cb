"""Discord's limits, named once (see ``shared/docs/discord-platform.md`` beside the checkout).

Every module that fits text into Discord reads these names instead of writing the numbers.
"""

from __future__ import annotations

from typing import Final

MESSAGE_CHARS: Final = 2000
"""Characters in one message's content."""

EMBED_DESCRIPTION_CHARS: Final = 4096
"""An embed description; Dogear keeps to ``EMBED_DESCRIPTION_BUDGET`` for a safety margin."""

EMBED_DESCRIPTION_BUDGET: Final = 4000

EMBED_TITLE_CHARS: Final = 256
EMBED_FIELD_VALUE_CHARS: Final = 1024
THREAD_NAME_CHARS: Final = 100
SCHEDULED_EVENT_NAME_CHARS: Final = 100
SCHEDULED_EVENT_LOCATION_CHARS: Final = 100
SCHEDULED_EVENT_DESCRIPTION_CHARS: Final = 1000
MODAL_INPUT_CHARS: Final = 4000
AUTOCOMPLETE_CHOICES: Final = 25
CHOICE_NAME_CHARS: Final = 100
NONCE_CHARS: Final = 25
POLL_ANSWERS: Final = 10
POLL_ANSWER_CHARS: Final = 55
POLL_QUESTION_CHARS: Final = 300
POLL_MAX_HOURS: Final = 768
INTERACTION_ANSWER_SECONDS: Final = 3.0
"""An interaction must be answered (or deferred) this soon."""
CHOICE_VALUE_CHARS: Final = 100
"""A string choice's value, so also the longest value an autocompleted option sends back."""
ATTACHMENT_DESCRIPTION_CHARS: Final = 1024
"""An attachment's description (its alt text)."""
REQUEST_BODY_BYTES: Final = 25 * 1024 * 1024
"""One request's body, so the most a bot can upload, or take as an upload, at once."""
BUTTON_LABEL_CHARS: Final = 80
MESSAGE_BUTTONS: Final = 25
"""The buttons one message carries: five rows of five."""
