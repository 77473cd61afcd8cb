"""UTF-16 saved without a byte-order mark in scripts other than Latin: read, not refused.

Notepad and some phone editors save "Unicode" without the mark. A Latin-script file has a NUL
in every other byte and was always read; a Russian, Greek, Arabic, Chinese, Japanese or Korean
one has NULs only at its spaces and digits (CJK ones in both halves of a character) and was
refused as "not readable text". Binary data with NULs must still be refused.
"""

from __future__ import annotations

import random
import struct
import zlib

import pytest

from bot.story.decode import WIDE_SAMPLE_BYTES, decode_text
from bot.story.errors import StoryFormatError
from bot.story.importer import import_story

LIMIT = 1024 * 1024

STORIES = {
    "russian": (
        "Снег у реки",
        "Глава 1",
        "Она шла вдоль реки, и снег тихо ложился на её плечи. Вокруг не было ни души.",
        "Глава 2",
        "Утром мост замело, и старик с лодкой ждал её у самого берега, как обещал.",
    ),
    "greek": (
        "Το φως του φάρου",
        "Κεφάλαιο 1",
        "Ο φάρος άναβε κάθε βράδυ στις επτά, και η Ελένη μετρούσε τα κύματα από το παράθυρο.",
        "Κεφάλαιο 2",
        "Το πρωί ο ψαράς έφερε νέα από το νησί, και κανείς δεν μίλησε για ώρα πολλή.",
    ),
    "chinese": (
        "河边的雪",
        "第一章",
        "她沿着河边走着，雪轻轻地落在她的肩上。四周一个人也没有，只有风声。",
        "第二章",
        "第二天早上，桥被雪盖住了。老人带着小船在岸边等她，就像他答应过的那样。",
    ),
    "japanese": (
        "川辺の雪",
        "第一章",
        "彼女は川沿いを歩いていた。雪が静かに肩に積もっていく。まわりには誰もいなかった。",
        "第二章",
        "翌朝、橋は雪に埋もれていた。老人は約束どおり、小舟と一緒に岸で彼女を待っていた。",
    ),
    "arabic": (
        "ثلج عند النهر",
        "الفصل 1",
        "كانت تمشي على طول النهر، والثلج يتساقط بهدوء على كتفيها. لم يكن هناك أحد حولها.",
        "الفصل 2",
        "في الصباح غطى الثلج الجسر، وكان العجوز ينتظرها عند الضفة مع قاربه كما وعد.",
    ),
}


def _story(parts: tuple[str, ...], paragraphs: int = 12) -> str:
    title, first, body1, second, body2 = parts
    return "\n\n".join([title, first, *[body1] * paragraphs, second, *[body2] * paragraphs]) + "\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("script", sorted(STORIES))
def test_text_in_other_scripts_without_a_mark_is_read(script: str, encoding: str) -> None:
    text = _story(STORIES[script])
    assert decode_text(text.encode(encoding), max_bytes=LIMIT) == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_the_story_imports_with_its_chapters(encoding: str) -> None:
    parts = STORIES["russian"]
    story = import_story(_story(parts).encode(encoding), "snow.txt", max_bytes=LIMIT)
    assert story.meta.title == parts[0]
    assert [chapter.paragraphs for chapter in story.chapters] == [[parts[2]] * 12, [parts[4]] * 12]


def test_a_surrogate_pair_cut_by_the_sample_does_not_refuse_the_file() -> None:
    # Emoji are two UTF-16 units; place one across the end of the sample.
    head = "第一章\n\n" + "她沿着河边走着。" * 200
    units = len(head.encode("utf-16-le")) // 2
    filler = "雪" * (WIDE_SAMPLE_BYTES // 2 - units - 1)
    text = head + filler + "🌨" + "她沿着河边走着。" * 50 + "\n"
    data = text.encode("utf-16-le")
    assert 0xD8 <= data[WIDE_SAMPLE_BYTES - 1] <= 0xDB  # the sample ends on the pair's first half
    assert decode_text(data, max_bytes=LIMIT) == text


@pytest.mark.parametrize(
    "make",
    [
        lambda rng: bytes(rng.randrange(256) for _ in range(20_000)),
        lambda rng: zlib.compress(bytes(rng.randrange(256) for _ in range(300)) * 100) * 3,
        lambda rng: b"".join(struct.pack("<I", rng.randrange(1 << 20)) for _ in range(5_000)),
        lambda rng: bytes(rng.choice([0, 0, 0, 1, 2, 65, 66, 200]) for _ in range(20_000)),
        lambda rng: b"text\x00" * 4_000,  # CJK-looking characters, calm ones, read two bytes at a time
        lambda rng: b"\x00\x01\x02binary\xff\xfe\x00",
    ],
    ids=["random", "compressed", "integers", "sparse", "repeated", "short"],
)
def test_binary_data_with_nul_bytes_is_still_refused(make) -> None:
    data = make(random.Random(34))
    if len(data) % 2:
        data += b"\x00"
    with pytest.raises(StoryFormatError):
        decode_text(data, max_bytes=LIMIT)
