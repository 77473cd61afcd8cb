"""Admin patterns with a bounded cost: RE2 only, a program-size budget, never empty-matching.

A server's rules are compiled into the one matcher every scan of that server uses, so one
admin's pattern must not cost the bot seconds or gigabytes (``\\pL{990}x`` is 13 characters
and compiles to over a million instructions). Every pattern is compiled once here with a small
``max_mem``, so a huge one fails fast, and its program size is checked against a budget that
keeps 200 of the heaviest accepted rules well under a second to compile.
"""

from __future__ import annotations

import re

import re2

from bot.text import HIDDEN_CONTROLS
from bot.warnings.language import FUNCTION_WORDS
from bot.warnings.model import Rule, RuleError
from bot.warnings.phrases import compile_phrase, default_classes, default_irregular
from bot.warnings.regex_syntax import ANCHOR, ESCAPE, OPEN, STRAY, escaped, tokens

MAX_PATTERN_CHARS = 500
MAX_CUSTOM_RULES = 200
# Categories a server may create for its rules (``new_category``); one goes with its last rule
# unless something refers to it (bot.warnings.service.remove_rule).
MAX_CUSTOM_CATEGORIES = 50
RULE_KINDS = ("phrase", "regex")
# RE2 program instructions per pattern. A case-insensitive ``\pL`` alone is ~1,200, so this
# admits ``\pL+ing`` and two Unicode classes, and refuses ``\pL{3}`` and up.
MAX_PROGRAM_SIZE = 2_500
# Memory RE2 may use to compile one pattern: past it compilation stops at once ("too large").
PATTERN_MAX_MEM = 1 << 20
MATCHER_MAX_MEM = 64 << 20  # per compiled pattern used for evidence and exact checks

# Ordinary sentences with nothing in them to warn of. A new server rule that finds something in
# half of them or more would fire on nearly every paragraph of every story (`e`, `.`, `\\w`, the
# phrase `_`, `the`): every chapter would carry its warning, which tells members nothing.
ORDINARY_TEXT = (
    "Yes.",
    "Okay, fine.",
    "What?",
    "Hmm.",
    "Chapter 3",
    "She smiled and poured two cups of tea.",
    "They walked home together after school, talking about the match.",
    "“Good morning,” he said, holding the door open.",
    "It was raining in London that Tuesday, so the market closed early.",
    "The cat slept on the windowsill all afternoon.",
    "I don't know, maybe we could try the bakery on the corner?",
    "Her notebook was full of sketches of birds and bridges.",
    "We missed the bus by a minute and laughed about it for an hour.",
    "Sunlight came through the curtains; somewhere a radio played jazz.",
    "Twenty-two students signed up for the trip to the museum.",
    "He finally finished the crossword at midnight.",
)
ORDINARY_SHARE = 0.5
# The same in paragraphs as stories have them, several sentences each: a word of every sentence
# ("he", "and", "was", "a", "said", ``@subj``, ``~be``) is in few of the short lines above but in
# nearly every paragraph, where a rule is read.
ORDINARY_PARAGRAPHS = (
    "She smiled and poured two cups of tea. The kettle clicked off behind her, and the kitchen smelled of "
    "toast. He said he would be late again, so she read the paper by the window until the light went.",
    "They walked home together after school, talking about the match. It was cold, and you could see your "
    "breath. At the corner they stopped for chips and argued about which team had played better.",
    "“Good morning,” he said, holding the door open. I thanked him and went in to find a seat near the "
    "back. The lecture was about bridges, and most of us were half asleep by the end of it.",
    "it was raining in london that tuesday so the market closed early. we got coffee instead and sat in the "
    "window watching people run for buses. she laughed at my umbrella and i told her it was vintage",
    "The cat slept on the windowsill all afternoon. Now and then it opened one eye at a pigeon, decided it "
    "was not worth the trouble, and went back to sleep. Nobody in the house did much better.",
    "Her notebook was full of sketches of birds and bridges. She had been drawing since she was a child, "
    "and her mother kept every page in a box under the stairs. You could see how her hand had changed.",
    "We missed the bus by a minute and laughed about it for an hour. The next one was late too, so we "
    "walked. By the time we reached the museum it was nearly closing, and the guard let us in anyway.",
    "ok so i finally finished the crossword at midnight!! took me all week lol. my brother says it doesn't "
    "count if you use the dictionary but he is wrong and i told him so",
)
_PHRASE_WORD = re.compile(r"(?<![@\w'’])[^\W\d_][\w'’]*")  # a phrase's words, not its @classes
_LOOKAROUND = re.compile(r"\(\?<?[=!]")
_ASSERTIONS = "bBAz"  # \b \B \A \z: zero-width, they never consume text


def re2_options(max_mem: int = MATCHER_MAX_MEM) -> re2.Options:
    options = re2.Options()
    options.case_sensitive = False
    options.max_mem = max_mem
    options.log_errors = False  # a refused pattern raises, and its admin gets the reason; not stderr too
    return options


def _unsupported_construct(pattern: str) -> str | None:
    """Name the first backreference or lookaround outside a character class, if any.

    Reading stops at a class never closed: what follows is inside it as RE2 reads it, and RE2's
    own "missing ]" is the answer that helps."""
    for token in tokens(pattern):
        if token.kind == STRAY:
            return None
        if token.kind == ESCAPE:
            letter = escaped(pattern, token)
            if letter in "123456789" or (letter in "kg" and pattern[token.end : token.end + 1] in ("<", "{")):
                return f"backreferences such as `\\{letter}` are not supported"
        elif token.kind == OPEN:
            if pattern.startswith("(?P=", token.start):
                return "backreferences such as `(?P=name)` are not supported"
            if _LOOKAROUND.match(pattern, token.start):
                return "lookahead and lookbehind (`(?=`, `(?!`, `(?<=`, `(?<!`) are not supported"
    return None


def without_assertions(pattern: str) -> str:
    """The pattern with its zero-width assertions (``^ $ \\b \\B \\A \\z``) taken out.

    If what is left can match the empty string, the pattern can match an empty string at some
    position of some text (``\\b``, ``\\b\\B?``, ``x*``, ``^``): it would flag paragraphs for
    nothing in them. Unsatisfiable leftovers such as ``\\b\\B`` are refused too, which is fine:
    a rule made only of assertions finds nothing worth a warning.
    """
    return "".join(
        pattern[token.start : token.end]
        for token in tokens(pattern)
        if token.kind != ANCHOR and not (token.kind == ESCAPE and escaped(pattern, token) in _ASSERTIONS)
    )


def can_match_empty(pattern: str) -> bool:
    """Whether the pattern can match an empty string at some position of some text."""
    stripped = without_assertions(pattern)
    try:
        compiled = re2.compile(stripped, re2_options())  # no larger than the pattern, which passed the budget
    except re2.error:
        return True  # only assertions were holding it together (``\b*``): nothing to look for
    return compiled.fullmatch("") is not None


def _reason(error: re2.error) -> str:
    """RE2's own words for a pattern it refused (the binding hands them over as bytes)."""
    reason = error.args[0] if error.args else str(error)
    return reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)


def compile_checked(pattern: str, *, what: str = "the regex") -> re2._Regexp:
    """Compile with the per-pattern memory cap and check the program-size budget."""
    try:
        compiled = re2.compile(pattern, re2_options(PATTERN_MAX_MEM))
    except re2.error as error:
        if "too large" in str(error):
            raise RuleError(
                f"{what} is too large to run on every paragraph; use fewer or smaller repeats "
                f"and character classes (`\\pL{{100}}` is far over the limit)"
            ) from None
        raise RuleError(f"{what} does not compile: {_reason(error)}. Check brackets and escapes.") from None
    size = max(compiled.programsize, compiled.reverseprogramsize)
    if size > MAX_PROGRAM_SIZE:
        raise RuleError(
            f"{what} compiles to {size:,} RE2 instructions; the limit is {MAX_PROGRAM_SIZE:,}. "
            "Use fewer or smaller repeats and character classes."
        )
    return compiled


def check_regex(pattern: str) -> str:
    """An admin regex, validated: linear-time RE2 syntax, bounded size, never empty-matching."""
    pattern = pattern.strip()
    if not pattern:
        raise RuleError("the pattern is empty: write the text or regex to look for")
    if len(pattern) > MAX_PATTERN_CHARS:
        raise RuleError(f"the pattern is {len(pattern)} characters long; the limit is {MAX_PATTERN_CHARS}")
    problem = _unsupported_construct(pattern)
    if problem:
        raise RuleError(
            f"{problem}: rules run on RE2, which guarantees linear time and has no "
            "backreferences or lookaround. Rewrite the pattern without them."
        )
    compile_checked(pattern)
    if can_match_empty(pattern):
        raise RuleError(
            "the regex matches empty text at some position (like `\\b` or `x*`), so it would flag paragraphs for nothing; "
            "make it require some letters"
        )
    return pattern


def check_phrase(pattern: str) -> str:
    pattern = " ".join(pattern.split())
    if not pattern:
        raise RuleError("the phrase is empty: write the words to look for")
    if len(pattern) > MAX_PATTERN_CHARS:
        raise RuleError(f"the phrase is {len(pattern)} characters long; the limit is {MAX_PATTERN_CHARS}")
    if not re.search(r"\w", pattern):
        raise RuleError("the phrase has no letters or digits to look for")
    compile_checked(
        compile_phrase(pattern, irregular=default_irregular(), classes=default_classes()), what="the phrase"
    )
    return pattern


def require_specific(rule: Rule) -> Rule:
    """A new server rule, refused when it finds something in most of :data:`ORDINARY_TEXT`.

    Only for a rule being added: rules stored before this check keep working as they were."""
    if rule.kind == "phrase":
        words = _PHRASE_WORD.findall(rule.source.casefold())
        if words and all(word in FUNCTION_WORDS for word in words):
            raise RuleError(
                f"the phrase names only words that are in nearly every paragraph of every story (“{words[0]}”), so "
                "every chapter would carry its warning; make it name the words that need a warning"
            )
    compiled = [re2.compile(part, re2_options()) for part in rule.parts]
    what = "regex" if rule.kind == "regex" else "phrase"
    for texts, kind in ((ORDINARY_TEXT, "sentences"), (ORDINARY_PARAGRAPHS, "paragraphs")):
        found = [text for text in texts if all(regex.search(text) for regex in compiled)]
        if len(found) >= ORDINARY_SHARE * len(texts):
            example = found[-1] if kind == "sentences" else found[-1].split(". ")[0]
            raise RuleError(
                f"the {what} finds something in {len(found)} of {len(texts)} ordinary {kind} with nothing to "
                f"warn of (such as “{example}”), so it would fire on nearly every paragraph of every story; "
                "make it name the words that need a warning"
            )
    return rule


def new_admin_rule(rule_id: str, category: str, kind: str, pattern: str) -> Rule:
    """:func:`admin_rule` for a rule an admin is adding: also refused when it would fire almost everywhere,
    or when it holds a character that draws nothing and no story text needs (a direction override, a
    control): shown again in every answer and listing of the rules, it would turn each line around."""
    if HIDDEN_CONTROLS.search(" ".join(pattern.split())):
        raise RuleError(
            "the pattern holds an invisible character (a text direction override or a control character); "
            "type it again without it"
        )
    return require_specific(admin_rule(rule_id, category, kind, pattern))


def admin_rule(rule_id: str, category: str, kind: str, pattern: str, weight: float = 1.0) -> Rule:
    """A server's rule as stored in SQLite, validated and compiled to the shared rule shape."""
    if kind not in RULE_KINDS:
        raise RuleError(f"kind must be `phrase` or `regex`, not `{kind}`")
    if kind == "regex":
        source = check_regex(pattern)
        parts = (source,)
    else:
        source = check_phrase(pattern)
        parts = (compile_phrase(source, irregular=default_irregular(), classes=default_classes()),)
    return Rule(id=rule_id, category=category, kind=kind, source=source, parts=parts, weight=weight, custom=True)
