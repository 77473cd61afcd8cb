"""Hostile files (issue 12, point 1): every shape is bounded, refused clearly or read correctly.

Inputs are generated small (the benchmark ``bench/bench_budgets.py`` runs them at full size
with time and memory figures); each test is named after the budget it protects.
"""

from __future__ import annotations

import io
import sys
import time
import zipfile

import pytest

from bench import bench_budgets as hostile
from bot.story import limits
from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.markdown import strip_inline_markup
from bot.story.render import render_chapter, unrender
from bot.story.structure import match_heading
from bot.text import utf16_len

LIMIT = 8 * 1024 * 1024


def read(case: tuple[str, bytes], **kwargs: int):
    filename, data = case
    return import_story(data, filename, max_bytes=LIMIT, **kwargs)


def refused(case: tuple[str, bytes], pattern: str, **kwargs: int) -> str:
    with pytest.raises(StoryFormatError, match=pattern) as info:
        read(case, **kwargs)
    message = str(info.value)
    assert "\n" not in message and message.endswith(".")
    return message


def texts(story) -> list[str]:
    return [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]


# -- EPUB amplification --------------------------------------------------------------


def test_epub_spine_repeating_one_document_reads_it_once() -> None:
    story = read(hostile.epub_repeated_spine(400_000))  # 1,000 itemrefs of one document
    assert len(story.chapters) == 1


def test_epub_spine_aliases_of_one_document_read_it_once() -> None:
    story = read(hostile.epub_aliased_spine(400_000))  # 500 manifest ids, one href
    assert len(story.chapters) == 1


def test_epub_spine_longer_than_max_chapters_is_refused_before_reading() -> None:
    message = refused(hostile.epub_many_documents(30_000), "reading order lists 100 documents", max_chapters=10)
    assert "MAX_CHAPTERS" in message


def test_epub_unpacked_size_is_capped_relative_to_the_upload() -> None:
    filename, data = hostile.epub_bomb(80_000)  # ~5 MB of one letter in a few KB
    assert len(data) < 100_000
    refused((filename, data), "unpacks to more than 4 MiB")


def test_epub_holding_more_text_than_an_upload_may_is_refused_and_one_within_is_read() -> None:
    """Compression lets an EPUB within the upload limit hold several times as much text, and the
    scan and render cost by the text: past the limit in text it is refused, saying how much."""
    filename, data = hostile.epub_heavy_text(200_000)  # about 460 KB of text in a smaller file
    story = import_story(data, filename, max_bytes=LIMIT)
    text_bytes = sum(len(p.encode()) for p in texts(story))
    assert text_bytes > 400_000 > len(data)
    with pytest.raises(StoryFormatError, match="of story text, more than the") as info:
        import_story(data, filename, max_bytes=len(data))  # the file itself is within this limit
    assert str(info.value).endswith("split the story into parts.")


def test_epub_doctype_internal_entities_leave_no_junk_and_expand_nothing() -> None:
    story = read(hostile.epub_billion_laughs(0))
    body = "\n".join(texts(story))
    assert "]>" not in body and "ENTITY" not in body
    assert "lollol" not in body  # billion laughs not expanded
    assert "root:" not in body  # XXE not fetched
    assert "The river ran cold." in body


def test_html_doctype_internal_subset_is_not_story_text() -> None:
    html = b'<!DOCTYPE html [<!ENTITY a "b">]><html><body><h1>Chapter 1</h1><p>Real text here.</p></body></html>'
    story = import_story(html, "s.html", max_bytes=LIMIT)
    assert texts(story) == ["Real text here."]


# -- chapters --------------------------------------------------------------------------


def test_chapters_over_max_chapters_are_refused_naming_count_and_setting() -> None:
    filename, data = hostile.many_chapters(20_000)
    count = data.count(b"Chapter ")
    message = refused((filename, data), f"has {count:,} chapters, more than the 5 ", max_chapters=5)
    assert "MAX_CHAPTERS" in message
    assert len(read((filename, data), max_chapters=count).chapters) == count


def test_chapter_headings_numbered_ten_thousand_and_above_are_headings() -> None:
    for line, title in (("Chapter 10000", None), ("Chapter 12,345: The Ford", "The Ford"), ("Chapter 250000", None)):
        heading = match_heading(line)
        assert heading is not None and heading.kind == "chapter" and heading.title == title, line


# -- paragraphs and lines --------------------------------------------------------------


@pytest.mark.parametrize("generator", [hostile.one_paragraph, hostile.one_line, hostile.one_word])
def test_huge_paragraph_splits_into_pieces_proportional_to_its_size(generator) -> None:
    filename, data = generator(200_000)
    story = read((filename, data))
    chapter = story.chapters[0]
    payloads = render_chapter(story.meta, chapter, budget=2000)
    assert all(utf16_len(payload["content"]) <= 2000 for payload in payloads)
    assert len(payloads) <= len(data) // 1500 + 3  # full messages, not slivers
    assert unrender(payloads) == chapter.text


def test_combining_mark_clusters_split_within_budget_and_lose_nothing() -> None:
    story = read(hostile.combining_marks(60_000))
    chapter = story.chapters[0]
    payloads = render_chapter(story.meta, chapter, budget=2000)
    assert all(utf16_len(payload["content"]) <= 2000 for payload in payloads)
    assert unrender(payloads) == chapter.text


def test_too_many_lines_are_refused_before_any_per_line_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_LINES", 1000)
    refused(hostile.tiny_paragraphs(30_000), r"has [0-9,]+ lines, more than the 1,000")
    refused(hostile.many_markdown_headings(30_000), "lines, more than the 1,000")


def test_markdown_markup_stripping_reads_unclosed_markers_in_linear_time() -> None:
    """It had a wall-clock budget, past which lines kept their markup; each pass is linear now
    (tests/story/test_inline_markup39.py), so the answer is the same however busy the machine."""
    _, data = hostile.markdown_emphasis(2_000_000)
    text = data.decode()
    started = time.process_time()
    out = strip_inline_markup(text)
    assert time.process_time() - started < 5.0
    assert "**" not in out[:100] and len(out) < len(text)  # the markers that pair up came off


# -- HTML ------------------------------------------------------------------------------


@pytest.mark.parametrize("generator", [hostile.deep_html, hostile.deep_ao3])
def test_deep_html_never_recurses(generator) -> None:
    filename, data = generator(40 * (sys.getrecursionlimit() * 3))  # three times Python's recursion limit
    story = read((filename, data))
    assert "text" in texts(story)


def test_deep_epub_never_recurses() -> None:
    story = read(hostile.epub_deep(40 * sys.getrecursionlimit() * 3))
    assert "text" in texts(story)


def test_too_many_html_elements_are_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.story.htmltext.MAX_HTML_ELEMENTS", 1000)
    refused(hostile.tiny_elements(40_000), "more than 1,000 HTML elements")
    refused(hostile.epub_tiny_elements(40_000), "more than 1,000 HTML elements")


def test_huge_attribute_value_is_harmless() -> None:
    story = read(hostile.huge_attribute(500_000))
    assert texts(story) == ["text"]


# -- bytes -----------------------------------------------------------------------------


def test_nul_bytes_are_refused() -> None:
    refused(hostile.nul_bytes(10_000), "not readable text")


def test_invalid_utf8_is_read_as_a_legacy_encoding_from_a_sample() -> None:
    story = read(hostile.invalid_utf8(400_000))  # longer than the detection sample
    assert texts(story)[-1].endswith("é")


def test_zip_members_beyond_the_count_are_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for n in range(5001):
            archive.writestr(f"f{n}", b"")
    refused(("many.epub", buffer.getvalue()), "thousands of files")


def test_epub_package_file_with_entity_bombs_is_refused() -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY a{n} "{("&a" + (str(n - 1) if n > 1 else "") + ";") * 10}">' for n in range(1, 10)
    )
    filename, data = hostile.epub_billion_laughs(0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "content.opf":
                content = content.replace(
                    b"<package",
                    f'<!DOCTYPE package [{entities}<!ENTITY x SYSTEM "file:///etc/passwd">]><package'.encode(),
                    1,
                ).replace(b"<dc:title>Book</dc:title>", b"<dc:title>&a9;&x;</dc:title>")
            target.writestr(info, content)
    refused((filename, buffer.getvalue()), "package file is not valid XML")


def test_gutenberg_footnotes_by_the_thousand_are_each_paired_with_their_call() -> None:
    """Every "[Footnote n: ...]" goes to the chapter calling it, none left in its text (the bench
    reads the same at 8 MB, about 80,000 notes)."""
    story = read(hostile.gutenberg_footnotes(200_000))
    assert len(story.chapters) > 5
    for chapter in story.chapters[:-1]:  # the last is cut short
        assert len(chapter.notes) == 200 and all(note.startswith("Footnote ") for note in chapter.notes)
        assert not any("Footnote" in paragraph for paragraph in chapter.paragraphs)
