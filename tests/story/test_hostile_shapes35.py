"""Hostile and odd uploads of session 35's probe (/work/scratch/s35/hostile): shapes that were answered
badly, each with a guard for the honest file that looks like it."""

from __future__ import annotations

import time

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.lookalikes import undisguise_labels

MAX_BYTES = 4 << 20
_BODY = "\n\n".join(f"The river ran cold past the ford, and she counted the boats, {n}." for n in range(5))


def _paragraphs(story) -> list[str]:
    return [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]


def _text_story(head: str) -> bytes:
    return f"The Weir\nby Ann\n\n{head}\n\nChapter 1\n\n{_BODY}\n\nChapter 2\n\n{_BODY}\n".encode()


def _page_story(head: str) -> bytes:
    chapters = "".join(f"<h2>Chapter {n}</h2>" + "".join(f"<p>{p}</p>" for p in _BODY.split("\n\n")) for n in (1, 2))
    return f"<html><head><title>The Weir</title></head><body><p>{head}</p>{chapters}</body></html>".encode()


DISGUISED = {
    "full-width": "Ｗａｒｎｉｎｇｓ：",
    "zero width space": "War\u200bnings:",
    "soft hyphen": "Warn\u00adings:",
    "zero width joiner": "Warn\u200dings:",
    "accented": "Wàrnings:",
    "combining accent": "Wa\u0300rnings:",
    "Cyrillic a": "Wаrnings:",
    "Greek alpha": "Wαrnings:",
    "mathematical bold": "𝐖𝐚𝐫𝐧𝐢𝐧𝐠𝐬:",
    "full-width TW": "ＴＷ：",
    "Cyrillic C": "СW:",
    "zero width before the colon": "Content warnings\u200b:",
}


@pytest.mark.parametrize("label", DISGUISED.values(), ids=DISGUISED.keys())
@pytest.mark.parametrize("shape", ["txt", "html"])
def test_a_disguised_warnings_label_still_declares(label: str, shape: str) -> None:
    """Each label was no label: nothing was declared, and the line was posted as the story's first
    paragraph (a chapter of its own in a text file)."""
    line = f"{label} character death, self-harm"
    data = _text_story(line) if shape == "txt" else _page_story(line)
    story = import_story(data, f"weir.{shape}", max_bytes=MAX_BYTES)
    assert any("character death, self-harm" in item for item in story.meta.declared_warnings)
    assert not any("character death" in paragraph for paragraph in _paragraphs(story))


def test_the_words_after_a_disguised_label_stay_as_written() -> None:
    """Only the label is read plainly; what the author declared keeps its own letters."""
    story = import_story(_text_story("War\u200bnings: ｄｅａｔｈ, blood"), "weir.txt", max_bytes=MAX_BYTES)
    assert story.meta.declared_warnings == ["Warnings: ｄｅａｔｈ, blood"]


def test_a_disguised_header_field_is_read_as_its_field() -> None:
    text = f"Ｔｉｔｌｅ： The Weir\nＡｕｔｈｏｒ： Ann\n\nChapter 1\n\n{_BODY}\n"
    story = import_story(text.encode(), "weir.txt", max_bytes=MAX_BYTES)
    assert (story.meta.title, story.meta.author) == ("The Weir", "Ann")


def test_a_disguised_label_alone_over_its_list_declares() -> None:
    story = import_story(_text_story("War\u200bnings\n- character death\n- self-harm"), "weir.txt", max_bytes=MAX_BYTES)
    assert story.meta.declared_warnings


@pytest.mark.parametrize(
    "line",
    [
        "Été : la rivière était froide.",
        "Внимание: река была холодной.",
        "Résumé : elle compta les bateaux.",
        "Προσοχή: το ποτάμι ήταν κρύο.",
        "« Wàrnings » était le nom du bateau.",
    ],
)
def test_lines_in_other_alphabets_and_accents_are_left_as_written(line: str) -> None:
    """Guard: a line of French, Russian or Greek that folds to no label keeps every letter."""
    assert undisguise_labels(f"{line}\n{line}") == f"{line}\n{line}"


def test_reading_labels_costs_little_on_four_megabytes_of_candidates() -> None:
    """Guard on cost: every short accented line is a candidate; each is folded once at most (cached)
    and the candidates read are capped."""
    lines = [f"Wàrn{chr(0x430 + n % 32)}{n}:" for n in range(400_000)]
    text = "\n".join(lines)
    start = time.process_time()
    undisguise_labels(text)
    assert time.process_time() - start < 2.0


# -- leftovers of session 34's probe ----------------------------------------------------------------


def test_a_story_with_terminal_colours_is_read_without_them() -> None:
    """A story copied from a terminal keeps its escape sequences ("\\x1b[32m" ... "\\x1b[0m"), one or two a
    paragraph: counted as stray controls, the whole file was refused as binary data."""
    paragraphs = [f"\x1b[32mThe river ran cold past the ford, {n}.\x1b[0m" for n in range(200)]
    text = "The Weir\n\n\x1b[1mChapter 1\x1b[0m\n\n" + "\n\n".join(paragraphs) + "\n"
    story = import_story(text.encode(), "weir.txt", max_bytes=MAX_BYTES)
    assert _paragraphs(story)[0] == "The river ran cold past the ford, 0."
    assert not any("\x1b" in p or "[0m" in p for p in _paragraphs(story))


def test_a_link_a_terminal_wrote_keeps_its_words() -> None:
    text = f"The Weir\n\nChapter 1\n\nThe \x1b]8;;https://example.org\x1b\\river\x1b]8;;\x1b\\ ran cold.\n\n{_BODY}\n"
    story = import_story(text.encode(), "weir.txt", max_bytes=MAX_BYTES)
    assert _paragraphs(story)[0] == "The river ran cold."


def test_binary_noise_with_escapes_is_still_refused() -> None:
    """Guard: escape sequences taken out, random bytes are still binary."""
    import random

    rng = random.Random(5)
    data = bytes(rng.randrange(256) for _ in range(20_000)).replace(b"\x00", b"\x1b[0m")
    with pytest.raises(StoryFormatError):
        import_story(data, "weir.txt", max_bytes=MAX_BYTES)


def _epub_with_hrefs(rewrite) -> bytes:
    import io
    import zipfile

    from tests.story.builders import epub_bytes, xhtml

    docs = [(f"c{n}.xhtml", xhtml(f"<h1>Chapter {n}</h1><p>The weir roared, night {n}.</p>")) for n in (1, 2, 3)]
    data = epub_bytes(docs, nav_points=[("One", "c1.xhtml")])
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "OEBPS/content.opf":
                content = rewrite(content.decode()).encode()
            archive.writestr(info, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('href="c', 'href="/OEBPS/c'),  # from the archive's root
        ('href="c', 'href=".\\c'),  # a Windows tool's separator
        ('href="c1.xhtml"', 'href="C1.XHTML"'),  # another case
    ],
    ids=["absolute", "backslash", "case"],
)
def test_an_epub_listing_its_documents_oddly_is_read(old: str, new: str) -> None:
    """Each book was refused ("no chapters") or lost the documents so listed."""
    story = import_story(_epub_with_hrefs(lambda opf: opf.replace(old, new)), "weir.epub", max_bytes=MAX_BYTES)
    assert _paragraphs(story) == [f"The weir roared, night {n}." for n in (1, 2, 3)]


def test_markdown_named_html_is_read_as_markdown() -> None:
    """Read as HTML, the whole story was one paragraph, its "##" headings and blank lines run together."""
    text = f"# The Weir\n\nby Ann\n\n## Chapter 1\n\n{_BODY}\n\n## Chapter 2\n\n{_BODY}\n"
    story = import_story(text.encode(), "weir.html", max_bytes=MAX_BYTES)
    assert story.meta.title == "The Weir"
    assert len(story.chapters) == 2 and len(story.chapters[0].paragraphs) == 5


def test_plain_text_named_htm_is_read_as_text() -> None:
    data = _text_story("A tale of the weir.")
    story = import_story(data, "weir.htm", max_bytes=MAX_BYTES)
    assert _paragraphs(story) == _paragraphs(import_story(data, "weir.txt", max_bytes=MAX_BYTES))


def test_an_html_fragment_named_html_is_still_html() -> None:
    """Guard: a page without <html> or <p>, its lines set apart by <br>, stays a page."""
    data = b"<b>Chapter 1</b><br><br>The weir roared all night.<br><br>Nobody slept."
    story = import_story(data, "weir.html", max_bytes=MAX_BYTES)
    assert "<br>" not in "".join(_paragraphs(story))


def test_a_story_inside_noscript_is_read() -> None:
    """A page whose script writes the story gives it whole inside <noscript>: dropped with the scripts,
    the page was refused as having no story text."""
    chapters = "".join(f"<h2>Chapter {n}</h2>" + "".join(f"<p>{p}</p>" for p in _BODY.split("\n\n")) for n in (1, 2))
    data = f"<html><head><title>The Weir</title></head><body><noscript>{chapters}</noscript></body></html>"
    story = import_story(data.encode(), "weir.html", max_bytes=MAX_BYTES)
    assert len(story.chapters) == 2 and len(story.chapters[0].paragraphs) == 5


def test_a_noscript_box_beside_the_story_is_still_no_text() -> None:
    """Guard: "Please enable JavaScript" in a <noscript> box beside the story is never read."""
    chapters = "".join(f"<h2>Chapter {n}</h2>" + "".join(f"<p>{p}</p>" for p in _BODY.split("\n\n")) for n in (1, 2))
    data = f"<html><body><noscript><p>Please enable JavaScript.</p></noscript>{chapters}</body></html>"
    story = import_story(data.encode(), "weir.html", max_bytes=MAX_BYTES)
    assert not any("JavaScript" in p for p in _paragraphs(story))


def test_a_chapter_of_one_tag_repeated_is_refused_for_what_it_is() -> None:
    """A 1.1 MB chapter of 100,000 nested <div>s packs a thousand times smaller: it was refused as
    unpacking "to more than 4 MiB", which it does not."""
    from tests.story.builders import epub_bytes, xhtml

    deep = xhtml("<div>" * 100_000 + "<p>Deep.</p>" + "</div>" * 100_000)
    data = epub_bytes([("c1.xhtml", xhtml("<h1>Chapter 1</h1><p>The weir roared.</p>")), ("c2.xhtml", deep)])
    with pytest.raises(StoryFormatError, match="times its packed size"):
        import_story(data, "weir.epub", max_bytes=MAX_BYTES)


@pytest.mark.parametrize("name", ["weir.svg", "weir.txt"])
def test_an_svg_drawing_is_refused_as_one(name: str) -> None:
    """A drawing with its words in <text> was read as a text story: its markup was the title and the
    first chapter ("<svg xmlns=...><text>The Weir")."""
    data = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>The Weir</text></svg>'
    with pytest.raises(StoryFormatError, match="an SVG image"):
        import_story(data, name, max_bytes=MAX_BYTES)


def test_a_page_with_a_drawing_in_it_is_still_a_page() -> None:
    """Guard: an inline <svg> inside a page's body is no SVG file."""
    data = b"<html><body><svg><circle r='4'/></svg><h2>Chapter 1</h2><p>The weir roared.</p></body></html>"
    story = import_story(data, "weir.html", max_bytes=MAX_BYTES)
    assert _paragraphs(story) == ["The weir roared."]


def test_a_title_of_stacked_marks_is_kept_to_three_a_letter() -> None:
    """A page titled in "zalgo" (two hundred combining marks on a letter) kept every mark: shown on a
    header, a menu or /story info, they draw over the lines above and below."""
    zalgo = "\u0301\u0308" * 100
    page = f"<html><head><title>T{zalgo}he Weir</title></head><body><h2>Chapter 1</h2><p>The weir roared.</p></body></html>"
    story = import_story(page.encode(), "weir.html", max_bytes=MAX_BYTES)
    assert story.meta.title == "T\u0301\u0308\u0301he Weir"


def test_letters_with_their_own_marks_keep_them() -> None:
    """Guard: Vietnamese sets two marks on a vowel, decomposed or not."""
    import unicodedata

    title = unicodedata.normalize("NFD", "Tiếng Việt của tôi")
    page = f"<html><head><title>{title}</title></head><body><h2>Chapter 1</h2><p>The weir roared.</p></body></html>"
    story = import_story(page.encode(), "weir.html", max_bytes=MAX_BYTES)
    assert story.meta.title == title


def test_utf8_text_under_a_utf16_mark_is_read_as_utf8() -> None:
    """A UTF-16 byte-order mark over UTF-8 text (files joined, a wrong "save as") read every two letters
    as one CJK-looking character, posted as the story."""
    import codecs

    story = import_story(codecs.BOM_UTF16_LE + _text_story("A tale."), "weir.txt", max_bytes=MAX_BYTES)
    assert story.meta.title == "The Weir"
    assert _paragraphs(story)[-1] == "The river ran cold past the ford, and she counted the boats, 4."


def test_utf16_text_of_cjk_only_is_still_utf16() -> None:
    """Guard: wide text with no NUL byte (Chinese with no line ends) is not valid UTF-8 and stays wide."""
    import codecs

    text = "天空很蓝。" * 600
    story = import_story(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "sky.txt", max_bytes=MAX_BYTES)
    assert _paragraphs(story)[0].startswith("天空很蓝。天空很蓝。")


@pytest.mark.parametrize(("name", "line"), [("weir.txt", "# {0}"), ("weir.md", "# {0}"), ("weir.txt", "Chapter {0}")])
def test_a_file_of_heading_lines_is_refused_before_they_are_read(name: str, line: str) -> None:
    """149,000 "# N" lines were each read as a heading (7.2 s of CPU, 233 MB) before the empty chapters
    refused the file; they are counted first now, as an HTML file's headings are."""
    text = "The Weir\n" + "\n".join(line.format(number) for number in range(149_000))
    start = time.process_time()
    with pytest.raises(StoryFormatError, match="headings, far more than"):
        import_story(text.encode(), name, max_bytes=MAX_BYTES)
    assert time.process_time() - start < 1.0


def test_a_story_with_its_chapters_numbered_by_hashes_is_still_read() -> None:
    """Guard: 2,000 chapters under "# N" headings, the most a story may have, read as before."""
    text = "The Weir\n\n" + "".join(f"# {n}\n\nThe weir roared, night {n}.\n\n" for n in range(1, 2001))
    story = import_story(text.encode(), "weir.md", max_bytes=MAX_BYTES)
    assert len(story.chapters) == 2000


def test_a_story_in_some_xml_is_read_as_markup() -> None:
    """A document in XML that is no HTML was read as text: its markup posted whole as one paragraph."""
    body = "".join(f"<p>The weir roared, night {n}.</p>" for n in range(1, 4))
    data = f'<?xml version="1.0"?><story><title>The Weir</title>{body}</story>'.encode()
    story = import_story(data, "weir.xml", max_bytes=MAX_BYTES)
    assert _paragraphs(story)[-3:] == [f"The weir roared, night {n}." for n in range(1, 4)]
    assert not any("<" in paragraph for paragraph in _paragraphs(story))


@pytest.mark.parametrize("run", ["~~~~~~~~", "||||||||", "--------", "========", "：：：：：："])
def test_a_declaration_of_punctuation_only_declares_nothing(run: str) -> None:
    """ "TW:" over a run of tildes, bars or dashes was kept, and shown as the author's own warnings."""
    story = import_story(_text_story(f"TW: {run}"), "weir.txt", max_bytes=MAX_BYTES)
    assert story.meta.declared_warnings == []


@pytest.mark.parametrize("items", ["blood", "MCD", "self-harm (brief)"])
def test_a_declaration_naming_something_is_kept(items: str) -> None:
    """Guard: a word, an abbreviation, an aside is something declared."""
    story = import_story(_text_story(f"TW: {items}"), "weir.txt", max_bytes=MAX_BYTES)
    assert story.meta.declared_warnings == [f"TW: {items}"]


def _sentences(word: str, count: int) -> str:
    return "\n\n".join(f"Elle regarda la rivière et le {word} {n} passa." for n in range(count))


def test_a_legacy_file_with_a_utf8_part_after_its_start_reads_both() -> None:
    """A file whose first 64 KB are Windows-1252 and whose longer later chapter was pasted in as UTF-8
    was read whole as a legacy code page, judged by its start: the UTF-8 part was mojibake ("thĂ© â€”
    â€śqâ€ť"). Weighed whole, the UTF-8 is UTF-8 and the legacy bytes Windows-1252."""
    legacy = ("La Rivière\n\nChapter 1\n\n" + _sentences("bateau", 1500)).encode("cp1252")
    pasted = ("\n\nChapter 2\n\n" + _sentences("café — “vite”", 2000)).encode()
    story = import_story(legacy + pasted, "riviere.txt", max_bytes=MAX_BYTES)
    assert story.chapters[0].paragraphs[0] == "Elle regarda la rivière et le bateau 0 passa."
    assert story.chapters[1].paragraphs[0] == "Elle regarda la rivière et le café — “vite” 0 passa."


def test_a_legacy_russian_file_is_still_read_as_its_code_page() -> None:
    """Guard: Windows-1251 Russian holds a UTF-8-looking pair only by chance, and stays Windows-1251."""
    text = "Река\n\nГлава 1\n\n" + "\n\n".join(f"Она смотрела на реку «{n}» — и ждала." for n in range(3000))
    story = import_story(text.encode("cp1251"), "reka.txt", max_bytes=MAX_BYTES)
    assert _paragraphs(story)[-1] == "Она смотрела на реку «2999» — и ждала."


@pytest.mark.parametrize("shape", ["txt", "md", "html"])
def test_a_bidi_override_before_a_chapter_heading_leaves_it_a_heading(shape: str) -> None:
    """Guard (session 34 left it open; it holds): U+202E before "Chapter N" neither stops the heading
    nor reaches the chapter's title."""
    if shape == "html":
        body = "".join(f"<p>\u202eChapter {n}</p><p>The weir roared, night {n}.</p>" for n in (1, 2, 3))
        data = f"<html><head><title>The Weir</title></head><body>{body}</body></html>".encode()
    else:
        data = (
            "The Weir\n\n" + "".join(f"\u202eChapter {n}\n\nThe weir roared, night {n}.\n\n" for n in (1, 2, 3))
        ).encode()
    story = import_story(data, f"weir.{shape}", max_bytes=MAX_BYTES)
    assert _paragraphs(story) == [f"The weir roared, night {n}." for n in (1, 2, 3)]
    assert not any("\u202e" in (chapter.title or "") for chapter in story.chapters)


def test_a_low_chapter_setting_still_hears_its_chapter_count() -> None:
    """Guard: the heading lines are counted against the default limit at least, so a server allowing 5
    chapters is told the file has 61, not that it has "61 headings"."""
    text = "The Weir\n\n" + "".join(f"Chapter {n}\n\nThe weir roared, night {n}.\n\n" for n in range(1, 62))
    with pytest.raises(StoryFormatError, match="has 61 chapters, more than the 5 "):
        import_story(text.encode(), "weir.txt", max_bytes=MAX_BYTES, max_chapters=5)
