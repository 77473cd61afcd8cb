"""Books' lesser chapter words against fics that use the same words for other things.

A book heads chapters with "Letter", "Stave", "Canto", "Adventure" (and parts with "Volume") in a run of
its own; a fic's "Letter 2" over a letter a character reads inside "Chapter 1" is that chapter's text.

Sources followed:
- Frankenstein (eBook #84, gutenbergbooks/84, 84-0.txt): " CONTENTS" over indented " Letter 1" ...
  " Letter 4", " Chapter 1" ... " Chapter 24" lines, then "Letter 1" over "_To Mrs. Saville, England._",
  "St. Petersburgh, Dec. 11th, 17—." and the letter; "Letter 2" ... "Letter 4", then "Chapter 1";
- Frankenstein, 1831 edition (eBook #42324, gutenbergbooks/42324, 42324-0.txt): "INTRODUCTION." and
  "PREFACE." with their text, the title again, then "LETTER I." ... and "CHAPTER I.".
Each chapter is shortened to its first sentences as written.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import story_text

LIMIT = 1 << 22

FRANKENSTEIN_CONTENTS = " CONTENTS\n\n" + "\n".join(
    [*(f" Letter {number}" for number in range(1, 5)), *(f" Chapter {number}" for number in range(1, 25))]
)
FRANKENSTEIN_LETTERS = [
    (
        "_To Mrs. Saville, England._\n\n\nSt. Petersburgh, Dec. 11th, 17—.\n\n\n"
        "You will rejoice to hear that no disaster has accompanied the\ncommencement of an enterprise which "
        "you have regarded with such evil\nforebodings."
    ),
    "_To Mrs. Saville, England._\n\nArchangel, 28th March, 17—.\n\n\nHow slowly the time passes here, "
    "encompassed as I am by frost and snow!",
    "_To Mrs. Saville, England._\n\nJuly 7th, 17—.\n\n\nMy dear Sister,\n\nI write a few lines in haste to "
    "say that I am safe—and well advanced\non my voyage.",
    "_To Mrs. Saville, England._\n\nAugust 5th, 17—.\n\n\nSo strange an accident has happened to us that I "
    "cannot forbear recording it.",
]
FRANKENSTEIN_CHAPTERS = [
    "I am by birth a Genevese, and my family is one of the most\ndistinguished of that republic.",
    "We were brought up together; there was not quite a year difference in\nour ages.",
]


def read(text: str, filename: str = "story.txt") -> Story:
    return import_story(text.encode(), filename, max_bytes=LIMIT)


FRANKENSTEIN_HEADER = (
    "The Project Gutenberg eBook of Frankenstein; Or, The Modern Prometheus\n\n"
    "Title: Frankenstein; Or, The Modern Prometheus\n\nAuthor: Mary Wollstonecraft Shelley\n\n"
    "Release date: October 1, 1993 [eBook #84]\n\nLanguage: English\n\n\n"
    "*** START OF THE PROJECT GUTENBERG EBOOK FRANKENSTEIN; OR, THE MODERN PROMETHEUS ***\n"
)
FRANKENSTEIN_END = "*** END OF THE PROJECT GUTENBERG EBOOK FRANKENSTEIN; OR, THE MODERN PROMETHEUS ***\n"


def frankenstein() -> str:
    parts = [FRANKENSTEIN_HEADER, "\nFrankenstein;\n\nor, the Modern Prometheus\n\n"]
    parts.append("by Mary Wollstonecraft (Godwin) Shelley\n\n\n")
    parts.append(FRANKENSTEIN_CONTENTS + "\n\n\n\n")
    for number, letter in enumerate(FRANKENSTEIN_LETTERS, start=1):
        parts.append(f"\nLetter {number}\n\n{letter}\n\n\n\n")
    for number, chapter in enumerate(FRANKENSTEIN_CHAPTERS, start=1):
        parts.append(f"\nChapter {number}\n\n{chapter}\n\n\n\n")
    return "".join(parts) + FRANKENSTEIN_END


def fic(line: str) -> str:
    return (
        "My Fic\nby Someone\n\nChapter 1\n\nShe opened the box.\n\n"
        f"{line}\n\nDear Tom, I miss you.\n\nShe folded it.\n\nChapter 2\n\nNext day.\n"
    )


def test_frankensteins_letters_stay_chapters_before_its_chapters() -> None:
    """eBook #84: "Letter 1" ... "Letter 4" stand before "Chapter 1", in a run of their own (after the
    contents list's "Chapter 24", under which no text stands)."""
    story = read(frankenstein(), "pg84.txt")
    assert (story.meta.title, story.meta.author) == (
        "Frankenstein; Or, The Modern Prometheus",
        "Mary Wollstonecraft Shelley",
    )
    titles = [chapter.title for chapter in story.chapters]
    assert titles == ["Letter 1", "Letter 2", "Letter 3", "Letter 4", None, None]
    assert story.chapters[0].paragraphs[-1].startswith("You will rejoice to hear")
    assert story.chapters[4].paragraphs[0].startswith("I am by birth a Genevese")


def test_frankensteins_1831_letters_stay_chapters_after_its_introduction_and_preface() -> None:
    """eBook #42324: an introduction and a preface with their text stand before "LETTER I."; they are
    no chapter another word numbers, so the letters open outside one."""
    text = (
        'INTRODUCTION.\n\n\nThe Publishers of the Standard Novels, in selecting "Frankenstein" for\none of '
        "their series, expressed a wish that I should furnish them with\nsome account of the origin of the "
        "story.\n\n\n\n\nPREFACE.\n\n\nThe event on which this fiction is founded, has been supposed, by Dr.\n"
        "Darwin, and some of the physiological writers of Germany, as not of\nimpossible occurrence.\n\n\n\n\n"
        "LETTER I.\n\n\n_To Mrs. Saville, England._\n\nSt. Petersburgh, Dec. 11th, 17--.\n\nYou will rejoice "
        "to hear that no disaster has accompanied the\ncommencement of an enterprise.\n\n\n\n\n"
        "LETTER II.\n\n\n_To Mrs. Saville, England._\n\nArchangel, 28th March, 17--.\n\nHow slowly the time "
        "passes here, encompassed as I am by frost and snow!\n\n\n\n\n"
        "CHAPTER I.\n\n\nI am by birth a Genevese; and my family is one of the most distinguished\nof that "
        "republic.\n"
    )
    story = read(text, "pg42324.txt")
    assert [chapter.title for chapter in story.chapters] == ["Introduction", "Preface", "Letter I", "Letter II", None]


@pytest.mark.parametrize("line", ["Letter 2", "LETTER II.", "Stave 2", "Canto 2", "Adventure 2", "Volume 2"])
def test_a_lesser_chapter_word_inside_a_fics_chapter_is_its_text(line: str) -> None:
    """ "Letter 2" over the letter a character opens, inside "Chapter 1", started a chapter and
    renumbered every chapter after it."""
    story = read(fic(line))
    assert [chapter.title for chapter in story.chapters] == [None, None]
    assert story.chapters[0].paragraphs == ["She opened the box.", line, "Dear Tom, I miss you.", "She folded it."]
    assert story.chapters[1].paragraphs == ["Next day."]


def test_letters_counting_from_one_inside_a_fics_chapter_are_its_text() -> None:
    """Two letters read in one chapter are still that chapter's text, numbered from one or not."""
    text = (
        "Chapter 1\n\nShe found two letters in the box.\n\nLetter 1\n\nDear Tom, it is cold here.\n\n"
        "Letter 2\n\nDear Tom, it is colder.\n\nShe put them back.\n\nChapter 2\n\nNext day.\n"
    )
    story = read(text)
    assert len(story.chapters) == 2
    assert "Letter 1" in story.chapters[0].paragraphs and "Letter 2" in story.chapters[0].paragraphs


def test_a_lesser_word_in_a_fics_html_paragraph_is_its_text() -> None:
    """The same fic as a web page, its headings set as paragraphs (Google Docs, Word)."""
    html = (
        "<html><head><title>My Fic</title></head><body><h1>My Fic</h1><p>by Someone</p><p>Chapter 1</p>"
        "<p>She opened the box.</p><p>Letter 2</p><p>Dear Tom, I miss you.</p><p>She folded it.</p>"
        "<p>Chapter 2</p><p>Next day.</p></body></html>"
    )
    story = import_story(html.encode(), "fic.html", max_bytes=LIMIT)
    assert len(story.chapters) == 2
    assert "Letter 2" in story.chapters[0].paragraphs


@pytest.mark.parametrize(
    ("head", "filename"), [("", "letters.txt"), ("# Dear Tom\n\nA story in letters.\n\n", "letters.md")]
)
def test_a_fic_told_in_letters_keeps_them_as_chapters(head: str, filename: str) -> None:
    """A text that marks its chapters no other way (a Markdown title over it is no chapter): every
    letter is one."""
    story = read(f"{head}Letter 1\n\nDear Tom, it is cold here.\n\nLetter 2\n\nDear Tom, it is colder.\n", filename)
    assert [chapter.title for chapter in story.chapters][-2:] == ["Letter 1", "Letter 2"]


@pytest.mark.parametrize(
    ("text", "filename"),
    [
        ("## Chapter 1\n\nShe opened the box.\n\n## Letter 2\n\nDear Tom.\n\n## Chapter 2\n\nNext day.\n", "fic.md"),
        (
            "<html><body><h2>Chapter 1</h2><p>She opened the box.</p><h2>Letter 2</h2><p>Dear Tom.</p>"
            "<h2>Chapter 2</h2><p>Next day.</p></body></html>",
            "fic.html",
        ),
    ],
)
def test_a_lesser_word_set_as_a_heading_stays_one(text: str, filename: str) -> None:
    """ "## Letter 2" or "<h2>Letter 2</h2>": the author made it a heading."""
    story = import_story(text.encode(), filename, max_bytes=LIMIT)
    assert len(story.chapters) == 3


def test_volumes_over_chapters_stay_parts() -> None:
    """ "VOLUME I." ... "VOLUME II." over chapters numbered again in each: parts, each chapter titled
    as the book numbers it."""
    text = (
        "VOLUME I.\n\nCHAPTER I.\n\nIt was a fine morning.\n\nCHAPTER II.\n\nIt rained.\n\n"
        "VOLUME II.\n\nCHAPTER I.\n\nThe spring came late.\n"
    )
    story = read(text)
    titles = [chapter.title for chapter in story.chapters]
    assert titles == ["Volume I — Chapter I", "Chapter II", "Volume II — Chapter I"]
    assert story_text(story).count("VOLUME") == 0


# Gutenberg's footnotes as Distributed Proofreaders format them (DistributedProofreaders/dproofreaders,
# faq/formatting_guidelines.php, "Footnotes/Endnotes": "[Footnote 1: ...]" a paragraph of its own, over
# as many lines as the note takes, the call "Caesar[1]" or "Gerhausen.[4]" in the text; a symbol's note
# keyed "A", "B"...). The example paragraph and its notes are the guidelines' own, from The Golden Bough.
GOLDEN_BOUGH = (
    "Title: The Golden Bough\n\nAuthor: James George Frazer\n\n"
    "*** START OF THE PROJECT GUTENBERG EBOOK THE GOLDEN BOUGH ***\n\n\n\n"
    "CHAPTER I.\n\n"
    "Similarly in Swabia, lads and lasses,\nhand in hand, leap over the midsummer bonfire, praying\n"
    "that the hemp may grow three ells high, and they set fire\nto wheels of straw and send them rolling "
    "down the hill.[3]\nAmong the places where burning wheels were thus bowled\ndown hill at Midsummer were "
    "the Hohenstaufen mountains\nin Wurtemberg and the Frauenberg near Gerhausen.[4]\n\n"
    "[Footnote 3: Karl Freiherr von Leoprechting,\n_Aus dem Lechrain_ (Munich, 1855),\npp. 181 _sqq._; "
    "W. Mannhardt, _Der\nBaumkultus_, p. 510.]\n\n"
    "[Footnote 4: A. Birlinger, _Volksthümliches aus\nSchwaben_ (Freiburg im Breisgau, 1861-1862),\n"
    "ii. pp. 96 _sqq._, § 128, pp. 103\n_sq._, § 129.]\n\n"
    "At Deffingen, in Swabia, as the people sprang over the midsummer fire, they cried out.\n\n\n\n"
    "CHAPTER II.\n\n"
    "The principal persons involved\nin this argument were Caesar[1],\nformer military leader and "
    "Imperator, and the orator Cicero[2].\nBoth were of the aristocratic\n(Patrician) class, and were quite "
    "wealthy.\n\nNothing more was said of it.\n\n"
    "[Footnote 1: Gaius Julius Caesar.]\n\n[Footnote 2: Marcus Tullius Cicero.]\n\n"
    "*** END OF THE PROJECT GUTENBERG EBOOK THE GOLDEN BOUGH ***\n"
)


def test_gutenberg_footnotes_are_the_calling_chapters_notes() -> None:
    """ "[Footnote 3: ...]" after the paragraph calling it, and at the chapter's end, were story text,
    posted as paragraphs, their calls "[3]" left in the sentence."""
    story = read(GOLDEN_BOUGH, "pg3623.txt")
    first, second = story.chapters
    assert first.notes == [
        "Footnote 3: Karl Freiherr von Leoprechting, _Aus dem Lechrain_ (Munich, 1855), pp. 181 _sqq._; "
        "W. Mannhardt, _Der Baumkultus_, p. 510.",
        "Footnote 4: A. Birlinger, _Volksthümliches aus Schwaben_ (Freiburg im Breisgau, 1861-1862), "
        "ii. pp. 96 _sqq._, § 128, pp. 103 _sq._, § 129.",
    ]
    assert second.notes == ["Footnote 1: Gaius Julius Caesar.", "Footnote 2: Marcus Tullius Cicero."]
    text = story_text(story)
    assert "Footnote" not in text and "[" not in text
    assert first.paragraphs[0].endswith("near Gerhausen.")
    assert first.paragraphs[-1].startswith("At Deffingen")
    assert "were Caesar, former military" in second.paragraphs[0].replace("\n", " ")
    assert second.paragraphs[-1] == "Nothing more was said of it."


def test_gutenberg_notes_at_the_books_end_go_to_the_chapters_calling_them() -> None:
    """Mill's Utilitarianism (eBook #11224) sets its notes "[Footnote A: ...]" to "[Footnote D: ...]"
    after its chapters; a key repeats, each call taking the first note of its key after it."""
    text = (
        "CHAPTER I.\n\nThe creed which accepts Utility as the foundation of morals.[A]\n\n"
        "CHAPTER II.\n\nA passing remark is all that needs be given.[A] It holds still.[B]\n\n"
        "THE END.\n\n[Footnote A: The first note.]\n\n[Footnote A: The second note,\nover two lines.]\n\n"
        "[Footnote B: The third note.]\n"
    )
    story = read(text)
    assert [chapter.notes for chapter in story.chapters] == [
        ["Footnote A: The first note."],
        ["Footnote A: The second note, over two lines.", "Footnote B: The third note."],
    ]
    assert story.chapters[1].paragraphs[0] == "A passing remark is all that needs be given. It holds still."
    assert "Footnote" not in story_text(story)


def test_a_gutenberg_note_nothing_calls_is_still_no_story_text() -> None:
    story = read("CHAPTER I.\n\nThe boats came in.\n\n[Footnote 1: Twelve of them.]\n\nThe gulls followed.\n")
    assert story.chapters[0].paragraphs == ["The boats came in.", "The gulls followed."]
    assert story.chapters[0].notes == ["Footnote 1: Twelve of them."]


@pytest.mark.parametrize(
    "text",
    [
        "CHAPTER I.\n\nThe boats came in.[1]\n\n[Footnote 1: a bracket never closed\n\nThe gulls followed.\n",
        "CHAPTER I.\n\nThe boats came in.[1]\n\n[Footnote 1: Twelve.] And then the gulls followed.\n",
    ],
)
def test_a_bracket_that_does_not_close_a_gutenberg_note_leaves_the_text(text: str) -> None:
    """A "[Footnote 1:" whose bracket never closes, or closes with the story going on after it, is
    no note: the text stays, call and all."""
    story = read(text)
    assert story.chapters[0].notes == []
    assert story.chapters[0].paragraphs[0] == "The boats came in.[1]"


# War and Peace (eBook #2600, updated June 14, 2022), as a public test fixture copies its opening: the
# header's "Author: graf Leo Tolstoy", the title page's "By Leo Tolstoy/Tolstoi", "Contents" over
# indented entries a blank line apart, "BOOK ONE: 1805" over "CHAPTER I" ..., each book's chapters
# counted from "CHAPTER I" again; the chapters' opening sentences as written.
WAR_AND_PEACE = (
    "The Project Gutenberg eBook of War and Peace\n\nTitle: War and Peace\n\n\nAuthor: graf Leo Tolstoy\n\n"
    "Translator: Aylmer Maude\n        Louise Maude\n\nRelease date: April 1, 2001 [eBook #2600]\n"
    "                Most recently updated: June 14, 2022\n\nLanguage: English\n\n\n\n"
    "*** START OF THE PROJECT GUTENBERG EBOOK WAR AND PEACE ***\n\n\n\nWAR AND PEACE\n\n\n"
    "By Leo Tolstoy/Tolstoi\n\n\n    Contents\n\n    BOOK ONE: 1805\n\n    CHAPTER I\n\n    CHAPTER II\n\n"
    "    BOOK TWO: 1805\n\n    CHAPTER I\n\n    CHAPTER II\n\n\n\n\nBOOK ONE: 1805\n\n\n\n\n\nCHAPTER I\n\n"
    "“Well, Prince, so Genoa and Lucca are now just family estates of the\nBuonapartes.”\n\n\n\n\n"
    "CHAPTER II\n\nAnna Pávlovna’s drawing room was gradually filling.\n\n\n\n\nBOOK TWO: 1805\n\n\n\n\n\n"
    "CHAPTER I\n\nIn October, 1805, a Russian army was occupying the villages and towns of\nthe Archduchy "
    "of Austria.\n\n\n\n\nCHAPTER II\n\nKutúzov fell back toward Vienna.\n\n"
    "*** END OF THE PROJECT GUTENBERG EBOOK WAR AND PEACE ***\n"
)


def test_war_and_peace_is_read_with_its_books_and_their_chapters() -> None:
    """eBook #2600 was refused: its contents list stopped at the second "CHAPTER I" (an entry come
    round again, it seemed), leaving the rest as headings with no text. Its books are parts, each
    chapter titled as the book numbers it; the title page is no chapter."""
    story = read(WAR_AND_PEACE, "pg2600.txt")
    assert (story.meta.title, story.meta.author) == ("War and Peace", "graf Leo Tolstoy")
    assert [chapter.title for chapter in story.chapters] == [
        "Book One: 1805 — Chapter I",
        "Chapter II",
        "Book Two: 1805 — Chapter I",
        "Chapter II",
    ]
    assert story.chapters[0].paragraphs[0].startswith("“Well, Prince")
    assert "Contents" not in story_text(story) and "Tolstoi" not in story_text(story)


def test_parts_numbered_in_words_over_chapters_counted_again() -> None:
    """ "PART ONE" over "CHAPTER ONE" (Crime and Punishment's shape with its numbers in words)."""
    text = (
        "PART ONE\n\nCHAPTER ONE\n\nOn an exceptionally hot evening a young man went out.\n\n"
        "CHAPTER TWO\n\nHe was not used to crowds.\n\nPART TWO\n\nCHAPTER ONE\n\nSo he lay a very long time.\n"
    )
    assert [chapter.title for chapter in read(text).chapters] == [
        "Part One — Chapter One",
        "Chapter Two",
        "Part Two — Chapter One",
    ]


def test_chapters_counted_through_the_parts_keep_their_titles() -> None:
    """A book counting its chapters through its parts keeps the titles it had: the chapter's
    number is the one the bot shows."""
    text = (
        "BOOK I.\n\nCHAPTER I.\n\nIt was a fine morning.\n\nCHAPTER II.\n\nIt rained.\n\n"
        "BOOK II.\n\nCHAPTER III.\n\nThe spring came late.\n"
    )
    assert [chapter.title for chapter in read(text).chapters] == ["Book I", None, "Book II"]


def test_les_miserables_volumes_and_books_head_their_titled_chapters() -> None:
    """eBook #135: "VOLUME I—FANTINE" over "BOOK FIRST—A JUST MAN" over "CHAPTER I—M. MYRIEL"."""
    text = (
        "VOLUME I—FANTINE\n\n\nBOOK FIRST—A JUST MAN\n\n\nCHAPTER I—M. MYRIEL\n\n"
        "In 1815, M. Charles-François-Bienvenu Myriel was Bishop of D——\n\n\n"
        "CHAPTER II—M. MYRIEL BECOMES M. WELCOME\n\nThe episcopal palace of D—— adjoined the hospital.\n\n\n"
        "BOOK SECOND—THE FALL\n\n\nCHAPTER I—THE EVENING OF A DAY OF WALKING\n\n"
        "Early in the month of October, 1815, a man travelling afoot entered the little town of D——\n"
    )
    assert [chapter.title for chapter in read(text).chapters] == [
        "VOLUME I: FANTINE — BOOK FIRST: A JUST MAN — M. MYRIEL",
        "M. MYRIEL BECOMES M. WELCOME",
        "BOOK SECOND: THE FALL — THE EVENING OF A DAY OF WALKING",
    ]


# The Adventures of Sherlock Holmes (eBook #1661, farbodbj/llm-overflow pg1661.txt) names its stories in
# Title Case in its contents ("   I.     A Scandal in Bohemia" ... "  VI.     The Man with the Twisted
# Lip"); a text setting them so as headings, each over its story's first sentence as written.
SHERLOCK_TITLE_CASE = (
    "The Adventures of Sherlock Holmes\n\nby Arthur Conan Doyle\n\n\n"
    "I. A Scandal in Bohemia\n\nTo Sherlock Holmes she is always _the_ woman. I have seldom heard him mention "
    "her under any other name.\n\n"
    "II. The Red-Headed League\n\nI had called upon my friend, Mr. Sherlock Holmes, one day in the autumn of "
    "last year and found him in deep conversation with a very stout, florid-faced, elderly gentleman with "
    "fiery red hair.\n\n"
    "III. The Man with the Twisted Lip\n\nIsa Whitney, brother of the late Elias Whitney, D.D., Principal of "
    "the Theological College of St. George’s, was much addicted to opium.\n"
)


def test_numbered_titles_in_title_case_head_the_chapters_they_number_throughout() -> None:
    """ "I. A Scandal in Bohemia" ... in Title Case were story text: only titles in capitals counted."""
    story = read(SHERLOCK_TITLE_CASE)
    assert [chapter.title for chapter in story.chapters] == [
        "A Scandal in Bohemia",
        "The Red-Headed League",
        "The Man with the Twisted Lip",
    ]


@pytest.mark.parametrize(
    ("text", "line", "chapters"),
    [
        (  # a list inside a one-shot, after the story's own opening
            "She sat down to write the rules, as her mother had, every year since the war, on the back of an "
            "envelope that smelled of smoke.\n\nI. Be Kind\n\nAlways to strangers.\n\nII. Be Brave\n\nEven at "
            "night.\n\nShe folded the envelope.\n",
            "I. Be Kind",
            1,
        ),
        (  # the same list in a fic that marks its chapters
            "Chapter 1\n\nI. Be Kind\n\nAlways to strangers, she wrote.\n\nII. Be Brave\n\nEven at night.\n\n"
            "Chapter 2\n\nNext day.\n",
            "I. Be Kind",
            2,
        ),
        (  # sentences, not titles
            "I. Am. Done.\n\nShe said it twice.\n\nII. Was the worst grade she had ever had.\n\nShe cried.\n",
            "I. Am. Done.",
            1,
        ),
    ],
)
def test_a_numbered_list_in_a_fic_stays_text(text: str, line: str, chapters: int) -> None:
    story = read(text)
    assert len(story.chapters) == chapters
    assert line in story.chapters[0].paragraphs
