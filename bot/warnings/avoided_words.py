"""Warnings a member avoids by their words: what an author or a book's admin warns of that no category
matches ("drowning", "needles"), shown in headers as "The admin also warns of: drowning".

A member's preference is a category id, or ``words:`` and the words they avoid, folded
(:func:`bot.text.read_alike`: case, accents, punctuation and lookalike letters aside). Avoided words
match a warning's words when they stand in it whole and in order: "drowning" matches "scenes of
drowning", not "drown". The one matcher every surface asks: the excerpt header and its "Show it
anyway?" question, the reminders that leave a member out, ``/prefs``.

A category an admin creates later for those words ("drowning" → **Drowning**) carries the preference
over (:func:`named_category`, read against the server's categories each time, so removing the
category gives the words back): the member meant that warning, wherever a header shows it; and a
member avoiding the category is asked where a header names it in an author's words.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.text import read_alike
from bot.warnings.taxonomy import Taxonomy

WORDS_PREFIX = "words:"  # never a category id (ids are letters, digits and hyphens)
WORDS_CHARS = 60  # what a member may avoid by its words: a warning's few words, not a sentence


def words_key(typed: str) -> str | None:
    """The preference key for avoiding ``typed`` by its words, or None when it has none or too many."""
    words = read_alike(typed)
    if not any(char.isalnum() for char in words) or len(words) > WORDS_CHARS:
        return None
    return WORDS_PREFIX + words


def avoided_words(key: str) -> str | None:
    """The folded words a preference key avoids, or None for a category's key."""
    return key[len(WORDS_PREFIX) :] if key.startswith(WORDS_PREFIX) else None


def matches(avoided: str, said: str) -> bool:
    """Whether the folded words ``avoided`` stand whole and in order in a warning's words ``said``."""
    return f" {avoided} " in f" {read_alike(said)} "


def matched(keys: Iterable[str], said: Iterable[str]) -> list[str]:
    """Of a header's words (``said``, as shown), those a member avoiding ``keys`` avoids, in order."""
    # As :func:`matches`, each header's words folded once rather than once per key: a member may
    # avoid hundreds of words, and a header say hundreds of things.
    wanted = [f" {words} " for key in keys if (words := avoided_words(key))]
    if not wanted:
        return []
    folded = [(text, f" {read_alike(text)} ") for text in said]
    return [text for text, spaced in folded if any(words in spaced for words in wanted)]


def named_category(words: str, taxonomy: Taxonomy) -> str | None:
    """The category that ``words`` (avoided words or a header's) name now, by its id or label
    (:meth:`Taxonomy.find`), or None: a category created for them later covers them."""
    found = taxonomy.find(words)
    return found.id if found is not None else None


def avoided_categories(keys: Iterable[str], taxonomy: Taxonomy) -> set[str]:
    """The categories a member avoiding ``keys`` avoids: those picked, and those their words name now."""
    found: set[str] = set()
    for key in keys:
        words = avoided_words(key)
        category = key if words is None else named_category(words, taxonomy)
        if category is not None:
            found.add(category)
    return found


def avoided_said(keys: Iterable[str], said: Iterable[str], taxonomy: Taxonomy) -> list[str]:
    """Of a header's words (``said``, as shown), those a member avoiding ``keys`` avoids, in order: the
    words they avoid stand in it (:func:`matched`), or it names a category they avoid."""
    keys = list(keys)
    categories = avoided_categories(keys, taxonomy)
    words = set(matched(keys, said))
    return [text for text in said if text in words or named_category(text, taxonomy) in categories]
