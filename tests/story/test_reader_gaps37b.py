"""Story files outside testers sent that were misread or refused vaguely (the thirty-seventh session's
second probe of files nobody on the project wrote):

- an EPUB or a zipped story file one entry of which is packed with a compression Python's zipfile
  cannot unpack (Windows' Deflate64, method 9) or locked by a password: "the EPUB is damaged" or
  "this is a zip archive", which sent the member to export again a file that was not damaged; now the
  refusal names the compression (or the password) and says to zip it again;
- an EPUB whose chapters are encrypted (a store's DRM) is refused as DRM-protected (pinned).

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from tests.story.builders import epub_bytes, xhtml

FIRST = "The kettle had boiled dry twice before Marguerite noticed, and by then the letter was already ash."
SECOND = "Nobody in the village of Harrow End kept clocks, which was how the trouble started that winter."
THIRD = "Her brother came home on the last ferry with a suitcase that ticked when it was set down."
LIMIT = 1 << 20


def _low_water_epub(extra_members: list[tuple[str, bytes]] | None = None) -> bytes:
    return epub_bytes(
        [
            ("c1.xhtml", xhtml(f"<h1>Chapter 1</h1><p>{FIRST}</p>")),
            ("c2.xhtml", xhtml(f"<h1>Chapter 2</h1><p>{SECOND}</p>")),
        ],
        title="Low Water",
        author="marrowbird",
        extra_members=extra_members,
    )


def _repacked(data: bytes, name: str, *, method: int | None = None, flags: int = 0) -> bytes:
    """The zip with one entry's headers saying it was packed with ``method`` (Deflate64 is 9, as
    Windows' "Send to > Compressed folder" writes large files) or locked (``flags`` bit 0), as a
    zip tool other than Python's wrote it: the headers are all a reader looks at before unpacking."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        offset = archive.getinfo(name).header_offset
    places = [(offset, 6, 8)]  # local header: flags at +6, method at +8
    start = 0
    while (start := out.find(b"PK\x01\x02", start)) >= 0:
        length = int.from_bytes(out[start + 28 : start + 30], "little")
        if bytes(out[start + 46 : start + 46 + length]).decode() == name:
            places.append((start, 8, 10))  # central directory: flags at +8, method at +10
        start += 4
    for base, flag_at, method_at in places:
        if method is not None:
            out[base + method_at : base + method_at + 2] = method.to_bytes(2, "little")
        old = int.from_bytes(out[base + flag_at : base + flag_at + 2], "little")
        out[base + flag_at : base + flag_at + 2] = (old | flags).to_bytes(2, "little")
    return bytes(out)


def _zipped(name: str, text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, text)
    return buffer.getvalue()


STORY = f"Low Water\nby marrowbird\n\nChapter 1\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n"


# An entry packed with a compression zipfile cannot unpack, or locked by a password.


def test_an_epub_chapter_packed_with_deflate64_is_refused_naming_it() -> None:
    data = _repacked(_low_water_epub(), "OEBPS/c1.xhtml", method=9)
    with pytest.raises(StoryFormatError, match="Deflate64") as refusal:
        import_story(data, "low-water.epub", max_bytes=LIMIT)
    assert "export the EPUB again" in str(refusal.value)
    assert "damaged" not in str(refusal.value)


def test_a_zipped_text_file_packed_with_deflate64_is_refused_naming_it() -> None:
    data = _repacked(_zipped("Low Water.txt", STORY), "Low Water.txt", method=9)
    with pytest.raises(StoryFormatError, match="Deflate64") as refusal:
        import_story(data, "Low Water.zip", max_bytes=LIMIT)
    assert "zip it again" in str(refusal.value) and "Low Water.txt" in str(refusal.value)


def test_a_zipped_text_file_locked_by_a_password_is_refused_saying_so() -> None:
    data = _repacked(_zipped("Low Water.txt", STORY), "Low Water.txt", flags=1)
    with pytest.raises(StoryFormatError, match="password"):
        import_story(data, "Low Water.zip", max_bytes=LIMIT)


def test_an_epub_chapter_locked_by_a_password_is_refused_saying_so() -> None:
    data = _repacked(_low_water_epub(), "OEBPS/c2.xhtml", flags=1)
    with pytest.raises(StoryFormatError, match="password"):
        import_story(data, "low-water.epub", max_bytes=LIMIT)


def test_an_epub_chapter_whose_deflate_is_broken_is_still_damaged() -> None:
    """Guard: a chapter whose packed bytes are broken, in the ordinary Deflate, is still "damaged"."""
    data = bytearray(_low_water_epub())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("OEBPS/c1.xhtml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start : start + info.compress_size] = b"\xff" * info.compress_size
    with pytest.raises(StoryFormatError, match="damaged"):
        import_story(bytes(data), "low-water.epub", max_bytes=LIMIT)


def test_a_zipped_text_file_packed_as_usual_is_read() -> None:
    story = import_story(_zipped("Low Water.txt", STORY), "Low Water.zip", max_bytes=LIMIT)
    assert story.meta.title == "Low Water"
    assert [p for c in story.chapters for s in c.scenes for p in s.paragraphs] == [FIRST, SECOND]


# DRM.

_ENCRYPTION = (
    '<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
    'xmlns:enc="http://www.w3.org/2001/04/xmlenc#">'
    + "".join(
        '<enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
        f'<enc:CipherData><enc:CipherReference URI="OEBPS/{name}"/></enc:CipherData></enc:EncryptedData>'
        for name in ("c1.xhtml", "c2.xhtml")
    )
    + "</encryption>"
)


def test_an_epub_with_encrypted_chapters_is_refused_as_drm() -> None:
    data = _low_water_epub([("META-INF/encryption.xml", _ENCRYPTION.encode())])
    with pytest.raises(StoryFormatError, match="DRM") as refusal:
        import_story(data, "low-water.epub", max_bytes=LIMIT)
    assert "DRM-free" in str(refusal.value)
