"""Bytes to text, or a clear refusal.

Readers hand over files saved by every editor there is: UTF-8 with and without a BOM,
UTF-16 from Windows tools, cp1252 from old fan-fiction archives. Anything that is not
plausibly text (images, archives, random bytes) is refused here, before any parser sees it.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from bot.story.alphabets import borrows_words, plausibility
from bot.story.errors import StoryFormatError
from bot.story.invisible import NEVER_TEXT
from bot.story.structure import bare_number_heading, match_heading, title_alone

# Signatures of common binary files, named so the error can say what the file really is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF media file (WebP, WAV or AVI)"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    # bzip2: "BZh", the block size digit, then a block's own magic (pi's digits): no sentence opens so
    *((b"BZh" + str(level).encode() + b"1AY&SY", "a bzip2 archive") for level in range(1, 10)),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x28\xb5\x2f\xfd", "a Zstandard archive"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Office document"),
    (b"SQLite format 3", "a SQLite database"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"OggS", "an audio file"),
    (b"ID3", "an MP3 file"),
)

DETECT_SAMPLE_BYTES = 256 * 1024  # enough text for charset-normalizer to tell code pages apart

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in real prose (tab, newline, CR and form feed do).
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")
# At most one stray control character in this many characters is removed (:func:`_settle_controls`);
# more is binary data. Random bytes hold one in ten.
CONTROL_EVERY = 1000
# "\r\r\n" is a Windows line end written through a second conversion (a CRLF file saved again in text
# mode): one line end, not two, or every line of a hard-wrapped paragraph was a paragraph of its own.
_NEWLINES = re.compile(r"\r+\n|\r|[\x0c\x85\u2028\u2029]")
# A zero width space at the start of a line (pasted from apps that use it to keep "empty"
# lines or indents); a line of nothing else is blank. Inside a line it may mark where a
# line of Thai or Khmer can break, so it stays there.
_ZWSP_LINE = re.compile(r"^[ \t]*\u200b[ \t\u200b]*$", re.MULTILINE)
_ZWSP_START = re.compile(r"^([ \t]*)\u200b+", re.MULTILINE)


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.3g} MiB"
    return f"{max(1, round(size / 1024))} KiB"


def size_limit_message(max_bytes: int) -> str:
    return f"The file is larger than the {human_size(max_bytes)} limit; split the story or trim it."


def check_size(data: bytes, max_bytes: int) -> None:
    if not data:
        raise StoryFormatError("The file is empty; attach the story's text.")
    if len(data) > max_bytes:
        raise StoryFormatError(size_limit_message(max_bytes))


def sniff_binary(data: bytes) -> str | None:
    """What kind of binary file ``data`` is, or None if it does not start like one."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


# A page break (a form feed: Word's, LibreOffice's and Pages' plain text set one for each) over a short line
# alone, the first of its page, that reads as a title: "The Ferry", "THE FERRY", "One". Read after the
# break went to a newline, it was a paragraph of its chapter's text. (Each line is read once: the lines
# the pattern takes are bounded, and where it fails it fails at the next line end.)
_PAGE_TITLE = re.compile(
    r"\x0c[ \t]*+(?:\r?\n[ \t]*+){0,3}(?P<line>[^\s\x0c#][^\n\r\x0c]{0,79}?)[ \t]*\r?\n(?=[ \t]*\r?\n|[^\n\r]{81})"
)
PAGE_TITLES_LEAST = 2  # page breaks over such a line, for the file to be read so
PAGE_TITLES_MOST = 1000  # and at most (DEFAULT_MAX_CHAPTERS is 500)


def page_break_headings(text: str) -> str:
    """The text with each page's title line under its page break a heading ("# The Ferry"), where two pages
    at least open so: the form feed is a line end once read, and the line was story text."""
    if "\x0c" not in text:
        return text
    found: list[re.Match[str]] = []
    for match in _PAGE_TITLE.finditer(text):
        line = match.group("line")
        if title_alone(line):
            found.append(match)
            if len(found) > PAGE_TITLES_MOST:
                return text  # more pages than a book has chapters: no book's chapters (each is read once more below)
    if len(found) < PAGE_TITLES_LEAST:
        return text
    parts: list[str] = []
    end = 0
    for match in found:
        line = match.group("line")
        heading = match_heading(line, markdown=False)
        if heading is None and (number := bare_number_heading(line)) is not None:
            line = f"Chapter {number.number}"  # "One" alone: the chapter's number, no title
        elif heading is None or heading.kind == "markdown":
            line = f"# {line}"  # ("Chapter Two" is a heading already)
        parts += [text[end : match.start()], f"\n\n{line}\n"]
        end = match.end()
    return "".join(parts) + text[end:]


def normalize_newlines(text: str) -> str:
    return _NEWLINES.sub("\n", text) if ("\r" in text or not text.isascii() or "\x0c" in text) else text


def remove_invisible(text: str) -> str:
    """Text without the invisible characters that are never part of it (see :data:`NEVER_TEXT`).

    Left in, they stop "Chapter 2" from reading as a heading and end up in posted messages.
    """
    if text.isascii():
        return text
    for invisible in NEVER_TEXT:
        if invisible in text:
            text = text.replace(invisible, "")  # str.replace runs at C speed; translate with a dict does not
    if "\u200b" in text:
        text = _ZWSP_START.sub(r"\1", _ZWSP_LINE.sub("", text))
    return text


TEXT_HEAD_BYTES = 4096


def plain_text_inside(data: bytes) -> bool:
    """Whether a file named as an image or a document is text after all, by its first bytes: no binary
    signature, and they decode as text with no control character prose never has. A story saved as
    "story.doc" or shared as "story.png" by a phone was refused for its name; a real image or
    document starts with its signature or reads as control characters at once."""
    head = data[:TEXT_HEAD_BYTES]
    if not head.strip() or sniff_binary(data) is not None:
        return False
    decoded = _decode(head)
    return decoded is not None and bool(decoded[0].strip()) and not has_controls(decoded[0])


_WIDE = re.compile(r"utf[-_]?(?:16|32)", re.IGNORECASE)


def wide_falsely(data: bytes, encoding: str) -> bool:
    """Whether ``data``, said to be UTF-16 or UTF-32, cannot be: markup in either has a NUL byte in
    each of its ASCII characters. Read as it was said, a page in UTF-8 came out as thousands of
    CJK-looking characters and was posted as the story."""
    return bool(_WIDE.match(encoding.strip())) and not data.startswith(_WIDE_BOMS) and b"\x00" not in data[:4096]


_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32's begin with UTF-16's


def decode_text(data: bytes, *, max_bytes: int) -> str:
    """Decode a text file of unknown encoding, with newlines normalised to ``\\n``."""
    check_size(data, max_bytes)
    kind = sniff_binary(data)
    if kind:
        raise StoryFormatError(f"This file is {kind}, not a story; attach a .txt, .md, .html or .epub file.")
    decoded = _decode(data)
    if decoded is None and (named := iso2022_name(data)) is not None:
        raise StoryFormatError(f"The file is in {named}, which Dogear cannot read; save it as UTF-8 and try again.")
    if decoded is None and b"\x00" in data and not data.startswith(tuple(bom for bom, _ in _BOMS)):
        # Said to be in no known encoding, a UTF-8 file with a few NULs too many (two in a small page) sent
        # the member to save as UTF-8 what already was: the NULs are the cause, as for every file refused for them.
        raise StoryFormatError(
            "The file is not readable text: it holds NUL bytes (a binary file, or text saved in a format Dogear "
            "does not read); save the story as plain UTF-8 text and try again."
        )
    if decoded is None:
        raise StoryFormatError(
            "The file is not readable text (neither UTF-8 nor a known text encoding); save it as UTF-8 and try again."
        )
    text, encoding = decoded
    if _has_bad_control(data, text, encoding == "utf-8"):
        text = _settle_controls(text)
    text = remove_invisible(normalize_newlines(page_break_headings(text)))
    if not text.strip():
        raise StoryFormatError("The file is empty; attach the story's text.")
    return text


# Every byte except the control bytes prose never has; deleting these leaves only the bad ones.
_NOT_CONTROL = bytes(byte for byte in range(256) if not ((byte < 0x20 and byte not in (9, 10, 12, 13)) or byte == 0x7F))


# A terminal's escape sequences: colours and styles ("\x1b[1;31m"), cursor moves, a window title or
# a link ("\x1b]8;;https://...\x1b\\"). A story copied from a terminal or a log keeps them, one or
# two to a line: counted as stray controls, the whole story was refused as binary data.
_TERMINAL_ESCAPE = re.compile(r"\x1b(?:\[[0-?]{0,32}[ -/]{0,8}[@-~]|\][^\x07\x1b\n]{0,2000}(?:\x07|\x1b\\)|[@-Z\\-_])")


def _settle_controls(text: str) -> str:
    """The text with its few stray control characters settled, or refused when they are many.

    Word writes a manual line break as a vertical tab, old DOS tools end a file with Ctrl-Z, and
    a stray escape or bell byte rides in from a terminal: one of them refused the whole story as
    binary data. A vertical tab is a line break, a Ctrl-Z at the end is dropped, a terminal's
    escape sequences go whole (:data:`_TERMINAL_ESCAPE`), and the others are removed while they are rare (:data:`CONTROL_EVERY`); more of them is binary data.
    """
    end = text.rstrip()
    if end.endswith("\x1a"):
        text = end.rstrip("\x1a")
    if "\x1b" in text:
        text = _TERMINAL_ESCAPE.sub("", text)
    if too_many_controls(text):
        raise StoryFormatError("The file contains binary data, not plain text; save the story as text and try again.")
    return remove_controls(text)


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a control character prose never has (a vertical tab counts)."""
    return _BAD_CONTROL.search(text) is not None


def remove_controls(text: str) -> str:
    """``text`` without the control characters prose never has, a vertical tab (Word's manual line
    break) read as a line break."""
    return _BAD_CONTROL.sub("", text.replace("\x0b", "\n"))


def too_many_controls(text: str, *, at_least: int = 0) -> bool:
    """More stray control characters than :data:`CONTROL_EVERY` allows, and more than ``at_least``;
    a vertical tab is a line break, not one."""
    strays = _count(_BAD_CONTROL, text) - text.count("\x0b")
    return strays > at_least and strays * CONTROL_EVERY > len(text)


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Matches of a one-character pattern, counted by what is left without them, not by a list
    of them (random bytes read as strays are millions: their list took an 8 MB upload to 600 MB)."""
    return len(text) - len(pattern.sub("", text))


def _has_bad_control(data: bytes, text: str, utf8: bool) -> bool:
    """Control characters anywhere; for UTF-8 input, checked on the bytes at C speed.

    In UTF-8 every byte below 0x80 is that ASCII character, so a control byte in the data
    is a control character in the text and nothing else is.
    """
    if utf8:
        return bool(data.translate(None, _NOT_CONTROL)) or "\ufffe" in text or "\uffff" in text
    return _BAD_CONTROL.search(text) is not None


def _utf8_under_wide_mark(rest: bytes) -> bool:
    """Whether what follows a UTF-16 or UTF-32 byte-order mark is UTF-8 text after all: no NUL byte in
    its first kilobytes (wide text has one in every line end and space) and valid UTF-8 throughout. A
    mark left by joining files or a wrong "save as" read 4 MB of English as CJK-looking characters,
    posted as the story."""
    if len(rest) < _WIDE_SAMPLE // 8 or b"\x00" in rest[:_WIDE_SAMPLE]:
        return False
    try:
        rest.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_WIDE_SAMPLE = 4096


def _decode(data: bytes) -> tuple[str, str] | None:
    """The text and the encoding it was read with, or None when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if bom == codecs.BOM_UTF8 and b"\x00" in data:
                # The mark says UTF-8 whatever NUL bytes ride in it, however many: text from a tool that wrote
                # UTF-16 for a stretch, or padded the file. Read as wide (or as binary data), it was refused.
                data = data.replace(b"\x00", b"")
            if bom in _WIDE_BOMS and _utf8_under_wide_mark(data[len(bom) :]):
                return data[len(bom) :].decode("utf-8"), "utf-8"
            try:
                if encoding != "utf-8":  # a stray byte past the last whole character (a cut copy) is dropped
                    return _whole_characters(data[len(bom) :], encoding), encoding
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError:
                # One pasted cp1252 byte in a file saved as UTF-8 with a mark refused the whole story,
                # while the same file without the mark was read (Notepad writes the mark).
                mostly = _mostly_utf8(data[len(bom) :]) if encoding == "utf-8" else None
                return None if mostly is None else (mostly, "utf-8 with stray bytes")
    if b"\x00" in data:
        if (text := _utf8_less_nuls(data)) is not None:
            return text, "utf-8 less NUL bytes"
        encoding = _utf32_without_bom(data) or _utf16_without_bom(data)
        if encoding is None:
            return None  # NUL bytes that are not UTF-16's or UTF-32's: binary, not text
        try:
            return _whole_characters(data, encoding), encoding
        except UnicodeDecodeError:
            return None
    if b"\x1b$" in data and data.isascii() and _ISO2022_ESCAPE.search(data):
        return _iso2022(data)  # None when no codec reads it: refused naming the encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\xed" in data and (mended := _mended_surrogates(data)) is not None:
        try:
            return mended.decode("utf-8"), "utf-8 with encoded surrogates"
        except UnicodeDecodeError:
            data = mended  # and its other stray bytes read as below
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly, "utf-8 with stray bytes"
    legacy = _legacy(data)
    return None if legacy is None else (legacy, "legacy")


# A byte that is not UTF-8, as ``surrogateescape`` keeps it, read as Windows-1252 (Latin-1 for
# the five bytes cp1252 leaves undefined).
_STRAY = re.compile("[\udc80-\udcff]")
WIDE_SAMPLE_BYTES = 4096  # bytes of a file with NULs and no mark that are read to tell UTF-16 text from binary data
# How much "chaos" (charset-normalizer's measure of unlikely characters) a UTF-16 reading of a
# file without a mark may have: Russian, Greek, Arabic, Chinese, Japanese and Korean prose read at
# 0.00-0.06; random bytes, compressed data and tables of integers find no reading below it.
WIDE_CHAOS = 0.2
MOSTLY_SAMPLE = 1 << 16  # bytes read first to tell a legacy file from UTF-8 with a few stray bytes
_CP1252 = {0xDC00 + byte: bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(0x80, 0x100)}


def _whole_characters(data: bytes, encoding: str) -> str:
    """``data`` read in a UTF-16 or UTF-32 ``encoding`` up to its last whole character: a byte or three
    past it (a copy cut short, a stray byte appended) is dropped. The file was refused as "not readable
    text" for one byte. Raises UnicodeDecodeError when the rest does not read."""
    return codecs.getincrementaldecoder(encoding)().decode(data, final=False)


def _utf32_without_bom(data: bytes) -> str | None:
    """``utf-32-le`` or ``-be`` when ``data`` looks like UTF-32 saved without a byte-order mark: in
    each four bytes, the top one NUL and the next at most 0x10 (no code point is above U+10FFFF), and
    the sample reads as text (line breaks, no control characters), as :func:`_utf16_without_bom`
    asks. Read as UTF-16, such a story was refused as "not readable text"."""
    sample = data[: WIDE_SAMPLE_BYTES - WIDE_SAMPLE_BYTES % 4]
    sample = sample[: len(sample) - len(sample) % 4]
    if len(sample) < 8:
        return None
    for encoding, top, plane in (("utf-32-le", sample[3::4], sample[2::4]), ("utf-32-be", sample[0::4], sample[1::4])):
        if top.count(0) != len(top) or max(plane) > 0x10:
            continue
        read = _reading(sample, encoding, final=False)
        if read and _LINE_BREAK.search(read) and not _BAD_CONTROL.search(read):
            return encoding
    return None


# The ISO-2022 encodings Python reads, tried in this order: Japanese email and old text ("ESC $ B"
# switching to JIS X 0208), with half-width katakana, with the 2004 additions, then Korean
# ("ESC $ ) C" and shifts). ISO-2022-CN has no codec in Python.
_ISO2022 = ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_kr")


# An ISO-2022 switch to a two-byte character set: "ESC $ B" (JIS X 0208), "ESC $ ) C" (KS X 1001), ...
_ISO2022_ESCAPE = re.compile(rb"\x1b\$(?:[@AB]|[()*+][@-~])")


def _iso2022(data: bytes) -> tuple[str, str] | None:
    """Seven-bit text in an ISO-2022 encoding, read as one of :data:`_ISO2022` that reads it; None when
    none does. Every byte is ASCII, so it was read as UTF-8 and refused for its escapes (ESC is a
    control character prose never has) as binary data. A character cut at the end is dropped."""
    for encoding in _ISO2022:
        text = _reading(data, encoding, final=False)
        if text is not None and _BAD_CONTROL.search(text) is None:  # an escape or shift it did not take
            return text, encoding
    return None


def iso2022_name(data: bytes) -> str | None:
    """The ISO-2022 encoding ``data`` announces by its escapes, as a refusal names it, or None."""
    if b"\x1b$" not in data or not data.isascii() or not _ISO2022_ESCAPE.search(data):
        return None
    if b"\x1b$)C" in data:
        return "ISO-2022-KR"
    if any(escape in data for escape in (b"\x1b$A", b"\x1b$)A", b"\x1b$)G", b"\x1b$*H")):
        return "ISO-2022-CN"
    return "ISO-2022-JP"


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` when ``data`` looks like UTF-16 saved without a byte-order mark.

    Text in a Latin script has a NUL in every other byte and never in the others, which settles
    it at once. Text in other scripts has NULs only where it has ASCII (spaces, newlines, digits),
    and CJK text in both halves (U+4E00 is ``00 4E``), so charset-normalizer is asked, between the
    two byte orders only, whether the sample reads as text: a Russian or Chinese story saved by
    Notepad without its mark was refused as "not readable text". Binary data reads as neither.
    """
    sample = data[:WIDE_SAMPLE_BYTES]
    sample = sample[: len(sample) - len(sample) % 2]  # a stray byte closing the file is dropped when read
    if len(sample) < 2:
        return None
    low, high = sample[0::2].count(0), sample[1::2].count(0)
    pairs = len(sample) // 2
    # Three pairs in four at least: Latin text in UTF-16 has a NUL in nearly every pair (all but its
    # curly quotes and dashes), while a UTF-8 file with one line of letters set apart by NULs had them
    # in half its pairs and was read as UTF-16, a story of CJK-looking nonsense titled by its file name.
    if 4 * high >= 3 * pairs and not low:
        return "utf-16-le"
    if 4 * low >= 3 * pairs and not high:
        return "utf-16-be"
    # A cut between the halves of a surrogate pair would make every reading fail.
    cut = len(sample) - 2 if 0xD8 <= sample[-1] <= 0xDB or 0xD8 <= sample[-2] <= 0xDB else len(sample)
    best = from_bytes(sample[:cut], cp_isolation=["utf_16_le", "utf_16_be"], threshold=WIDE_CHAOS).best()
    if best is None:
        return None
    # Text breaks its lines and has no control characters; data read two bytes at a time ("text\0"
    # said over and over) comes out as CJK-looking characters that charset-normalizer finds calm.
    read = str(best)
    if not _LINE_BREAK.search(read) or _BAD_CONTROL.search(read):
        return None
    return best.encoding.replace("_", "-")


_LINE_BREAK = re.compile("[\n\r\u2028\u2029]")


# NUL bytes inside UTF-8 text are dropped while they are at most one byte in this many (a short story with
# a stray one is read); more common, they are UTF-16's (one in two bytes) or binary data's ("text\0" said
# over and over is one in five).
NUL_EVERY = 100


def _utf8_less_nuls(data: bytes) -> str | None:
    """UTF-8 text with NUL bytes in it, read without them: a run of them closing the file (padding to a
    block's size) and a few inside it (:data:`NUL_EVERY`). Refused, such a story was "not readable
    text". None when NULs are more common, or when what is left is not UTF-8 throughout or holds
    other control characters by the many."""
    body = data.rstrip(b"\x00")
    if body.count(b"\x00") * NUL_EVERY > len(body):
        return None
    try:
        text = body.replace(b"\x00", b"").decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text.strip() or too_many_controls(text):
        return None
    return text


# UTF-16 surrogates written as UTF-8 bytes (CESU-8, Java's "modified UTF-8", a string cut in the middle
# of a pair): a pair, or one alone. Not UTF-8, they were read as three stray cp1252 bytes each ("í\xa0€").
_ENCODED_SURROGATES = re.compile(rb"\xed[\xa0-\xaf][\x80-\xbf]\xed[\xb0-\xbf][\x80-\xbf]|\xed[\xa0-\xbf][\x80-\xbf]")


def _mended_surrogates(data: bytes) -> bytes | None:
    """``data`` with each pair of encoded surrogates as the character they make ("😀" from CESU-8) and
    each one alone as U+FFFD, the mark of a character lost, as a browser shows it; None if it has none."""

    def mend(found: re.Match[bytes]) -> bytes:
        if len(found.group()) == 3:
            return "\ufffd".encode()
        pair = found.group().decode("utf-8", "surrogatepass")
        return pair.encode("utf-16-le", "surrogatepass").decode("utf-16-le").encode()

    mended = _ENCODED_SURROGATES.sub(mend, data)
    return None if mended == data else mended


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray legacy bytes (one pasted "é" in cp1252), read as UTF-8 with
    those bytes read as cp1252; ``None`` when the file has more stray bytes than UTF-8 characters.

    Read as a legacy encoding instead, every curly quote and dash of the UTF-8 text would show
    as mojibake ("itâ€™s") through the whole story.
    """
    stray, utf8 = _stray_and_utf8(data[:MOSTLY_SAMPLE].decode("utf-8", errors="surrogateescape"))
    if stray > utf8 and not _UTF8_PAIR.search(data, MOSTLY_SAMPLE):
        return None  # plainly a legacy encoding (or not text): said by its first bytes, not all 8 MB
    # (a file whose first part is legacy and whose later part is UTF-8, a chapter pasted in from another
    # program, is weighed whole: judged by its start, the UTF-8 part was all mojibake, "thĂ© â€” â€śqâ€ť")
    text = data.decode("utf-8", errors="surrogateescape")
    stray, utf8 = _stray_and_utf8(text)
    if utf8 <= stray:
        return None
    return _STRAY.sub(lambda match: _CP1252[ord(match.group())], text)


# A UTF-8 punctuation mark or accented Latin letter, the marks a UTF-8 part of a mixed file shows
# (curly quotes, dashes, "é"); legacy text holds these byte pairs only by chance.
_UTF8_PAIR = re.compile(rb"\xe2\x80[\x93\x94\x98\x99\x9c\x9d\xa6]|\xc3[\xa0-\xbf]")


def _stray_and_utf8(text: str) -> tuple[int, int]:
    """Bytes kept as surrogate escapes, and non-ASCII characters read as UTF-8."""
    stray = _count(_STRAY, text)
    return stray, len(text) - len(text.encode("ascii", errors="ignore")) - stray


_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _sample(data: bytes) -> bytes:
    """The start of the file plus the text around its first non-ASCII byte (what tells encodings apart)."""
    half = DETECT_SAMPLE_BYTES // 2
    if len(data) <= DETECT_SAMPLE_BYTES:
        return data
    first = _NON_ASCII.search(data)
    if first is None or first.start() < half:
        return data[:DETECT_SAMPLE_BYTES]
    return data[:half] + data[first.start() - half // 2 : first.start() + half // 2]


CLOSE_CHAOS = 0.1  # candidates this close to charset-normalizer's best are weighed by their letters
WEIGHED_BYTES = 32 * 1024  # bytes of each candidate reading that are weighed, from just before the first non-ASCII one
# The single-byte code pages stories are saved in, each weighed beside charset-normalizer's
# candidates: it ranks them by a sample's letter frequencies, which a short story or a language
# it does not know (Latvian, Lithuanian) leaves to chance, and it leaves out pages that read the
# sample like a page it already has (ISO-8859-2 beside cp1250).
_SINGLE_BYTE_PAGES = (
    "cp1252",
    "cp1250",
    "iso8859_2",
    "cp1257",
    "iso8859_13",
    "cp1254",
    "cp1253",
    "iso8859_7",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp866",
)
_JAPANESE = ("euc_jp", "euc_jis_2004", "euc_jisx0213", "shift_jis", "cp932", "shift_jis_2004", "iso2022_jp")
_KANA = re.compile("[\u3041-\u309f\u30a0-\u30ff]")


def _weighed_bytes(data: bytes) -> tuple[bytes, bool]:
    """The bytes a reading is weighed on, from a little before the first non-ASCII byte, and
    whether they run to the end of the file.

    Every byte before that one is ASCII, so the cut is at a character boundary in any encoding.
    """
    first = _NON_ASCII.search(data)
    start = 0 if first is None else max(0, first.start() - 1024)
    return data[start : start + WEIGHED_BYTES], start + WEIGHED_BYTES >= len(data)


def _reading(sample: bytes, encoding: str, *, final: bool) -> str | None:
    """``sample`` read in ``encoding``; None if it does not read. Unless ``final``, a character
    cut at the sample's end is left out (the file goes on past it)."""
    try:
        return codecs.getincrementaldecoder(encoding)().decode(sample, final=final)
    except (UnicodeDecodeError, LookupError):
        return None


def _weigh(text: str, encoding: str, *, borrowing: bool) -> tuple[float, bool]:
    """How plausible a reading is (:func:`bot.story.alphabets.plausibility`), and whether it is
    Japanese read as Japanese: kana occur only in Japanese, so a Japanese code page that reads
    kana wins over a Chinese one that happens to read them too.
    """
    japanese = encoding.replace("-", "_").lower() in _JAPANESE and bool(_KANA.search(text))
    return round(plausibility(text, borrowing=borrowing), 3), japanese


def _most_plausible(data: bytes, encodings: list[str]) -> str | None:
    """``data`` read with the candidate encoding whose reading is most plausible (see :func:`_weigh`).

    Readings are weighed on a sample; the whole file is then read with the best one that reads
    it without error. Ties go to cp1252 (English fiction in a legacy encoding almost always is),
    then to the order of ``encodings`` (charset-normalizer's ranking first).
    """
    sample, final = _weighed_bytes(data)
    borrowing = borrows_words(sample)
    ranked: list[tuple[tuple[float, bool, bool, int], str]] = []
    for rank, encoding in enumerate(dict.fromkeys(encodings)):
        text = _reading(sample, encoding, final=final)
        if text is not None:
            share, japanese = _weigh(text, encoding, borrowing=borrowing)
            ranked.append(((share, japanese, encoding == "cp1252", -rank), encoding))
    for _key, encoding in sorted(ranked, reverse=True):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _legacy(data: bytes) -> str | None:
    """A single-byte legacy encoding, when charset-normalizer finds a plausible one.

    The encoding is chosen from a sample (detection costs far more per byte than decoding,
    and gigabytes on a whole 8 MB file), then the whole file is decoded with it.
    """
    matches = from_bytes(_sample(data), threshold=0.2)
    best = matches.best()
    if best is None:
        return None
    close = [match for match in matches if match.chaos <= best.chaos + CLOSE_CHAOS]
    # Short samples are ambiguous between Windows code pages; English fiction in a legacy
    # encoding is almost always cp1252, so it is weighed whenever a close reading could be it.
    western = ["cp1252"] if any("cp1252" in match.could_be_from_charset for match in close) else []
    text = _most_plausible(data, [best.encoding, *(match.encoding for match in close), *western, *_SINGLE_BYTE_PAGES])
    if text is None:
        return None
    if too_many_controls(text):
        return None
    letters = sum(ch.isalpha() for ch in text[:20000])
    sample = min(len(text), 20000)
    # Random bytes decode "successfully" in cp1252 too; real prose is mostly letters and spaces.
    if sample and (letters + text[:20000].count(" ")) / sample < 0.6:
        return None
    return text
