"""Legacy code pages whose every wrong reading is letters too: the reading in one alphabet wins.

Latvian saved in cp1257 read as cp1252 ("Ðodien … nodaïa … malâ") or cp1254 ("Ğodien"): every
character is a letter of some language, so a share of letters could not tell the readings apart.
The right reading keeps to one language's letters; a wrong one mixes Icelandic ð with French ï.
"""

from __future__ import annotations

import random

import pytest

from bot.story.decode import decode_text
from bot.story.importer import import_story

LIMIT = 8 * 1024 * 1024

LATVIAN = "Šodien sākas nodaļa par upi. Viņa stāvēja malā un klausījās."
LITHUANIAN = "Šiandien ji ėjo per tiltą ir žiūrėjo į upę."
ESTONIAN = (
    "Täna ärkas Anu vara. Hommikune valgus langes põrandale ja aknal laulsid linnud. "
    "Õhtul rääkis vanaema aegadest, mil järves elasid rääkivad kalad. Šokolaadi polnud.\n\n"
) * 3
POLISH = "Dziś rano poszła nad rzekę i patrzyła na wodę."
CZECH = "Dnes ráno šla k řece a dívala se na vodu."
HUNGARIAN = (
    "Első fejezet\n\nMa Anna korán ébredt. A reggeli fény a padlóra esett, és az ablak előtt madarak "
    "énekeltek. A hordóban hideg volt a víz. Árvíztűrő tükörfúrógép."
)
SLOVAK = "Dnes ráno išla k rieke a pozerala sa na vodu. Kôň žral ďatelinu, ľudia sa smiali. Vŕba sa skláňala."
CROATIAN = "Danas je otišla do rijeke i gledala vodu. Čovjek je šutio, a djeca su se smijala. Đak je žurio kući."
ROMANIAN = "Astăzi a mers la râu şi s-a uitat la apă. Ţara era frumoasă, iar pădurea tăcută. În sat, oamenii râdeau."
TURKISH = (
    "İkinci bölüm\n\nBugün Ayşe erken uyandı. Sabah ışığı yere düşüyordu ve pencerenin önünde kuşlar ötüyordu. "
    "Kardeşini uyandırmamak için sessizce giyindi ve avluya çıktı."
)
ICELANDIC = "Í dag fór hún niður að ánni og horfði á vatnið. Það var kalt. Þetta er gott."
RUSSIAN = "Сегодня она пошла к реке."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (LATVIAN, "cp1257"),
        (LATVIAN, "iso8859_13"),
        (LITHUANIAN, "cp1257"),
        (ESTONIAN, "cp1257"),
        (POLISH, "iso8859_2"),
        (CZECH, "cp1250"),
        (CZECH, "iso8859_2"),
        (HUNGARIAN, "cp1250"),
        (SLOVAK, "cp1250"),
        (CROATIAN, "iso8859_2"),
        (ROMANIAN, "cp1250"),
        (TURKISH, "cp1254"),
        (ICELANDIC, "cp1252"),
        (RUSSIAN, "koi8_r"),
    ],
    ids=[
        "latvian-cp1257",
        "latvian-iso8859-13",
        "lithuanian-cp1257",
        "estonian-cp1257",
        "polish-iso8859-2",
        "czech-cp1250",
        "czech-iso8859-2",
        "hungarian-cp1250",
        "slovak-cp1250",
        "croatian-iso8859-2",
        "romanian-cp1250",
        "turkish-cp1254",
        "icelandic-cp1252",
        "russian-koi8-r",
    ],
)
def test_a_story_reads_in_the_alphabet_it_was_written_in(text: str, encoding: str) -> None:
    assert decode_text(text.encode(encoding), max_bytes=LIMIT) == text


def test_a_latvian_story_imports_as_written() -> None:
    chapter = f"{LATVIAN} Ķēniņš jāja pa ceļu, un ģimene gaidīja.\n\n"
    story = import_story((chapter * 5).encode("cp1257"), "upe.txt", max_bytes=LIMIT)
    text = "\n".join(p for chapter in story.chapters for scene in chapter.scenes for p in scene.paragraphs)
    assert "Šodien sākas nodaļa" in text and "Ķēniņš" in text


def test_the_letters_are_weighed_where_they_are_not_on_the_ascii_pages_before_them() -> None:
    """A long licence or author's note in plain ASCII ahead of the story must not leave every
    reading looking equally right."""
    preface = "This translation is shared for reading clubs only; please do not repost it.\n\n" * 800
    text = preface + (LATVIAN + "\n\n") * 40
    assert decode_text(text.encode("cp1257"), max_bytes=LIMIT) == text


BORROWED = [
    "café",
    "naïve",
    "Zoë",
    "Björk",
    "São Paulo",
    "jalapeño",
    "Ångström",
    "façade",
    "crème brûlée",
    "Øresund",
    "Þór",
    "doppelgänger",
    "Ærø",
    "smörgåsbord",
]


@pytest.mark.parametrize("seed", range(4))
def test_english_borrowing_words_from_many_languages_stays_cp1252(seed: int) -> None:
    """English with words from French, Spanish, Portuguese, Danish and Icelandic in one file is no
    one language's letters either; where such letters are this rare, it is cp1252 English."""
    rng = random.Random(seed)
    words = [
        "the",
        "river",
        "ran",
        "cold",
        "and",
        "the",
        "lantern",
        "swung",
        "as",
        "she",
        "crossed",
        "the",
        "ford",
        "at",
        "night",
    ]
    story = [rng.choice(words) for _ in range(2000)]
    for word in BORROWED:
        story.insert(rng.randrange(len(story)), word)
    text = " ".join(story) + " “Fine,” she said — and left…"
    assert decode_text(text.encode("cp1252"), max_bytes=LIMIT) == text
