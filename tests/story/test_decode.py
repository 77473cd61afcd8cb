"""Bytes to text: every encoding readers' files come in, and every refusal."""

from __future__ import annotations

import codecs
import random

import pytest

from bot.errors import UserError
from bot.story.decode import decode_text
from bot.story.errors import StoryFormatError
from bot.story.importer import import_story

TEXT = "Café déjà vu — “quoted” naïve façade.\nIt’s a résumé, isn’t it?\n"
LIMIT = 1024 * 1024


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # native order with BOM
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        TEXT.encode("cp1252"),
        TEXT.encode("utf-16-le"),  # saved without a byte-order mark
        TEXT.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le-bom", "utf16be-bom", "utf32le-bom", "cp1252", "utf16le", "utf16be"],
)
def test_decodes_every_common_encoding(data: bytes) -> None:
    assert decode_text(data, max_bytes=LIMIT) == TEXT


def test_cp1252_story_longer_text(corpus_dir) -> None:
    original = (corpus_dir / "001_c216028677f5dbae.txt").read_text(encoding="utf-8").replace("'", "’") + " Café."
    assert decode_text(original.encode("cp1252"), max_bytes=LIMIT) == original


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_newlines_are_normalised(newline: str) -> None:
    data = newline.join(["one", "", "two", "three"]).encode()
    assert decode_text(data, max_bytes=LIMIT) == "one\n\ntwo\nthree"


def test_nul_bytes_are_refused() -> None:
    with pytest.raises(StoryFormatError, match=r"not readable text|binary"):
        decode_text(b"hello\x00world, this is a story", max_bytes=LIMIT)


def test_other_control_bytes_are_refused() -> None:
    with pytest.raises(StoryFormatError, match="binary"):
        decode_text(b"hello \x01\x02\x03 world", max_bytes=LIMIT)


def test_png_is_named() -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    with pytest.raises(StoryFormatError, match="PNG image"):
        decode_text(png, max_bytes=LIMIT)


def test_random_bytes_are_refused() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(128, 256) for _ in range(4000))
    with pytest.raises(StoryFormatError, match="not readable text"):
        decode_text(data, max_bytes=LIMIT)


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \n"])
def test_empty_is_refused(data: bytes) -> None:
    with pytest.raises(StoryFormatError, match="empty"):
        decode_text(data, max_bytes=LIMIT)


def test_size_limit() -> None:
    with pytest.raises(StoryFormatError, match="larger than the 1 KiB limit"):
        decode_text(b"a" * 2000, max_bytes=1024)
    with pytest.raises(StoryFormatError, match="larger than the 8 MiB limit"):
        decode_text(b"a" * (8 * 1024 * 1024 + 1), max_bytes=8 * 1024 * 1024)


def test_story_format_error_is_a_user_error() -> None:
    assert issubclass(StoryFormatError, UserError)


def test_utf8_with_a_stray_legacy_byte_keeps_its_utf8_and_reads_the_byte_as_cp1252() -> None:
    """One "é" pasted in cp1252 into a UTF-8 story must not turn every curly quote into "â€™"."""
    data = (TEXT * 50).encode("utf-8") + b"One more caf\xe9, \x93quoted\x94.\n"
    assert decode_text(data, max_bytes=LIMIT) == TEXT * 50 + "One more café, “quoted”.\n"
    legacy = "Café déjà vu, naïve façade, résumé. Ã© at the end.\n"  # "Ã©" is valid UTF-8 by chance
    assert decode_text(legacy.encode("cp1252"), max_bytes=LIMIT) == legacy


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_a_few_stray_control_characters_do_not_refuse_a_story(encoding: str) -> None:
    """Word's manual line breaks (vertical tab), a DOS Ctrl-Z at the end, a stray escape byte."""
    prose = "The tide came in slowly, and nobody on the pier said a word about it. " * 40
    text = f"Title: Pier\n\nChapter 1\n\nFirst line\x0bsecond line.\n\n{prose}\x1b\n\n{prose}caf\u00e9.\n\x1a"
    story = import_story(text.encode(encoding), "pier.txt", max_bytes=LIMIT)
    paragraphs = story.chapters[0].paragraphs
    assert paragraphs[0] == "First line\nsecond line."
    assert not any(char in "".join(paragraphs) for char in "\x0b\x1a\x1b")
    assert paragraphs[-1].endswith("café.")


def test_many_control_characters_are_still_binary_data() -> None:
    data = ("word \x01 " * 2000).encode()
    with pytest.raises(StoryFormatError, match="binary"):
        decode_text(data, max_bytes=LIMIT)
