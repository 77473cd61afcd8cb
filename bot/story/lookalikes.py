"""Labels written in characters that only look like the plain ones ("Ｗａｒｎｉｎｇｓ：", "War\u200bnings:",
"Wаrnings:" with a Cyrillic "а", "Wàrnings:"), read as the labels they show.

Every reader finds a declaration, an author's note or a header field by its label, in plain letters:
a label in full-width letters, split by an invisible character, set with a lookalike from another
alphabet or with an accent was no label, so "Ｗａｒｎｉｎｇｓ： character death" was posted as the
first paragraph of the story and nothing was declared. Each reader gets the text with such a label
written plainly, and nothing else changed: the words after it stay as the author wrote them.

Only a label is rewritten, never a word that merely folds to one: the short run of text before a
colon (or alone on its line or in its element) that is no label as written and is one once folded.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.story.metadata_fields import parse_field
from bot.story.text_declarations import bare_label, is_labelled_note
from bot.text import INVISIBLE_CHARS, MIXED_SCRIPTS, plain_letters

LABEL_CHARS = 40  # "Content warnings for this chapter" is 33
# Characters that may disguise a label's letters: full-width and mathematical letters, accented and
# combining letters, invisible ones (zero width, soft hyphen, joiners, bidi controls), and a Greek or
# Cyrillic letter next to a Latin one (a Russian or Greek word alone is no disguise).
_DISGUISE = re.compile(
    f"[{INVISIBLE_CHARS}\u00c0-\u024f\u0300-\u036f\uff01-\uff5e\U0001d400-\U0001d7ff]|{MIXED_SCRIPTS}"
)
# A label's place: the start of a line or an element, up to its colon or the end of that line or element
# ("War\u200bnings" over a list), with a character past ASCII in it. Found at C speed: each start is
# tried for at most a label's length (its ASCII run taken whole, never given back).
_CANDIDATE = re.compile(
    rf"[\n>](?=[^\n<>:：]{{2,{LABEL_CHARS}}}(?:[:：\n<]|$))"
    r"([^\n<>:：\x80-\U0010ffff]*+[^\x00-\x7f][^\n<>:：]*)",
)
# Candidates read in one file: each costs microseconds, and an honest file has a few label-like lines
# in other scripts per chapter (a French "Été :"); past this many the rest are left as written.
MAX_CANDIDATES = 20_000
_EDGES = " \t*_#>~=-[](){}【】※\u3000"


def undisguise_labels(text: str) -> str:
    """``text`` with each disguised label written in the plain letters it shows (see the module docstring)."""
    if text.isascii():
        return text
    pieces: list[str] = []
    done = 0
    text = "\n" + text  # (the first line starts as every other does; taken off again below)
    for count, match in enumerate(_CANDIDATE.finditer(text)):
        if count == MAX_CANDIDATES:
            break
        written = match.group(1)
        plain = _label_written_plainly(written) if _DISGUISE.search(written) else None
        if plain is not None:
            pieces.append(text[done : match.start(1)])
            pieces.append(plain)
            done = match.end(1)
    if not pieces:
        return text[1:]
    pieces.append(text[done:])
    return "".join(pieces)[1:]


@lru_cache(maxsize=4096)
def _label_written_plainly(written: str) -> str | None:
    """``written`` in plain letters when that makes it a label and it is none as written, else None."""
    plain = plain_letters(written)
    core = plain.strip(_EDGES)
    # (a label in plain Latin letters only: a Japanese "＊注意＊" is framed so on purpose, and read so)
    if plain == written or not core.isascii() or not _is_label(core) or _is_label(written.strip(_EDGES)):
        return None
    return plain


def _is_label(core: str) -> bool:
    """Whether ``core`` is a label some reader takes: a declaration's, a note's, a header field's key."""
    if not core or len(core) > LABEL_CHARS:
        return False
    sample = f"{core}: x"
    return bare_label(core) or parse_field(sample) is not None or is_labelled_note(sample)
