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
Telegraphese, headlines and lists drop those words ("DRIVER BEATEN STOP RANSOM NOTE RECEIVED BY
LORD FAIRFAX THIS MORNING": 0.09), so a second sign is read beside them: the share of words that are
common English words of either kind, function or everyday content ("night", "morning", "police",
"received"). Other languages score 0 to 0.1 there too, an English telegram 0.5. A chapter of at
least :data:`MIN_WORDS` words below both :data:`MIN_ENGLISH_SHARE` and :data:`MIN_COMMON_SHARE` is
not English; a shorter one goes by the whole story, and a story that short is given the benefit of
the doubt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.story.words import words_of

MIN_ENGLISH_SHARE = 0.1
MIN_COMMON_SHARE = 0.3  # function and everyday content words together (a telegram's second sign)
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
# Everyday English content words, the ones a telegram, a headline or a note keeps when it drops
# the function words. None of them is a common word of the other languages measured. A log of a
# day's small events (a fire station's dispatch log: a cat in a tree, breakfast, a quiet day) keeps
# days, places, things of the house and town, and what was done: those are here too.
_CONTENT_WORDS = """
    time year years people way day days man men woman women child children world life hand part
    place week work night home water room mother father family girl boy friend house car door
    morning evening news police letter note money name head face eye eyes word words thing things
    side kind last first new old good great little long own other next same big high small young
    right left say says tell told ask asked make made take taken go went gone come came saw seen
    knew think thought want wanted give given find found leave call called keep kept feel felt
    try tried need needed mean means meant receive received request requests send sent arrive
    arrived return returned held bring brought begin began stop wait waited today tomorrow
    yesterday tonight hour hours minute minutes pounds dollars age
    monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december weekend
    street road town city village school church shop office farm field river
    tree trees garden yard kitchen window floor bed stairs roof
    fire truck boat plane ship cat cats dog dogs horse bird birds fish cow
    food breakfast lunch dinner supper bread cake tea coffee milk eggs rain snow weather cold
    hot sun sky clothes shirt shoes coat
    bought sold paid caught broke broken lost won fell walked talked looked opened closed picked
    pulled pushed carried helped started finished happened stayed moved turned watched
    quiet loud busy happy sad tired late early clean dirty empty
"""
COMMON_WORDS = FUNCTION_WORDS | frozenset(_CONTENT_WORDS.split())


def _sample_words(texts: Iterable[str]) -> list[str]:
    """The words of the first :data:`SAMPLE_CHARS` characters of ``texts``, lower case."""
    sample: list[str] = []
    size = 0
    for text in texts:
        sample.append(text[: SAMPLE_CHARS - size])
        size += len(sample[-1])
        if size >= SAMPLE_CHARS:
            break
    # Numbers say nothing about a language (a chat log's timestamps, a year).
    return [word for word in words_of("\n".join(sample).lower().replace("’", "'")) if not word.isdigit()]


def _share(words: list[str], vocabulary: frozenset[str]) -> float:
    return sum(map(vocabulary.__contains__, words)) / len(words) if words else 0.0


def english_share(texts: Iterable[str]) -> tuple[float, int]:
    """The share of words that are English function words, and how many words were looked at,
    over the first :data:`SAMPLE_CHARS` characters of ``texts``."""
    words = _sample_words(texts)
    return _share(words, FUNCTION_WORDS), len(words)


def _verdict(words: list[str]) -> bool | None:
    """English or not, or None when there are too few words to tell."""
    if len(words) < MIN_WORDS:
        return None
    return _share(words, FUNCTION_WORDS) >= MIN_ENGLISH_SHARE or _share(words, COMMON_WORDS) >= MIN_COMMON_SHARE


def reads_as_english(texts: Iterable[str]) -> bool:
    """True unless the text has at least :data:`MIN_WORDS` words and few English ones."""
    return _verdict(_sample_words(texts)) is not False


def chapters_in_english(chapters: Sequence[Sequence[str]]) -> list[bool]:
    """Per chapter (its paragraphs), whether it is English: judged on its own words when it has
    :data:`MIN_WORDS` of them, otherwise on the whole story's (a short French chapter of a
    French story is French; a short chapter of an English one is English)."""
    verdicts = [_verdict(_sample_words(texts)) for texts in chapters]
    if all(verdict is not None for verdict in verdicts):
        return [bool(verdict) for verdict in verdicts]
    story = reads_as_english(text for texts in chapters for text in texts)
    return [story if verdict is None else verdict for verdict in verdicts]
