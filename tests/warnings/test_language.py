"""The English gate: a chapter in another language is not judged by the English rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.engine import CONFIDENT, POSSIBLE, ScanReport, scan
from bot.warnings.language import MIN_ENGLISH_SHARE, MIN_WORDS, chapters_in_english, english_share, reads_as_english
from bot.warnings.rules import default_ruleset

DATA = Path(__file__).resolve().parents[2] / "data" / "warnings"

FRENCH = [
    "Je suis en retard, dit-elle en courant vers la gare. Le train avait du retard lui aussi, heureusement.",
    "Elle s'assit près de la fenêtre et sortit son livre. Plus tard, elle appellerait sa mère pour lui dire.",
    "Il faisait froid ce matin-là. Les enfants jouaient dans la cour, et le vieux chien dormait sous la table.",
]
OTHERS = {
    "es": "—Vamos, que llegamos tarde —dijo Marta con una sonrisa. Su hermano tomó la mochila y salieron "
    "corriendo hacia la parada del autobús. En el camino compraron pan y fruta para el almuerzo, y luego "
    "se sentaron en el banco de siempre a esperar a su padre, que nunca llegaba a tiempo.",
    "de": "Die Kinder spielten im Garten, während die Mutter Kuchen backte. Später gingen sie alle zusammen "
    "spazieren, und der Hund lief voraus. Es war ein schöner Sonntag, und niemand wollte nach Hause gehen, "
    "bevor die Sonne hinter den Hügeln verschwand und es kalt wurde im Tal.",
    "ru": "Дети играли в саду, пока мама пекла пирог. Потом все вместе пошли гулять, и собака бежала "
    "впереди. Было тёплое воскресенье, и никто не хотел идти домой, пока солнце не село за холмы и в "
    "долине не стало холодно, а отец всё рассказывал свои старые истории.",
    "nl": "De kinderen speelden in de tuin terwijl hun moeder een taart bakte. Later gingen ze samen wandelen "
    "en de hond liep voorop. Het was een warme zondag en niemand wilde naar huis gaan voordat de zon achter "
    "de heuvels verdween. Hij had een hand op de deur en water in zijn ogen.",
    "it": "I bambini giocavano in giardino mentre la madre preparava una torta. Più tardi uscirono tutti "
    "insieme a passeggiare e il cane correva davanti. Era una domenica calda e nessuno voleva tornare a "
    "casa prima che il sole sparisse dietro le colline.",
    "de-police": "Der Mann kam am Morgen nach Hause. Seine Hand war kalt, und er sagte kein Wort. Die Polizei "
    "war schon da, und die Familie wartete im Wagen. Es war spät, sehr spät, und alle waren müde von der "
    "langen Nacht und dem Regen.",
    "tl": "Naglalaro ang mga bata sa hardin habang nagluluto ng keyk ang nanay nila. Pagkatapos ay naglakad "
    "silang lahat at tumakbo sa unahan ang aso. Mainit ang Linggo na iyon at walang gustong umuwi hangga't "
    "hindi lumulubog ang araw sa likod ng mga burol.",
    "zh": "孩子们在花园里玩耍，妈妈在厨房里烤蛋糕。后来大家一起去散步，小狗跑在前面。那是一个温暖的星期天，"
    "谁也不想回家，直到太阳落到山后，山谷里变得寒冷，爸爸还在讲他那些老故事。",
}


def passages() -> list[str]:
    return [
        json.loads(line)["text"]
        for path in sorted(DATA.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_every_labelled_english_passage_reads_as_english() -> None:
    """Chat logs, slang, all-lower-case writing and a telegram in block capitals included:
    thousands of passages, none below."""
    texts = passages()
    assert len(texts) > 5_000
    assert all(reads_as_english([text]) for text in texts)
    # Nearly all by their function words alone, with room to spare; the rest by the second sign.
    by_function_words = sorted(english_share([text])[0] for text in texts)
    assert by_function_words[len(texts) // 1000] >= 2 * MIN_ENGLISH_SHARE


TELEGRAPHESE = [
    "ARRIVING TUESDAY NIGHT TRAIN STOP MOTHER TAKEN ILL STOP DOCTOR SAYS HOURS NOT DAYS STOP BRING "
    "CHILDREN STOP WIRE MONEY HOUSE STOP FATHER WAITING STATION STOP CALL POLICE UNLESS WORD "
    "TOMORROW MORNING STOP LETTER FOLLOWS STOP NEED ANSWER TONIGHT STOP",
    "Day nine. Ship sighted noon. Two men lost overboard last night. Water low, food four days. "
    "Captain ill. Crew asked return home, refused. First mate took charge. Wind north, heavy seas, "
    "mainmast cracked. Will send word next port. Need money, repairs, new sails. Cook's family told.",
]


@pytest.mark.parametrize("text", TELEGRAPHESE)
def test_telegraphese_reads_as_english_by_its_everyday_words(text: str) -> None:
    """A telegram or a log drops the function words but keeps the everyday ones."""
    share, words = english_share([text])
    assert words >= MIN_WORDS and share < MIN_ENGLISH_SHARE
    assert reads_as_english([text])


LOGS = [
    "Harbour office log, Tuesday: 0700 ferry late, fog. 0815 dog loose, quay two, owner found. 0940 school "
    "trip, forty children, coach parked, harbour road. 1120 fish market crates blocking station ramp, "
    "moved. 1300 lunch. 1530 rain, boats early. 1710 cafe window cracked, wind, reported. Busy morning, "
    "quiet evening. Harbourmaster bought cake, whole office.",
]
SPANISH = [
    "El lunes por la mañana la familia fue al mercado del pueblo. Compraron pan, queso y fruta, y luego "
    "volvieron a casa por el camino del río. La abuela preparó la comida mientras los niños jugaban en el "
    "patio con el perro. Por la tarde llovió mucho y nadie salió de la casa hasta la noche."
]
GERMAN = [
    "Am Montagmorgen ging die Familie auf den Markt im Dorf. Sie kauften Brot, Käse und Obst und gingen "
    "dann am Fluss entlang nach Hause. Die Großmutter kochte das Essen, während die Kinder mit dem Hund im "
    "Hof spielten. Am Nachmittag regnete es stark, und niemand verließ das Haus bis zum Abend."
]


@pytest.mark.parametrize("text", LOGS)
def test_a_log_of_a_days_small_events_reads_as_english_by_its_everyday_words(text: str) -> None:
    """A dispatch or harbour log keeps days, places and things of the house and town, few function words."""
    share, words = english_share([text])
    assert words >= MIN_WORDS and share < MIN_ENGLISH_SHARE
    assert reads_as_english([text])


def test_other_languages_do_not_read_as_english() -> None:
    assert not reads_as_english(FRENCH)
    assert not reads_as_english(SPANISH)
    assert not reads_as_english(GERMAN)
    for language, text in OTHERS.items():
        share, words = english_share([text])
        assert words >= 20 and share < MIN_ENGLISH_SHARE, language
        # Long enough to be judged, and no telegram by its everyday words either.
        assert not reads_as_english([text, text]), language


def test_a_short_chapter_goes_by_the_whole_story() -> None:
    french_story = [FRENCH, ["Fin."]]
    english_story = [["She ran for the train, and she was late, and the rain came down on all of them."] * 4, ["Fin."]]
    assert chapters_in_english(french_story) == [False, False]
    assert chapters_in_english(english_story) == [True, True]
    assert chapters_in_english([["Oui."]]) == [True]  # too little to tell: the benefit of the doubt


def test_a_french_chapter_has_no_confident_warning_and_says_it_was_not_read() -> None:
    """ "En retard" (late) fired the ableism slur rules; in a French chapter that is possible only,
    while the English chapter beside it is judged as ever."""
    english = "He called the boy a retard and the whole class laughed at him until he cried in the corridor."
    story = Story(
        StoryMeta("Mélange"),
        [Chapter(1, None, [Scene(FRENCH)]), Chapter(2, None, [Scene([english] * 3)])],
        "txt",
    )
    report = scan(story, default_ruleset())
    french, english_chapter = report.chapters
    assert (french.english, english_chapter.english) == (False, True)
    assert french.warnings == [] and {w.id for w in french.possible} >= {"ableism"}
    assert all(w.tier == POSSIBLE for w in french.possible)
    assert "ableism" in {w.id for w in english_chapter.warnings}
    assert {w.id: w.tier for w in report.warnings}["ableism"] == CONFIDENT
    assert report.get("ableism").chapters == [2]
    again = ScanReport.from_record(json.loads(json.dumps(report.to_record())))
    assert [c.english for c in again.chapters] == [False, True]


def test_scan_names_the_chapters_it_did_not_read(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from bot.tools.scan import main

    path = tmp_path / "retard.txt"
    path.write_text("Chapitre 1\n\n" + "\n\n".join(FRENCH) + "\n", encoding="utf-8")
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert "Not in English, so not read for warnings (what the rules found there is possible only): chapter 1." in out
    assert "(detected; confident" not in out


def test_chapter_lists_read_as_sentences() -> None:
    from bot.story.chapters import chapter_list

    assert chapter_list([3]) == "chapter 3"
    assert chapter_list([1, 2, 5]) == "chapters 1, 2 and 5"
    assert chapter_list(list(range(1, 51))) == "chapters 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 40 more"


def test_chapters_not_read_are_named_as_runs_and_past_a_few_pointed_to_story_info() -> None:
    """An admin must be able to find every chapter not read: a cut list named no way to see the rest."""
    from bot.story.chapters import unread_chapters

    assert unread_chapters([4], 9) == "chapter 4"
    assert unread_chapters(list(range(1, 41)), 9) == "chapters 1-40"
    every_other = list(range(1, 41, 2))
    assert unread_chapters(every_other, 9) == (
        "chapters 1, 3, 5, 7, 9, 11, 13, 15 and 12 more (`/story info story:9` marks each)"
    )
