"""Whether a chapter is written in English, the only language the shipped rules read.

The rules are English phrases. On other languages they misfire on look-alike words: French
"en retard" (late) read as the slur, "plus tard" as another, Spanish "con", German "Gift" (poison);
a French chapter in which someone is late came out *Ableism, confident*. And they miss every
real warning told in that language. So a chapter that is not English is not judged on its own:
what the rules find there is only *possible* (admins see it with its evidence and decide), and
members are told the chapter was not read for warnings rather than shown nothing, which would
read as safe.

The measure is the share of a chapter's words that are common English function words ("the",
"and", "was", "you", ...). Over the 6,302 labelled English passages (chat logs, slang and
all-lower-case writing included) it was at least 0.22 and typically 0.5; French, Spanish,
German, Russian, Chinese and Japanese text score 0 to 0.02 (the odd English name or loan word).
Below :data:`MIN_ENGLISH_SHARE` a chapter of at least :data:`MIN_WORDS` words is not English; a
shorter one goes by the whole story, and a story that short is given the benefit of the doubt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.story.words import words_of

MIN_ENGLISH_SHARE = 0.1
MIN_WORDS = 40  # fewer words than this say too little about their language: read as English
# A chapter's language is judged on its first this-many characters (about 500 words): every
# labelled passage of 300-800 characters is judged right, and 20,000 cost a benign 8 MB novel
# of 245 chapters 0.6 s.
SAMPLE_CHARS = 3_000
_FUNCTION_WORDS = """
    the and to of a i you he she it was is in that his her for on with as at be had have not but
    they we my me him this what so all do no there are from by were your an one if out up just
    like them then can would did could about when been into their our or its it's don't i'm know
    said back get got now how who will more see only down oh yeah okay ok well too very over off
    here why because after before still even again than some where which any never ever really
    something nothing much while though through around us these those let's can't didn't won't
    isn't wasn't that's he's she's you're they're we're i've i'll i'd you'll
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


def english_share(texts: Iterable[str]) -> tuple[float, int]:
    """The share of words that are English function words, and how many words were looked at,
    over the first :data:`SAMPLE_CHARS` characters of ``texts``."""
    sample: list[str] = []
    size = 0
    for text in texts:
        sample.append(text[: SAMPLE_CHARS - size])
        size += len(sample[-1])
        if size >= SAMPLE_CHARS:
            break
    # Numbers say nothing about a language (a chat log's timestamps, a year).
    words = [word for word in words_of("\n".join(sample).lower().replace("’", "'")) if not word.isdigit()]
    if not words:
        return 0.0, 0
    return sum(map(FUNCTION_WORDS.__contains__, words)) / len(words), len(words)


def reads_as_english(texts: Iterable[str]) -> bool:
    """True unless the text has at least :data:`MIN_WORDS` words and few English ones."""
    share, words = english_share(texts)
    return words < MIN_WORDS or share >= MIN_ENGLISH_SHARE


def chapters_in_english(chapters: Sequence[Sequence[str]]) -> list[bool]:
    """Per chapter (its paragraphs), whether it is English: judged on its own words when it has
    :data:`MIN_WORDS` of them, otherwise on the whole story's (a short French chapter of a
    French story is French; a short chapter of an English one is English)."""
    verdicts: list[bool | None] = []
    for texts in chapters:
        share, words = english_share(texts)
        verdicts.append(share >= MIN_ENGLISH_SHARE if words >= MIN_WORDS else None)
    if all(verdict is not None for verdict in verdicts):
        return [bool(verdict) for verdict in verdicts]
    story = reads_as_english(text for texts in chapters for text in texts)
    return [story if verdict is None else verdict for verdict in verdicts]
