"""A chapter's note with no English "A/N:" over it, in plain text and Markdown.

Before, "CW for this chapter: self-harm." (or "TW: blood, death", "Triggerwarnung: Tod, Blut")
alone at the top of a chapter was posted as the chapter's first paragraph and warned nobody, and
a note labelled in the author's language ("Anmerkung der Autorin:", "Note de l'auteur :", "N/A:")
was story text, its CW lost. A sentence of the story that only mentions a warning stays story text.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.render import render_chapter, unrender
from bot.story.text_declarations import declaration_paragraph, is_labelled_note, strip_note_label
from bot.warnings.declared import lists_warnings

LIMIT = 1 << 20
OPENING = "She came to the island in spring and unpacked her books."
CLOSING = "In the morning the boats were gone."


@pytest.mark.parametrize(
    "paragraph",
    [
        "CW for this chapter: self-harm.",
        "TW: blood, death",
        "Content warning: suicide, self-harm (mentioned)",
        "Warnings: self-harm, suicidal thoughts",
        "Trigger warnings: major character death, graphic depictions of violence",
        "⚠️ TW: blood ⚠️",
        "CW for this chapter: self-harm. TW: blood",
        "TW: blood\nCW: death",
        "CW for the next chapter: suicide.",
        "Triggerwarnung: Tod, Blut",
        "CW für dieses Kapitel: Selbstverletzung",
        "Avertissement : mort d'un personnage, violence",
        "Advertencias: muerte, violación",
        "Avisos: morte, estupro",
        "Avvertimenti: violenza, suicidio",
        "Waarschuwing: dood, zelfbeschadiging",
        "Ostrzeżenia: śmierć postaci, przemoc domowa",
        "Upozornění: smrt, sebepoškozování",
        "Varning: död, självskada",
    ],
)
def test_a_paragraph_of_declarations_reads_as_one(paragraph: str) -> None:
    assert declaration_paragraph(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Warning: death was near.",
        "Warning: death was coming for them all, and she knew it.",
        "Warning: the stairs are steep.",
        "Warnings: He gave no warning at all.",
        "She typed TW: blood into the search bar.",
        "No one heeded the warning: blood would be spilled.",
        "TW: blood\nShe ran out of the room.",
        "Avertissement : les personnages appartiennent à leur autrice",
        "Aviso: el capítulo llega tarde",
        "Warnings: none",
        "TW: " + "blood, " * 200,  # no author's declaration runs that long
    ],
)
def test_a_story_sentence_that_mentions_a_warning_is_not_a_declaration(paragraph: str) -> None:
    assert not declaration_paragraph(paragraph)


def test_a_list_of_warnings_is_one_and_a_sentence_naming_one_is_not() -> None:
    assert lists_warnings("Warnings: graphic depictions of violence, mentions of a dead parent")
    assert not lists_warnings("Warning: death was near")
    assert not lists_warnings("Warnings: none")


@pytest.mark.parametrize(
    ("paragraph", "note"),
    [
        ("Anmerkung: Danke fürs Lesen!", "Danke fürs Lesen!"),
        ("Anmerkung der Autorin: Danke fürs Lesen!", "Danke fürs Lesen!"),
        ("Anm. d. A.: Danke!", "Danke!"),
        ("Notiz: Danke!", "Danke!"),
        ("N/A: ¡Gracias por leer!", "¡Gracias por leer!"),
        ("Nota de la autora: ¡Gracias!", "¡Gracias!"),
        ("Nota do autor: Obrigada!", "Obrigada!"),
        ("Nota dell'autrice: Grazie!", "Grazie!"),
        ("Note de l'auteur : Merci !", "Merci !"),
        ("Note de l’autrice : Merci !", "Merci !"),
        ("NdA : Merci !", "Merci !"),
        ("Notatka autora: Dzięki!", "Dzięki!"),
        ("Poznámka autora: Díky!", "Díky!"),
        ("Författarens anmärkning: Tack!", "Tack!"),
        ("Noot van de auteur: Bedankt!", "Bedankt!"),
    ],
)
def test_a_note_labelled_in_another_language_is_a_note(paragraph: str, note: str) -> None:
    assert is_labelled_note(paragraph)
    assert strip_note_label(paragraph) == note


@pytest.mark.parametrize(
    ("note", "sentence"),
    [
        ("Anmerkung: Danke!", "Anmerkungen machte er keine."),
        ("Notiz: Danke!", "Notiz - sie schrieb es auf."),  # a dash is no label's mark outside English
        ("Nota: ¡Gracias!", "Nota bene, he said."),
        ("Notas de la autora: ¡Gracias!", "Notas musicales sonaban en la calle."),
        ("NdA : Merci !", "Nda sagt nichts."),
    ],
)
def test_a_sentence_starting_with_a_note_word_stays_story_text(note: str, sentence: str) -> None:
    assert is_labelled_note(note)
    assert not is_labelled_note(sentence)


def _story(note: str, *, markdown: bool, heading: str = "Chapter") -> str:
    """Three chapters, the second opening with ``note`` and no "A/N:" over it."""
    mark = "## " if markdown else ""
    return (
        f"{'# ' if markdown else ''}The Lighthouse\n\n{mark}{heading} 1\n\n{OPENING}\n\n{CLOSING}\n\n"
        f"{mark}{heading} 2\n\n{note}\n\n{OPENING}\n\n{CLOSING}\n\n{mark}{heading} 3\n\n{OPENING}\n"
    )


def _posted(story, number: int) -> str:
    return unrender(render_chapter(story.meta, story.chapters[number - 1]))


@pytest.mark.parametrize("name", ["lighthouse.txt", "lighthouse.md"])
@pytest.mark.parametrize(
    ("note", "declared", "heading"),
    [
        ("CW for this chapter: self-harm.", "CW for this chapter: self-harm", "Chapter"),
        ("TW: blood, death", "TW: blood, death", "Chapter"),
        ("Triggerwarnung: Tod, Blut", "Triggerwarnung: Tod, Blut", "Kapitel"),  # was taken as the title
        (
            "Avertissement : mort d'un personnage, violence",
            "Avertissement : mort d'un personnage, violence",
            "Chapitre",
        ),
    ],
)
def test_a_bare_declaration_opening_a_chapter_warns_for_it_and_is_not_posted(
    name: str, note: str, declared: str, heading: str
) -> None:
    text = _story(note, markdown=name.endswith(".md"), heading=heading)
    story = import_story(text.encode(), name, max_bytes=LIMIT)
    assert [c.declared_warnings for c in story.chapters] == [[], [declared], []]
    assert story.chapters[1].title is None
    posted = _posted(story, 2)
    assert OPENING in posted and note.split(":")[0] not in posted


@pytest.mark.parametrize("name", ["lighthouse.txt", "lighthouse.md"])
@pytest.mark.parametrize(
    ("note", "declared"),
    [
        ("Anmerkung der Autorin: CW für dieses Kapitel: Selbstverletzung.", "CW für dieses Kapitel: Selbstverletzung"),
        ("Note de l'auteur : TW : automutilation", "TW : automutilation"),
        ("N/A: Advertencias: muerte, violación", "Advertencias: muerte, violación"),
        ("Notatka autora: Ostrzeżenia: śmierć postaci", "Ostrzeżenia: śmierć postaci"),
    ],
)
def test_a_note_labelled_in_the_authors_language_warns_for_its_chapter(name: str, note: str, declared: str) -> None:
    story = import_story(_story(note, markdown=name.endswith(".md")).encode(), name, max_bytes=LIMIT)
    assert [c.declared_warnings for c in story.chapters] == [[], [declared], []]
    assert note.split(":")[0] not in _posted(story, 2)


@pytest.mark.parametrize("name", ["lighthouse.txt", "lighthouse.md"])
def test_a_bare_declaration_of_the_next_chapter_closing_one_warns_for_that_chapter(name: str) -> None:
    mark = "## " if name.endswith(".md") else ""
    text = (
        f"{mark}Chapter 1\n\n{OPENING}\n\nCW for the next chapter: suicide.\n\n"
        f"{mark}Chapter 2\n\n{OPENING}\n\n{mark}Chapter 3\n\n{CLOSING}\n"
    )
    story = import_story(text.encode(), name, max_bytes=LIMIT)
    assert [c.declared_warnings for c in story.chapters] == [[], ["CW for the next chapter: suicide"], []]
    assert "suicide" not in _posted(story, 1)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Warning: death was near.",  # a story's sentence, not a list
        "She typed TW: blood, death into the search bar.",
    ],
)
def test_a_story_paragraph_naming_a_warning_stays_story_text(paragraph: str) -> None:
    """Chapter 2 opens with a declaration, chapter 3 with a sentence like one: only the first moves."""
    text = _story("TW: blood, death", markdown=False).replace("Chapter 3\n\n", f"Chapter 3\n\n{paragraph}\n\n")
    story = import_story(text.encode(), "lighthouse.txt", max_bytes=LIMIT)
    assert [c.declared_warnings for c in story.chapters] == [[], ["TW: blood, death"], []]
    assert paragraph in story.chapters[2].scenes[0].paragraphs


def test_a_declaration_on_its_own_line_inside_a_chapter_is_its_note() -> None:
    """A label over warnings the taxonomy knows, on a line of its own between two paragraphs (before
    the scene it warns of, as Wattpad authors set it), is the chapter's note and warns for it."""
    text = _story("TW: blood, death", markdown=False).replace(
        f"Chapter 3\n\n{OPENING}\n", f"Chapter 3\n\n{OPENING}\n\nTW: self-harm\n\n{CLOSING}\n"
    )
    story = import_story(text.encode(), "lighthouse.txt", max_bytes=LIMIT)
    assert [c.declared_warnings for c in story.chapters] == [[], ["TW: blood, death"], ["TW: self-harm"]]
    assert story.chapters[2].scenes[0].paragraphs == [OPENING, CLOSING]


def test_a_chapter_titled_with_a_warning_word_keeps_its_title() -> None:
    """ "Triggerwarnung: Tod, Blut" under a bare heading was taken for its title; "Warning: Thin Ice" is one."""
    text = _story("Triggerwarnung: Tod, Blut", markdown=False).replace(
        "Chapter 3\n\n", "Chapter 3\n\nWarning: Thin Ice\n\n"
    )
    story = import_story(text.encode(), "lighthouse.txt", max_bytes=LIMIT)
    assert [c.title for c in story.chapters] == [None, None, "Warning: Thin Ice"]
    assert [c.declared_warnings for c in story.chapters] == [[], ["Triggerwarnung: Tod, Blut"], []]


@pytest.mark.parametrize(
    ("note", "declared"),
    [
        ("Anmerkung der Autorin: Triggerwarnung: Tod", "Triggerwarnung: Tod"),
        ("Note de l'autrice : Avertissement : mort d'un personnage", "Avertissement : mort d'un personnage"),
    ],
)
def test_a_note_in_the_authors_language_under_the_title_marks_it_off(note: str, declared: str) -> None:
    """ "Der Leuchtturm" over "Anmerkung der Autorin: ..." was read as the first chapter's text,
    the story had a chapter the book has not, and the story-wide warning was lost."""
    text = f"Der Leuchtturm\n\n{note}\n\nKapitel 1\n\n{OPENING}\n\nKapitel 2\n\n{CLOSING}\n"
    story = import_story(text.encode(), "leuchtturm.txt", max_bytes=LIMIT)
    assert story.meta.title == "Der Leuchtturm"
    assert story.meta.declared_warnings == [declared]
    assert [c.scenes[0].paragraphs for c in story.chapters] == [[OPENING], [CLOSING]]


@pytest.mark.parametrize(
    ("line", "declared"),
    [
        ("TW suicide", True),
        ("tw suicide, blood", True),
        ("cw self-harm and blood", True),
        ("TWs major character death", True),
        ("TW spoilers ahead", False),  # not a list of warnings the taxonomy knows
        ("CW the network aired it at nine", False),
        ("Warning shots rang out over the bay", False),  # only TW and CW go without a colon
    ],
)
def test_tw_and_cw_declare_without_a_colon_only_before_a_list_of_warnings(line: str, declared: bool) -> None:
    assert declaration_paragraph(line) is declared


@pytest.mark.parametrize("name", ["lighthouse.txt", "lighthouse.md"])
def test_an_end_note_naming_the_next_chapter_with_a_colonless_tw_warns_for_that_chapter(name: str) -> None:
    mark = "## " if name.endswith(".md") else ""
    text = (
        f"{mark}Chapter 1\n\n{OPENING}\n\nA/N: Thank you for reading! Next chapter: TW suicide.\n\n"
        f"{mark}Chapter 2\n\n{OPENING}\n\n{mark}Chapter 3\n\n{CLOSING}\n"
    )
    story = import_story(text.encode(), name, max_bytes=LIMIT)
    assert [bool(c.declared_warnings) for c in story.chapters] == [False, True, False]
    assert "suicide" in " ".join(story.chapters[1].declared_warnings)
    assert "suicide" not in _posted(story, 1)


def test_a_colonless_tw_opening_a_chapter_warns_for_it() -> None:
    story = import_story(_story("TW suicide, self-harm", markdown=False).encode(), "lighthouse.txt", max_bytes=LIMIT)
    assert [c.declared_warnings for c in story.chapters] == [[], ["TW suicide, self-harm"], []]
    assert "self-harm" not in _posted(story, 2)


@pytest.mark.parametrize(
    ("note", "kept"),
    [
        ("**A/N:** Thanks for reading! TW: blood", "Thanks for reading! TW: blood"),
        ("*A/N: Thanks for reading! TW: blood*", "Thanks for reading! TW: blood"),
        ("__Author's note:__ Thanks for reading! TW: blood", "Thanks for reading! TW: blood"),
        ("**Anmerkung der Autorin:** Danke fürs Lesen! TW: Blut", "Danke fürs Lesen! TW: Blut"),
    ],
)
def test_a_note_label_set_in_bold_or_italics_leaves_no_stray_markers(note: str, kept: str) -> None:
    story = import_story(_story(note, markdown=False).encode(), "lighthouse.txt", max_bytes=LIMIT)
    assert story.chapters[1].notes == [kept]
