"""Story files misread, found in the forty-first session's seventh round of reading (files of the shapes
real exports take, written for it; the probe files stay out of the repository):

- a divider drawn as a picture, alone in its paragraph: an EPUB's decorative image (empty alt) left
  nothing and no break; one named for a divider ("scene-break.png", alt="ornament", class="divider")
  was a "[Image: scene break]" line in every format. Now a scene break, as "* * *" or <hr> is;
- a paragraph a printed page's end cut in two (a converted print book: the page's number and running
  head in the middle of its sentence): two paragraphs once the furniture went; now one again where
  the first half clearly ends no sentence;
- a date on the line under a bare "Chapter 1" (a diary's chapters, in a text file, a Markdown
  heading, an HTML heading's second line, an EPUB's first paragraph): the chapter's title, "Chapter
  1: March 3rd, 1889"; now the entry's first line, the chapter keeping its own title (none), in every
  format. A date the heading's own line gives ("Chapter 1: March 3rd, 1889") is still its title;
- a title page's subtitle set as a heading under the title's (a Google Docs export: "# Salt and
  Iron" / "### *a novella*" / "*by R. K. Ashdown*"): a chapter with no text, the file refused; now
  the subtitle, the story read;
- a collection's title page naming its kind with no article ("SMALL HOURS" / "Poems" / "by Agnes
  Thorley", "sonnets by ..."): one block of story text, the file's name its title; and its contents
  list with a title ending in an abbreviation ("Kitchen, 5 a.m.") no list, so the poems one chapter;
- a SpaceBattles or Sufficient Velocity thread's threadmarks in reader mode: the thread's tag in
  its title ("Brockton Bay Ranger [Worm/Pokemon]") and the bar over the posts ("Reader mode",
  "Threadmarks": a chapter of its own); now the fandom, and gone;
- a reading site's story page copied over the text: Wattpad's "Completed" / "14 parts", Quotev's
  "Romance · Fantasy · 3 chapters" (one count): a chapter 1 of its own, the blurb under it with
  it; now gone, the blurb the summary;
- a chapter page whose heading stands over a link to the story's page (Royal Road's "<h1>Chapter 2 -
  The Dungeon Door</h1>" over "<a href='/fiction/123/ironbound'><h2>Ironbound</h2></a>"): the
  chapter titled "The Dungeon Door — Ironbound", or under "40. Ashfall" the story titled "Ashfall";
  now the story's title, and the by-line under it its author. A web novel's chapter page (Scribble
  Hub's): its line of two links under the chapter's title block, to the story's page and the
  writer's, opened the chapter's text, and "Vol 1 Chapter 1 - The Crossing - Glass Tower" in the
  page's title gave the story the title "Vol 1"; now the title and author, and "Glass Tower";
- FanFiction.net's buttons under a chapter ("Reviews · Favorite · Follow", "Follow/Fav"): story
  text, on a phone's page a chapter of their own under "Chapter 2 of 9"; now the site's. A reading
  site's name over its one account button ("Quotev" / "Sign in") over the title page: a chapter 1
  of its own, the story titled by its file's name; now the site's menu;
- an Obsidian note's properties with no title over its one "# The Bell Tower": the heading was the
  one chapter's title and the story titled by the note's file name; now the story's title, as
  with no properties;
- an anthology of one-shots in one file, each story's Title Case title after a divider ("The
  Boatman" / its text / "* * *" / "Salt" / its text): one chapter; now a chapter a story, where
  every divider stands over a title over story text and the first title opens the text;
- a page's "<b>Title</b> by <a href='/u/...'>Author</a>" line at its top (FanFiction.net as a phone
  shows it): the chapter's first paragraph, no author; now the title and author.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from tests.story.builders import epub_bytes, xhtml
from tests.story.builders import read_text as read
from tests.story.test_reader_gaps40 import CHAPTER_TEXT, PROSE

PAGE_TEXT = "".join(f"<p>{text}</p>" for text in PROSE)


# A divider drawn as a picture.


def _book(between: str) -> bytes:
    chapter = xhtml(f"<h1>Chapter 1</h1><p>{PROSE[0]}</p>{between}<p>{PROSE[1]}</p>")
    documents = [
        ("cover.xhtml", xhtml('<div><img src="cover.jpg" alt="Cover"/></div>')),
        ("c1.xhtml", chapter),
        ("c2.xhtml", xhtml(f"<h1>Chapter 2</h1><p>{PROSE[2]}</p>")),
    ]
    return epub_bytes(documents, nav_points=[("Chapter 1", "c1.xhtml"), ("Chapter 2", "c2.xhtml")])


def _scenes(story_bytes: bytes, name: str) -> list[list[str]]:
    story = import_story(story_bytes, name, max_bytes=1 << 20)
    return [scene.paragraphs for scene in story.chapters[0].scenes]


DIVIDER_IMAGES = [
    '<p class="center"><img src="images/ornament.png" alt=""/></p>',
    '<p><img src="images/scene_break.png" alt="scene break"/></p>',
    '<p class="sep"><img class="divider" src="../Images/img3.png"/></p>',
    '<div class="centered"><img src="Images/sceneBreak2.jpg"/></div>',
]


@pytest.mark.parametrize("image", DIVIDER_IMAGES)
def test_a_divider_image_alone_in_an_epub_paragraph_is_a_scene_break(image: str) -> None:
    assert _scenes(_book(image), "orchard.epub") == [[PROSE[0]], [PROSE[1]]]


@pytest.mark.parametrize("image", DIVIDER_IMAGES[1:])
def test_a_divider_image_in_a_page_is_a_scene_break(image: str) -> None:
    page = (
        f"<html><body><h2>Chapter 1</h2><p>{PROSE[0]}</p>{image}<p>{PROSE[1]}</p>"
        f"<h2>Chapter 2</h2><p>{PROSE[2]}</p></body></html>"
    )
    assert _scenes(page.encode(), "orchard.html") == [[PROSE[0]], [PROSE[1]]]


@pytest.mark.parametrize("image", ["![](images/scene-break.png)", "![divider](divider.gif)", '<img src="orn.png">'])
def test_a_divider_image_on_a_markdown_line_is_a_scene_break(image: str) -> None:
    text = f"# Chapter 1\n\n{PROSE[0]}\n\n{image}\n\n{PROSE[1]}\n\n# Chapter 2\n\n{PROSE[2]}\n"
    assert _scenes(text.encode(), "orchard.md") == [[PROSE[0]], [PROSE[1]]]


@pytest.mark.parametrize(
    ("image", "line"),
    [
        (
            '<p><img src="images/breakfast.png" alt="The table laid for breakfast"/></p>',
            "[Image: The table laid for breakfast]",
        ),
        ('<p><img src="map.png" alt="A map of the orchard"/></p>', "[Image: A map of the orchard]"),
    ],
)
def test_a_picture_alone_in_its_paragraph_stays_a_picture(image: str, line: str) -> None:
    """Guard: a name holding a divider's word inside another ("breakfast") calls nothing a divider."""
    assert _scenes(_book(image), "orchard.epub") == [[PROSE[0], line, PROSE[1]]]


def test_a_decorative_image_beside_words_is_no_scene_break() -> None:
    """Guard: an icon inside a sentence is no paragraph of its own."""
    image = f'<p>{PROSE[1]} <img src="star.png" alt=""/> And on.</p>'
    chapter = xhtml(f"<h1>Chapter 1</h1><p>{PROSE[0]}</p>{image}")
    book = epub_bytes([("c1.xhtml", chapter)], nav_points=[("Chapter 1", "c1.xhtml")])
    assert len(_scenes(book, "orchard.epub")) == 1


# A paragraph split across two printed pages.

SPLIT = [
    ("Behind her the hinges sang a note she had not heard since", "she was a child, and then the gate swung shut."),
    ("Maren pushed it open with one hand, and,", "stepped into the orchard, where the trees stood white."),
    ("The gate was older than the village and nobody re-", "membered who had hung it there."),
]


def _paged_split(mark: str, head: str, first: str, second: str) -> str:
    pages = [f"{mark.format(number)}\n\n{head}\n\n" if head else f"{mark.format(number)}\n\n" for number in range(5)]
    return (
        "The Quay Lamps\n\nby Eliza Thorne\n\n\nChapter 1\n\n"
        f"{PROSE[0]}\n\n{pages[1]}{PROSE[1]}\n\n{pages[2]}{first}\n\n{pages[3]}{second}\n\n"
        f"Chapter 2\n\n{CHAPTER_TEXT}\n\n{pages[4]}"
    )


@pytest.mark.parametrize(("mark", "head"), [("- {} -", ""), ("{}", "THE QUAY LAMPS"), ("[{}]", "Eliza Thorne")])
@pytest.mark.parametrize(("first", "second"), SPLIT)
def test_a_paragraph_split_across_pages_is_one_again(mark: str, head: str, first: str, second: str) -> None:
    story = read(_paged_split(mark, head, first, second))
    joined = f"{first[:-1]}{second}" if first.endswith("re-") else f"{first} {second}"
    assert story.chapters[0].paragraphs == [PROSE[0], PROSE[1], joined]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("She shut the gate.", "the word was on every tongue by morning."),
        ("Nobody answered", "Maren counted to ten and went in."),
        ("Mother said: go slow,\nFather said: go on,", "and I said nothing."),
    ],
)
def test_a_page_break_after_a_whole_paragraph_keeps_both(first: str, second: str) -> None:
    """Guard: a paragraph ending a sentence, a line that ends with no stop over a capital, and verse
    stay apart across the page's number."""
    story = read(_paged_split("- {} -", "", first, second))
    assert story.chapters[0].paragraphs == [PROSE[0], PROSE[1], first, second]


# A dated line under a bare chapter heading.

DATES = ["March 3rd, 1889", "9 April 1889"]
DIARY = [
    "The lamp was lit at dusk, as every night, and the sea was quiet enough to hear the bell buoy.",
    "A ship passed close in the afternoon and did not answer our signal, though the day was clear.",
]


def _dated_chapters(form: str) -> tuple[bytes, str]:
    entries = [(number, date) for number, date in enumerate(DATES, 1)]
    text = "".join(f"<p>{paragraph}</p>" for paragraph in DIARY)
    if form == "txt":
        body = "".join(f"Chapter {n}\n{d}\n\n" + "\n\n".join(DIARY) + "\n\n" for n, d in entries)
        return f"The Lighthouse Diary\nby Moira Quint\n\n{body}".encode(), "diary.txt"
    if form == "md":
        body = "".join(f"## Chapter {n}\n\n*{d}*\n\n" + "\n\n".join(DIARY) + "\n\n" for n, d in entries)
        return f"# The Lighthouse Diary\n\n{body}".encode(), "diary.md"
    if form == "html":
        body = "".join(f"<h2>Chapter {n}<br/>{d}</h2>{text}" for n, d in entries)
        return f"<html><body><h1>The Lighthouse Diary</h1>{body}</body></html>".encode(), "diary.html"
    documents = [(f"c{n}.xhtml", xhtml(f"<h1>Chapter {n}</h1><p class='date'>{d}</p>{text}")) for n, d in entries]
    return epub_bytes(documents, nav_points=[(f"Chapter {n}", f"c{n}.xhtml") for n, _ in entries]), "diary.epub"


@pytest.mark.parametrize("form", ["txt", "md", "html", "epub"])
def test_a_date_under_a_bare_chapter_heading_is_its_entrys_first_line(form: str) -> None:
    data, name = _dated_chapters(form)
    story = import_story(data, name, max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == [None, None]
    assert [chapter.paragraphs for chapter in story.chapters] == [[date, *DIARY] for date in DATES]


def test_a_date_the_heading_gives_as_its_title_stays_the_title() -> None:
    """Guard: "Chapter 1: March 3rd, 1889" on the heading's own line is the title the author gave it,
    and a title line under a bare heading is still its title."""
    text = "".join(f"Chapter {n}: {d}\n\n" + "\n\n".join(DIARY) + "\n\n" for n, d in enumerate(DATES, 1))
    assert [chapter.title for chapter in read(text).chapters] == DATES
    text = "".join(
        f"Chapter {n}\n{title}\n\n" + "\n\n".join(DIARY) + "\n\n" for n, title in enumerate(["The Lamp", "The Ship"], 1)
    )
    assert [chapter.title for chapter in read(text).chapters] == ["The Lamp", "The Ship"]


# A title page's subtitle set as a heading under the title's.


@pytest.mark.parametrize(
    "top",
    [
        "# Salt and Iron\n\n### *a novella*\n\n*by R. K. Ashdown*\n\n---\n\n",
        "# Salt and Iron\n\n### A Novel in Three Parts\n\n",
    ],
)
def test_a_subtitle_heading_under_the_title_is_no_empty_chapter(top: str) -> None:
    text = f"{top}## Prologue\n\n{CHAPTER_TEXT}\n\n## Chapter 1\n\n{CHAPTER_TEXT}\n"
    story = import_story(text.encode(), "salt.md", max_bytes=1 << 20)
    assert story.meta.title == "Salt and Iron"
    assert [chapter.title for chapter in story.chapters] == ["Prologue", None]
    assert story.meta.author == ("R. K. Ashdown" if "by" in top else None)


def test_a_heading_with_text_under_the_title_is_still_a_chapter() -> None:
    """Guard: a heading over text of its own is a chapter, whatever it says."""
    text = f"# Salt and Iron\n\n## The Crossing\n\n{CHAPTER_TEXT}\n\n## The Shore\n\n{CHAPTER_TEXT}\n"
    story = import_story(text.encode(), "salt.md", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == ["The Crossing", "The Shore"]


# A poetry collection's title page and contents.

POEMS = [
    ("Winter Field", "The crows have the field now,\nblack stitches on white cloth,\nand the fence posts count them."),
    ("Ferry", "Across the water the lights\nblink on one by one,\nas if someone were spelling a name."),
    ("Kitchen, 5 a.m.", "My mother's radio,\nthe kettle's low complaint,\nthe dog asleep on my feet."),
]


def _collection(top: str) -> str:
    listed = "Contents\n\n" + "\n".join(title for title, _ in POEMS) + "\n\n\n"
    return top + listed + "".join(f"{title.upper()}\n\n{poem}\n\n{poem}\n\n\n" for title, poem in POEMS)


@pytest.mark.parametrize(
    "top",
    [
        "SMALL HOURS\nPoems\nby Agnes Thorley\n\n",
        "Small Hours\nSelected Poems\nAgnes Thorley\n\n",
        "Small Hours\nshort stories by Agnes Thorley\n\n",
        "Small Hours\nsonnets by Agnes Thorley\n\n",
    ],
)
def test_a_collections_kind_under_its_title_and_its_contents_head_the_poems(top: str) -> None:
    story = read(_collection(top))
    assert story.meta.title.casefold() == "small hours"
    assert story.meta.author == "Agnes Thorley"
    assert [chapter.title for chapter in story.chapters] == [title for title, _ in POEMS]


def test_a_sentence_ending_in_an_abbreviation_is_no_title() -> None:
    """Guard: "a.m." lets a Title Case line end on its stop, not a sentence."""
    text = f"Chapter 1\nI woke at 5 a.m.\n\n{CHAPTER_TEXT}\n\nChapter 2\n\n{CHAPTER_TEXT}\n"
    story = read(text)
    assert story.chapters[0].title is None
    assert story.chapters[0].paragraphs[0] == "I woke at 5 a.m."


# A forum thread's threadmarks in reader mode.


def _reader_mode(title: str, marks: list[str]) -> bytes:
    posts = "".join(
        f"<article class='message message--post hasThreadmark' data-author='QuillAndSword'>"
        f"<div class='message-cell message-cell--threadmark-header'><span class='threadmarkLabel'>{mark}</span></div>"
        f"<div class='message-cell message-cell--main'><div class='message-content'><article class='message-body'>"
        f"<div class='bbWrapper'>{PROSE[index]}<br/><br/>{PROSE[index - 1]}</div></article></div></div></article>"
        for index, mark in enumerate(marks)
    )
    bar = "<div class='block-outer'><span>Reader mode</span><a href='/threads/x.1/threadmarks'>Threadmarks</a></div>"
    return (
        f"<html><head><title>{title} | Page 1 | SpaceBattles</title></head><body>"
        f"<div class='p-title'><h1 class='p-title-value'>{title}</h1></div>{bar}"
        f"<div class='block-body'>{posts}</div>{bar}</body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("title", "fandoms"),
    [
        ("Brockton Bay Ranger [Worm/Pokemon]", ["Worm/Pokemon"]),
        ("Brockton Bay Ranger (Worm AU)", ["Worm AU"]),
        ("Brockton Bay Ranger [Complete]", []),
    ],
)
def test_a_threads_reader_mode_reads_its_threadmarks_and_its_titles_tag(title: str, fandoms: list[str]) -> None:
    story = import_story(
        _reader_mode(title, ["Chapter 1: Bug", "Chapter 2: Trainer"]), "ranger.html", max_bytes=1 << 20
    )
    assert story.meta.title == "Brockton Bay Ranger"
    assert story.meta.fandoms == fandoms
    assert [chapter.title for chapter in story.chapters] == ["Bug", "Trainer"]
    assert story.chapters[0].paragraphs == [PROSE[0], PROSE[-1]]


def test_a_pages_title_in_brackets_with_no_threadmarks_stays() -> None:
    """Guard: only a threadmarked thread's title carries a forum's tag."""
    chapters = f"<h2>Chapter 1</h2>{PAGE_TEXT}<h2>Chapter 2</h2>{PAGE_TEXT}"
    page = f"<html><body><h1>The Ford (A Retelling)</h1>{chapters}</body></html>"
    assert import_story(page.encode(), "ford.html", max_bytes=1 << 20).meta.title == "The Ford (A Retelling)"


# A reading site's story page copied over the text: its state and counts.


@pytest.mark.parametrize(
    "counts",
    ["Completed\n14 parts", "Ongoing\n3 parts", "Romance · Fantasy · 3 chapters", "Mature\n22 chapters"],
)
def test_a_story_pages_state_and_count_of_parts_are_no_chapter(counts: str) -> None:
    blurb = "A prince with no kingdom. A thief with no name."
    text = f"Hollow Crown\nBy nightjar_writes\n\n{counts}\n\n{blurb}\n\nPrologue\n\n{CHAPTER_TEXT}\n\nChapter 1\n\n{CHAPTER_TEXT}\n"
    story = read(text)
    assert story.meta.summary == blurb
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]


def test_a_line_of_words_over_a_count_in_the_story_stays() -> None:
    """Guard: "Completed" over a count is a page's only in the story's head; a genre line needs two genres."""
    text = f"Chapter 1\n\n{CHAPTER_TEXT}\n\nRain · 3 chapters\n\n{CHAPTER_TEXT}\n\nChapter 2\n\n{CHAPTER_TEXT}\n"
    assert "Rain · 3 chapters" in read(text).chapters[0].paragraphs


# A chapter page whose heading stands over a link to its story's page.


def _chapter_page(chapter: str, story_heading: str) -> bytes:
    return (
        f"<html><head><title>{chapter} | Ironbound | Royal Road</title></head><body>"
        f"<div class='fic-header'><h1 class='font-white break-word'>{chapter}</h1>{story_heading}"
        "<h3 class='font-white inline-block'><span>by</span> <a href='/profile/9981'>Halvard</a></h3></div>"
        f"<div class='chapter-inner chapter-content'>{PAGE_TEXT}</div></body></html>"
    ).encode()


@pytest.mark.parametrize("chapter", ["Chapter 2 - The Dungeon Door", "2. The Dungeon Door"])
@pytest.mark.parametrize(
    "story_heading",
    [
        "<a href='/fiction/123/ironbound'><h2 class='font-white inline-block'>Ironbound</h2></a>",
        "<h2 class='font-white'><a href='https://example.net/series/88/ironbound/'>Ironbound</a></h2>",
    ],
)
def test_a_heading_linking_to_the_storys_page_under_the_chapters_is_the_title(chapter: str, story_heading: str) -> None:
    story = import_story(_chapter_page(chapter, story_heading), "chapter.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("Ironbound", "Halvard")
    assert [chapter.title for chapter in story.chapters] == ["The Dungeon Door"]
    assert story.chapters[0].paragraphs == PROSE


def test_a_subtitle_linking_to_a_chapter_stays_the_chapters() -> None:
    """Guard: a link to a chapter's page names no story."""
    heading = "<h2><a href='/fiction/123/ironbound/chapter/5/the-vault'>The Vault</a></h2>"
    story = import_story(_chapter_page("Chapter 2 - The Dungeon Door", heading), "chapter.html", max_bytes=1 << 20)
    assert story.meta.title != "The Vault"


def _web_novel_page(chapter: str, line: str) -> bytes:
    return (
        f"<html><head><title>{chapter} - Glass Tower | Scribble Hub</title></head><body>"
        f"<div class='chapter_title_wrapper'><div class='chapter-title'>{chapter}</div></div>{line}"
        f"<div id='chp_raw' class='chp_raw'>{PAGE_TEXT}</div></body></html>"
    ).encode()


STORY_LINKS = (
    "<div class='chp_byline'><a href='/series/1234/glass-tower/'>Glass Tower</a> "
    "<span class='auth_name_fic'><a href='/profile/555/veyra/'>veyra</a></span></div>"
)


@pytest.mark.parametrize(
    ("chapter", "title"),
    [
        ("Vol 1 Chapter 1 - The Crossing", "Volume 1 — The Crossing"),
        ("Volume 2, Chapter 1: The Crossing", "Volume 2 — The Crossing"),
    ],
)
def test_a_web_novels_chapter_page_reads_its_story_and_writer_from_their_links(chapter: str, title: str) -> None:
    story = import_story(_web_novel_page(chapter, STORY_LINKS), "chapter.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("Glass Tower", "veyra")
    # (the volume heads the chapter that opens it, as a "Volume 2" line over it does: test_reader_gaps42.py)
    assert [chapter.title for chapter in story.chapters] == [title]
    assert story.chapters[0].paragraphs == PROSE


def test_a_volumes_chapter_label_leaves_the_pages_title_the_storys() -> None:
    story = import_story(_web_novel_page("Vol 1 Chapter 1 - The Crossing", ""), "chapter.html", max_bytes=1 << 20)
    assert story.meta.title == "Glass Tower"


def test_a_line_of_words_and_links_under_the_heading_stays_text() -> None:
    """Guard: a sentence with links in it is the story's."""
    line = "<p>She read <a href='/series/1/x/'>Glass Tower</a> to <a href='/profile/5/veyra/'>veyra</a> twice.</p>"
    story = import_story(_web_novel_page("Chapter 1 - The Crossing", line), "chapter.html", max_bytes=1 << 20)
    assert story.chapters[0].paragraphs[0] == "She read Glass Tower to veyra twice."


# FanFiction.net's buttons under a chapter.


@pytest.mark.parametrize("buttons", ["Reviews · Favorite · Follow", "Review | Follow/Fav", "Follow/Fav · Reviews"])
def test_a_line_of_review_and_follow_buttons_is_no_story_text(buttons: str) -> None:
    story = read(f"Chapter 1\n\n{CHAPTER_TEXT}\n\n{buttons}\n\nChapter 2\n\n{CHAPTER_TEXT}\n\n{buttons}\n")
    assert [chapter.paragraphs for chapter in story.chapters] == [PROSE, PROSE]


def test_a_sentence_about_reviews_stays() -> None:
    """Guard: the words in a sentence are the story's."""
    story = read(f"Chapter 1\n\n{CHAPTER_TEXT}\n\nShe left a review.\n\nChapter 2\n\n{CHAPTER_TEXT}\n")
    assert story.chapters[0].paragraphs[-1] == "She left a review."


@pytest.mark.parametrize("menu", ["Quotev\nSign in", "Inkitt\nLog in", "Quotev\nSign up Log in"])
def test_a_sites_name_over_its_sign_in_button_is_no_chapter(menu: str) -> None:
    story = read(
        f"{menu}\n\nWinter Wolves\nby silvermane\n\n1. Snow\n\n{CHAPTER_TEXT}\n\n2. Tracks\n\n{CHAPTER_TEXT}\n"
    )
    assert (story.meta.title, story.meta.author) == ("Winter Wolves", "silvermane")
    assert [chapter.title for chapter in story.chapters] == ["Snow", "Tracks"]


def test_a_poems_line_over_a_lone_menu_word_stays() -> None:
    """Guard: one menu word that is no account's under a short line is a poem's ("Come / Home")."""
    story = read(f"Chapter 1\n\n{CHAPTER_TEXT}\n\nCome\nHome\n\nChapter 2\n\n{CHAPTER_TEXT}\n")
    assert story.chapters[0].paragraphs[-1] == "Come\nHome"


# A note's properties over its one heading.


@pytest.mark.parametrize(
    "properties",
    ["status: final\n", "status: final\ncreated: 2024-03-01\n", "tags: [fiction]\ncw: blood\n", "author: Mira Vale\n"],
)
def test_a_notes_heading_under_properties_with_no_title_is_its_title(properties: str) -> None:
    text = f"---\n{properties}---\n\n# The Bell Tower\n\n{CHAPTER_TEXT}\n"
    story = import_story(text.encode(), "note.md", max_bytes=1 << 20)
    assert story.meta.title == "The Bell Tower"
    assert [chapter.title for chapter in story.chapters] == [None]
    assert story.chapters[0].paragraphs == PROSE


def test_a_title_property_over_the_notes_chapters_stays_the_title() -> None:
    """Guard: a title among the properties is the story's, and headings of chapters stay theirs."""
    text = f"---\ntitle: Moth Season\n---\n\n# The Bell Tower\n\n{CHAPTER_TEXT}\n"
    story = import_story(text.encode(), "note.md", max_bytes=1 << 20)
    assert story.meta.title == "Moth Season"
    text = f"---\nstatus: final\n---\n\n# Chapter 1\n\n{CHAPTER_TEXT}\n\n# Chapter 2\n\n{CHAPTER_TEXT}\n"
    story = import_story(text.encode(), "note.md", max_bytes=1 << 20)
    assert len(story.chapters) == 2


# An anthology of one-shots in one file, its stories set apart by dividers.

ONE_SHOTS = ["The Boatman", "Salt", "A Letter to My Sister"]


@pytest.mark.parametrize("divider", ["* * *", "~~~", "#"])
def test_titles_after_each_divider_head_a_collections_stories(divider: str) -> None:
    text = "Small Mercies\nby Oren Vask\n\n\n" + f"\n\n{divider}\n\n".join(
        f"{title}\n\n{CHAPTER_TEXT}" for title in ONE_SHOTS
    )
    story = read(text + "\n")
    assert (story.meta.title, story.meta.author) == ("Small Mercies", "Oren Vask")
    assert [chapter.title for chapter in story.chapters] == ONE_SHOTS
    assert all(chapter.paragraphs == PROSE for chapter in story.chapters)


def test_a_title_after_some_dividers_only_stays_the_storys_text() -> None:
    """Guard: a story's scene breaks go on in its prose; a name after one of them is no story's title."""
    scenes = [f"Maren\n\n{CHAPTER_TEXT}", CHAPTER_TEXT, f"Bram\n\n{CHAPTER_TEXT}"]
    story = read("The Ford\nby riverwriter\n\n\n" + "\n\n* * *\n\n".join(scenes) + "\n")
    assert len(story.chapters) == 1
    assert [len(chapter.scenes) for chapter in story.chapters] == [3]


# A page's "Title by Author" line at its top (FanFiction.net as a phone shows it).


@pytest.mark.parametrize(
    "line",
    [
        "<div align='center'><b>The Long Winter</b> by <a href='/u/77812/snowfall_scribe'>snowfall_scribe</a></div>",
        "<center><strong>The Long Winter</strong> By: <a href='/u/77812/'>snowfall_scribe</a></center>",
        "<p><a href='/s/123/1/'>The Long Winter</a> by <a href='/u/77812/'>snowfall_scribe</a></p>",
    ],
)
def test_a_title_by_author_line_at_a_pages_top_names_both(line: str) -> None:
    page = f"<html><body>{line}<div id='storycontent'>{PAGE_TEXT}</div></body></html>"
    story = import_story(page.encode(), "winter.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Long Winter", "snowfall_scribe")
    assert story.chapters[0].paragraphs == PROSE


def test_a_bold_phrase_by_a_plain_link_stays_text() -> None:
    """Guard: the author's link is to a writer's page; a link elsewhere makes no by-line."""
    line = "<p><b>Stand</b> by <a href='https://example.com/song'>the river</a></p>"
    page = f"<html><body>{line}{PAGE_TEXT}</body></html>"
    story = import_story(page.encode(), "winter.html", max_bytes=1 << 20)
    assert story.meta.author is None
