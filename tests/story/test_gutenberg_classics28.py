"""Famous Project Gutenberg books as their files set them, read as a club reads them.

A Tale of Two Cities' "Book the First--Recalled to Life" and its title page's subtitle over the
by-line; Treasure Island's "PART ONE--The Old Buccaneer" over chapters numbered alone; Jekyll and
Hyde's chapters titled in capitals with no chapter word ("SEARCH FOR MR. HYDE"). Before, the
parts' "--" left a dash in their titles or made them text, the subtitle was a chapter, and Jekyll
and Hyde was one chapter.
"""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import gutenberg_bytes

TALE = 'A TALE OF TWO CITIES\n\nA STORY OF THE FRENCH REVOLUTION\n\nBy Charles Dickens\n\n\nCONTENTS\n\n\n     Book the First--Recalled to Life\n\n     CHAPTER     I.      The Period\n     CHAPTER    II.      The Mail\n\n\n     Book the Second--the Golden Thread\n\n     CHAPTER     I.      Five Years Later\n     CHAPTER    II.      A Sight\n\n\n\n\nBook the First--Recalled to Life\n\n\n\n\nCHAPTER I.\nThe Period\n\n\nIt was the best of times, it was the worst of times, it was the age of wisdom, it was the age of\nfoolishness, it was the epoch of belief.\n\nThere were a king with a large jaw and a queen with a plain face, on the throne of England.\n\n\n\n\nCHAPTER II.\nThe Mail\n\n\nIt was the Dover road that lay, on a Friday night late in November, before the first of the\npersons with whom this history has business.\n\n\n\n\nBook the Second--the Golden Thread\n\n\n\n\nCHAPTER I.\nFive Years Later\n\n\nTellson\'s Bank by Temple Bar was an old-fashioned place, even in the year one thousand seven\nhundred and eighty.\n\n\n\n\nCHAPTER II.\nA Sight\n\n\n"You know the Old Bailey well, no doubt?" said one of the oldest of clerks to Jerry the messenger.\n'

TREASURE = "TREASURE ISLAND\n\nby Robert Louis Stevenson\n\n\n\n\nPART ONE--The Old Buccaneer\n\n\n\n\n1\n\nThe Old Sea-dog at the Admiral Benbow\n\n\nSquire Trelawney, Dr. Livesey, and the rest of these gentlemen having asked me to write down the\nwhole particulars about Treasure Island.\n\n\n\n\n2\n\nBlack Dog Appears and Disappears\n\n\nIt was not very long after this that there occurred the first of the mysterious events.\n\n\n\n\nPART TWO--The Sea-cook\n\n\n\n\n3\n\nI Go to Bristol\n\n\nIt was longer than the squire imagined ere we were ready for the sea.\n"

JEKYLL = "STRANGE CASE OF DR. JEKYLL AND MR. HYDE\n\nby Robert Louis Stevenson\n\n\nContents\n\n STORY OF THE DOOR\n\n SEARCH FOR MR. HYDE\n\n DR. JEKYLL WAS QUITE AT EASE\n\n\n\n\nSTORY OF THE DOOR\n\n\nMr. Utterson the lawyer was a man of a rugged countenance that was never lighted by a smile; cold,\nscanty and embarrassed in discourse.\n\n“Did you ever remark that door?” he asked; and when his companion had replied in the affirmative, “It is connected in my mind,” added he, “with a very odd story.” The lawyer walked on in silence, and the street was small and what is called quiet, but it drove a thriving trade on the weekdays.\n\n\n\n\nSEARCH FOR MR. HYDE\n\n\nThat evening Mr. Utterson came home to his bachelor house in sombre spirits and sat down to dinner\nwithout relish.\n\n\n\n\nDR. JEKYLL WAS QUITE AT EASE\n\n\nA fortnight later, by excellent good fortune, the doctor gave one of his pleasant dinners to some\nfive or six old cronies.\n"


def gutenberg(body: str, title: str, author: str) -> Story:
    data = gutenberg_bytes(body, title, author)
    return import_story(data, "pg.txt", max_bytes=len(data) + 1)


def titles(story: Story) -> list[str | None]:
    return [chapter.title for chapter in story.chapters]


def test_a_tale_of_two_cities_books_the_first_and_second() -> None:
    story = gutenberg(TALE, "A Tale of Two Cities", "Charles Dickens")
    assert (story.meta.title, story.meta.author) == ("A Tale of Two Cities", "Charles Dickens")
    assert titles(story) == [
        "Book the First: Recalled to Life — The Period",
        "The Mail",
        "Book the Second: the Golden Thread — Five Years Later",
        "A Sight",
    ]
    assert story.meta.notes == ["Subtitle: A STORY OF THE FRENCH REVOLUTION"]
    assert story.chapters[0].paragraphs[0].startswith("It was the best of times")


def test_treasure_island_parts_with_a_typewriter_dash() -> None:
    story = gutenberg(TREASURE, "Treasure Island", "Robert Louis Stevenson")
    assert titles(story) == [
        "Part One: The Old Buccaneer — The Old Sea-dog at the Admiral Benbow",
        "Black Dog Appears and Disappears",
        "Part Two: The Sea-cook — I Go to Bristol",
    ]


def test_jekyll_and_hyde_chapters_titled_in_capitals() -> None:
    story = gutenberg(JEKYLL, "The Strange Case of Dr. Jekyll and Mr. Hyde", "Robert Louis Stevenson")
    assert story.meta.author == "Robert Louis Stevenson"
    assert titles(story) == ["STORY OF THE DOOR", "SEARCH FOR MR. HYDE", "DR. JEKYLL WAS QUITE AT EASE"]
    assert story.chapters[0].paragraphs[0].startswith("Mr. Utterson the lawyer")
    assert story.meta.notes == []  # the title page said again (without the header's "The") is no note


PROSE = "The story went on for a while in plain words, as stories do, and nobody stopped it.\n\nIt went on.\n"


def test_the_time_machine_a_lone_numeral_over_its_title() -> None:
    body = "".join(
        f"{numeral}.\n{title}\n\n{PROSE}\n\n\n"
        for numeral, title in (("I", "Introduction"), ("II", "The Machine"), ("III", "The Time Traveller Returns"))
    )
    story = gutenberg(body, "The Time Machine", "H. G. Wells")
    assert titles(story) == ["Introduction", "The Machine", "The Time Traveller Returns"]
    assert story.chapters[0].paragraphs[0].startswith("The story went on")


def test_the_war_of_the_worlds_books_counting_their_chapters_again() -> None:
    body = (
        f"BOOK ONE\nTHE COMING OF THE MARTIANS\n\n\n\n\nI.\nTHE EVE OF THE WAR.\n\n\n{PROSE}\n\n\n\n"
        f"II.\nTHE FALLING STAR.\n\n\n{PROSE}\n\n\n\n"
        f"BOOK TWO\nTHE EARTH UNDER THE MARTIANS\n\n\n\n\nI.\nUNDER FOOT.\n\n\n{PROSE}"
    )
    story = gutenberg(body, "The War of the Worlds", "H. G. Wells")
    assert titles(story) == [
        "BOOK ONE: THE COMING OF THE MARTIANS — THE EVE OF THE WAR",
        "THE FALLING STAR",
        "BOOK TWO: THE EARTH UNDER THE MARTIANS — UNDER FOOT",
    ]


def test_lone_numerals_that_neither_count_on_nor_start_again_under_a_part_stay_text() -> None:
    body = f"BOOK ONE\n\n\nI.\nTHE EVE OF THE WAR.\n\n\n{PROSE}\n\n\nIII.\nTHE FALLING STAR.\n\n\n{PROSE}"
    story = gutenberg(body, "Skipping", "A. Writer")
    assert titles(story) == ["Book One"]


def test_dracula_a_title_under_its_chapter_in_a_text_files_italics() -> None:
    body = (
        f"CHAPTER I\n\nJONATHAN HARKER’S JOURNAL\n\n(_Kept in shorthand._)\n\n{PROSE}\n\n\n"
        f"CHAPTER II\n\nJONATHAN HARKER’S JOURNAL--_continued_\n\n{PROSE}"
    )
    story = gutenberg(body, "Dracula", "Bram Stoker")
    assert titles(story) == ["JONATHAN HARKER’S JOURNAL", "JONATHAN HARKER’S JOURNAL--continued"]
    assert story.chapters[1].paragraphs[0].startswith("The story went on")


LONG = (
    "When the story went on it went on in plain words, as stories do, and nobody stopped it. " * 6
) + "\n\nIt went on.\n"


def test_siddhartha_chapters_titled_in_capitals_under_its_parts() -> None:
    body = (
        "SIDDHARTHA\n\nAN INDIAN TALE\n\nBY HERMANN HESSE\n\n\n\n\nFIRST PART\n\n\n\n\n"
        f"THE SON OF THE BRAHMAN\n\n{LONG}\n\n\n\nWITH THE SAMANAS\n\n{LONG}\n\n\n\n\nSECOND PART\n\n\n\n\n"
        f"KAMALA\n\n{LONG}"
    )
    story = gutenberg(body, "Siddhartha", "Hermann Hesse")
    assert titles(story) == ["First Part — THE SON OF THE BRAHMAN", "WITH THE SAMANAS", "Second Part — KAMALA"]
    assert story.meta.notes == ["Subtitle: AN INDIAN TALE"]


def test_the_picture_of_dorian_gray_the_preface() -> None:
    body = (
        "THE PICTURE OF DORIAN GRAY\n\nBy Oscar Wilde\n\n\n\n\nTHE PREFACE\n\nThe artist is the creator of "
        f"beautiful things.\n\nAll art is quite useless.\n\n\n\n\nCHAPTER I.\n\n{PROSE}\n\n\n\nCHAPTER II.\n\n{PROSE}"
    )
    story = gutenberg(body, "The Picture of Dorian Gray", "Oscar Wilde")
    assert titles(story) == ["Preface", None, None]
    assert story.chapters[0].paragraphs == [
        "The artist is the creator of beautiful things.",
        "All art is quite useless.",
    ]
