"""An author's word that the story's warnings stand at its end, not over it: "Warnings are at the
end of the story.", "(see end notes for warnings)", "CW at the end of the fic to avoid spoilers!",
or a warnings field saying so ("Warnings: see end notes").

Authors who fear the warnings spoil the ending put them after it and say so at the top. Read as
text, the pointer was the story's first paragraph (a chapter 1 of its own over the first heading),
a "Warnings: see end notes" field declared "see end notes", and the warnings at the end were the
last chapter's alone. The pointer is the story's note; :func:`bot.story.plaintext.build_story`
gives what the end declares to the whole story.

Pure patterns, no imports of the readers: :mod:`bot.story.plaintext` asks them.
"""

from __future__ import annotations

import re

_WARNINGS = (
    r"(?:(?:the|my|full|all|any|spoilery|spoiler-?y|specific|story|content|trigger|archive|major)[ \t]+){0,3}"
    r"(?:warnings?|cws?|tws?|c/ws?|t/ws?|content[ \t]+notes?|trigger[ \t]+notes?)"
)
_STORY = r"(?:story|fic|fanfic|work|book|one-?shot|text|page|post|file|piece|thing)"
# Where: "at the end (of the story)", "at the bottom", "in the end notes", "in the author's note at the end".
_PLACE = (
    r"(?:(?:(?:down[ \t]+)?(?:at|to|in)[ \t]+)?(?:the[ \t]+)?(?:very[ \t]+)?(?:end|bottom)"
    rf"(?:[ \t]+of[ \t]+(?:the[ \t]+|this[ \t]+|my[ \t]+)?{_STORY})?"
    r"|(?:in[ \t]+)?(?:the[ \t]+)?(?:end[ \t]*-?[ \t]*notes?|endnotes?|closing[ \t]+notes?)"
    r"|(?:in[ \t]+)?(?:the[ \t]+|my[ \t]+)?(?:author'?s'?[ \t]+|a/?n[ \t]+)?notes?[ \t]+"
    rf"(?:at|after)[ \t]+the[ \t]+(?:end|bottom|{_STORY}))"
)
# Why: "to avoid spoilers", "(spoilers)", "because they're spoilery", "so as not to spoil the ending".
_WHY = (
    r"(?:[ \t]*[,(\-–—:][ \t]*|[ \t]+)(?:(?:to[ \t]+avoid|because(?:[ \t]+of)?|for|due[ \t]+to"
    r"|(?:as|since|because)[ \t]+they(?:'re|[ \t]+are|[ \t]+would|[ \t]+might|[ \t]+could)?)"
    r"[ \t]+)?(?:spoilers?|spoilery|spoiler-?y|(?:so[ \t]+as[ \t]+)?not[ \t]+to[ \t]+spoil[ \t]+(?:it|anything|the[ \t]+ending)"
    r"|spoil[ \t]+(?:it|things|everything|the[ \t]+(?:ending|plot|story)))"
    r"(?:[ \t]+for[ \t]+the[ \t]+(?:ending|plot|story))?[ \t]*\)?"
)
_VERB = (
    r"(?:[ \t]+(?:are|is|will[ \t]+be|have[ \t]+been|can[ \t]+be|may[ \t]+be)"
    r"(?:[ \t]+(?:found|placed|listed|put|kept|moved|given|posted))?)?"
)
_POINTER = re.compile(
    r"[ \t*_(\[]*(?:please[ \t]+)?(?:"
    rf"{_WARNINGS}{_VERB}[ \t]+{_PLACE}"  # "Warnings are at the end of the story"
    rf"|(?:for[ \t]+{_WARNINGS},?[ \t]+)?(?:please[ \t]+)?(?:see|check|read|scroll(?:[ \t]+down)?[ \t]+to)[ \t]+"
    rf"{_PLACE}(?:[ \t]+for[ \t]+{_WARNINGS})?"  # "see end notes for warnings", "for CWs, see the end notes"
    rf")(?:{_WHY})?[ \t]*[.!)\]*_]*[ \t]*",
    re.IGNORECASE,
)
# A warnings field's value saying so: "see end notes", "at the end (spoilers)", "end notes", "bottom".
_FIELD_POINTER = re.compile(
    rf"[ \t*_(\[]*(?:(?:please[ \t]+)?(?:see|check|read|scroll(?:[ \t]+down)?[ \t]+to)[ \t]+)?{_PLACE}"
    rf"(?:{_WHY})?[ \t]*[.!)\]*_]*[ \t]*",
    re.IGNORECASE,
)
_NAMES_WARNINGS = re.compile(rf"\b{_WARNINGS}\b", re.IGNORECASE)
POINTER_CHARS = 160  # a pointer is a sentence; a paragraph of story text is none


def points_to_end(sentence: str) -> bool:
    """Whether ``sentence`` says the warnings stand at the story's end ("Warnings are at the end.",
    "see end notes for warnings"). A pointer to the end notes that names no warnings ("See the end
    notes.") is none: it may point to a thank-you."""
    sentence = sentence.strip()
    return (
        0 < len(sentence) <= POINTER_CHARS
        and _POINTER.fullmatch(sentence) is not None
        and _NAMES_WARNINGS.search(sentence) is not None
    )


def field_points_to_end(value: str) -> bool:
    """Whether a warnings field's value ("Warnings: see end notes", "CW: at the end (spoilers)") sends
    the reader to the story's end instead of naming warnings."""
    value = value.strip()
    return 0 < len(value) <= POINTER_CHARS and _FIELD_POINTER.fullmatch(value) is not None


# A title's closing aside in brackets: "The Fall (warnings in end notes)", "After [CW at the end]".
_TITLE_ASIDE = re.compile(r"(?P<title>.*?\S)[ \t]*[(\[](?P<aside>[^()\[\]]{3,80})[)\]][ \t.]*")


def without_pointer_aside(title: str) -> str:
    """``title`` without a closing aside that only says where its warnings are ("The Fall (warnings in
    end notes)" is "The Fall"): the chapter's note gives them, and members read the aside as its name."""
    found = _TITLE_ASIDE.fullmatch(title)
    if found is None or not points_to_end(found.group("aside")):
        return title
    return found.group("title")
