"""Small loose ends of session 41: the tag groups of an AO3 page, bounded like its additional tags."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.limits import MAX_DECLARATIONS
from bot.warnings.declared import map_declared

JUNK = 10_000


def _links(values: list[str]) -> str:
    return "".join(
        f'<li><a class="tag" href="/tags/t{index}/works">{value}</a></li>' for index, value in enumerate(values)
    )


def _page(
    warnings: list[str], fandoms: list[str], relationships: list[str], characters: list[str], tags: list[str]
) -> bytes:
    groups = (
        ("warning", "Archive Warning", warnings),
        ("fandom", "Fandom", fandoms),
        ("relationship", "Relationship", relationships),
        ("character", "Characters", characters),
        ("freeform", "Additional Tags", tags),
    )
    meta = "".join(
        f'<dt class="{cls} tags">{label}:</dt><dd class="{cls} tags"><ul class="commas">{_links(values)}</ul></dd>'
        for cls, label, values in groups
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Salt Glass</title></head><body>'
        f'<div id="main"><dl class="work meta group">{meta}</dl>'
        '<div id="workskin"><div class="preface group"><h2 class="title heading">Salt Glass</h2>'
        '<h3 class="byline heading"><a rel="author" href="/users/m">marramgrass</a></h3></div>'
        '<div id="chapters" role="article"><div class="userstuff module" role="article">'
        '<h3 class="landmark heading">Chapter Text</h3><p>The glass had to cool slowly or it would crack.</p>'
        "</div></div></div></div></body></html>"
    ).encode()


def test_every_tag_group_of_an_ao3_page_is_kept_once_and_bounded() -> None:
    """Archive warnings, fandoms, relationships and characters had no cap and no de-duplication (10,000
    junk tags went into the story's meta_json and every preview), unlike the additional tags."""
    many = JUNK // 3  # five groups of it, within the page's element budget
    junk = [f"junk {index}" for index in range(many)]
    page = _page(
        [*junk, *junk[:50]],
        [*junk, "Original Work", "Original Work"],
        [f"A/B {index}" for index in range(many)],
        [f"Person {index}" for index in range(many)],
        junk,
    )
    meta = import_story(page, "salt.html", max_bytes=20_000_000).meta
    for name in ("archive_warnings", "fandoms", "relationships", "characters", "additional_tags"):
        values = getattr(meta, name)
        assert len(values) <= MAX_DECLARATIONS + 20, (name, len(values))
        assert len(values) == len(set(values)), name
    assert meta.fandoms[:2] == ["junk 0", "junk 1"]  # AO3's order, the first ones


def test_a_real_archive_warning_after_junk_is_never_capped_away() -> None:
    """The cap keeps every tag that names a known warning: AO3's warnings listed after 10,000 junk
    tags, and a freeform "Self-Harm" after as many junk freeforms, still warn."""
    junk = [f"junk {index}" for index in range(JUNK)]
    page = _page(
        [*junk, "Major Character Death", "Graphic Depictions Of Violence", "Major Character Death"],
        ["Original Work"],
        [],
        [],
        [*junk, "Self-Harm"],
    )
    meta = import_story(page, "salt.html", max_bytes=20_000_000).meta
    assert meta.archive_warnings[-2:] == ["Major Character Death", "Graphic Depictions Of Violence"]
    assert meta.archive_warnings.count("Major Character Death") == 1
    assert meta.additional_tags[-1] == "Self-Harm"
    ids = map_declared(meta).ids
    assert {"death", "violence", "self-harm"} <= set(ids), ids


def test_a_title_from_a_file_name_stops_at_a_nul() -> None:
    """What a system reads of a name ends at its NUL: "The Weir\\x00.exe.txt" was titled "The Weir .exe",
    and "The Weir.txt\\x00.exe" "The Weir.txt" (its extension, read from after the NUL, taken off instead)."""
    from bot.story.plaintext import title_from_filename

    text = b"It was a dark night on the weir.\n\nThe end."
    for name in ("The Weir\x00.exe.txt", "The Weir.txt\x00.exe", "The Weir\x00 copy.md", "C:\\x\\The Weir.md\x00.txt"):
        assert import_story(text, name, max_bytes=1_000_000).meta.title == "The Weir", name
        assert title_from_filename(name) == "The Weir", name
    assert import_story(text, "The Weir.md\x00.txt", max_bytes=1_000_000).source_format == "md"  # its own suffix
    assert title_from_filename("\x00.txt") == "Untitled story"


def test_a_refused_heading_is_quoted_as_typed_never_as_half_open_markup() -> None:
    """The refusal quoted the heading raw, sliced at 80 characters: a spoiler's bars cut open (the rest
    of the answer hidden), a mention, a lone flag letter. It is quoted as every member's text is."""
    import pytest

    from bot.story.errors import StoryFormatError
    from bot.text import unescape_markdown

    heading = "Chapter 2: ||" + "the butler " * 6 + "did it|| <@123> " + "🇫🇷" * 10  # a heading's length at most
    text = f"Chapter 1\n\nIt began.\n\n{heading}\n\nChapter 3\n\nIt ended.\n"
    with pytest.raises(StoryFormatError) as refused:
        import_story(text.encode(), "x.txt", max_bytes=1_000_000)
    message = str(refused.value)
    assert "has no story text under it" in message
    assert "||" not in message and "<@123>" not in message, message
    quoted = unescape_markdown(message.split("“", 1)[1].split("”", 1)[0]).removesuffix("…")
    assert heading.startswith(quoted) and len(quoted) <= 100


def test_a_story_stored_before_the_cap_reads_back_bounded() -> None:
    """A row stored with 10,000 junk archive warnings (before they were capped) is read back as a new
    import keeps them: bounded, once each, its real warning kept for every rescan and preview."""
    from bot.story.store import StoryRecord

    junk = [f"junk {index}" for index in range(JUNK)]
    stored = {
        "archive_warnings": [*junk, *junk, "Major Character Death"],
        "fandoms": junk,
        "relationships": junk,
        "characters": junk,
        "additional_tags": [*junk, "Self-Harm"],
        "notes": ["A note."],
    }
    record = StoryRecord(
        id=1, title="Salt Glass", author=None, summary=None, rating=None, declared_warnings=[], meta=stored,
        source_format="txt", chapter_count=1, words=10, content_hash=None, added_by=None, added_at=0.0,
    )  # fmt: skip
    meta = record.story_meta()
    for name in ("archive_warnings", "fandoms", "relationships", "characters", "additional_tags"):
        assert len(getattr(meta, name)) <= MAX_DECLARATIONS + 1, name
    assert meta.archive_warnings[-1] == "Major Character Death" and meta.additional_tags[-1] == "Self-Harm"
    assert meta.notes == ["A note."]
