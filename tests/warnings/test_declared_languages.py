"""Declarations an author writes in another language ("CW für dieses Kapitel: Tod").

Before, only English labels and words were read: "TW: muerte, autolesiones" mapped nothing and
"Avertissement : mort d'un personnage" was not a declaration at all, so a club reading in German,
Spanish, French ... was warned of nothing the author had warned of. An ordinary sentence starting
with a word that also means "notice" ("Aviso: el capítulo llega tarde") still declares nothing.
"""

from __future__ import annotations

import json

import pytest

from bot.paths import shipped
from bot.story.importer import import_story
from bot.story.text_declarations import declaration_line, extract_declarations
from bot.warnings.declared import map_texts, parse_mapping

# One declaration per language, with what it maps to, and an ordinary sentence that must not declare.
CASES = {
    "de": (
        "CW für dieses Kapitel: Tod, Selbstverletzung, Suizidgedanken",
        {"death", "self-harm", "suicide"},
        "Warnung vor dem Hund: bitte zweimal klingeln",
    ),
    "fr": (
        "Avertissement : mort d'un personnage, violence, automutilation",
        {"death", "violence", "self-harm"},
        "Avertissement : les personnages appartiennent à leur autrice",
    ),
    "es": (
        "Advertencias: muerte, violación, trastornos alimenticios",
        {"death", "sexual-abuse", "eating-disorder"},
        "Aviso: el capítulo llega tarde porque estuve enferma",
    ),
    "pt": (
        "Avisos: morte, estupro, automutilação",
        {"death", "sexual-abuse", "self-harm"},
        "Aviso: o capítulo de hoje ficou curto",
    ),
    "it": (
        "Avvertimenti: violenza, suicidio, aborto spontaneo",
        {"violence", "suicide", "miscarriage"},
        "Avvertenza: la storia è lunga",
    ),
    "nl": (
        "Waarschuwing: dood, zelfbeschadiging, verkrachting",
        {"death", "self-harm", "sexual-abuse"},
        "Waarschuwing: lang hoofdstuk vandaag",
    ),
    "pl": (
        "Ostrzeżenia: śmierć postaci, samookaleczenia, przemoc domowa",
        {"death", "self-harm", "violence"},
        "Ostrzeżenie: rozdział jest bardzo długi",
    ),
    "cs": (
        "Upozornění: smrt, sebepoškozování, znásilnění",
        {"death", "self-harm", "sexual-abuse"},
        "Upozornění: tato kapitola je dlouhá",
    ),
    "sv": (
        "Innehållsvarning: självmord, våld, missfall",
        {"suicide", "violence", "miscarriage"},
        "Varning: långt kapitel idag",
    ),
}


@pytest.mark.parametrize("language", sorted(CASES))
def test_a_declaration_in_the_language_maps_and_an_ordinary_sentence_does_not(language: str) -> None:
    text, expected, sentence = CASES[language]
    assert declaration_line(text)
    declared, _, _ = extract_declarations(f"Danke! {text}. Merci.")
    assert declared == [text]
    result = map_texts(declared)
    assert set(result.ids) == expected and result.unmapped == []
    assert not declaration_line(sentence)
    assert extract_declarations(f"{sentence}. {text}")[0] == [text]


@pytest.mark.parametrize(
    ("prose", "declaration", "expected"),
    [
        ("Ele puxou o gatilho — e tudo mudou.", "Gatilhos: suicídio, luto", {"suicide", "grief"}),
        ("Sin aviso - ella corrió hacia la muerte.", "Avisos: muerte, duelo", {"death", "grief"}),
        ("Il partit sans avertissement : mort de peur.", "Avertissements : mort, deuil", {"death", "grief"}),
    ],
)
def test_a_generic_label_inside_a_sentence_is_prose(prose: str, declaration: str, expected: set[str]) -> None:
    """ "gatilho" is also a gun's trigger and "aviso" a plain notice: only a label that opens a
    sentence or line declares."""
    declared = extract_declarations(f"{prose} {declaration}")[0]
    assert declared == [declaration]
    assert set(map_texts(declared).ids) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TW: muerte, autolesiones", {"death", "self-harm"}),
        ("CN: Suizid, Essstörung", {"suicide", "eating-disorder"}),
        ("Triggerwarnung: Vergewaltigung und Gewalt", {"sexual-abuse", "violence"}),
        ("TW pour le prochain chapitre : fausse couche, deuil", {"miscarriage", "grief"}),
        ("Warnungen: angedeuteter Tod; Drogen", {"death", "addiction"}),
    ],
)
def test_cw_and_tw_with_words_in_another_language(text: str, expected: set[str]) -> None:
    assert set(map_texts(extract_declarations(text)[0]).ids) == expected


@pytest.mark.parametrize("text", ["Warnungen: keine", "Avertissements : aucun", "Avisos: nenhum", "Ostrzeżenia: brak"])
def test_none_in_another_language_declares_nothing(text: str) -> None:
    result = map_texts([text])
    assert result.ids == {} and result.unmapped == []


def test_unknown_words_stay_as_the_author_wrote_them() -> None:
    result = map_texts(["TW: Tod, Spinnen"])
    assert set(result.ids) == {"death"} and result.unmapped == ["Spinnen"]


def test_a_word_with_two_meanings_across_languages_is_refused() -> None:
    raw = json.loads(shipped("warnings", "declared.json").read_text(encoding="utf-8"))
    parse_mapping(raw)  # the shipped lists agree
    raw["languages"]["de"]["aliases"]["grief"].append("Suizid")
    with pytest.raises(ValueError, match="suizid"):
        parse_mapping(raw)


def test_a_notice_field_in_the_header_is_a_note_not_a_warning() -> None:
    """ "Aviso: Los personajes pertenecen a ..." was shown to members as the author's warning."""
    text = (
        "Título: La noche\nAutora: Ana Vega\nAviso: Los personajes pertenecen a Rumiko Takahashi\n"
        "Advertencias: muerte\n\nCapítulo 1\n\nEra de noche.\n\nCapítulo 2\n\nEra de día.\n"
    )
    story = import_story(text.encode(), "noche.txt", max_bytes=1 << 20)
    assert story.meta.declared_warnings == ["Advertencias: muerte"]
    assert "Aviso: Los personajes pertenecen a Rumiko Takahashi" in story.meta.notes
