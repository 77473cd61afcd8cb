"""Story files outside testers sent that were misread (the thirty-eighth session's probe of files
nobody on the project wrote):

- a first line whose title holds " by <word>", "Lost At Sea by night": read as the title "Lost At Sea"
  by "night"; a one-word name after "by" is a handle only when it is no word English sets after "by"
  in a phrase of its own ("by night", "by heart", "by you"), so the whole line is the title;
- a one-line blurb in a paragraph of its own under a text's title (or its by-line), straight over the
  first chapter's heading: read as a chapter 1 of its own (the title with it, when no by-line marked
  it), every chapter number after it one too high; now the story's summary;
- a page Firefox's Reader View saved whose title ends with the site's name after a dash, "Salt and
  Iron - Nightjar Fiction" (its header names the site by its domain, nightjarfiction.com): the name
  stayed in the story's title; a chapter's "Chapter 3: The Lantern Keeper | Starlit Scrolls" headed
  no chapter; now both go where the name is the domain's;
- a Quotev story copied with its counts under the by-line, each with its label first ("Read 12,408" /
  "Fans 341" / "Comments 57") or its buttons bare ("Fans" / "Comments"): the title page was a chapter 1
  of its own and the file's name the title; now the counts are dropped, as other sites' are;
- FanFiction.net's chapter select copied as one line, its entries run together ("Chapter 1: Bree,
  chapter 2: Weathertop, chapter 3: Rivendell", "1. Bree 2. Weathertop 3. Rivendell"), over the first
  chapter or between chapters: it titled chapter 1 "Bree, chapter 2: Weathertop, ..." or was a chapter
  of its own; now dropped (the stats line and "Follow/Fav" already were);
- a Wattpad story page copied with its "Mature" badge on a line of its own under the title: the badge,
  the blurb and the tags were a chapter 1 of their own; now the badge is the rating (AO3's ratings'
  names, "Teen And Up Audiences", alone on a line, too);
- a Tumblr post copied from its page, its notes listed under its tags ("1,204 notes", "geraltsbard
  reblogged this from moonlit-quill and added:" over what it added, "lark-song liked this") and its
  "Reblog" / "Like" buttons: the tags ("#tw self harm") were story text, so declared nothing, and the
  blog's name over the title a chapter 1; now read as the post, as a reblog chain was;
- a SpaceBattles or Sufficient Velocity thread copied by its threadmarks: the buttons under each post
  ("Reply", "Like", "Report", "+ Quote", on lines of their own or one) were the chapters' last
  paragraphs; now dropped with the forum's other lines (in a thread copy only);
- a text's title page of a title and a name with no "by" over its contents list ("THE LIGHTHOUSE AT CAPE
  SORROW" / "Edwin Marsh" / "CONTENTS" / "I. The Keeper" ...): the two lines were a chapter 1 of their
  own and the file's name the title; now the title and the author, as over the first heading;
- the writer's handle alone under the title, "@ember_and_oak" (Wattpad's app, a social site's copy):
  the title and the handle were a chapter 1 of their own; now the author (without the "@");
- a Royal Road chapter page copied: its "Previous Chapter | Fiction Index | Next Chapter" links and
  its note boxes titled with a display name of two words, "A note from Ferris Quell", were story text
  (the note's "TW: ..." no declaration); now the links go and the boxes are the chapter's notes, and
  its "Report" button alone under the links goes with them (it kept the closing box story text), and
  its writers' ask for ratings closing a chapter ("please consider leaving a rating and a review!") is
  a note, as FanFiction.net's asks for reviews are;
- a work copied from AO3's page whose "Summary:" and "Notes:" labels stand on the first line of the
  paragraph they head: the title and author over them, the summary and the work's notes (its "CW: ...")
  were a chapter 1 of their own; now read as the labels they are, as on lines of their own;
- the author's name alone under every part's heading, as a site that pages a story sets it (Wattpad's
  "Part 2" / "inkymoth_writes"): each part's first paragraph; now dropped (and the author where the
  header named none);
- a Tumblr post copied with its foot in one paragraph ("Source: moonlit-quill" / "1,204 notes"), its
  title "Hollow Bones | a Geralt x Jaskier fic" and a lone "—" between its scenes: the foot and the
  tags were story text, the title kept its suffix and the dash was a paragraph; now the foot and the
  tags are read as the post's (the source blog its author), the suffix goes and the dash is a break;
- Wattpad's star button alone under a part ("Vote", "☆ Vote"): each part's last paragraph; now dropped;
- a text's contents list with bullets ("- Prologue" / "- Chapter 1: The Moth") or with page numbers
  after dot leaders ("The Moth ........ 1") over chapters it names: the list was kept as an epigraph, or
  the chapters, headed only by the titles it lists, were one; now the list goes and names the chapters;
- a Quotev story page copied whole: its title over the writer's user name with no "by" ("The Boy Who
  Painted Storms" / "inkwell_and_ash"), its genres and counts ("Fantasy · Romance · 3 chapters · 12,408
  reads") and its blurb over "1 | The First Storm": all a chapter 1 of their own; now the title page;
- a title page with a one-line blurb between the title and the by-line ("The Winter Ledger" / "A story
  about grief, snow and a book of names." / "by Tamsin Greaves"), in a text on lines or paragraphs of
  their own, or a Google Docs HTML file's subtitle: a chapter 1 of its own; now the summary.

Pinned as read right when probed: Markdown's setext headings, a Google Docs "Download as HTML" file, a
Calibre EPUB whose chapters are split over files, an EPUB opening on its cover, title page, copyright
and contents.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import time

import pytest

from bot.story.importer import import_story
from bot.warnings.declared import map_declared
from tests.story.builders import epub_bytes, xhtml
from tests.story.builders import read_text as read

FIRST = "The harbour lights went out one by one, and Maren counted them the way her father had taught her."
SECOND = "By morning the boat had drifted past the breakwater, and the gulls followed it as if it owed them."


def chapters() -> str:
    return f"Chapter 1\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n"


# A title holding " by <word>" on the first line.


@pytest.mark.parametrize(
    "title", ["Lost At Sea by night", "Saved by Moonlight", "Known by Heart", "Saved by you", "Led by Starlight"]
)
def test_a_title_holding_by_and_a_common_word_is_the_whole_title(title: str) -> None:
    story = read(f"{title}\n\n{chapters()}")
    assert (story.meta.title, story.meta.author) == (title, None)
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


@pytest.mark.parametrize(
    ("line", "title", "author"),
    [
        ("Low Water by marrowbird", "Low Water", "marrowbird"),
        ("Lost At Sea by nightjar", "Lost At Sea", "nightjar"),
        ("Lost At Sea by night_owl", "Lost At Sea", "night_owl"),
        ("Salt And Iron by wren", "Salt And Iron", "wren"),
    ],
)
def test_a_title_by_a_handle_still_names_the_author(line: str, title: str, author: str) -> None:
    story = read(f"{line}\n\n{chapters()}")
    assert (story.meta.title, story.meta.author) == (title, author)


def test_a_title_by_a_common_word_over_a_by_line_keeps_the_by_line_author() -> None:
    story = read(f"Lost At Sea by night\nby marrowbird\n\n{chapters()}")
    assert (story.meta.title, story.meta.author) == ("Lost At Sea by night", "marrowbird")


# A one-line blurb in a paragraph of its own under the title.

BLURB = "A girl inherits a map of a city that does not exist, and the city wants it back."


@pytest.mark.parametrize(
    "top",
    [
        "The Cartographer's Daughter",
        "The Cartographer's Daughter\nby Ada Mourne",
        "The Cartographer's Daughter\n\nby Ada Mourne",
        "The Cartographer's Daughter\nby Ada Mourne\nRating: T",
    ],
)
@pytest.mark.parametrize("headings", [("Chapter 1", "Chapter 2"), ("Chapter 1: The Parcel", "Chapter 2: The Map")])
def test_a_one_line_blurb_under_the_title_is_the_summary(top: str, headings: tuple[str, str]) -> None:
    story = read(f"{top}\n\n{BLURB}\n\n{headings[0]}\n\n{FIRST}\n\n{headings[1]}\n\n{SECOND}\n")
    assert story.meta.title == "The Cartographer's Daughter"
    assert story.meta.summary == BLURB
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


@pytest.mark.parametrize(
    "opening",
    [
        '"Run," she said, and the city behind her began, street by street, to fold itself away.',
        "The Cartographer's Daughter was the name on the parcel, and nobody in the house had ever heard it.",
    ],
)
def test_a_story_line_over_the_first_chapter_stays_story_text(opening: str) -> None:
    """Dialogue, or a first line that is itself the sentence (no title over it), is no blurb."""
    story = read(f"{opening}\n\nChapter 1\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n")
    assert story.meta.summary is None
    assert story.chapters[0].paragraphs == [opening]


@pytest.mark.parametrize(
    "opening",
    [
        "The parcel arrived on a Tuesday, wrapped in brown paper and smelling of salt.",
        "Stay safe, the radio said, and then it said nothing at all.",
        "Au bout du quai, la mer attend toujours le bateau du soir.",
        "[The stairs are steep, and the house is very old.]",
    ],
)
def test_an_opening_line_under_the_title_stays_story_text(opening: str) -> None:
    """A line in the narrative past, in another language or in brackets opens the story: no blurb."""
    story = read(f"The Cartographer's Daughter\nby Ada Mourne\n\n{opening}\n\nChapter 1\n\n{FIRST}\n")
    assert story.meta.summary is None
    assert story.chapters[0].paragraphs == [opening]


def test_a_prologue_paragraph_under_the_title_stays_the_prologue() -> None:
    prologue = (
        "The map was the last thing her mother drew. She drew it on the back of a tide table, in the"
        " blue ink she saved for letters, and she drew it wrong: a river where the city had a road, a"
        " bridge where it had a ferry, and in the middle of it all, where the cathedral ought to have"
        " stood, a house nobody had ever seen."
    )
    story = read(f"The Cartographer's Daughter\nby Ada Mourne\n\n{prologue}\n\nChapter 1\n\n{FIRST}\n")
    assert story.meta.summary is None
    assert [chapter.paragraphs for chapter in story.chapters] == [[prologue], [FIRST]]


# A page Firefox's Reader View saved, its title ending with the site's name.


def reader_view(title: str, domain: str, content: str, credits: str = "Oriel Fenn") -> bytes:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<link rel="stylesheet" href="chrome://global/skin/aboutReader.css" type="text/css"></head>
<body class="light sans-serif loaded" dir="ltr">
<div class="container" style="--font-size: 20px; --content-width: 30em;">
<div class="header reader-header reader-show-element">
<a class="domain reader-domain" href="https://{domain}/stories/salt-and-iron">{domain}</a>
<div class="domain-border"></div>
<h1 class="reader-title">{title}</h1>
<div class="credits reader-credits">{credits}</div>
<div class="meta-data"><div class="reader-estimated-time" dir="ltr">12–15 minutes</div></div>
</div><hr>
<div class="content"><div class="moz-reader-content reader-show-element">
<div id="readability-page-1" class="page"><div>{content}</div></div></div></div>
</div></body></html>""".encode()


TWO_CHAPTERS = f"<h2>Chapter 1</h2><p>{FIRST}</p><h2>Chapter 2</h2><p>{SECOND}</p>"


@pytest.mark.parametrize(
    ("title", "domain"),
    [
        ("Salt and Iron - Nightjar Fiction", "nightjarfiction.com"),
        ("Salt and Iron – Nightjar Fiction", "www.nightjarfiction.com"),
        ("Salt and Iron | Nightjar Fiction", "nightjarfiction.com"),
        ("Salt and Iron · Nightjar-Fiction", "nightjar-fiction.co.uk"),
        ("Salt and Iron - FictionPress.com", "www.fictionpress.com"),
    ],
)
def test_a_reader_view_title_drops_the_sites_name(title: str, domain: str) -> None:
    story = import_story(reader_view(title, domain, TWO_CHAPTERS), "Salt and Iron.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("Salt and Iron", "Oriel Fenn")
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


def test_a_reader_view_chapter_title_drops_the_sites_name_and_heads_the_chapter() -> None:
    page = reader_view("Chapter 3: The Lantern Keeper | Starlit Scrolls", "starlitscrolls.net", f"<p>{FIRST}</p>")
    (chapter,) = import_story(page, "page.html", max_bytes=1 << 20).chapters
    assert (chapter.title, chapter.heading_number) == ("The Lantern Keeper", 3)
    assert chapter.paragraphs == [FIRST]


@pytest.mark.parametrize("title", ["Salt and Iron - A Love Story", "Iron - Salt and Nightjar", "Salt - Iron"])
def test_a_reader_view_title_whose_end_is_not_the_sites_keeps_it(title: str) -> None:
    """Guard: only an end that is the domain's name goes; a title's own dash stays."""
    story = import_story(reader_view(title, "nightjarfiction.com", TWO_CHAPTERS), "page.html", max_bytes=1 << 20)
    assert story.meta.title == title


# A Quotev copy's counts under its title and by-line.

QUOTEV_TOP = "The Boy Who Painted Storms\nby inkwell_and_ash"


@pytest.mark.parametrize(
    "counts",
    [
        "Read 12,408\nFans 341\nComments 57",
        "Reads 12.4K\nFans 341\nComments 57",
        "Fans\nComments",
        "12,408 reads\nFans 341",
        "Read 12,408",
        "\nRead 12,408\nFans 341\nComments 57",
    ],
)
def test_a_quotev_copys_counts_under_the_by_line_are_dropped(counts: str) -> None:
    story = read(f"{QUOTEV_TOP}\n{counts}\n\n{chapters()}")
    assert (story.meta.title, story.meta.author) == ("The Boy Who Painted Storms", "inkwell_and_ash")
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


@pytest.mark.parametrize(
    "line", ["Read it and weep.", "Fans of the old king stood by the door.", "Comments, she said."]
)
def test_a_story_line_opening_with_a_count_label_stays_text(line: str) -> None:
    story = read(f"{QUOTEV_TOP}\n\nChapter 1\n\n{line}\n{FIRST}\n\nChapter 2\n\n{SECOND}\n")
    assert story.chapters[0].paragraphs == [f"{line}\n{FIRST}"]


def test_a_head_of_count_labels_and_spaces_reads_in_time() -> None:
    """Hostile: the head's lines of labels, each with a long run of spaces, are read once each."""
    head = ("Fans" + " " * 2000 + "\n") * 200 + "Comments" + "\t" * 50_000 + "x\n"
    start = time.process_time()
    read(f"{QUOTEV_TOP}\n{head}\n{chapters()}")
    assert time.process_time() - start < 5.0


# FanFiction.net's chapter select copied as one line.

FFN_TOP = (
    "The Long Way Home\nBy: quietharbour\n\nSam and Frodo take the long way back to the Shire.\n\n"
    "Rated: Fiction  T - English - Hurt/Comfort/Friendship - Frodo B., Sam G. - Chapters: 3 - Words: 4,812 - "
    "Reviews: 27 - Favs: 88 - Follows: 64 - Updated: Mar 14, 2021 - Published: Jan 2, 2021 - id: 13794021"
)
THIRD = "Elrond met them at the ford, and did not ask any questions, which was its own kind of kindness."


@pytest.mark.parametrize(
    "menu",
    [
        "Chapter 1: Bree, chapter 2: Weathertop, chapter 3: Rivendell",
        "Chapter 1: Bree Chapter 2: Weathertop Chapter 3: Rivendell",
        "Chapter 1. Bree | Chapter 2. Weathertop | Chapter 3. Rivendell",
        "1. Bree 2. Weathertop 3. Rivendell",
        "1. Bree, 2. Weathertop, 3. Rivendell",
    ],
)
def test_fanfiction_nets_chapter_select_on_one_line_is_dropped(menu: str) -> None:
    text = (
        f"{FFN_TOP}\n\n{menu}\n\n+ Follow/Fav\n\nChapter 1: Bree\n\n{FIRST}\n\nChapter 2: Weathertop\n\n"
        f"{SECOND}\n\n{menu}\n\nChapter 3: Rivendell\n\n{THIRD}\n\n{menu}\n"
    )
    story = read(text)
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("The Long Way Home", "quietharbour", "T")
    assert story.meta.summary == "Sam and Frodo take the long way back to the Shire."
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("Bree", [FIRST]),
        ("Weathertop", [SECOND]),
        ("Rivendell", [THIRD]),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "1. Flour 2. Water 3. Salt. She read the list twice.",
        "Chapter 1 was the storm. Chapter 2 was the flood.",
        "1. Bree 3. Weathertop",
        "1 - the storm, 2 - the flood, said the log.",
    ],
)
def test_a_line_numbering_things_in_a_sentence_stays_text(line: str) -> None:
    story = read(f"{FFN_TOP}\n\nChapter 1: Bree\n\n{FIRST}\n\n{line}\n\nChapter 2: Weathertop\n\n{SECOND}\n")
    assert story.chapters[0].paragraphs == [FIRST, line]


def test_a_long_menu_line_reads_in_time() -> None:
    """Hostile: one line of entries run together is read once, or left as it is past its bound."""
    menu = " ".join(f"{number}. Bree" for number in range(1, 80_001))
    start = time.process_time()
    read(f"{FFN_TOP}\n\n{menu}\n\nChapter 1: Bree\n\n{FIRST}\n\nChapter 2: Weathertop\n\n{SECOND}\n")
    assert time.process_time() - start < 10.0


# Wattpad's "Mature" badge under the title.

WATTPAD = (
    "Salt & Sorrow\nby inkymoth_writes\n\n48.2K Reads 2.1K Votes 14 Part Story\n\nOngoing\n\n{badge}\n\n"
    "When the tide takes her brother, Isla bargains with the sea witch.\n\n#fantasy #mermaid #romance\n\n"
    "Chapter One: The Tide\n\n1.2K Reads 88 Votes 14 Comments\n\n{first}\n\nVote\nComment\nShare\n\n"
    "Continue reading next part\n\nChapter Two: The Witch\n\n{second}\n\nYou'll also like\n\nThe Drowned Prince\n"
)


@pytest.mark.parametrize(
    ("badge", "rating"),
    [("Mature", "Mature"), ("MATURE", "MATURE"), ("Teen And Up Audiences", "Teen And Up Audiences"), ("", None)],
)
def test_a_wattpad_pages_mature_badge_is_the_rating(badge: str, rating: str | None) -> None:
    story = read(WATTPAD.format(badge=badge, first=FIRST, second=SECOND))
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Salt & Sorrow", "inkymoth_writes", rating)
    assert story.meta.summary == "When the tide takes her brother, Isla bargains with the sea witch."
    assert story.meta.additional_tags == ["fantasy", "mermaid", "romance"]
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("The Tide", [FIRST]),
        ("The Witch", [SECOND]),
    ]


def test_a_rating_field_wins_over_a_badge_under_it() -> None:
    story = read(f"Salt & Sorrow\nby inkymoth_writes\nRating: T\n\nMature\n\n{chapters()}")
    assert story.meta.rating == "T"
    assert story.chapters[0].paragraphs[0] == "Mature"


# A Tumblr post copied with its notes listed under its tags.

TUMBLR_POST = (
    "moonlit-quill\n\nHollow Bones\n\nPairing: Geralt x Jaskier\nRating: M\n\nChapter 1\n\n{first}\n\n"
    "Chapter 2\n\n{second}\n\n#the witcher #geralt x jaskier #hurt/comfort #tw self harm #tw blood #my writing\n\n"
    "{notes}\n"
)


@pytest.mark.parametrize(
    "notes",
    [
        "1,204 notes\n\nmoonlit-quill reblogged this from geraltsbard\n\n"
        "geraltsbard reblogged this from moonlit-quill and added:\nTHIS FIC. I am screaming.\n\nReblog\nLike",
        "1,204 notes\n\nlark-song liked this\n\ngeraltsbard reblogged this from moonlit-quill and added:\n\n"
        "THIS FIC. I am screaming.\n\nmoonlit-quill posted this",
        "Share Reply Reblog\n\n1.2k notes",
        "geraltsbard\n\nTHIS FIC. I am screaming.\n\n1,204 notes",
    ],
)
def test_a_tumblr_posts_notes_and_buttons_under_its_tags_are_no_story(notes: str) -> None:
    story = read(TUMBLR_POST.format(first=FIRST, second=SECOND, notes=notes))
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Hollow Bones", "moonlit-quill", "M")
    assert "tw self harm" in story.meta.additional_tags
    assert {"self-harm", "blood-gore"} <= set(map_declared(story.meta).ids)
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


def test_a_story_ending_on_hashtags_and_a_line_of_its_own_keeps_both() -> None:
    """Guard: a last line after the hashtags that is no note of Tumblr's keeps them story text."""
    text = f"Chapter 1\n\n{FIRST}\n\n#blessed #nofilter\n\nShe deleted the post before anyone liked it.\n"
    story = read(text)
    assert story.chapters[0].paragraphs[-2:] == ["#blessed #nofilter", "She deleted the post before anyone liked it."]


# A forum thread's post buttons.

THREAD = (
    "Ashes of Empire (Warhammer 40k/Worm crossover)\n\nThreadmarks: Chapter 1: Awakening\n\nQuillsworth\n"
    "Jan 3, 2024\n#1\n\n{first}\n\n{buttons}\n\nThreadmarks: Chapter 2: The Throne\n\nQuillsworth\n"
    "Jan 10, 2024\n#45\n\n{second}\n\n{buttons}\n"
)


@pytest.mark.parametrize(
    "buttons",
    ["Reply\n\nLike\n\nReport", "Report Like Reply", "Like\nReply", "+ Quote Reply", "Reply\n\nLike x 45 Heart x 3"],
)
def test_a_thread_copys_post_buttons_are_no_story(buttons: str) -> None:
    story = read(THREAD.format(first=FIRST, second=SECOND, buttons=buttons))
    assert (story.meta.title, story.meta.author) == ("Ashes of Empire", "Quillsworth")
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("Awakening", [FIRST]),
        ("The Throne", [SECOND]),
    ]


def test_a_like_line_in_a_story_that_is_no_thread_stays_text() -> None:
    """Guard: outside a thread copy, a line "Like" or "Reply" is the story's (a text message, a poem)."""
    story = read(f"Chapter 1\n\n{FIRST}\n\nReply\n\nChapter 2\n\n{SECOND}\n\nLike\n")
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST, "Reply"], [SECOND, "Like"]]


# A title and a name with no "by" over the contents.

KEEPER = "Old Tobias had kept the light for forty years, and in all that time he had never once let it go out."
STORM = "The storm came in on the equinox, as the old men had said it would, and it did not leave for days."


@pytest.mark.parametrize("title", ["THE LIGHTHOUSE AT CAPE SORROW", "The Lighthouse at Cape Sorrow"])
@pytest.mark.parametrize(
    "contents", ["CONTENTS\n\nI. The Keeper\nII. The Storm", "Table of Contents\nI. The Keeper\nII. The Storm"]
)
def test_a_title_and_a_name_over_the_contents_are_the_title_page(title: str, contents: str) -> None:
    text = f"{title}\n\nEdwin Marsh\n\n{contents}\n\nI. The Keeper\n\n{KEEPER}\n\nII. The Storm\n\n{STORM}\n"
    story = read(text)
    assert (story.meta.title, story.meta.author) == (title, "Edwin Marsh")
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("The Keeper", [KEEPER]),
        ("The Storm", [STORM]),
    ]


def test_a_by_line_over_a_table_of_contents_is_still_read() -> None:
    text = (
        "The Lighthouse at Cape Sorrow\nby Edwin Marsh\n\nTable of Contents\n\nChapter 1: The Keeper\n"
        f"Chapter 2: The Storm\n\nChapter 1: The Keeper\n\n{KEEPER}\n\nChapter 2: The Storm\n\n{STORM}\n"
    )
    story = read(text)
    assert (story.meta.title, story.meta.author) == ("The Lighthouse at Cape Sorrow", "Edwin Marsh")
    assert [chapter.title for chapter in story.chapters] == ["The Keeper", "The Storm"]


def test_a_dedication_over_the_contents_is_no_author() -> None:
    text = f"The Lighthouse at Cape Sorrow\n\nFor My Mother\n\nCONTENTS\n\nI. The Keeper\n\nI. The Keeper\n\n{KEEPER}\n"
    assert read(text).meta.author is None


# The writer's handle alone under the title.


@pytest.mark.parametrize(
    "top",
    ["The Last Lantern\n@ember_and_oak", "The Last Lantern\n\n@ember_and_oak", "the last lantern\n@ember_and_oak"],
)
def test_a_handle_under_the_title_is_the_author(top: str) -> None:
    story = read(f"{top}\n\n{chapters()}\n\u2b50 214 \U0001f4ac 37\n")
    assert (story.meta.title.casefold(), story.meta.author) == ("the last lantern", "ember_and_oak")
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


def test_a_handle_in_a_chapters_text_stays_text() -> None:
    """Guard: a social-media story's "@jake_m" lines inside a chapter are its text."""
    story = read(f"The Group Chat\nby Mara Quill\n\nChapter 1\n\n@jake_m\nlol no\n\n{FIRST}\n")
    assert story.meta.author == "Mara Quill"
    assert story.chapters[0].paragraphs == ["@jake_m\nlol no", FIRST]


# A Royal Road chapter page copied.

ROYAL_ROAD = (
    "The Undercity Cartographer\n\nFerris Quell\n\nChapter 3 - Old Roads\n\n{nav}\n\nA note from {name}\n\n"
    "Sorry this one is late! TW: brief mention of self harm in this chapter.\n\n{first}\n\n{second}\n\n"
    "A note from {name}\n\nIf you want to read ahead, chapters 4-10 are up on my Patreon!\n\n"
    'Support "The Undercity Cartographer"\n\n{nav}\n'
)


@pytest.mark.parametrize("name", ["Ferris Quell", "ferrisquell", "Ferris J. Quell"])
@pytest.mark.parametrize(
    "nav", ["Previous Chapter | Fiction Index | Next Chapter", "Previous Chapter Fiction Page Next Chapter"]
)
def test_a_royal_road_pages_note_boxes_and_links_are_no_story(name: str, nav: str) -> None:
    story = read(ROYAL_ROAD.format(nav=nav, name=name, first=FIRST, second=SECOND))
    (chapter,) = story.chapters
    assert (chapter.title, chapter.paragraphs) == ("Old Roads", [FIRST, SECOND])
    assert chapter.notes == [
        "Sorry this one is late! TW: brief mention of self harm in this chapter.",
        "If you want to read ahead, chapters 4-10 are up on my Patreon!",
    ]
    assert chapter.declared_warnings == ["TW: brief mention of self harm in this chapter"]


@pytest.mark.parametrize("foot", ["Report", "Report\n\nComments (3)\n\nlark: loved it"])
def test_a_royal_road_pages_report_button_under_its_links_goes_with_them(foot: str) -> None:
    text = ROYAL_ROAD.format(
        nav="Previous Chapter | Fiction Index | Next Chapter", name="Ferris Quell", first=FIRST, second=SECOND
    )
    (chapter,) = read(f"{text}\n{foot}\n").chapters
    assert chapter.paragraphs == [FIRST, SECOND]
    assert chapter.notes[-1] == "If you want to read ahead, chapters 4-10 are up on my Patreon!"


def test_a_button_word_between_chrome_and_the_story_stays_text() -> None:
    """Guard: "Share" with the story's paragraph after it is the story's, chrome before it or not."""
    text = f"Chapter 1\n\n{FIRST}\n\nNext Chapter\n\nShare\n\n{SECOND}\n"
    assert read(text).chapters[0].paragraphs == [FIRST, "Share", SECOND]


@pytest.mark.parametrize(
    "ask",
    [
        "If you enjoyed this chapter, please consider leaving a rating and a review! It really helps the story grow.",
        "Don't forget to rate and review :)",
        "Thanks for reading! Consider giving it a follow if you want more.",
    ],
)
def test_a_royal_road_writers_ask_for_ratings_closing_a_chapter_is_a_note(ask: str) -> None:
    story = read(f"Chapter 1\n\n{FIRST}\n\n{ask}\n\nChapter 2\n\n{SECOND}\n")
    assert story.chapters[0].paragraphs == [FIRST]
    assert story.chapters[0].notes == [ask]


def test_a_rating_in_the_storys_words_stays_text() -> None:
    line = "The judges were leaving a rating on every cake, and Mara's was last."
    story = read(f"Chapter 1\n\n{FIRST}\n\n{line}\n\nChapter 2\n\n{SECOND}\n")
    assert story.chapters[0].paragraphs == [FIRST, line]


def test_a_note_from_a_character_in_the_story_stays_text() -> None:
    """Guard: "A note from Mum" over her words is the story's."""
    story = read(f"Chapter 1\n\n{FIRST}\n\nA note from Mum Okafor\n\nThe rent is due on Friday, love.\n\n{SECOND}\n")
    assert story.chapters[0].paragraphs == [FIRST, "A note from Mum Okafor", "The rent is due on Friday, love.", SECOND]


# AO3's page copied, its labels on the first line of what they head.

AO3_PAGE = (
    "Paper Boats\nquietharbour\n\nSummary:\nTwo boys, one summer, a river that will not stop rising.\n\n"
    "Notes:\nThank you to my beta, lark! CW: drowning (not graphic).\n\nChapter 1: The River\n\n"
    "Chapter Text\n{first}\n\nChapter 2: The Bridge\n\nChapter Text\n{second}\n\nNotes:\nThanks for reading!\n"
)


def test_ao3s_labels_over_their_text_in_one_paragraph_are_read_as_labels() -> None:
    story = read(AO3_PAGE.format(first=FIRST, second=SECOND))
    assert (story.meta.title, story.meta.author) == ("Paper Boats", "quietharbour")
    assert story.meta.summary == "Two boys, one summer, a river that will not stop rising."
    assert story.meta.declared_warnings == ["CW: drowning (not graphic)"]
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("The River", [FIRST]),
        ("The Bridge", [SECOND]),
    ]
    assert story.chapters[1].notes == ["Thanks for reading!"]


def test_a_notes_line_over_text_in_a_file_of_no_ao3_shape_stays_text() -> None:
    """Guard: without a label only AO3 writes, "Notes:" over a paragraph is read as before."""
    text = f"Chapter 1\n\n{FIRST}\n\nNotes\nShe kept them in a tin under the bed.\n\nChapter 2\n\n{SECOND}\n"
    story = read(text)
    assert story.chapters[0].paragraphs == [FIRST, "Notes\nShe kept them in a tin under the bed."]


# The author's name under every part's heading.


@pytest.mark.parametrize("top", ["The Glass Crown\nby inkymoth_writes\n\n", "The Glass Crown\n\n", ""])
@pytest.mark.parametrize("name", ["inkymoth_writes", "@inkymoth_writes", "by inkymoth_writes"])
def test_the_authors_name_under_every_parts_heading_is_no_story(top: str, name: str) -> None:
    text = f"{top}Part 1\n\n{name}\n\n{FIRST}\n\nPart 2\n\n{name}\n\n{SECOND}\n"
    story = read(text)
    assert story.meta.author == "inkymoth_writes"
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


def test_point_of_view_names_under_the_headings_stay_text() -> None:
    """Guard: a different name under each heading (whose chapter it is) titles it, as before."""
    text = f"Chapter 1\n\nMara Quill\n\n{FIRST}\n\nChapter 2\n\nTobias Wren\n\n{SECOND}\n"
    story = read(text)
    assert story.meta.author is None
    assert [chapter.title for chapter in story.chapters] == ["Mara Quill", "Tobias Wren"]


def test_the_authors_name_under_one_heading_of_several_stays_text() -> None:
    """Guard: the name under one heading of several titles it, as before (a chapter named for someone)."""
    text = f"Low Water\nby Mara Quill\n\nChapter 1\n\nMara Quill\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n"
    assert read(text).chapters[0].title == "Mara Quill"


# A Tumblr post's foot in one paragraph, its title's suffix, its dash between scenes.

TUMBLR_FOOTED = (
    "Hollow Bones | a Geralt x Jaskier fic\n\nsummary: jaskier finds a witcher in a ditch.\ntw: blood, injury\n\n"
    "{first}\n\n\u2014\n\n{second}\n\n#the witcher #geralt x jaskier #tw self harm #my writing\n\n"
    "Source: moonlit-quill\n1,204 notes\n"
)


def test_a_tumblr_posts_foot_in_one_paragraph_is_no_story() -> None:
    story = read(TUMBLR_FOOTED.format(first=FIRST, second=SECOND))
    assert (story.meta.title, story.meta.author) == ("Hollow Bones", "moonlit-quill")
    assert story.meta.additional_tags == ["the witcher", "geralt x jaskier", "tw self harm", "my writing"]
    (chapter,) = story.chapters
    assert [scene.paragraphs for scene in chapter.scenes] == [[FIRST], [SECOND]]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Hollow Bones | a Witcher one-shot", "Hollow Bones"),
        ("Hollow Bones | an Obikin AU", "Hollow Bones"),
        ("Hollow Bones | Geralt x Jaskier", "Hollow Bones | Geralt x Jaskier"),
        ("Stand | a short fic", "Stand"),
    ],
)
def test_a_posts_title_drops_what_kind_of_fic_it_is(line: str, title: str) -> None:
    assert read(f"{line}\nby moonlit-quill\n\n{chapters()}").meta.title == title


def test_a_lone_en_dash_or_hyphen_stays_text() -> None:
    """Guard: only the em dash alone is a break; a hyphen alone may be a list's, an en dash a range's."""
    story = read(f"Chapter 1\n\n{FIRST}\n\n-\n\n{SECOND}\n")
    assert len(story.chapters[0].scenes) == 1


# Wattpad's lone "Vote" under each part.


@pytest.mark.parametrize("button", ["Vote", "\u2606 Vote", "\u2b50 Vote", "VOTE"])
def test_wattpads_lone_vote_button_is_no_story(button: str) -> None:
    text = f"Salt & Sorrow\nby inkymoth_writes\n\n1. The Tide\n\n{FIRST}\n\n{button}\n\n2. The Witch\n\n{SECOND}\n\n{button}\n"
    story = read(text)
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


@pytest.mark.parametrize("line", ["Vote.", "Vote for me, she said.", "Votes"])
def test_a_vote_in_the_storys_words_stays_text(line: str) -> None:
    story = read(f"Chapter 1\n\n{FIRST}\n\n{line}\n\nChapter 2\n\n{SECOND}\n")
    assert story.chapters[0].paragraphs == [FIRST, line]


# A contents list with bullets or page numbers.

MOTH = "A moth came to the lantern every night, and every night the lantern told it to go away."
LANTERN = "The lantern was lonely, though it would never have said so, and the moth was stubborn."


@pytest.mark.parametrize(
    "contents",
    [
        "Contents:\n- The Moth\n- The Lantern",
        "Table of Contents\n\u2022 The Moth\n\u2022 The Lantern",
        "Contents\n\nThe Moth ........ 1\nThe Lantern ........ 9",
        "CONTENTS\n\nThe Moth . . . . . 1\nThe Lantern . . . . . 9",
        "Contents\nThe Moth          1\nThe Lantern       9",
    ],
)
@pytest.mark.parametrize("labelled", [True, False])
def test_a_contents_list_with_bullets_or_pages_names_the_chapters(contents: str, labelled: bool) -> None:
    first, second = ("Chapter 1: The Moth", "Chapter 2: The Lantern") if labelled else ("The Moth", "The Lantern")
    if labelled:
        contents = contents.replace("The Moth", first).replace("The Lantern", second)
    text = f"Moth & Lantern\nby Priya Anand\n\n{contents}\n\n{first}\n\n{MOTH}\n\n{second}\n\n{LANTERN}\n"
    story = read(text)
    assert (story.meta.title, story.meta.author, story.meta.notes) == ("Moth & Lantern", "Priya Anand", [])
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("The Moth", [MOTH]),
        ("The Lantern", [LANTERN]),
    ]


def test_a_bulleted_list_in_the_story_stays_text() -> None:
    """Guard: a list of the story's own under a first chapter heading is its text."""
    story = read(f"Chapter 1\n\nShe packed:\n- a lamp\n- a knife\n\n{MOTH}\n\nChapter 2\n\n{LANTERN}\n")
    assert story.chapters[0].paragraphs == ["She packed:\n- a lamp\n- a knife", MOTH]


# A Quotev story page copied whole.

QUOTEV_PAGE = (
    "Quotev\nSearch\nSign Up Log In\n\nThe Boy Who Painted Storms\n{name}\n{genres}Read 12,408\nFans 341\n\n"
    "Ezra can paint the weather, and the town would rather he didn't.\n\n1 | The First Storm\n\n{first}\n\n"
    "2 | The Rule\n\n{second}\n\nFavorite\nComments (12)\nlunar.fox omg ezra\n"
)


@pytest.mark.parametrize("name", ["inkwell_and_ash", "@inkwell", "ash92"])
@pytest.mark.parametrize("genres", ["Fantasy \u00b7 Romance \u00b7 2 chapters \u00b7 12,408 reads\n", ""])
def test_a_quotev_story_page_copied_whole_is_read_as_its_title_page(name: str, genres: str) -> None:
    story = read(QUOTEV_PAGE.format(name=name, genres=genres, first=FIRST, second=SECOND))
    assert (story.meta.title, story.meta.author) == ("The Boy Who Painted Storms", name.lstrip("@"))
    assert story.meta.summary == "Ezra can paint the weather, and the town would rather he didn't."
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("The First Storm", [FIRST]),
        ("The Rule", [SECOND]),
    ]


def test_a_two_line_opening_of_a_title_and_a_plain_word_stays_text() -> None:
    """Guard: a title over a word that is no user name is no title page: "The Ford" / "Mara"."""
    story = read(f"Storm Season Again\nwhispered\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n")
    assert story.meta.author is None


# Shapes read right when probed, pinned.


def test_markdown_setext_headings_are_the_title_and_chapters() -> None:
    text = (
        "The Glass Orchard\n=================\n\n*by Maren Holt*\n\n> Content warning: drowning.\n\n"
        f"Chapter 1: The Flood\n--------------------\n\n{FIRST}\n\nChapter 2: The Salt\n-------------------\n\n{SECOND}\n"
    )
    story = read(text, "orchard.md")
    assert (story.meta.title, story.meta.author) == ("The Glass Orchard", "Maren Holt")
    assert story.meta.declared_warnings == ["Content warning: drowning."]
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("The Flood", [FIRST]),
        ("The Salt", [SECOND]),
    ]


def test_a_google_docs_html_download_is_read_by_its_title_and_headings() -> None:
    page = (
        '<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">'
        '.c1{color:#000000;font-size:11pt}.title{font-size:26pt}</style></head><body class="c7 doc-content">'
        '<p class="c3 title" id="h.t"><span class="c1">The Winter Ledger</span></p>'
        '<p class="c3 subtitle"><span class="c1">by Tamsin Greaves</span></p><p class="c3"><span class="c1"></span></p>'
        '<p class="c3"><span class="c1">Content warnings: grief</span></p>'
        f'<h1 class="c3" id="h.x1"><span class="c1">Chapter One</span></h1><p class="c3"><span class="c1">{FIRST}</span></p>'
        f'<h1 class="c3" id="h.x2"><span class="c1">Chapter Two</span></h1><p class="c3"><span class="c1">{SECOND}</span></p>'
        "</body></html>"
    )
    story = import_story(page.encode(), "The Winter Ledger.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Winter Ledger", "Tamsin Greaves")
    assert story.meta.declared_warnings == ["Content warnings: grief"]
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


def test_a_calibre_epub_with_chapters_split_over_files_reads_one_chapter_each() -> None:
    data = epub_bytes(
        [
            (
                "part0000.html",
                xhtml('<h1 class="calibre1">The Winter Ledger</h1><p class="calibre2">by Tamsin Greaves</p>'),
            ),
            (
                "part0001_split_000.html",
                xhtml(f'<h2 class="calibre3" id="c1">Chapter One</h2><p class="calibre2">{FIRST}</p>'),
            ),
            ("part0001_split_001.html", xhtml(f'<p class="calibre2">{SECOND}</p>')),
            (
                "part0002_split_000.html",
                xhtml(f'<h2 class="calibre3" id="c2">Chapter Two</h2><p class="calibre2">{THIRD}</p>'),
            ),
        ],
        title="The Winter Ledger",
        author="Tamsin Greaves",
        nav_points=[("Chapter One", "part0001_split_000.html#c1"), ("Chapter Two", "part0002_split_000.html#c2")],
    )
    story = import_story(data, "ledger.epub", max_bytes=1 << 20)
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST, SECOND], [THIRD]]


def test_an_epubs_cover_title_page_copyright_and_contents_are_no_chapters() -> None:
    documents = [
        ("cover.xhtml", xhtml('<div><img src="cover.jpg" alt="The Winter Ledger"/></div>', "Cover")),
        ("title.xhtml", xhtml("<h1>The Winter Ledger</h1><p>A Novel</p><p>Tamsin Greaves</p>", "Title Page")),
        ("copyright.xhtml", xhtml("<p>Copyright © 2023 by Tamsin Greaves</p><p>All rights reserved.</p>", "Copyright")),
        ("toc.xhtml", xhtml('<h1>Contents</h1><p><a href="ch1.xhtml">One</a></p><p><a href="ch2.xhtml">Two</a></p>')),
        ("ch1.xhtml", xhtml(f"<h1>One</h1><p>{FIRST}</p>", "One")),
        ("ch2.xhtml", xhtml(f"<h1>Two</h1><p>{SECOND}</p>", "Two")),
    ]
    points = [
        (title, name)
        for name, title in [
            ("cover.xhtml", "Cover"),
            ("toc.xhtml", "Contents"),
            ("ch1.xhtml", "One"),
            ("ch2.xhtml", "Two"),
        ]
    ]
    story = import_story(
        epub_bytes(documents, title="The Winter Ledger", author="Tamsin Greaves", nav_points=points),
        "ledger.epub",
        max_bytes=1 << 20,
    )
    assert (story.meta.title, story.meta.author) == ("The Winter Ledger", "Tamsin Greaves")
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


# A blurb between the title and the by-line.

LEDGER_BLURB = "A story about grief, snow and a book of names."


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_blurb_between_the_title_and_the_by_line_is_the_summary(gap: str) -> None:
    story = read(f"The Winter Ledger{gap}{LEDGER_BLURB}{gap}by Tamsin Greaves\n\n{chapters()}")
    assert (story.meta.title, story.meta.author, story.meta.summary) == (
        "The Winter Ledger",
        "Tamsin Greaves",
        LEDGER_BLURB,
    )
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


def test_a_google_docs_subtitle_over_the_by_line_is_the_summary() -> None:
    page = (
        '<html><head><style type="text/css">.title{font-size:26pt}.subtitle{font-size:15pt}</style></head>'
        '<body class="doc-content"><p class="c3 title"><span class="c1">The Winter Ledger</span></p>'
        f'<p class="c3 subtitle"><span class="c1">{LEDGER_BLURB}</span></p><p class="c3"><span>by Tamsin Greaves</span></p>'
        f'<h2><span>Chapter One</span></h2><p class="c3"><span>{FIRST}</span></p>'
        f'<h2><span>Chapter Two</span></h2><p class="c3"><span>{SECOND}</span></p></body></html>'
    )
    story = import_story(page.encode(), "ledger.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author, story.meta.summary) == (
        "The Winter Ledger",
        "Tamsin Greaves",
        LEDGER_BLURB,
    )
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


def test_a_past_line_between_the_title_and_the_by_line_is_the_summary_too() -> None:
    """A line in the narrative past there is the title page's too (the thirty-ninth session: it made the
    page a chapter 1 of its own, title and author lost; the story never opens over its author's name)."""
    line = "It snowed for forty days the winter the ledger came."
    story = read(f"The Winter Ledger\n{line}\nby Tamsin Greaves\n\n{chapters()}")
    assert (story.meta.title, story.meta.author, story.meta.summary) == ("The Winter Ledger", "Tamsin Greaves", line)
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]
