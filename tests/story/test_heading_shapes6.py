"""Chapter headings written with number words, in the languages clubs read in: "Erstes Kapitel",
"Pirmā nodaļa", "Rozdział pierwszy", "Κεφάλαιο πρώτο", and Roman numerals set first ("II. fejezet")."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.story.structure import match_heading

LIMIT = 8 * 1024 * 1024
BODIES = [
    "Es war ein kalter Morgen, und der Nebel lag noch über den Feldern am Fluss.",
    "Am Abend kam der Bruder zurück und brachte Brot, Salz und schlechte Nachrichten.",
]
PAIRS = [
    ("Pirmā nodaļa", "Otrā nodaļa"),
    ("Esimene peatükk", "Teine peatükk"),
    ("Rozdział pierwszy", "Rozdział drugi"),
    ("První kapitola", "Druhá kapitola"),
    ("Első fejezet", "Második fejezet"),
    ("Erstes Kapitel", "Zweites Kapitel"),
    ("Birinci bölüm", "İkinci bölüm"),
    ("Κεφάλαιο πρώτο", "Κεφάλαιο δεύτερο"),
    ("Fyrsti kafli", "Annar kafli"),
    ("Pirmas skyrius", "Antras skyrius"),
    ("Ensimmäinen luku", "Toinen luku"),
    ("Capitolo primo", "Capitolo secondo"),
    ("Eerste hoofdstuk", "Tweede hoofdstuk"),
    ("Hoofdstuk een", "Hoofdstuk twee"),
    ("Första kapitlet", "Andra kapitlet"),
    ("Розділ перший", "Розділ другий"),
    ("Первая глава", "Вторая глава"),
    ("Premier chapitre", "Deuxième chapitre"),
    ("Primer capítulo", "Segundo capítulo"),
    ("Capitolul întâi", "Capitolul al doilea"),
    ("First Chapter", "Second Chapter"),
    ("I. fejezet", "II. fejezet"),
    ("I skyrius", "II skyrius"),
]


def _two_chapters(first: str, second: str) -> str:
    return f"{first}\n\n{BODIES[0]}\n\n{second}\n\n{BODIES[1]}\n"


def _paragraphs(story: Story) -> list[list[str]]:
    return [[p for scene in chapter.scenes for p in scene.paragraphs] for chapter in story.chapters]


@pytest.mark.parametrize("filename", ["story.txt", "story.md"])
@pytest.mark.parametrize(("first", "second"), PAIRS, ids=[first for first, _ in PAIRS])
def test_headings_written_in_words_split_chapters(first: str, second: str, filename: str) -> None:
    story = import_story(_two_chapters(first, second).encode(), filename, max_bytes=LIMIT)
    assert _paragraphs(story) == [[BODIES[0]], [BODIES[1]]]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("ERSTES KAPITEL", "ZWEITES KAPITEL"),
        ("PIRMA NODALA", "OTRA NODALA"),
        ("İKİNCİ BÖLÜM", "ÜÇÜNCÜ BÖLÜM"),
        ("ΚΕΦΑΛΑΙΟ ΠΡΩΤΟ", "ΚΕΦΑΛΑΙΟ ΔΕΥΤΕΡΟ"),
        ("П’ятий розділ", "Шостий розділ"),
        ("Capitolul al şaselea", "Capitolul al șaptelea"),
    ],
)
def test_headings_in_capitals_or_without_accents_split_chapters(first: str, second: str) -> None:
    story = import_story(_two_chapters(first, second).encode(), "story.txt", max_bytes=LIMIT)
    assert len(story.chapters) == 2


@pytest.mark.parametrize(
    ("line", "kind", "title"),
    [
        ("Erstes Kapitel: Die Reise", "chapter", "Die Reise"),
        ("Zweites Kapitel – Der Fluss", "chapter", "Der Fluss"),
        ("Második fejezet (amelyben esik)", "chapter", "amelyben esik"),
        ("Erster Teil", "part", "Erster Teil"),
        ("Pirmā daļa: Upe", "part", "Pirmā daļa: Upe"),
        ("Kapitel zwölf", "chapter", None),
        ("Δέκατο τρίτο κεφάλαιο", "chapter", None),
        ("XIV skyrius", "chapter", None),
        ("2. Kapitel: Heimkehr", "chapter", "Heimkehr"),
        ("3. Teil", "part", "3. Teil"),
    ],
)
def test_a_heading_in_words_keeps_its_title_and_kind(line: str, kind: str, title: str | None) -> None:
    heading = match_heading(line, markdown=False)
    assert heading is not None and (heading.kind, heading.title) == (kind, title)


@pytest.mark.parametrize(
    "sentence",
    [
        "Erstes Kapitel meines Lebens war…",
        "Erstes Kapitel meines Lebens war kurz, dachte sie.",
        "Zweites Kapitel. Sie kam nie zurück.",
        "erstes Kapitel",
        "Erstes fejezet",  # a number word of one language and another's label
        "Pirmas skyrius prasideda čia, kai lietus nesiliovė tris dienas.",
        "Kapitel elf war lang.",
        "IIII. fejezet",
        "Ikinci bolum gibi değildi.",
    ],
)
def test_a_sentence_that_starts_with_such_words_stays_text(sentence: str) -> None:
    text = f"Erstes Kapitel\n\n{BODIES[0]}\n\n{sentence}\n\nZweites Kapitel\n\n{BODIES[1]}\n"
    story = import_story(text.encode(), "story.txt", max_bytes=LIMIT)
    assert _paragraphs(story) == [[BODIES[0], sentence], [BODIES[1]]]


def test_such_words_inside_a_paragraph_stay_in_it() -> None:
    """A hard-wrapped paragraph whose line starts "Erstes Kapitel" carries its sentence on."""
    middle = (
        "Sie blätterte lange durch das alte Buch und las dann leise\n"
        "Erstes Kapitel\n"
        "vor, obwohl niemand im Zimmer war, der ihr zuhören konnte."
    )
    text = f"Erstes Kapitel\n\n{BODIES[0]}\n\n{middle}\n\nZweites Kapitel\n\n{BODIES[1]}\n"
    story = import_story(text.encode(), "story.txt", max_bytes=LIMIT)
    assert len(story.chapters) == 2
    assert " ".join(_paragraphs(story)[0][1].split()) == " ".join(middle.split())


def test_a_part_in_words_holds_its_chapters() -> None:
    text = f"Erster Teil\n\nErstes Kapitel\n\n{BODIES[0]}\n\nZweites Kapitel: Der Fluss\n\n{BODIES[1]}\n"
    story = import_story(text.encode(), "story.txt", max_bytes=LIMIT)
    assert [chapter.title for chapter in story.chapters] == ["Erster Teil", "Der Fluss"]


def test_chapters_in_words_without_blank_lines_split() -> None:
    """A file pasted with one line to a paragraph and no blank lines: the headings are lines too."""
    prose = [
        "Dziś rano poszła nad rzekę i patrzyła na wodę, która płynęła szybciej niż zwykle po nocnej burzy nad lasem.",
        "Jej brat siedział na kamieniu i rzucał małe patyki do nurtu, licząc, ile z nich dopłynie aż do starego mostu.",
        "Wieczorem wrócili do domu. Matka czekała w progu z latarnią i nie powiedziała ani słowa o ich spóźnieniu.",
        "Ojciec naprawiał sieć przy piecu i udawał, że nie zauważył ich mokrych butów ani podartych rękawów koszul.",
    ]
    lines = ["Rzeka", "Rozdział pierwszy", *prose[:2], "Rozdział drugi", *prose[2:], "Rozdział trzeci", *prose[:2]]
    story = import_story("\n".join(lines).encode(), "rzeka.txt", max_bytes=LIMIT)
    assert _paragraphs(story)[-3:] == [prose[:2], prose[2:], prose[:2]]
