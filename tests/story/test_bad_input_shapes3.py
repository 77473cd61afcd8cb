"""Documents Dogear does not read, under any name: a Word or OpenDocument file renamed .txt or
.epub, RTF or FictionBook saved as .txt, a Kindle book without its extension. Each gets one
sentence naming what it is and what to upload instead, never markup posted as a story."""

from __future__ import annotations

import io
import zipfile

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
ODT = _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"})
RTF = rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} \f0\fs24 Chapter One\par It was a dark night.\par }"
FB2 = (
    b'<?xml version="1.0" encoding="utf-8"?>\n<FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0">'
    b"<body><section><p>Hello there.</p></section></body></FictionBook>"
)
MOBI = b"Lantern Street".ljust(60, b"\x00") + b"BOOKMOBI" + b"\x00" * 200


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (DOCX, "story.txt", "a Word document"),
        (DOCX, "story.epub", "a Word document"),
        (DOCX, "story", "a Word document"),
        (ODT, "story.txt", "an OpenDocument text"),
        (ODT, "story.pages", "an OpenDocument text"),
        (RTF, "story.txt", "an RTF document"),
        (b"\xef\xbb\xbf" + RTF, "story.md", "an RTF document"),
        (FB2, "story.fb2", "a FictionBook (FB2) book"),
        (FB2, "story.txt", "a FictionBook (FB2) book"),
        (MOBI, "story.txt", "a Kindle book"),
        (MOBI, "story", "a Kindle book"),
    ],
)
def test_a_document_under_another_name_is_named_and_refused(data: bytes, name: str, kind: str) -> None:
    with pytest.raises(StoryFormatError) as refused:
        import_story(data, name, max_bytes=1 << 20)
    message = str(refused.value)
    assert message.startswith(f"This is {kind};")
    assert ".txt, .md, .html or .epub" in message and "\n" not in message


def test_text_that_mentions_rtf_is_still_a_story() -> None:
    story = import_story(b"Chapter 1\n\nShe typed {\\rtf1 into the box and laughed.", "story.txt", max_bytes=1 << 20)
    assert story.chapters[0].paragraphs == ["She typed {\\rtf1 into the box and laughed."]
