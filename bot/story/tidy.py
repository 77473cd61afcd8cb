"""A story's one-line metadata (title, author, rating, chapter titles) made safe to show.

Whatever a file claims, each of these is shown on one line of an answer, a header or a menu
entry, so every importer's result passes through :func:`tidy_story` once:

* controls that reorder or hide what follows (bidi overrides, embeddings and isolates, a
  byte-order mark, the word joiner, control characters) are removed: left in, one title turns
  the rest of each line it sits on around ("(id 4): 2 chapters" shown backwards);
* spacing is normalised to single spaces;
* a value with nothing visible left is dropped, and a title falls back to the file name, so
  no story is listed as a blank;
* a value is clipped at a word to the length ``/story add title:`` takes, so a title of
  thousands of characters cannot push an import's summary past a message.

The author's declared warnings are left whole: the warnings mapping reads every word of them,
and the lines that show them keep to their room themselves.

Story text itself is left exactly as the author wrote it (it is posted escaped, behind spoilers).
"""

from __future__ import annotations

import re
import unicodedata

from bot.story.limits import MAX_AUTHOR_CHARS, MAX_TAG_CHARS, MAX_TITLE_CHARS
from bot.story.model import Story
from bot.story.plaintext import title_from_filename
from bot.text import clip

UNTITLED = "Untitled story"  # a title with nothing visible, and no file name to fall back on

# Bidi embeddings, overrides and isolates; byte-order mark and word joiner; C0, DEL and C1
# controls. Marks such as LRM/RLM and the zero-width (non-)joiners stay: scripts need them.
_HIDDEN = re.compile(r"[\u202a-\u202e\u2066-\u2069\ufeff\u2060\x00-\x1f\x7f-\x9f]")


def one_line(value: str | None, limit: int) -> str | None:
    """``value`` as one visible line of at most ``limit`` characters, or ``None`` when nothing shows."""
    if value is None:
        return None
    text = " ".join(_HIDDEN.sub(" ", value.lstrip()[: 4 * limit]).split())  # never more than a few lines' worth read
    first = next((index for index, ch in enumerate(text) if _visible(ch)), None)
    if first is None:
        return None
    last = next(index for index in range(len(text) - 1, first - 1, -1) if _visible(text[index]))
    return clip(text[first : last + 1], limit)  # zero-width characters at either end dropped too


def _visible(ch: str) -> bool:
    """Whether a character draws something (not a space, a control or a zero-width format character)."""
    return unicodedata.category(ch)[0] not in "CZ"


def tidy_story(story: Story, filename: str) -> Story:
    """The story with its one-line metadata tidied in place (see the module docstring); returned for chaining."""
    meta = story.meta
    meta.title = (
        one_line(meta.title, MAX_TITLE_CHARS) or one_line(title_from_filename(filename), MAX_TITLE_CHARS) or UNTITLED
    )
    meta.author = one_line(meta.author, MAX_AUTHOR_CHARS)
    meta.rating = one_line(meta.rating, MAX_TAG_CHARS)
    for chapter in story.chapters:
        chapter.title = one_line(chapter.title, MAX_TITLE_CHARS)
    return story
