"""Hostile uploads of session 41's seventh round: what round 6 left (the memory of a giant paragraph read
in rounds), and shapes past rounds did not try. Each is a shape a file within the upload limit may take;
each is read within the budgets of :mod:`bot.story.limits`, and shown to readers as the honest file of its
shape is, or refused in a sentence."""

from __future__ import annotations

import bz2
import io
import lzma
import warnings
import zipfile

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.limits import MAX_TITLE_CHARS
from bot.story.tidy import UNTITLED
from bot.warnings import matcher as matcher_module
from bot.warnings.engine import scan_pieces
from tests.story.builders import epub_bytes, xhtml
from tests.story.test_hostile6_40 import _rule_phrases_line
from tests.story.test_hostile_shapes37 import MAX_BYTES
from tests.story.test_hostile_shapes39 import _bare

# -- the memory of a giant paragraph read in rounds ------------------------------------------------------


def test_the_first_round_of_a_giant_paragraph_lets_each_sets_states_go_when_it_is_done(monkeypatch) -> None:
    """The first round of a paragraph of megabytes is read by every set, each building states of text
    it will not see again; they were let go once all the sets were done, so every set held its automaton
    at once (a 4 MB line of the rules' phrases peaked at 283 MB, 231 before rounds). Each set now lets
    its states go as soon as it is done with the round: no set holds states while another reads."""
    monkeypatch.setattr(matcher_module, "available_cpus", lambda: 1)  # one set in flight at a time
    monkeypatch.setattr(matcher_module, "fork_pays", lambda *args: False)
    monkeypatch.setattr(matcher_module, "THREADED_BLOCK_SECONDS", 0.0)  # every read counts as building
    monkeypatch.setattr(matcher_module, "BUILDING_SECONDS_PER_BYTE", 0.0)
    pieces = scan_pieces(_rule_phrases_line(400_000))
    assert len(pieces) > matcher_module.ROUND_PIECES
    matcher = matcher_module.Matcher(_bare())
    holding: list[int] = []  # at each read of the first round, the other sets holding states
    first_round = True
    set_matches = matcher_module.Matcher._set_matches

    def reading(self, datas, groups=None, **options):
        nonlocal first_round
        found = set_matches(self, datas, groups, **options)
        first_round = False
        return found

    for group in matcher._groups:
        match = group.match

        def counted(data: bytes, group=group, match=match) -> list[int]:
            if first_round:
                holding.append(sum(1 for other in matcher._groups if other is not group and other.built))
            return match(data)

        group.match = counted
    monkeypatch.setattr(matcher_module.Matcher, "_set_matches", reading)
    fired = matcher.fire(pieces, [0] * len(pieces))
    assert sum(map(len, fired.rules)) >= 10
    assert len(holding) >= len(matcher._groups)
    assert max(holding) == 0  # every other set before (58 of them)


# -- an attachment's name as the title of a file that gives none ------------------------------------------

_PROSE = ("The weir roared all night and nobody in the valley slept.\n\n" * 20).encode()


@pytest.mark.parametrize(
    ("filename", "title"),
    [
        ("C:\\Users\\ada\\Desktop\\The Weir.txt", "The Weir"),  # a Windows path: "C:\Users\ada\Desktop\The Weir"
        ("..\\..\\The Weir.md", "The Weir"),
        ("../../etc/The Weir.txt", "The Weir"),
        (".txt", UNTITLED),  # a name that is only its extension was titled "txt"
        ("../" * 300 + ".md", UNTITLED),  # "md"
        ("The Weir\x00.exe.txt", "The Weir"),  # a name ends at its NUL (tests/story/test_odds41.py)
    ],
)
def test_an_attachments_name_gives_the_title_a_reader_would_give_the_file(filename: str, title: str) -> None:
    """A file with no title of its own is titled from its name: the name after its last folder, whichever
    way the folders are written, less its extension; a name that is only an extension gives no title."""
    assert import_story(_PROSE, filename, max_bytes=MAX_BYTES).meta.title == title


def test_a_thousand_character_name_gives_a_title_within_the_title_limit() -> None:
    """Guard: a name of 1,000 characters is cut to the title limit, as any title is."""
    title = import_story(_PROSE, "a" * 996 + ".txt", max_bytes=MAX_BYTES).meta.title
    assert len(title) == MAX_TITLE_CHARS and title.startswith("aaaa")


# -- an EPUB that holds two files of one name ----------------------------------------------------------------


def _with_second_copy(data: bytes, name: str, payload: bytes) -> bytes:
    """``data`` (a zip) with another member of ``name`` appended: zip tools keep both entries, and
    readers differ on which one they open."""
    out = io.BytesIO(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name, which is the point
        with zipfile.ZipFile(out, "a") as archive:
            archive.writestr(name, payload, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


_CHAPTERS = [
    (f"c{number}.xhtml", xhtml(f"<h1>Chapter {number}</h1><p>The weir roared {number}.</p>")) for number in (1, 2)
]


@pytest.mark.parametrize("member", ["OEBPS/c1.xhtml", "OEBPS/content.opf", "META-INF/container.xml"])
def test_an_epub_with_two_different_files_of_one_name_is_refused_in_a_sentence(member: str) -> None:
    """Two entries of one name with different contents: Dogear read the last one, an e-reader may open the
    first, so the club read another chapter (or another book) than the one its admin checked. Refused,
    naming the file."""
    data = _with_second_copy(epub_bytes(_CHAPTERS), member, b"<p>Something else entirely.</p>")
    with pytest.raises(StoryFormatError) as refused:
        import_story(data, "a.epub", max_bytes=MAX_BYTES)
    said = str(refused.value)
    assert "two different files" in said and member.rpartition("/")[2] in said and "\n" not in said


def test_an_epub_with_the_same_file_twice_is_read() -> None:
    """Guard: a file stored twice with the same contents is no ambiguity: the book is read."""
    data = epub_bytes(_CHAPTERS)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        payload = archive.read("OEBPS/c1.xhtml")
    story = import_story(_with_second_copy(data, "OEBPS/c1.xhtml", payload), "a.epub", max_bytes=MAX_BYTES)
    assert [chapter.paragraphs for chapter in story.chapters] == [["The weir roared 1."], ["The weir roared 2."]]


# -- an EPUB whose container.xml names a package file it does not hold ------------------------------------


def _with_container(path: str) -> bytes:
    """An EPUB whose container.xml names ``path`` as its package file."""
    data = epub_bytes(_CHAPTERS)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            payload = source.read(info.filename)
            if info.filename == "META-INF/container.xml":
                payload = payload.replace(b"OEBPS/content.opf", path.encode())
            archive.writestr(info, payload)
    return out.getvalue()


@pytest.mark.parametrize("path", ["../../../etc/passwd", "/etc/passwd", "OEBPS/contents.opf"])
def test_a_package_file_named_outside_the_epub_is_refused_naming_it(path: str) -> None:
    """container.xml naming a package file the zip does not hold (outside it, an absolute path, a typo) was
    refused as "does not say where its contents are", which it does: the refusal names the path it gave."""
    with pytest.raises(StoryFormatError) as refused:
        import_story(_with_container(path), "a.epub", max_bytes=MAX_BYTES)
    said = str(refused.value)
    assert "container.xml" in said and path.rpartition("/")[2] in said and "\n" not in said


# -- a story file whose extension lies ---------------------------------------------------------------------


_STORY = (
    "# The Weir\n\n## Chapter 1\n\n" + "The weir roared all night and nobody in the valley slept.\n\n" * 20
).encode()


@pytest.mark.parametrize(
    ("packed", "named"),
    [
        (bz2.compress(_STORY, 9), "bzip2 archive"),
        (bz2.compress(_STORY, 1), "bzip2 archive"),
        (lzma.compress(_STORY), "xz archive"),
        (b"\x28\xb5\x2f\xfd\x20\x00" + _STORY[:200], "Zstandard archive"),  # a zstd frame's magic and header
    ],
)
def test_a_txt_that_is_a_compressed_archive_is_refused_naming_it(packed: bytes, named: str) -> None:
    """A .txt that is a gzip archive was refused as one; a bzip2, xz or Zstandard one as "not readable
    text: it holds NUL bytes", which leaves the member guessing what they sent."""
    with pytest.raises(StoryFormatError) as refused:
        import_story(packed, "story.txt", max_bytes=MAX_BYTES)
    assert named in str(refused.value)
