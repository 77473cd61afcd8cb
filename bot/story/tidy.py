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

The author's declared warnings keep every word (the warnings mapping reads them all, and the lines
that show them keep to their room themselves), but lose what hides or reorders text: shown on a
chapter's header and in ``/story info``, an override in one turned the rest of that line around.

Story text itself is left exactly as the author wrote it (it is posted escaped, behind spoilers).
"""

from __future__ import annotations

import re

from bot.story.limits import MAX_AUTHOR_CHARS, MAX_TAG_CHARS, MAX_TITLE_CHARS
from bot.story.model import Story
from bot.story.plaintext import title_from_filename
from bot.text import clip, cluster_cut, stacked_marks, visible_line

UNTITLED = "Untitled story"  # a title with nothing visible, and no file name to fall back on


# A value whose first few lines' worth is marks stacked on its letters ("zalgo") is read this far, its
# marks kept to three a letter before it is cut: cut first, an EPUB's title of 3,000 marks a letter was
# its first letter alone, "T̞̦̍", and a chapter's "Chapter" "Chap".
STACKED_READ_CHARS = 100_000
_NOT_SPACE = re.compile(r"\S")


def one_line(value: str | None, limit: int) -> str | None:
    """``value`` as one visible line of at most ``limit`` characters, or ``None`` when nothing shows.

    Only a few lines' worth is read, cut between grapheme clusters (:func:`bot.text.cluster_cut`), and a
    value cut so ends in an ellipsis even when its spacing, collapsed, leaves it short: a title of "A",
    800 spaces and a flag was "A 🇫" (half the flag, and nothing said it went on); it is "A…" now."""
    if value is None:
        return None
    value = value.lstrip()
    head = value[: cluster_cut(value, 4 * limit)]  # never more than a few lines' worth read
    cut = _NOT_SPACE.search(value, len(head)) is not None  # something past what is read, not trailing spaces
    if cut and stacked_marks(head):
        unstacked = visible_line(value[:STACKED_READ_CHARS])
        head = unstacked[: cluster_cut(unstacked, 4 * limit)]
        cut = len(head) < len(unstacked) or len(value) > STACKED_READ_CHARS
    text = visible_line(head)
    if not text:
        return None
    return clip(text + "…" if cut else text, limit)


def story_title(value: str) -> str:
    """A story's title as every line shows it: one visible line, or :data:`UNTITLED` when nothing shows.

    On import, and again wherever a stored title is read (rows stored before titles were tidied)."""
    return one_line(value, MAX_TITLE_CHARS) or UNTITLED


def chapter_title(value: str | None) -> str | None:
    """A chapter's title as every line shows it, or ``None``."""
    return one_line(value, MAX_TITLE_CHARS)


def tidy_story(story: Story, filename: str) -> Story:
    """The story with its one-line metadata tidied in place (see the module docstring); returned for chaining."""
    meta = story.meta
    meta.title = story_title(one_line(meta.title, MAX_TITLE_CHARS) or title_from_filename(filename))
    meta.author = one_line(meta.author, MAX_AUTHOR_CHARS)
    meta.rating = one_line(meta.rating, MAX_TAG_CHARS)
    meta.declared_warnings = visible_items(meta.declared_warnings)
    for chapter in story.chapters:
        chapter.title = chapter_title(chapter.title)
        chapter.declared_warnings = visible_items(chapter.declared_warnings)
    return story


def visible_items(values: list[str]) -> list[str]:
    """Each of ``values`` as one visible line, whole (see the module docstring), the blank ones
    dropped and each kept once."""
    return list(dict.fromkeys(text for text in map(visible_line, values) if text))
