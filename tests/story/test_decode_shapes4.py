"""Legacy code pages that read without error in the wrong one: the reading that is prose wins.

Each of these files decoded "cleanly" as another code page, and the story was imported as
mojibake: EUC-JP as Big5 ideographs, ISO-8859-2 Polish as cp1252 ("¯elazna", "wy³").
"""

from __future__ import annotations

import pytest

from bot.story.decode import decode_text
from bot.story.importer import import_story

LIMIT = 8 * 1024 * 1024

JAPANESE = (
    "鉄のランタン\n\n第一章　夜\n\n"
    + "川は冷たく、ランタンは揺れていた。アダは浅瀬を渡った。" * 20
    + "\n\n第二章　朝\n\n"
    + "朝が来て、鳥が鳴いた。彼女は目を覚ました。" * 20
)
POLISH = (
    "Żelazna latarnia\n\nRozdział 1\n\n"
    + "Rzeka była zimna, a latarnia migotała, gdy Ada przechodziła bród. Źdźbło ślęczy. " * 10
    + "\n\nRozdział 2\n\n"
    + "Noc była długa i ciemna, wiatr wył nad wzgórzami. Gęślą jaźń. " * 10
)
TURKISH = "Pijamalı hasta yağız şoföre çabucak güvendi. Iğdır ılık. " * 30


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(JAPANESE, "euc_jp"), (JAPANESE, "shift_jis"), (POLISH, "iso8859_2"), (TURKISH, "cp1254")],
    ids=["euc-jp", "shift-jis", "iso-8859-2", "cp1254"],
)
def test_a_legacy_code_page_is_read_as_itself(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding), max_bytes=LIMIT) == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Café crème — “Ça va?” dit-elle. Über Straße, año, niño. " * 30, "cp1252"),
        ("Příliš žluťoučký kůň úpěl ďábelské ódy. Čeština je krásná. " * 30, "cp1250"),
        ("Η γρήγορη καφέ αλεπού πηδάει πάνω από τον τεμπέλη σκύλο. " * 30, "cp1253"),
        ("Съешь же ещё этих мягких французских булок, да выпей чаю. " * 30, "koi8_r"),
        ("Съешь же ещё этих мягких французских булок, да выпей чаю. " * 30, "cp1251"),
        ("She said “hello” and left.", "cp1252"),
        ("Il était une fois, à Noël, une fée très âgée.", "cp1252"),
    ],
    ids=["cp1252", "cp1250", "cp1253", "koi8-r", "cp1251", "short-quotes", "short-french"],
)
def test_code_pages_read_right_before_still_are(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding), max_bytes=LIMIT) == text


def test_an_euc_jp_story_splits_at_its_japanese_chapters() -> None:
    story = import_story(JAPANESE.encode("euc_jp"), "lantern.txt", max_bytes=LIMIT)
    titles = [chapter.title for chapter in story.chapters]
    assert "夜" in titles and "朝" in titles
    text = "".join(p for chapter in story.chapters for scene in chapter.scenes for p in scene.paragraphs)
    assert "川は冷たく" in text
