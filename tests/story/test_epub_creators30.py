"""An EPUB's writers among its creators: an illustrator, a translator or an editor listed first
(EPUB 2's ``opf:role``, EPUB 3's ``role`` meta) was shown to members as the story's author."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from tests.story.builders import epub_bytes, xhtml

CHAPTER = ("c1.xhtml", xhtml("<h1>One</h1><p>The ferry left at dawn, and nobody waved.</p>", "One"))


def author(metadata: str) -> str | None:
    data = epub_bytes([CHAPTER], author=None, extra_metadata=metadata)
    return import_story(data, "book.epub", max_bytes=1 << 20).meta.author


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        (
            '<dc:creator opf:role="ill">Ann Sketch</dc:creator><dc:creator opf:role="aut">Mara Quill</dc:creator>',
            "Mara Quill",
        ),
        (
            '<dc:creator id="c1">Tom Translate</dc:creator><dc:creator id="c2">Mara Quill</dc:creator>'
            '<meta refines="#c1" property="role" scheme="marc:relators">trl</meta>'
            '<meta refines="#c2" property="role" scheme="marc:relators">aut</meta>',
            "Mara Quill",
        ),
        ("<dc:creator>Mara Quill</dc:creator><dc:creator>Jon Reed</dc:creator>", "Mara Quill & Jon Reed"),
        ('<dc:creator opf:role="edt">Ed Itor</dc:creator>', "Ed Itor"),
        ("<dc:creator>Unknown</dc:creator>", None),
    ],
)
def test_the_author_is_the_creator_who_wrote_it(metadata: str, expected: str | None) -> None:
    assert author(metadata) == expected


def test_an_anthologys_creators_are_not_all_named() -> None:
    metadata = "".join(f"<dc:creator>Writer {n}</dc:creator>" for n in range(1, 9))
    assert author(metadata) == "Writer 1 & Writer 2 & Writer 3 & others"
