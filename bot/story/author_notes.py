"""Author's notes inside chapters: sign-offs, review requests, edit marks, opening and closing notes.

A note is the author talking to readers; posting it as story text breaks the excerpt, and dropping story
text for a note is worse, so every rule here wants clear signs (a label, a sign-off, a request to review)
before it takes a paragraph out of the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.story.bylines import BRACKETS
from bot.story.contents_lists import NOTE_SCORE, chapter_fields
from bot.story.limits import (
    MAX_DECLARATIONS,
    MAX_STORY_MID_DECLARATIONS,
)
from bot.story.metadata_fields import KEYS, parse_field, trim_ornaments, word_count_line
from bot.story.model import Chapter
from bot.story.structure import (
    Heading,
    Item,
    Para,
    SceneBreak,
)
from bot.story.text_declarations import (
    ASIDE,
    DECLARATION_PARAGRAPH_CHARS,
    LABEL_FRAME,
    NOTE_SENTENCE,
    NOTICE_LINE_CHARS,
    _bare_label,
    _declaration,
    chapter_holds,
    chapter_phrases,
    declaration_paragraph,
    may_be_declarations,
    note_score,
    notice_list,
    reader_aside,
    reader_notice,
    reference_marked,
    this_or_next,
    unbracketed,
)
from bot.story.title_lines import HASHTAG_SPLIT, STRIP_PART_WORDS, WARNING_SIGNS
from bot.story.webpage import blog_chatter
from bot.story.words import count_words
from bot.warnings.declared import (
    labelled_list,
    lists_declared,
    lists_warnings,
)

# A chapter's summary under its heading, as AO3 sets one: "Summary:" over it, or before it on its line.
_CHAPTER_SUMMARY = re.compile(
    r"^[ \t]*[*_]*(?:chapter[ \t]+)?summary[*_]*[ \t]*:[*_]*(?:[ \t]*\n|[ \t]+\S)", re.IGNORECASE
)
_DISCLAIMER = re.compile(r"^[ \t]*[*_(\[]*disclaimers?[*_)\]]*[ \t]*(?::|-|–|—)", re.IGNORECASE)
# "The End", "End file." (FanFicFare), "~fin~", "END OF STORY", once ornaments and stops are trimmed.
_CLOSING = re.compile(
    r"(?:the[ \t]+(?:very[ \t]+)?end|end(?:[ \t]+file|[ \t]+of[ \t]+(?:the[ \t]+)?(?:story|file|fic|book))?|fin|finis)",
    re.IGNORECASE,
)
CLOSING_CHARS = 40


# Wattpad's sign-off, the author asking readers for their votes: "Don't forget to vote, comment and
# follow me! xoxo", "please vote and comment!!", "QOTD: favourite character?". The asks are read as
# whole words ("follow" only as "follow me"); a request ("please", "don't forget to", an
# exclamation) must go with two of them.
_ASKS = re.compile(  # AO3's "kudos" among them: "Comments and kudos make my day!"
    r"\b(?:vot(?:e|es|ed|ing)|comment(?:s|ed|ing)?|kudos|follow(?:ing)?[ \t]+(?:me|us|my|@))\b", re.IGNORECASE
)
_REQUEST = re.compile(
    r"\b(?:please|pls|plz|don'?t forget|do not forget|remember to|make sure|be sure|feel free|xoxo|xx)\b|!",
    re.IGNORECASE,
)
_OF_THE_DAY = re.compile(r"^\W*(?:qotd|aotd|question of the day|answer of the day)\s*[:\-–—]", re.IGNORECASE)
# A Tumblr writer's list of the readers tagged on each new part: "Taglist: @bluebirdreads @sergeantsbarnes",
# "Perma taglist (open):", "tagging: @a, @b". Under "taglist" any text (it may say it is open); under
# "tagging" or "tags" only the readers' @names, so "Tags: angst" stays what it was.
_TAGLIST = re.compile(
    r"^\W*(?:perm(?:a|anent)?[ \t]+)?(?:tag[ \t]?list\b|(?:tagging|tags?)[ \t]*(?:\([^)\n]*\))?[ \t]*[:\-–—][ \t]*"
    r"(?:@[\w.-]+[ \t,&]*(?:and[ \t]+)?)+$)",
    re.IGNORECASE,
)
# FanFiction.net's sign-off of a single ask: "Review please!", "Please review!", "R&R!", "Read and
# review :)". The whole paragraph is the ask: "review", "vote" or "comment" with "please", "Review!", or "R&R",
# which is nothing but that ask. "They would review the case." says more and stays story text.
_SINGLE_ASK = re.compile(
    r"(?:(?P<please>please|pls|plz),?[ \t]+)?(?:(?P<ask>reviews?|vote|comment)|(?P<rr>r[ \t]*(?:&|and|n)[ \t]*r|read[ \t]+(?:&|and|n)[ \t]+review))"
    r"(?:[ \t]*,?[ \t]*(?P<after>please|pls|plz))?(?P<stop>[ \t]*[!.]*)",
    re.IGNORECASE,
)
_SIGN_OFF_TRAIL = re.compile(r"[ \t]*(?:[:;]-?[)D(P3]|<3|xoxo|xx|[^\w\s.!?&])*[ \t]*$", re.IGNORECASE)
_QUOTES = '"“”„«»「」'
SIGN_OFF_CHARS = 300


# A newsletter writer asking readers to write back: "Reply to this email to say hi.", "Just hit reply!".
# Only as a sentence of its own asking it: "She never replied to this email" is a story's.
_REPLY_ASK = re.compile(
    r"(?:^|[.!?][ \t]+)\W*(?:(?:just|please|feel[ \t]+free[ \t]+to|you[ \t]+can)[ \t]+)?"
    r"(?:reply[ \t]+to[ \t]+this[ \t]+(?:e-?mail|message|newsletter|issue)|hit[ \t]+(?:reply|the[ \t]+reply[ \t]+button))\b",
    re.IGNORECASE,
)


# A reading app's ask for its button, as a sentence of its own: Kindle Vella's "Give this episode a thumbs
# up if you enjoyed it!", "Leave this chapter a heart!". "He gave the plan a thumbs up" asks no reader.
_BUTTON_ASK = re.compile(
    r"(?:^|[.!?][ \t]+)\W*(?:(?:please|pls|plz|don'?t[ \t]+forget[ \t]+to|feel[ \t]+free[ \t]+to)[ \t]+)?"
    r"(?:give|leave|tap)[ \t]+(?:this|the)[ \t]+(?:episode|chapter|part|story|instal+ment|update)[ \t]+an?[ \t]+"
    r"(?:thumbs[ \t-]*up|like|heart|star|vote|crown|fave)\b",
    re.IGNORECASE,
)


# A reader asked for the site's button on a condition, as a sentence of its own: Wattpad's "Vote if you liked
# it! ⭐", "Please comment if you enjoyed this chapter". "They would vote if they liked him" asks no reader.
_CONDITIONAL_ASK = re.compile(
    r"(?:^|[.!?][ \t]+)\W*(?:(?:please|pls|plz|don'?t[ \t]+forget[ \t]+to)[ \t]+)?"
    r"(?:vote|comment|like|share)(?:[ \t]*(?:,|and|&)[ \t]*(?:vote|comment|like|share))*[ \t]+if[ \t]+you[ \t]+"
    r"(?:liked|enjoyed|loved)\b",
    re.IGNORECASE,
)


# The author asking for a tip: "consider buying me a coffee on Ko-fi!", "support me on Patreon".
_TIP_ASK = re.compile(
    r"\bbuy(?:ing)?[ \t]+me[ \t]+a[ \t]+(?:coffee|ko-?fi|tea)\b"
    r"|\b(?:support|tip)[ \t]+me[ \t]+(?:on|at|through|via)[ \t]+(?:ko-?fi|patreon|buymeacoffee)\b"
    r"|\bko-?fi\.com/",
    re.IGNORECASE,
)


def sign_off(text: str) -> bool:
    """Whether a paragraph is the author asking readers to vote, comment or follow, setting
    them the question of the day ("QOTD: ..."), or listing the readers tagged on each part
    ("Taglist: @bluebirdreads"), or to reply to the newsletter it came in ("Reply to this email to
    say hi."), or to vote if they liked it (:data:`_CONDITIONAL_ASK`), never a sentence of the story: short, no dialogue
    in it, two different asks with a request ("please vote and comment!!"), or the QOTD label.
    "They would vote and comment on the plan." stays story text: nothing in it asks the reader."""
    if len(text) > SIGN_OFF_CHARS or any(mark in text for mark in _QUOTES):
        return False
    if (
        _OF_THE_DAY.match(text)
        or _TAGLIST.match(text)
        or _REPLY_ASK.search(text)
        or _BUTTON_ASK.search(text)
        or _TIP_ASK.search(text)
        or _CONDITIONAL_ASK.search(text)
    ):
        return True
    asks = {match.group(0).lower()[:4] for match in _ASKS.finditer(text)}
    return (len(asks) >= 2 and _REQUEST.search(text) is not None) or _single_ask(text) or _review_ask(text)


def _single_ask(text: str) -> bool:
    """Whether a paragraph is one ask of the reader and nothing else: "Review please!", "R&R!"."""
    core = _SIGN_OFF_TRAIL.sub("", text.strip().strip("*_~()[]"))
    found = _SINGLE_ASK.fullmatch(core)
    if found is None:
        return False
    if found.group("rr") is not None or found.group("please") or found.group("after"):
        return True
    return found.group("ask").lower().startswith("review") and "!" in found.group("stop")  # "Vote!" may be a cry


# FanFiction.net's longer asks for reviews: "Please review and let me know what you think!", "Leave a
# review if you liked it!", "Read, review and enjoy!", speaking to the reader (see _TO_READER);
# "Please R&R, flames will be ignored", which is nothing but such an ask; and what reviews are to
# their author, "Reviews are love <3", "Reviews make me write faster". A review with an object
# ("Please review the file") is the story's, as is "The reviews are in!".
_NO_OBJECT = r"(?![ \t]+(?:the|a|an|his|her|their|our|your|its|those|these|that|every|all|each|him|them|us)\b)"
_R_AND_R = r"r[ \t]*(?:&|and|n)[ \t]*r\b"
_REVIEW_ASKS = re.compile(
    r"\b(?:please|pls|plz|do|don'?t[ \t]+forget[ \t]+to|remember[ \t]+to|be[ \t]+sure[ \t]+to|make[ \t]+sure[ \t]+to"
    r"|feel[ \t]+free[ \t]+to|kindly)[ \t]*,?[ \t]+(?:(?:leave|drop|send|give|write)[ \t]+(?:me[ \t]+|us[ \t]+)?(?:a[ \t]+)?)?"
    rf"reviews?{_NO_OBJECT}\b"
    r"|\b(?:leave|drop|send|write)[ \t]+(?:me[ \t]+|us[ \t]+)?(?:a[ \t]+)?reviews?\b"
    # Royal Road's: "please consider leaving a rating and a review!", "rate and review"
    r"|\b(?:leav|giv|dropp)ing[ \t]+(?:it[ \t]+|me[ \t]+|us[ \t]+)?an?[ \t]+(?:rating|review|follow)\b|\brate[ \t]+and[ \t]+review\b"
    r"|\b(?:tell|let)[ \t]+me[ \t]+(?:know[ \t]+)?what[ \t]+you[ \t]+think[^.!?]*\b(?:in[ \t]+a|by)[ \t]+reviews?\b"
    r"|\bread[ \t]*(?:,|&|and|n)[ \t]*review\b"
    rf"|^\W*reviews?{_NO_OBJECT}[ \t]*(?:[,!]|please|pls|plz|if[ \t]+you|and[ \t]+(?:let|tell)[ \t]+me|so[ \t]+i)",
    re.IGNORECASE,
)
# "R&R!", "Please R&R", "R&R, flames will be ignored"; "R&R was what she needed" is the story's rest.
_R_AND_R_ASK = re.compile(
    rf"^\W*{_R_AND_R}(?=\W*$|[ \t]*[,!.:;~-]|[ \t]+(?:please|pls|plz|and|if|so)\b)|\b(?:please|pls|plz)[ \t]+{_R_AND_R}",
    re.IGNORECASE,
)
_REVIEWS_ARE = re.compile(
    r"(?:^|[.!?][ \t]+)\W*reviews?[ \t]+(?:(?:are|is|make|makes|keep|keeps|feed|feeds|fuel|fuels|help|helps|mean|means"
    r"|motivate|motivates|inspire|inspires|encourage|encourages)\b|=)",
    re.IGNORECASE,
)
# Speaking to the reader: "me", "you", an exclamation, a smiley or a heart.
_TO_READER = re.compile(r"\b(?:me|my|i|i'?m|you|your|thanks|thank)\b|!|<3|♥|❤|[:;]-?[)D3P]", re.IGNORECASE)
# What reviews are to their author: "love", "appreciated", "me", a heart; "!" alone may be the story's.
_TO_AUTHOR = re.compile(
    r"\b(?:me|my|i|i'?m|love|loved|appreciated|welcome|welcomed|encouraged|motivation)\b|<3|♥|❤|[:;]-?[)D3P]",
    re.IGNORECASE,
)


def _review_ask(text: str) -> bool:
    """Whether a paragraph asks readers for reviews in one of FanFiction.net's longer forms."""
    if _R_AND_R_ASK.search(text):
        return True
    if _REVIEWS_ARE.search(text) and _TO_AUTHOR.search(text):
        return True
    return _REVIEW_ASKS.search(text) is not None and _TO_READER.search(text) is not None


# Wattpad's mark of a revised chapter at its start: "Edited", "(edited)", "Edited 3/4/21",
# "EDITED: March 4, 2021". Only the word and a date: "Edited by her father, the letter ..." is text.
_DATE = r"(?:\d{1,4}(?:[/.\-]\d{1,2}){1,2}|\d{1,2}[ \t]+[a-z]{3,9}\.?,?[ \t]+\d{2,4}|[a-z]{3,9}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?,?(?:[ \t]+\d{2,4})?|\d{4})"
_EDITED = re.compile(rf"(?:re-?)?edited(?:[ \t]*(?:[:\-–—]|on)?[ \t]*{_DATE})?", re.IGNORECASE)
EDITED_CHARS = 40


def edited_mark(text: str) -> bool:
    """Whether a line only says the chapter was edited, and when ("(edited)", "Edited 3/4/21")."""
    if len(text) > EDITED_CHARS:
        return False
    core = text.strip().strip(" \t*_~()[]{}<>-–—=.!")
    return _EDITED.fullmatch(core) is not None


# Every paragraph of a chapter is asked; a list of warnings is short, a longer paragraph is read no further.
MID_DECLARATION_CHARS = 240
# A label's separator (see _SEPARATOR), or TW or CW, the labels that go without one ("TW blood"):
# a line of prose without either is passed over at once.
_LABEL_SEPARATOR = re.compile(r"[:：\-–—※】/]")


def _label_shaped(text: str) -> bool:
    return _LABEL_SEPARATOR.search(text) is not None or text.lstrip(" \t*_~([").lower().startswith(("tw", "cw"))


@dataclass(slots=True)
class MidDeclarationBudget:
    """Declaration-shaped lines inside chapters a story may still have read (:func:`mid_declarations`)."""

    left: int = field(default_factory=lambda: MAX_STORY_MID_DECLARATIONS)  # read when a story starts


def mid_declarations(chapter: Chapter, budget: MidDeclarationBudget) -> Chapter:
    """A declaration set on a line of its own inside a chapter, before the scene it warns of
    ("TW: blood" under a divider, as Wattpad authors write it), is the chapter's note and warns for
    it: posted as a sentence of the story, it warned nobody. Only a line that is a declaration
    label over warnings the taxonomy knows and nothing else (see :func:`mid_declaration`);
    a chapter of nothing else keeps it as its text, and so does one of more such lines than a story
    declares (:data:`MAX_DECLARATIONS`), or a chapter past the story's ``budget`` of them
    (:data:`MAX_STORY_MID_DECLARATIONS`): each costs about 150 us to read against the taxonomy, and
    a chapter of 70,000 different "TW: death, blood, self-harm 17" lines took 10 s of CPU."""
    candidates: list[list[list[str] | None]] = []
    count = 0
    for scene in chapter.scenes:  # read up to the first candidate past either bound, not all of them
        candidates.append([])
        for paragraph in scene.paragraphs:
            lines = _mid_candidate(paragraph)
            count += lines is not None
            if count > MAX_DECLARATIONS or count > budget.left:
                return chapter
            candidates[-1].append(lines)
    budget.left -= count
    marked = [[lines is not None and _declares_only(lines) for lines in scene] for scene in candidates]
    if all(all(flags) for flags in marked):
        return chapter
    for scene, flags in zip(chapter.scenes, marked, strict=True):
        chapter.notes.extend(paragraph for paragraph, flag in zip(scene.paragraphs, flags, strict=True) if flag)
        scene.paragraphs[:] = [paragraph for paragraph, flag in zip(scene.paragraphs, flags, strict=True) if not flag]
    chapter.scenes[:] = [scene for scene in chapter.scenes if scene.paragraphs]
    return chapter


def mid_declaration(text: str) -> bool:
    """Lines of nothing but declared warnings, each under its label ("TW: blood, self harm",
    "CW: self-harm", see :func:`labelled_list`), every warning one the taxonomy knows. "TW: blood," she joked,
    or "CW: the stairs", stays story text."""
    lines = _mid_candidate(text)
    return lines is not None and _declares_only(lines)


def _mid_candidate(text: str) -> list[str] | None:
    """The paragraph's lines if each is shaped like a declaration (a label, a first word one could
    start), found in a few searches; None for a line of the story, as almost every one is."""
    if len(text) > MID_DECLARATION_CHARS:
        return None
    text = unbracketed(text.strip())  # "(tw: needles in this next scene)", "[CW: blood in the scene below]"
    if not _label_shaped(text):
        return None
    lines = [trim_ornaments(line.strip()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines or not all(_label_shaped(line) and may_be_declarations(line) for line in lines):
        return None
    return lines


def _declares_only(lines: list[str]) -> bool:
    """Whether every one of a candidate's lines (:func:`_mid_candidate`) declares warnings the taxonomy knows."""
    lines = [_without_scene_words(line) for line in lines]
    return all(labelled_list(ASIDE.sub(" ", line)) or lists_declared(line) for line in lines) and declaration_paragraph(
        "\n".join(lines)
    )


# Where in a chapter a warning set inside it points: the scene after it.
_SCENE_PHRASE = re.compile(
    r"[ \t]*\b(?:(?:in|for)[ \t]+)?(?:this|the|the[ \t]+next|the[ \t]+following)(?:[ \t]+next)?[ \t]+(?:scene|section|part)"
    r"(?:[ \t]+(?:below|ahead|coming(?:[ \t]+up)?))?\b|[ \t]+(?:below|ahead)\b",
    re.IGNORECASE,
)


_SCENE_HINT = re.compile(r"\b(?:scene|section|part|below|ahead)\b", re.IGNORECASE)


def _without_scene_words(line: str) -> str:
    """The line less the words naming the scene it warns of; most lines name none, and are only searched."""
    return _SCENE_PHRASE.sub(" ", line).strip() if _SCENE_HINT.search(line) else line


def opening_notes(chapter: Chapter) -> Chapter:
    """The author's words at a chapter's start with no "A/N:" over them are its notes, not the story:
    "Disclaimer: I don't own ...", a sign-off (:func:`sign_off`), "(edited)" (:func:`edited_mark`), an aside set off by reference marks ("※今回は短めです"), and a
    declaration on its own ("CW for this chapter: self-harm.", see :func:`declaration_paragraph`),
    which then warns for the chapter."""
    if not chapter.scenes:
        return chapter
    first = chapter.scenes[0].paragraphs
    _join_label_to_list(first)
    if first and (signed := sign_labelled(first[0])) is not None:
        first[0] = signed
    count = 0
    while (
        count <= MAX_DECLARATIONS
        and count < len(first)
        and (
            dedication(first[count])  # (first: the cheapest, and a chapter may open with dozens)
            or _DISCLAIMER.match(first[count])
            or _CHAPTER_SUMMARY.match(first[count])
            or chapter_fields(first[count])
            or declaration_paragraph(first[count])
            or _declaration_and_aside(first[count])
            or reference_marked(first[count])
            or sign_off(first[count])
            or edited_mark(first[count])
            or notice_list(first[count]) is not None
            or reader_notice(first[count])
            or chapter_holds(first[count])  # "This chapter contains depictions of self-harm, please take care."
        )
    ):
        count += 1
    if count == 0 or (count == len(first) and len(chapter.scenes) == 1):
        return chapter  # a chapter of nothing but a disclaimer keeps it as its text
    if count > MAX_DECLARATIONS:
        # More such paragraphs than a story declares are its text, as they are inside a chapter
        # (:func:`mid_declarations`): each read as a note costs about 200 us, and a chapter of 74,000
        # "TW: death, blood, self-harm 17" lines had every one read so (3 s of CPU).
        return chapter
    chapter.notes[:0] = first[:count]
    del first[:count]
    if not first:
        chapter.scenes.pop(0)
    return chapter


# A part's dedication as Wattpad shows it over the part and authors write it: "Dedicated to @moonlit_reader
# for the amazing cover!", "This chapter is dedicated to ...", "Dedicated to" over the reader's name.
_DEDICATION = re.compile(
    r"[\W_]{0,4}(?:(?:(?:this|the)[ \t]+(?:chapter|part|one|update)[ \t]+is|chapter|part)[ \t]+)?dedicated[ \t]+to\b"
    r"|[\W_]{0,4}dedication[ \t]*:",
    re.IGNORECASE,
)
DEDICATION_CHARS = 240
# A story's sentence that opens so: "Dedicated to his work, Mara rarely left the lighthouse.", "Dedicated
# to my craft, I never married." (a dedication names its reader: "Dedicated to Ada, Bram and Cass!").
_DEDICATED_SENTENCE = re.compile(
    r"(?i:dedicated[ \t]+to[ \t]+(?:his|her|their|its)\b)|,[ \t]+(?:I|[A-Z][a-z]+)[ \t]+(?!and\b|or\b)[a-z]{2,}"
)


def dedication(text: str) -> bool:
    """A chapter's opening paragraph that dedicates it ("Dedicated to @moonlit_reader for the amazing
    cover!", "This part is dedicated to my beta <3"), its note: it was the chapter's first paragraph of
    story text. Short, two lines at most (Wattpad's copied label over the reader's name), no dialogue."""
    if len(text) > DEDICATION_CHARS or text.count("\n") > 1 or any(mark in text for mark in _QUOTES):
        return False
    if _DEDICATION.match(text) is None:
        return False
    return "@" in text or _DEDICATED_SENTENCE.search(text) is None


# The author's one short sentence after a declaration, about the story or to its readers: "This is a
# grim one.", "It's that kind of story.", "You have been warned." A story's sentence ("The city
# burned.") names neither the story nor its reader.
_AFTER_DECLARATION = re.compile(r"(?P<declared>.+?[.!])[ \t]+(?P<aside>[^.!?\n\"“”]{1,60}[.!~]*)", re.DOTALL)
_TO_READERS = re.compile(
    r"\b(?:you|your|i|i'?m|my|me|it'?s|this[ \t]+(?:is|one|story|fic|chapter)|that[ \t]+kind|story|fic|chapter)\b",
    re.IGNORECASE,
)


def _declaration_and_aside(text: str) -> bool:
    """A declaration opening a chapter with the author's one short sentence after it ("Content warning:
    graphic violence, torture. This is a grim one."): the sentence made the whole paragraph story text."""
    if "\n" in text.strip() or len(text) > DECLARATION_PARAGRAPH_CHARS:
        return False
    split = _AFTER_DECLARATION.fullmatch(text.strip())
    return (
        split is not None
        and _TO_READERS.search(split.group("aside")) is not None
        and declaration_paragraph(split.group("declared"))
    )


def sign_labelled(text: str) -> str | None:
    """A line of warnings between warning signs, with no label ("⚠ self harm, needles ⚠"), as the
    declaration the signs make it: "Warning: self harm, needles"; so too a list a sign on each line
    ("⚠️ self harm" over "⚠️ eating disorder", a phone writer's title page). None for any other paragraph."""
    lines = text.strip().split("\n")
    if len(text) > DECLARATION_PARAGRAPH_CHARS or not all(line.lstrip().startswith(("⚠", "🚨")) for line in lines):
        return None
    items = [line.strip(WARNING_SIGNS) for line in lines]
    rest = ", ".join(items)
    if not all(items) or any(_declaration().match(item) for item in items):
        return None
    if not (lists_warnings(rest) or (len(items) > 1 and lists_declared(rest))):  # a sign a line: a list
        return None
    return f"Warning: {rest}"


def _join_label_to_list(paragraphs: list[str]) -> None:
    """A warnings label alone in a chapter's first paragraph ("Content warning for this chapter:") and
    the list in the paragraph after it ("abuse, self harm"), as one paragraph: apart, the label
    declared nothing and the list was story text."""
    if len(paragraphs) < 2 or not paragraphs[0].rstrip().endswith((":", "：")) or "\n" in paragraphs[0].strip():
        return
    head = trim_ornaments(paragraphs[0].strip()).strip(LABEL_FRAME)
    if not head or not _bare_label().fullmatch(head) or len(paragraphs[1]) > DECLARATION_PARAGRAPH_CHARS:
        return
    joined = f"{paragraphs[0].strip()}\n{paragraphs[1].strip()}"
    if notice_list(joined) is not None and lists_warnings(paragraphs[1]):
        paragraphs[:2] = [joined]


def closing_declarations(chapter: Chapter) -> Chapter:
    """A chapter's last paragraphs that declare the next chapter's warnings ("CW for the next
    chapter: suicide") are its end notes, and warn for the chapter they name; so are a sign-off
    ("Don't forget to vote and comment!", see :func:`sign_off`), a promise of more or thanks for reading
    ("To be continued...", see :func:`closing_words`), a rights notice (:func:`closing_rights`), where
    else it was posted (:func:`closing_cross_post`), a blog
    writer's word about the blog
    ("reblogs are appreciated!!", see :func:`~bot.story.webpage.blog_chatter`) and the asides
    set off by reference marks there ("※次回は来週です", see :func:`reference_marked`)."""
    if not chapter.scenes:
        return chapter
    next_chapter = chapter_phrases()[0]
    last = chapter.scenes[-1].paragraphs
    count = 0
    while count < len(last) and (
        reference_marked(last[-1 - count])
        or sign_off(last[-1 - count])
        or closing_words(last[-1 - count])  # "To be continued...", "Thank you so much for reading!"
        or closing_rights(last[-1 - count])  # "© 2024 Kestrel Ames. All rights reserved."
        or closing_cross_post(last[-1 - count])  # "Originally published at tidelines.substack.com on March 1, 2024."
        or blog_chatter(last[-1 - count])  # a Tumblr post's "reblogs are appreciated!!" under the text
        or _closing_disclaimer(last[-1 - count])  # FanFicFare's closing "Disclaimer: ... belongs to ..."
        or _tags_line(last[-1 - count])  # a journal post's "Tags: fic, sea wardens" under the text
        or word_count_line(last[-1 - count])  # "Word count: 1,234" under the text
        or (count < BRACKETED_NOTES and _bracketed_note(last[-1 - count]))  # "[Thanks for reading! ...]"
        or (declaration_paragraph(last[-1 - count]) and next_chapter.search(last[-1 - count]))
        or _names_its_chapter(unbracketed(last[-1 - count].strip()))  # "(Warnings for this chapter: ... sorry!)"
    ):
        count += 1
    if count == 0 or (count == len(last) and len(chapter.scenes) == 1):
        return chapter
    chapter.notes.extend(last[len(last) - count :])
    del last[len(last) - count :]
    if not last:
        chapter.scenes.pop()
    return chapter


# A rights notice's line: "© 2024 Kestrel Ames", "(c) 2024", "Copyright © 2024 ...", "Copyright 2024 ...", or
# one ending "All rights reserved" (not "Copyright by the Crown, she read": a sentence may open so).
_RIGHTS_LINE = re.compile(
    r"^[ \t]*(?:©|\(c\)[ \t]*\d{4}|copyright[ \t]+(?:©[ \t]*)?\d{4})|\ball[ \t]+rights[ \t]+reserved[ \t.!]*(?:(?:©|\(c\))[^\n]{0,80})?$",
    re.IGNORECASE,
)
RIGHTS_LINES = 4
RIGHTS_LINE_CHARS = 160


def closing_rights(text: str) -> bool:
    """A rights notice under the text ("© 2024 Kestrel Ames" over a newsletter's postal address, "Copyright
    © 2024 Wren Hale. All rights reserved."), as a writer's site and a newsletter close a story: the
    story's last paragraph. Its first line the notice's, a few short lines."""
    lines = text.strip().split("\n", RIGHTS_LINES)
    return (
        len(lines) <= RIGHTS_LINES
        and all(len(line) <= RIGHTS_LINE_CHARS for line in lines)
        and _RIGHTS_LINE.search(lines[0]) is not None
    )


# Where else the story was posted, under it: Medium's "Originally published at tidelines.substack.com on
# March 1, 2024.", "This story was originally posted on my blog", "Cross-posted to AO3 and Wattpad".
_CROSS_POSTED = re.compile(
    r"[(\[*_ \t]*(?:this[ \t]+(?:story|post|piece|fic|chapter|work)[ \t]+(?:was|is)[ \t]+)?"
    r"(?:originally[ \t]+(?:published|posted)|cross-?posted)[ \t]+(?:at|on|in|to|from|over[ \t]+at)\b[^\n]{0,200}",
    re.IGNORECASE,
)
CROSS_POSTED_CHARS = 240


def closing_cross_post(text: str) -> bool:
    """A line under the story saying where it was first or also posted (:data:`_CROSS_POSTED`), as a
    cross-posting writer or Medium's export closes a story: its last paragraph."""
    line = text.strip()
    return len(line) <= CROSS_POSTED_CHARS and _CROSS_POSTED.fullmatch(line) is not None


def _names_its_chapter(text: str) -> bool:
    """A declaration naming this chapter or the next, with the author's one sentence after it at most
    ("Warnings for this chapter: self-harm. I forgot to put them at the top, sorry!")."""
    return (declaration_paragraph(text) or _declaration_and_aside(text)) and this_or_next(text)


BRACKETED_NOTES = 4  # bracketed paragraphs closing a chapter read as notes: a file of 20,000 took 5 s, not 1


def _bracketed_note(text: str) -> bool:
    """A paragraph in square brackets speaking to readers ("[Thanks for reading! This is the end, I hope
    you liked it.]"), as authors set their word under a chapter off from it. A story's bracketed line
    ("[The recording ends here.]") has no sign of a note: its text."""
    found = BRACKETS.match(text)
    if found is None or not text.lstrip().startswith("["):
        return False
    inner = found.group(1)
    return note_score(inner) > 0 or reader_aside(NOTE_SENTENCE.split(inner.strip())[0])


def _closing_disclaimer(text: str) -> bool:
    """An author's disclaimer under the text, "Disclaimer: Sea Wardens belongs to M. R. Calloway":
    one of ownership, which "Disclaimer: the sign on the ferry said no refunds" of a story is not."""
    return _DISCLAIMER.match(text) is not None and _OWNERSHIP.search(text) is not None


_OWNERSHIP = re.compile(
    r"\b(?:belongs?|(?:don['’]?t|do not|doesn['’]?t) own|property of|no profit|not[ \t]+(?:making|make) (?:any )?money"
    r"|all rights|copyright|characters? (?:are|is|belong))\b",
    re.IGNORECASE,
)


def _tags_line(text: str) -> bool:
    """A line of tags ("Tags: fic, sea wardens, oren/lisbet"): a list after the label, no sentence."""
    if "\n" in text or len(text) > NOTICE_LINE_CHARS * 4:
        return False
    parsed = parse_field(text)
    if parsed is None or KEYS.get(parsed[0]) != "additional_tags":
        return False
    tags = HASHTAG_SPLIT.split(parsed[1].strip())  # "tags: #wren #admiral #biscuit tin" (Tumblr's have spaces)
    return "," in parsed[1] or (
        len(tags) >= 2
        and all(tag[:1] == "#" and tag[1:2].isalpha() and len(tag.split()) <= STRIP_PART_WORDS for tag in tags)
    )


def declared_title(chapter: Chapter) -> Chapter:
    """A bare "Chapter 2" takes a short Title Case line under it as its title; "Triggerwarnung:
    Tod, Blut" or "TW: Blood, Gore" there is the chapter's declaration, and "Edited 3/4/21" the
    mark of a revision (see :func:`edited_mark`), not its title."""
    if chapter.title and (declaration_paragraph(chapter.title) or edited_mark(chapter.title)):
        chapter.notes.insert(0, chapter.title)
        chapter.title = None
    return chapter


def closing_marker(text: str) -> bool:
    """A line that only says the story is over ("The End.", "End file.", "~fin~"), not story text.

    Written as a marker: capitalised ("The End", "THE END"), set off with ornaments ("~fin~"),
    or FanFicFare's "End file.". "The end." reads as a sentence and stays, as does "The End?",
    which teases a sequel, and any line with more words than the marker.
    """
    if "\n" in text or len(text) > CLOSING_CHARS:
        return False
    trimmed = trim_ornaments(text.strip())
    core = " ".join(trimmed.strip(" \t.!-–—=~*_()[]<>|").split())
    if _CLOSING.fullmatch(core) is None:
        return False
    decorated = len(trimmed) < len(text.strip()) or core != trimmed.rstrip(".!")
    return decorated or core.lower() == "end file" or all(word[0].isupper() for word in core.split())


# A last chapter's whole text, or its heading's title, when it only promises one to come ("Coming soon!",
# "TBC", "To be continued...", "Chapter 5: coming soon"): a serial's next chapter announced before it was
# written. Read as the text it says nothing of, it was posted as a chapter of its own, or refused.
_PLACEHOLDER = re.compile(
    r"(?:(?:more|next[ \t]+(?:chapter|part|update))[ \t]+)?"
    r"(?:coming[ \t]+soon|to[ \t]+be[ \t]+continued|tbc|tba|to[ \t]+come|updates?[ \t]+soon)"
    r"(?:[ \t]*(?:!+|\.+|…|\?!|<3|:\)))*",
    re.IGNORECASE,
)
PLACEHOLDER_CHARS = 60


def placeholder(text: str) -> bool:
    """A line that only says more of the story is to come ("Coming soon!", "(to be continued...)", "TBC"),
    set off with ornaments or brackets maybe; "To be continued, she had written." is a sentence and stays."""
    if "\n" in text or len(text) > PLACEHOLDER_CHARS:
        return False
    core = " ".join(trim_ornaments(text.strip()).strip(" \t-–—=~*_()[]<>|").split())
    return _PLACEHOLDER.fullmatch(core) is not None


# Thanks to readers as a sentence of its own: "Thanks for reading <3", "Thank you so much for reading!".
_THANKS_FOR_READING = re.compile(
    r"(?:thanks|thank[ \t]+you|ty)(?:[ \t]+(?:so|very)[ \t]+much)?[ \t]+(?:for[ \t]+reading|for[ \t]+sticking[ \t]+with[ \t]+(?:me|it|us))"
    r"(?:[ \t]*(?:!+|\.+|…|<3|:\)|[^\w\s.!?]))*",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?…])[ \t]+|(?<=<3)[ \t]+")
CLOSING_WORDS_CHARS = 160


def closing_words(text: str) -> bool:
    """A last chapter's paragraph that only signs off: each of its sentences a promise of more
    (:func:`placeholder`), thanks for reading, or the whole of it an ask of readers (:func:`sign_off`):
    "More coming soon! Thanks for reading <3" was posted as a chapter of its own. Any sentence of the
    story in it ("Thanks for reading, she wrote, and sealed the letter.") keeps it text."""
    if placeholder(text):
        return True
    if "\n" in text.strip() or len(text) > CLOSING_WORDS_CHARS:
        return False
    sentences = [part for part in SENTENCE_END.split(trim_ornaments(text.strip())) if part]
    said = [placeholder(part) or _THANKS_FOR_READING.fullmatch(part) is not None for part in sentences]
    return (bool(sentences) and all(said)) or sign_off(text)


def without_closing_heading(items: list[Item]) -> list[Item]:
    """``items`` less what closes them with no story under it: a heading that only says the story is
    over ("<h2>The End</h2>", "## Fin"), a last heading with nothing under it ("Chapter 12" and the end
    of the file: a serial's next chapter, headed before it was written) and a last chapter that only
    promises one (:func:`placeholder`, the promise kept as a note). Each got the upload refused as a
    chapter with no text, or posted a chapter saying "Coming soon!". A heading with nothing under it
    before other chapters, or in a file of no text at all, is still refused."""
    last = len(items)
    while last and isinstance(items[last - 1], SceneBreak):
        last -= 1
    heading = items[last - 1] if last else None
    if isinstance(heading, Heading) and closing_marker(heading.raw.lstrip("#").strip() or heading.title or ""):
        return items[: last - 1]
    start = last
    while start and isinstance(items[start - 1], Para | SceneBreak):
        start -= 1
    tail = [item for item in items[start:last] if isinstance(item, Para)]
    # Every paragraph of the tail a promise or a note, read up to the first that is neither: a last
    # chapter of 74,000 paragraphs had each read as a sign-off (2 s of CPU) to find its first was not.
    told = next((index for index, item in enumerate(tail) if not item.note and not closing_words(item.text)), None)
    if (
        start
        and told is None
        and any(not item.note for item in tail)
        and isinstance(items[start - 1], Heading)
        and _story_text_before(items, start - 1)
    ):
        notes = [Para(item.text, item.gap, note=True) for item in tail]
        return [*items[: start - 1], *notes]
    kept = last
    while kept and isinstance(items[kept - 1], Heading | SceneBreak):
        kept -= 1
    if kept == last or not _story_text_before(items, kept):
        return items
    notes = [
        Para(item.raw.lstrip("#").strip(), note=True)
        for item in items[kept:last]
        if isinstance(item, Heading) and placeholder(item.title or "")
    ]
    return [*items[:kept], *notes]


def _story_text_before(items: list[Item], end: int) -> bool:
    """Whether a paragraph of story text, not a note, stands before ``items[end]``."""
    return any(isinstance(item, Para) and not item.note for item in items[:end])


def _closing_marker(chapter: Chapter) -> None:
    """Drop the story's closing marker line, when the last chapter has text besides it; what the
    author wrote after it, a short tail ("THE END" / "Thank you so much for reading!"), is the
    chapter's note, not the story's last paragraphs."""
    if not chapter.scenes or not chapter.scenes[-1].paragraphs:
        return
    last = chapter.scenes[-1].paragraphs
    tail_words = 0
    for index in range(len(last) - 1, -1, -1):
        if closing_marker(last[index]):
            break
        tail_words += count_words(last[index])
        if tail_words > NOTE_SECTION_MAX_WORDS:
            return
    else:
        return
    if index == 0 and len(chapter.scenes) == 1:
        return
    tail = last[index + 1 :]
    if tail and not (
        note_score(tail[0]) >= NOTE_SCORE or sign_off(tail[0]) or _tags_line(tail[0]) or closing_words(tail[0])
    ):
        return  # "The End." / "Spring came late.": the story goes on after it
    chapter.notes.extend(tail)
    del last[index:]
    if not last:
        chapter.scenes.pop()
    end_of_chapter_marker(chapter)  # "End of Chapter 12" over "THE END": the chapter's close, as it is alone


# A chapter's own closing line, "End of Chapter 3", "~End of Chapter Three~", "[End of Part 2]", "End of
# prologue.": where the chapter ends, not a paragraph of it (the story's "The End" is :func:`closing_marker`).
_END_OF_CHAPTER = re.compile(
    r"end[ \t]+of[ \t]+(?:the[ \t]+)?(?:chapter|ch\.?|part|prologue|epilogue|interlude)(?:[ \t]+(?:#[ \t]*)?[\w-]{1,20})?",
    re.IGNORECASE,
)


def end_of_chapter_marker(chapter: Chapter) -> None:
    """Drop the line closing a chapter that only says it is the chapter's end ("End of Chapter 3"),
    where the chapter has text besides it: posted, it was the chapter's last paragraph. "End of chapter
    one, she wrote." is a sentence and stays."""
    if not chapter.scenes or not chapter.scenes[-1].paragraphs or len(chapter.paragraphs) < 2:
        return
    last = chapter.scenes[-1].paragraphs
    text = last[-1].strip()
    if "\n" in text or len(text) > CLOSING_CHARS:
        return
    core = " ".join(trim_ornaments(text).strip(" \t.!-–—=~*_()[]<>|").split())
    if _END_OF_CHAPTER.fullmatch(core) is None:
        return
    last.pop()
    if not last:
        chapter.scenes.pop()


NOTE_SECTION_MAX_WORDS = 400  # an end note under a label of its own is shorter than this; a longer tail is story
