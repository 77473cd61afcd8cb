"""Hostile uploads of session 39's probe (/work/scratch/s39/hostile): shapes left over budget or answered
badly by session 38, and new ones, each read in time that grows with the file or capped, and a guard
that the honest file of the same shape still reads as it did.

Where the point is cost, a count of the work done (exact checks, steps) or CPU time against a bound
several times what the file takes now and well under what it took before."""

from __future__ import annotations

import random
import string

import pytest

import bot.warnings.declared
from bench.bench_budgets import _heavy
from bot.story import author_notes
from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.limits import MAX_DECLARATIONS, MAX_PACKAGE_ELEMENTS
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings import matcher as matcher_module
from bot.warnings.declared import Declared
from bot.warnings.engine import PIECE_CHARS, scan, scan_pieces
from bot.warnings.matcher import Matcher
from bot.warnings.model import Ruleset
from bot.warnings.rules import default_ruleset
from tests.story.builders import epub_bytes, xhtml
from tests.story.test_hostile_shapes37 import MAX_BYTES

# -- the warning scan of one giant paragraph -------------------------------------------------------


def _one_chapter(*paragraphs: str) -> Story:
    return Story(StoryMeta("t"), [Chapter(1, None, [Scene(list(paragraphs))])], "txt")


def _bare() -> Ruleset:
    """The shipped rules in a ruleset of their own, so its matcher is compiled afresh (and counted)."""
    ruleset = default_ruleset()
    return Ruleset(ruleset.taxonomy, ruleset.rules, ruleset.categories, ruleset.negation)


def test_a_rule_counts_once_in_a_paragraph_however_many_pieces_it_is_read_in() -> None:
    """A paragraph past PIECE_CHARS is read in pieces, and each piece counted as a paragraph of its own:
    the same death told in three pieces of one paragraph scored three times what it scores told once.
    A rule counts once per paragraph, as the engine says, in the first piece where it fires."""
    filler = "The road was long and grey, and the rain kept on. " * (PIECE_CHARS // 50)
    scene = "Then the dog was hit by a truck and died. "
    long_paragraph = (filler + scene) * 3 + filler
    assert len(scan_pieces(long_paragraph)) >= 4
    ruleset = default_ruleset()
    thrice = scan(_one_chapter(long_paragraph), ruleset, declared=Declared()).chapters[0]
    once = scan(_one_chapter(scene), ruleset, declared=Declared()).chapters[0]
    assert [(w.id, w.score) for w in thrice.warnings + thrice.possible] == [
        (w.id, w.score) for w in once.warnings + once.possible
    ]
    evidence = (thrice.warnings + thrice.possible)[0].evidence[0]
    assert evidence.paragraph == 1 and "dog" in evidence.text


def test_the_same_scene_in_paragraphs_of_their_own_still_counts_in_each() -> None:
    """Guard: paragraphs that are not pieces of one count a rule once each, as before."""
    scene = "Then the dog was hit by a truck and died."
    ruleset = default_ruleset()
    thrice = scan(_one_chapter(scene, scene, scene), ruleset, declared=Declared()).chapters[0]
    once = scan(_one_chapter(scene), ruleset, declared=Declared()).chapters[0]
    assert [w.id for w in thrice.warnings] == [w.id for w in once.warnings]
    assert thrice.warnings[0].score > once.warnings[0].score


def test_heavy_scenes_in_one_giant_paragraph_are_checked_about_once_per_rule(monkeypatch) -> None:
    """Every rule of text full of heavy scenes, negations and idioms goes to its exact check; in one
    giant paragraph it went there in every piece: the rules' own phrases shuffled on one 4 MB line made
    96,000 checks (3.9 s of the scan's 9.6 s). A rule that fired in a piece of a paragraph is not
    checked in the later ones: 1,700 checks there, and here (600 KB of heavy scenes, a negation cue before
    one word in seven, 60-odd pieces) a third."""
    paragraph = _heavy(600_000, " ", 39, negations=True).decode("utf-8", "ignore")
    pieces = scan_pieces(paragraph)
    assert len(pieces) > 50
    calls = 0
    locate = Matcher._locate

    def counted(self: Matcher, *args: object) -> object:
        nonlocal calls
        calls += 1
        return locate(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(matcher_module.Matcher, "_locate", counted)
    ruleset = _bare()
    report = scan(_one_chapter(paragraph), ruleset, declared=Declared())
    assert len(report.chapters[0].warnings) >= 10
    in_pieces = calls
    calls = 0
    Matcher(ruleset).fire(pieces)  # the same pieces as paragraphs of their own: every check runs
    assert in_pieces * 2 < calls  # 650 against 2,028


# -- an EPUB's package file of comments ------------------------------------------------------------


def _made_up_words(count: int) -> list[str]:
    """Different made-up words, so the package deflates as a real one does (no unpacking ratio refuses it)."""
    rng = random.Random(39)
    return ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 9))) for _ in range(count)]


@pytest.mark.parametrize("markup", ["<!-- {} -->", "<?note {}?>"])
def test_a_package_file_of_comments_is_refused_in_words_that_count_them(markup: str) -> None:
    """The package's elements are counted as every "<" that opens something, so 60,000 comments or
    processing instructions beside a dozen elements were refused as "more than 50,000 XML elements",
    and its author looked for elements to remove. The refusal names comments and other markup too."""
    filler = "".join(markup.format(word) for word in _made_up_words(60_000))
    data = epub_bytes([("c1.xhtml", xhtml("<h1>Chapter 1</h1><p>The weir roared.</p>"))], extra_metadata=filler)
    with pytest.raises(StoryFormatError) as refused:
        import_story(data, "book.epub", max_bytes=MAX_BYTES)
    assert f"more than {MAX_PACKAGE_ELEMENTS:,} XML elements, comments and other markup" in str(refused.value)


def test_pieces_said_again_still_count_once_per_paragraph_and_once_in_each() -> None:
    """The matcher reads a text said again once and spreads its findings: a piece repeated inside one
    paragraph counts there once, and in another paragraph once more."""
    matcher = Matcher(_bare())
    scene = "the dog was hit by a truck and died. "
    fired = matcher.fire([scene, "nobody slept. " + scene, scene], [0, 0, 1])
    first, second, third = ([rule.id for rule in rules] for rules in fired.rules)
    assert "animal-death/animal-died" in first and second == [] and third == first
    alone = matcher.fire([scene, scene])
    assert [rule.id for rule in alone.rules[1]] == first


# -- declarations in every paragraph ----------------------------------------------------------------


def _counting_declaration_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The lines read against the taxonomy as a declaration inside a chapter."""
    read: list[str] = []
    labelled_list = bot.warnings.declared.labelled_list

    def counted(line: str) -> object:
        read.append(line)
        return labelled_list(line)

    monkeypatch.setattr(author_notes, "labelled_list", counted)
    return read


def test_a_chapter_of_thousands_of_declaration_lines_is_not_read_line_by_line(monkeypatch) -> None:
    """Each paragraph shaped like a declaration inside a chapter ("TW: blood" over a scene) was read
    against the taxonomy, about 150 us each: 70,000 different "TW: death, blood, self-harm 17" took
    10 s of CPU. A chapter of more of them than a story declares keeps them as its text, unread."""
    read = _counting_declaration_reads(monkeypatch)
    lines = "".join(f"TW: death, blood, self-harm {number}\n\n" for number in range(3000))
    story = import_story(f"The Weir\n\nChapter 1\n\nThe weir roared.\n\n{lines}".encode(), "a.txt", max_bytes=MAX_BYTES)
    assert len(read) <= MAX_DECLARATIONS
    assert len(story.chapters[0].paragraphs) == 3001


def test_a_story_of_many_chapters_of_declaration_lines_reads_a_bounded_number(monkeypatch) -> None:
    """The same spread over chapters of 150 lines each: the story reads MAX_STORY_MID_DECLARATIONS at most."""
    read = _counting_declaration_reads(monkeypatch)
    monkeypatch.setattr(author_notes, "MAX_STORY_MID_DECLARATIONS", 400)
    lines = "".join(f"TW: death, blood, self-harm {number}\n\n" for number in range(150))
    chapters = "".join(f"Chapter {number}\n\nThe weir roared.\n\n{lines}" for number in range(1, 11))
    import_story(f"The Weir\n\n{chapters}".encode(), "a.txt", max_bytes=MAX_BYTES)
    assert 300 <= len(read) <= 400


def test_a_declaration_over_a_scene_is_still_the_chapters_note(monkeypatch) -> None:
    """Guard: "TW: blood" on a line of its own inside a chapter still warns for it."""
    text = "The Weir\n\nChapter 1\n\nThe weir roared.\n\n* * *\n\nTW: blood, self-harm\n\nShe cut her hand.\n"
    story = import_story(text.encode(), "a.txt", max_bytes=MAX_BYTES)
    assert "TW: blood, self-harm" not in story.chapters[0].paragraphs
    assert "TW: blood, self-harm" in story.chapters[0].notes
