"""The phrase language of rules, compiled to RE2 patterns.

Used by default rules, ``--rules`` files and admin ``phrase`` rules. Words separated by
spaces, matched case-insensitively as whole words:

* ``word`` the word itself; ``self-harm`` also matches "self harm" and "selfharm";
* ``~word`` the word and its inflections (``~die``: die, dies, died, dying);
* ``word*`` any word starting with ``word``;
* ``_`` any one word, ``#`` any number; joined by punctuation they keep their meaning
  (``#-#`` is "20-25", ``#,`` a number and a comma);
* ``a b|c d`` either phrase; ``(a|b c)`` groups alternatives inside a phrase;
* ``token?`` or ``(group)?`` may be missing;
* ``...`` up to ``gap`` words (default 4) of anything, within one sentence; ``...2`` up to two;
* ``@name`` any phrase of the word class ``name`` (``@partner``: husband, wife, girlfriend ...).

Irregular forms (``~die`` → died) come from the ``irregular`` table of the shipped rules file and
word classes from its ``classes`` table, so a rule says "someone's partner" once, the same way
everywhere, and a class widened in one place widens every rule that uses it.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources.abc import Traversable
from typing import Any

from bot.paths import shipped
from bot.warnings.model import DEFAULT_GAP, RuleError

RULES_FILE = shipped("warnings", "rules.json")
MAX_PHRASE_DEPTH = 10  # nested groups and classes; deeper would only exhaust the parser's recursion

# Between the words of a phrase: spaces, quotes, commas, dashes; never a sentence end.
SEP = r"[^\w.!?;\n]+"
_WORD = r"\w+"
# RE2's ``\b`` knows only ASCII letters, so a phrase that starts or ends in "é" never matched at
# its edge ("I lost my fiancé."): the letter and the space or stop beside it are both "not a
# word". Where a phrase holds such a letter, its edge is ``\b`` or a character that is plainly
# no letter (ASCII punctuation and spaces, the curly quotes, dashes and ellipsis stories use),
# taken into the match. Both are ASCII-or-listed classes, so the byte-wise rewrite keeps them, and
# ``\b`` stays one of the choices so that every match of before is still one.
_NOT_A_LETTER = r"[\s!-/:-@\[-^`{-~‘’“”–—…]"
_START_BEYOND_ASCII = rf"(?:^|\b|{_NOT_A_LETTER})"
_END_BEYOND_ASCII = rf"(?:\b|{_NOT_A_LETTER}|$)"


@cache
def rules_document(path: Traversable = RULES_FILE) -> dict[str, Any]:
    """The shipped rules file, read once per process."""
    return json.loads(path.read_text(encoding="utf-8"))


def default_irregular() -> dict[str, list[str]]:
    return dict(rules_document().get("irregular", {}))


def default_classes() -> dict[str, str]:
    """The shipped word classes: name -> a phrase (usually alternatives) that ``@name`` stands for."""
    return dict(rules_document().get("classes", {}))


def _literal(text: str, *, hyphen: str = r"[\s-]?") -> str:
    """A word or words as a pattern: hyphens and spaces interchangeable, curly apostrophes too.
    ``hyphen`` is what a hyphen becomes: by default it may also be missing ("selfharm")."""
    out = []
    for char in text:
        if char in "-  ":
            out.append(hyphen if char == "-" else r"\s+")
        elif char in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(char))
    return "".join(out)


def inflections(word: str, irregular: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """Regular English forms of a verb or noun plus listed irregular ones.

    Over-generating is harmless (a form nobody writes never matches) and under-generating
    misses warnings, so doubled and undoubled consonants are both produced.
    """
    forms = {word}
    forms.update((irregular or {}).get(word, ()))
    if word.endswith("ie"):
        forms.update({word + "s", word + "d", word[:-2] + "ying"})
    elif word.endswith("ee"):
        forms.update({word + "s", word + "d", word + "ing"})
    elif word.endswith("e"):
        forms.update({word + "s", word + "d", word[:-1] + "ing"})
    elif word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms.update({word[:-1] + "ies", word[:-1] + "ied", word + "ing"})
    else:
        plural = word + "es" if word.endswith(("s", "x", "z", "ch", "sh")) else word + "s"
        forms.update({plural, word + "ed", word + "ing"})
        if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
            forms.update({word + word[-1] + "ed", word + word[-1] + "ing"})
    return sorted(forms, key=lambda form: (-len(form), form))  # longest first; a fixed order whatever the hash seed


_TOKEN = re.compile(r"\s+|\.\.\.\d{0,2}|[()|?]|[^\s()|?]+")
_WILDCARD = re.compile(r"([_#])")
_WILDCARDS_AND_MARKS = re.compile(r"(?:[_#]|[^\w\s])*[_#](?:[_#]|[^\w\s])*")  # wildcards and punctuation only


class _PhraseParser:
    """Recursive descent over the phrase language; emits one regex without capturing groups."""

    def __init__(
        self,
        phrase: str,
        gap: int,
        irregular: Mapping[str, Sequence[str]],
        classes: Mapping[str, str],
        depth: int = 0,
    ) -> None:
        self.tokens = [t for t in _TOKEN.findall(phrase.strip().lower())]
        self.pos = 0
        self.gap = gap
        self.irregular = irregular
        self.classes = classes
        self.depth = depth

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse(self) -> str:
        body = self.alternation()
        if self.peek() is not None:
            raise RuleError(f"unexpected `{self.peek()}`: check that every `(` has its `)`")
        return body

    def alternation(self) -> str:
        options = [self.sequence()]
        while self.peek() == "|":
            self.take()
            options.append(self.sequence())
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    def sequence(self) -> str:
        # items: (regex, optional, separator-before) where separator is "" (adjacent), SEP or a gap
        items: list[tuple[str, bool, str]] = []
        separator = ""
        while True:
            token = self.peek()
            if token is None or token in ("|", ")"):
                break
            if token.isspace():
                self.take()
                if items:
                    separator = separator or SEP
                continue
            if token.startswith("..."):
                self.take()
                if not items:
                    raise RuleError("`...` must stand between two words, not at the start of a phrase or group")
                size = int(token[3:]) if token[3:] else self.gap
                separator = f"(?:{SEP}{_WORD}){{0,{size}}}{SEP}"
                continue
            if token == "?":
                raise RuleError("`?` must follow a word or a group")
            atom, spaced_before, spaced_after = self.atom()
            if spaced_before and items:
                separator = separator or SEP
            optional = self.peek() == "?"
            if optional:
                self.take()
            items.append((atom, optional, separator if items else ""))
            separator = SEP if spaced_after else ""
        items = _glued(items)
        if not items:
            raise RuleError("empty phrase or alternative: check for `||`, `()` or a `|` at the start or end")
        if all(optional for _, optional, _ in items):
            raise RuleError("every word of an alternative is optional, so it would match nothing at all")
        if separator and separator != SEP:
            raise RuleError("`...` must stand between two words, not at the end of a phrase or group")
        # Each word brings the separator before it, except the first one present: an optional
        # word ahead of the first required one brings the separator after it instead, so
        # "(the|a)? (two|three)? boy" is "the boy", "two boy", "the two boy" or "boy", with one
        # separator between any two words, whichever of the optional ones are there.
        first_required = next(index for index, (_, optional, _) in enumerate(items) if not optional)
        out = []
        for index, (atom, optional, sep) in enumerate(items):
            if index < first_required:
                out.append(f"(?:{atom}{items[index + 1][2]})?")
            elif index == first_required:
                out.append(atom)
            elif optional and sep.endswith(SEP) and sep != SEP and index < len(items) - 1:
                # After a gap ("A ...4 x? B"): without the optional word the gap's words still
                # may stand there, and the next word brings the separator after them.
                out.append(f"(?:{sep}{atom}|{sep[: -len(SEP)]})")
            else:
                out.append(f"(?:{sep}{atom})?" if optional else sep + atom)
        return "".join(out)

    def atom(self) -> tuple[str, bool, bool]:
        """The next word or group as a pattern, and whether the group's own text begins and ends with a
        space: in "see her (alive )?again" that space is the separator its writer meant between "alive"
        and "again", so it is kept outside the group, where a missing "alive" cannot take it along."""
        token = self.take()
        if token == "(":
            spaced_before = (self.peek() or "").isspace()
            self.depth += 1
            if self.depth > MAX_PHRASE_DEPTH:
                raise RuleError(f"groups nest more than {MAX_PHRASE_DEPTH} deep; write the phrase flatter")
            inner = self.alternation()
            self.depth -= 1
            if self.peek() != ")":
                raise RuleError("a `(` is never closed: add the missing `)`")
            spaced_after = self.tokens[self.pos - 1].isspace()
            self.take()
            return f"(?:{inner})", spaced_before, spaced_after
        if token == ")":
            raise RuleError("a `)` has no matching `(`")
        return self.word(token), False, False

    def word(self, token: str) -> str:
        if token == "_":
            return _WORD
        if token.startswith("@"):
            return self.word_class(token[1:])
        if token == "#":
            return r"\d+"
        if token.startswith("~"):
            word = token[1:]
            if not re.fullmatch(r"[a-z]+", word):
                raise RuleError(f"`~{word}`: inflection works on one plain word of letters")
            return "(?:" + "|".join(re.escape(form) for form in inflections(word, self.irregular)) + ")"
        if token.endswith("*"):
            stem = token[:-1]
            if not re.search(r"\w", stem):
                raise RuleError(f"`{token}`: put at least one letter before `*`")
            return _literal(stem) + r"\w*"
        if "*" in token or "~" in token:
            raise RuleError(f"`{token}`: `~` goes before a word and `*` only at its end")
        if token == "_'s":
            return _WORD + "['’]s"
        if _WILDCARDS_AND_MARKS.fullmatch(token):
            # "#-#", "_-_", "#,": split, or the wildcards would be read as the literal "#" and "_". A
            # hyphen here must be there ("#-#" is not any number of two digits), unlike "self-harm"'s.
            return "".join(
                self.word(piece) if piece in "_#" else _literal(piece, hyphen=r"[\s-]")
                for piece in _WILDCARD.split(token)
                if piece
            )
        return _literal(token)

    def word_class(self, name: str) -> str:
        """``@name``: the class's phrase, parsed like any group (classes may use other classes)."""
        phrase = self.classes.get(name)
        if phrase is None:
            raise RuleError(_unknown_class(name, self.classes))
        if self.depth + 1 > MAX_PHRASE_DEPTH:
            raise RuleError(f"word classes nest more than {MAX_PHRASE_DEPTH} deep; check `@{name}` for a loop")
        inner = _PhraseParser(phrase, self.gap, self.irregular, self.classes, self.depth + 1)
        return f"(?:{inner.parse()})"


def _glued(items: list[tuple[str, bool, str]]) -> list[tuple[str, bool, str]]:
    """An optional piece written against the word after it ("(in)?to", "(wheel)?chair") as one word.

    Each item of a sequence takes the separator before it into its own optional group, which is
    right for a word of its own ("the (old)? man") and for a mark glued to the word before it
    ("(anymore)?(.)?"), but made "came (in)?to" need "came into": without "in" the separator went
    too, leaving "cameto". So optional pieces glued to a required one after them join it, keeping
    the separator before them outside: "came" + separator + "(in)?to".
    """
    glued: list[tuple[str, bool, str]] = []
    index = 0
    while index < len(items):
        end = index
        while items[end][1] and end + 1 < len(items) and not items[end + 1][2]:
            end += 1
        if end > index and not items[end][1]:
            pattern = "".join(f"(?:{atom})?" if optional else atom for atom, optional, _ in items[index : end + 1])
            glued.append((pattern, False, items[index][2]))
            index = end + 1
        else:
            glued.append(items[index])
            index += 1
    return glued


CLASSES_NAMED = 6  # word classes an unknown one's answer names: all 35 made the answer 477 characters
# The classes a server's own rule most often wants (the rest serve one category's shipped rules).
_GENERAL_CLASSES = ("partner", "kin", "subj", "obj", "poss", "thing")


def _unknown_class(name: str, classes: Mapping[str, str]) -> str:
    """Why ``@name`` is refused, short: the class it most likely meant, else a few to pick from."""
    if not classes:
        return f"`@{name}` is not a word class (none are defined)"
    near = difflib.get_close_matches(name.casefold(), list(classes), n=2, cutoff=0.6)
    if near:
        return f"`@{name}` is not a word class; did you mean {' or '.join(f'`@{found}`' for found in near)}?"
    named = [known for known in _GENERAL_CLASSES if known in classes] or sorted(classes)[:CLASSES_NAMED]
    shown = ", ".join(f"`@{known}`" for known in named)
    more = f" and {len(classes) - len(named)} more" if len(classes) > len(named) else ""
    return f"`@{name}` is not a word class; the classes are {shown}{more}"


def compile_phrase(
    phrase: str,
    *,
    gap: int = DEFAULT_GAP,
    irregular: Mapping[str, Sequence[str]] | None = None,
    classes: Mapping[str, str] | None = None,
) -> str:
    """A phrase in the language above as one RE2-compatible pattern (also valid for ``re``)."""
    if not phrase.strip():
        raise RuleError("the phrase is empty: write the words to look for")
    body = _PhraseParser(phrase, gap, irregular or {}, classes or {}).parse()
    if any(not char.isascii() and char.isalpha() for char in body):
        return _START_BEYOND_ASCII + body + _END_BEYOND_ASCII
    return r"\b" + body + r"\b"
