"""Plays as Project Gutenberg and others set them: acts are the chapters, the cast list a note.

Shakespeare's Gutenberg texts open with the play's title page ("THE TRAGEDY OF HAMLET, PRINCE OF
DENMARK", under the header's "Title: Hamlet, Prince of Denmark"), a contents list naming each
act over its scenes, and "Dramatis Personæ"; Wilde's heads its acts "FIRST ACT" and lists "THE
PERSONS OF THE PLAY". Read as text, the title page and the contents were chapters and the cast
list an untitled chapter 1, and Wilde's play was one chapter.
"""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import gutenberg_bytes
from tests.story.test_epub_shapes2 import CHAPTERS, Book, read, titles

HAMLET_BODY = """THE TRAGEDY OF HAMLET, PRINCE OF DENMARK

by William Shakespeare



Contents

ACT I
Scene I. Elsinore. A platform before the Castle.
Scene II. Elsinore. A room of state in the Castle.

ACT II
Scene I. A room in Polonius’s house.
Scene II. A room in the Castle.



Dramatis Personæ

HAMLET, Prince of Denmark.
CLAUDIUS, King of Denmark, Hamlet’s uncle.
GERTRUDE, the Queen, Hamlet’s mother, now wife of Claudius.

Lords, Ladies, Officers, Soldiers, Sailors, Messengers, and Attendants.

SCENE. Elsinore.



ACT I

SCENE I. Elsinore. A platform before the Castle.

 Enter Francisco and Barnardo, two sentinels.

BARNARDO.
Who’s there?

FRANCISCO.
Nay, answer me. Stand and unfold yourself.

SCENE II. Elsinore. A room of state in the Castle.

KING.
Though yet of Hamlet our dear brother’s death
The memory be green.



ACT II

SCENE I. A room in Polonius’s house.

 Enter Polonius and Reynaldo.

POLONIUS.
Give him this money and these notes, Reynaldo.

SCENE II. A room in the Castle.

KING.
Welcome, dear Rosencrantz and Guildenstern.
"""


def hamlet(body: str = HAMLET_BODY) -> Story:
    data = gutenberg_bytes(body, "Hamlet, Prince of Denmark", "William Shakespeare")
    return import_story(data, "pg1524.txt", max_bytes=len(data) + 1)


def test_a_gutenberg_play_is_its_acts_with_the_cast_list_a_note() -> None:
    story = hamlet()
    assert (story.meta.title, story.meta.author) == ("Hamlet, Prince of Denmark", "William Shakespeare")
    assert [chapter.title for chapter in story.chapters] == ["Act I", "Act II"]
    assert story.chapters[0].paragraphs[0] == "SCENE I. Elsinore. A platform before the Castle."
    assert story.chapters[1].paragraphs[-1] == "KING.\nWelcome, dear Rosencrantz and Guildenstern."
    (cast,) = story.meta.notes
    assert cast.startswith("Characters: HAMLET, Prince of Denmark.\nCLAUDIUS")
    assert "SCENE. Elsinore." in cast
    assert not any("Scene II. Elsinore. A room of state" in p for c in story.chapters for p in c.paragraphs)


def test_scenes_listed_one_to_a_line_or_run_together_are_the_contents_either_way() -> None:
    # Gutenberg's text joins lines as long as a wrapped paragraph's: the scenes of Act I in one line.
    joined = HAMLET_BODY.replace(
        "Scene I. Elsinore. A platform before the Castle.\nScene II. Elsinore.",
        "Scene I. Elsinore. A platform before the Castle. Scene II. Elsinore.",
        1,
    )
    for body in (HAMLET_BODY, joined):
        assert [chapter.title for chapter in hamlet(body).chapters] == ["Act I", "Act II"]


def test_an_act_opening_with_its_one_scene_line_keeps_it_as_text() -> None:
    story = hamlet(
        HAMLET_BODY.replace(
            "ACT II\nScene I. A room in Polonius’s house.\nScene II. A room in the Castle.",
            "ACT II\nScene I. A room in Polonius’s house.",
        )
    )
    assert [chapter.title for chapter in story.chapters] == ["Act I", "Act II"]
    assert story.chapters[1].paragraphs[0] == "SCENE I. A room in Polonius’s house."


def test_a_play_without_a_header_still_keeps_its_cast_out_of_the_chapters() -> None:
    body = HAMLET_BODY.split("Dramatis Personæ", 1)[1]
    text = "HAMLET\n\nby William Shakespeare\n\n\nDramatis Personæ" + body
    story = import_story(text.encode(), "hamlet.txt", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == ["Act I", "Act II"]
    assert story.meta.notes[0].startswith("Characters: HAMLET, Prince of Denmark.")


WILDE = """THE IMPORTANCE OF BEING EARNEST

A Trivial Comedy for Serious People

by Oscar Wilde


THE PERSONS OF THE PLAY

John Worthing, J.P.
Algernon Moncrieff
Lady Bracknell


THE SCENES OF THE PLAY

ACT I.  Algernon Moncrieff’s Flat in Half-Moon Street, W.

ACT II.  The Garden at the Manor House, Woolton.

TIME: The Present.


FIRST ACT


SCENE

Morning-room in Algernon’s flat in Half-Moon Street.

Algernon.  Did you hear what I was playing, Lane?

Lane.  I didn’t think it polite to listen, sir.


SECOND ACT


SCENE

Garden at the Manor House.

Miss Prism.  Cecily, Cecily!
"""


def test_acts_headed_first_act_and_second_act_are_the_chapters() -> None:
    title = "The Importance of Being Earnest: A Trivial Comedy for Serious People"
    data = gutenberg_bytes(WILDE, title, "Oscar Wilde")
    story = import_story(data, "pg844.txt", max_bytes=len(data) + 1)
    assert (story.meta.title, story.meta.author) == (title, "Oscar Wilde")
    assert [chapter.title for chapter in story.chapters] == ["First Act", "Second Act"]
    assert story.chapters[1].paragraphs[-1] == "Miss Prism.  Cecily, Cecily!"
    assert story.meta.notes[0].startswith("Characters: John Worthing, J.P.")


def test_a_fic_can_list_its_characters_before_chapter_one() -> None:
    text = "Title: Tidewater\nAuthor: Wren\n\nCharacters\n\nMara, a ferry pilot\nTom, her brother\n\nChapter 1\n\nThe ferry left at dusk.\n\nChapter 2\n\nThe island had one road.\n"
    story = import_story(text.encode(), "tide.txt", max_bytes=1 << 20)
    assert [chapter.number for chapter in story.chapters] == [1, 2]
    assert story.chapters[0].paragraphs == ["The ferry left at dusk."]
    assert "Characters: Mara, a ferry pilot\nTom, her brother" in story.meta.notes


def test_ordinal_acts_and_books_read_as_parts_only_on_a_line_of_their_own() -> None:
    text = "Title: Rooms\n\nFirst act of the day was breakfast, and Mara was late for it.\n\nThe second was worse.\n"
    story = import_story(text.encode(), "rooms.txt", max_bytes=1 << 20)
    assert len(story.chapters) == 1
    assert story.chapters[0].paragraphs[0].startswith("First act of the day")


def test_an_epub_marks_its_cast_page_as_the_dramatis_personae() -> None:
    cast = (
        "cast.xhtml",
        '<section epub:type="dramatis-personae"><p>MARA, a ferry pilot.</p><p>TOM, her brother.</p></section>',
    )
    story = read(Book([cast, *CHAPTERS]))
    assert titles(story) == ["The Crossing", "The Island", "The Return"]
    assert story.meta.notes == ["Characters: MARA, a ferry pilot.\nTOM, her brother."]


IBSEN = """A DOLL'S HOUSE

by Henrik Ibsen




DRAMATIS PERSONAE

Torvald Helmer.
Nora, his wife.

[The action takes place in Helmer's house.]




A DOLL'S HOUSE

ACT I

[SCENE.--A room furnished comfortably and tastefully, but not extravagantly.]

Nora. Hide the Christmas Tree carefully, Helen.

ACT II

[THE SAME SCENE.--The Christmas Tree is in the corner by the piano.]

Nora [drops her cloak]. Someone is coming now!
"""

CHEKHOV = """THE CHERRY ORCHARD

A COMEDY IN FOUR ACTS


CHARACTERS

LUBOV ANDREYEVNA RANEVSKY (MADAME RANEVSKY), a landowner
ANYA, her daughter, aged seventeen

The action takes place on the estate of L. A. RANEVSKY


ACT ONE

[A room which is still called the nursery.]

DUNYASHA. The train's arrived, thank God. What's the time?


ACT TWO

[A field. An old, crooked, and long-abandoned little shrine.]

CHARLOTTA. I haven't got a real passport.
"""


def test_a_play_repeating_its_title_over_act_one_and_one_saying_what_it_is() -> None:
    data = gutenberg_bytes(IBSEN, "A Doll's House", "Henrik Ibsen")
    story = import_story(data, "pg2542.txt", max_bytes=len(data) + 1)
    assert [chapter.title for chapter in story.chapters] == ["Act I", "Act II"]
    (cast,) = story.meta.notes  # (the title said again over Act I ends it: no chapter of its own)
    assert cast.startswith("Characters: Torvald Helmer.\nNora, his wife.\n[The action takes place in Helmer's house.]")
    assert story.chapters[0].paragraphs[0].startswith("[SCENE.--A room furnished")

    data = gutenberg_bytes(CHEKHOV, "The Cherry Orchard", "Anton Checkov")
    story = import_story(data, "pg7986.txt", max_bytes=len(data) + 1)
    assert [chapter.title for chapter in story.chapters] == ["Act One", "Act Two"]
    assert story.meta.notes[0] == "Subtitle: A COMEDY IN FOUR ACTS"
    assert story.meta.notes[1].startswith("Characters: LUBOV ANDREYEVNA RANEVSKY")
    assert story.chapters[0].paragraphs[0] == "[A room which is still called the nursery.]"


def test_a_play_as_one_web_page_with_its_by_line_in_a_heading() -> None:
    # Project Gutenberg's HTML sets "<h2>by William Shakespeare</h2>" between the title and the acts:
    # read as a heading with no text under it, the upload was refused.
    html = (
        "<html><head><title>Hamlet</title></head><body><h1>THE TRAGEDY OF HAMLET, PRINCE OF DENMARK</h1>"
        "<h2>by William Shakespeare</h2><h2>Dramatis Personæ</h2><p>HAMLET, Prince of Denmark.<br/>CLAUDIUS, King.</p>"
        "<h2>ACT I</h2><h3>SCENE I. Elsinore. A platform before the Castle.</h3><p>Enter Francisco and Barnardo.</p>"
        "<h3>SCENE II. Elsinore.</h3><p>KING. Though yet of Hamlet.</p>"
        "<h2>ACT II</h2><h3>SCENE I. A room in Polonius’s house.</h3><p>POLONIUS. Give him this money.</p>"
        "</body></html>"
    )
    story = import_story(html.encode(), "pg1524-images.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("THE TRAGEDY OF HAMLET, PRINCE OF DENMARK", "William Shakespeare")
    assert [chapter.title for chapter in story.chapters] == [
        "Act I — SCENE I. Elsinore. A platform before the Castle.",
        "SCENE II. Elsinore.",
        "Act II — SCENE I. A room in Polonius’s house.",
    ]
    assert story.meta.notes == ["Characters: HAMLET, Prince of Denmark.\nCLAUDIUS, King."]
