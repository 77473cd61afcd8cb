"""Story files misread, found in the forty-seventh session's sixteenth round of reading (files of
the shapes real tools and sites make, written for it; the probe files stay out of the repository):

- a page whose text stands in a form: old Reddit sets a post's text in ``<form class="usertext">``,
  and an ASP.NET page sets its whole body in one form; forms were taken out whole as a login box is,
  and the story with them (an old Reddit post read as "submitted 3 years ago by tidewright" alone);
- a Word-made EPUB, its package's author the computer's account ("Microsoft Office User", "Windows
  User"): that was the story's author, and a title page's "by Wren Hale" named no one;
- a Markdown contents list under its own heading ("## Contents" over "- The Ferry" / "- The Bell", or
  over Obsidian's links to the note's headings, "1. [[#Chapter 1|The Ferry]]"): a chapter 1 of its
  entries, or, its links taken out, a subtitle "Table of Contents";
- a SpaceBattles or SufficientVelocity thread's prefix label in its heading ("Original"): the story
  was titled "Original Tides of Iron";
- new Reddit's page saved from the browser, its post in custom elements (``<shreddit-app>``,
  ``<shreddit-post author=...>``): its title, by-line, text and comments were one paragraph, and
  its community ("The Lighthouse Log : r/nosleep") titled the story;
- a header's fields written as a list ("- Rating: Teen", "• Archive Warning: ..."): an epigraph, the
  rating and the archive warnings undeclared;
- a warnings list set one item a paragraph under its label ("Content warnings:" over "• self-harm" over
  "• suicide", a word processor's list saved as a web page, a loose Markdown list): the label took its
  first item only, and the rest were the story's first paragraphs, undeclared.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import time

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts
from tests.story.builders import epub_bytes, paragraphs, read_text, xhtml
from tests.story.test_hostile_shapes37 import MAX_BYTES

STORY = [
    "The ferry left at dawn, its horn low over the water while the gulls wheeled above the harbour wall.",
    "Mara counted the crates twice before she signed for them, because the manifest never matched the hold.",
    "Bram mended the nets on the slipway though the rain had not stopped since the bell rang for morning.",
    "By evening the tide had turned, and the lanterns along the quay were lit one by one against the dark.",
]


def _read_html(page: str, name: str = "page.html") -> Story:
    return import_story(page.encode(), name, max_bytes=1 << 20)


# ---------------------------------------------------------------- text inside a form


def _old_reddit(post: str) -> str:
    return (
        "<html><head><title>The Lighthouse Log : nosleep</title></head><body>"
        '<div class="content"><div class="thing link self"><div class="entry">'
        '<p class="title"><a class="title">The Lighthouse Log</a></p>'
        '<p class="tagline">submitted 3 years ago by <a class="author">tidewright</a></p>'
        f'<div class="expando"><form class="usertext"><div class="usertext-body"><div class="md">{post}</div></div>'
        '<div class="usertext-edit" style="display: none"><textarea name="text">draft</textarea></div></form></div>'
        '<ul class="flat-list buttons"><li><a>87 comments</a></li><li><a>share</a></li><li><a>save</a></li></ul>'
        '</div></div><div class="commentarea"><div class="thing comment"><form class="usertext"><div class="md">'
        "<p>This gave me chills.</p></div></form></div></div></div></body></html>"
    )


def test_an_old_reddit_posts_text_in_its_form_is_the_story() -> None:
    story = _read_html(_old_reddit("".join(f"<p>{p}</p>" for p in STORY)), "log.html")
    assert (story.meta.title, story.meta.author) == ("The Lighthouse Log", "tidewright")
    assert paragraphs(story) == STORY


def test_a_page_whose_body_is_one_form_reads_its_text_not_its_controls() -> None:
    """An ASP.NET page: the form holds the page, its hidden state and a review button."""
    page = (
        "<html><head><title>The Long Winter</title></head><body>"
        '<form method="post" action="./Story.aspx?id=12" id="form1">'
        '<input type="hidden" name="__VIEWSTATE" value="dDwtMTA4MTQ1NTQ1Nzs7Pg==" />'
        "<div><h1>The Long Winter</h1><h2>Chapter 1: Frost</h2>"
        + "".join(f"<p>{p}</p>" for p in STORY)
        + '</div><label for="rating">Rate this chapter</label><select id="rating"><option>5 stars</option></select>'
        '<button type="submit">Post a review</button></form></body></html>'
    )
    story = _read_html(page)
    assert [chapter.title for chapter in story.chapters] == ["Frost"]
    assert paragraphs(story) == STORY


def test_a_login_or_comment_form_is_still_no_part_of_the_story() -> None:
    boxes = (
        '<form action="/login"><label>Username</label><input name="u"/><label>Password</label>'
        '<input name="p" type="password"/><button>Log in</button><a>Forgot your password?</a></form>'
        '<form action="/comment"><p>Your email address will not be published. Required fields are marked *</p>'
        "<label>Comment</label><textarea>Write a comment</textarea><button>Post Comment</button></form>"
    )
    page = "<html><body><h1>The Long Winter</h1>" + "".join(f"<p>{p}</p>" for p in STORY) + boxes + "</body></html>"
    assert paragraphs(_read_html(page)) == STORY


def _cpu(page: str) -> float:
    start = time.process_time()
    import_story(page.encode(), "low.html", max_bytes=MAX_BYTES)
    return time.process_time() - start


def test_forms_are_weighed_in_one_walk() -> None:
    """Thousands of forms, each holding text and controls, and forms set inside forms, read in about
    the time the same page takes with each form a division: a form is walked once to weigh its text,
    the forms inside it never again."""
    body = "".join(f"<p>{p}</p>" for p in STORY)
    parts = [f"<h2>Chapter {i + 1}</h2>{{open}}{body}<button>Vote</button>{{close}}" for i in range(1500)]
    as_forms = "".join(parts).replace("{open}", "<form>").replace("{close}", "</form>")
    as_divs = "".join(parts).replace("{open}", "<div>").replace("{close}", "</div>")
    nested = "<form>" * 60 + body * 200 + "</form>" * 60
    page = "<html><body><h1>Low Water</h1>{}</body></html>"
    divs = min(_cpu(page.format(as_divs)) for _ in range(2))
    forms = min(_cpu(page.format(as_forms)) for _ in range(2))
    assert forms < divs * 1.5 + 0.3
    assert _cpu(page.format(nested)) < 2


# ---------------------------------------------------------------- the computer's account as the author


def _word_epub(creator: str | None, title_page: str | None) -> Story:
    chapters = [
        (f"c{n}.xhtml", xhtml(f"<h1>Chapter {n}</h1>" + "".join(f'<p class="MsoNormal">{p}</p>' for p in STORY)))
        for n in (1, 2)
    ]
    documents = ([("title.xhtml", xhtml(title_page))] if title_page else []) + chapters
    data = epub_bytes(documents, title="The Glass Orchard", author=creator, nav_points=[("Chapter 1", "c1.xhtml")])
    return import_story(data, "orchard.epub", max_bytes=1 << 20)


def test_a_word_epubs_account_name_is_no_author_and_its_title_page_names_one() -> None:
    page = '<p class="Title">The Glass Orchard</p><p class="Subtitle">by Wren Hale</p>'
    story = _word_epub("Microsoft Office User", page)
    assert story.meta.author == "Wren Hale"
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]


def test_an_account_name_with_no_title_page_leaves_the_story_without_an_author() -> None:
    assert _word_epub("Windows User", None).meta.author is None
    assert _word_epub("Owner", None).meta.author is None


def test_the_packages_own_author_still_wins_over_a_title_pages_by_line() -> None:
    page = '<p class="Title">The Glass Orchard</p><p class="Subtitle">by Wren Hale</p>'
    assert _word_epub("Ada Quill", page).meta.author == "Ada Quill"
    assert _word_epub("Ada Quill", None).meta.author == "Ada Quill"


# ---------------------------------------------------------------- a Markdown contents list under its heading


def _bell_tower(contents: str, heads: tuple[str, str] = ("The Ferry", "The Bell")) -> Story:
    chapters = "".join(f"## {head}\n\n" + "\n\n".join(STORY) + "\n\n" for head in heads)
    return read_text(f"# The Bell Tower\n\n{contents}\n\n{chapters}", "bell.md")


def test_a_contents_heading_over_its_list_of_chapters_is_no_chapter() -> None:
    for contents in ("## Contents\n\n- The Ferry\n- The Bell", "## Table of Contents\n\n1. The Ferry\n2. The Bell"):
        story = _bell_tower(contents)
        assert [chapter.title for chapter in story.chapters] == ["The Ferry", "The Bell"]
        assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]


def test_obsidian_links_to_the_notes_headings_are_its_contents_not_a_subtitle() -> None:
    for links in ("- [[#Chapter 1]]\n- [[#Chapter 2]]", "1. [[#Chapter 1|The Ferry]]\n2. [[#Chapter 2|The Bell]]"):
        story = _bell_tower(f"## Table of Contents\n\n{links}", ("Chapter 1", "Chapter 2"))
        assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]
        assert story.meta.notes == []


def test_a_chapter_called_contents_and_a_list_in_the_story_stay() -> None:
    story = _bell_tower("## Contents\n\n" + "\n\n".join(STORY))
    assert [chapter.title for chapter in story.chapters] == ["Contents", "The Ferry", "The Bell"]
    packing = _bell_tower("## Contents\n\n- Rope\n- Lantern\n- Bread")
    assert [chapter.title for chapter in packing.chapters][1:] == ["The Ferry", "The Bell"]
    assert "Rope" in packing.chapters[0].paragraphs[0]


# ---------------------------------------------------------------- a forum thread's prefix before its title


def _thread_page(title_heading: str) -> str:
    posts = "".join(
        f'<article class="message message--post" data-author="tidewright"><div class="message-cell--main">'
        f'<span class="threadmarkLabel">Chapter {n}</span><div class="bbWrapper">'
        + "<br /><br />".join(STORY)
        + "</div></div></article>"
        for n in (1, 2)
    )
    return (
        "<html><head><title>Tides of Iron | SpaceBattles</title></head><body>"
        f'<div class="p-body-header"><h1 class="p-title-value">{title_heading}</h1></div>{posts}</body></html>'
    )


def test_a_xenforo_threads_prefix_is_no_part_of_its_title() -> None:
    prefixed = (
        '<a href="/forums/creative-writing.18/?prefix_id=3" class="labelLink" rel="nofollow">'
        '<span class="label label--blue" dir="auto">Original</span></a><span class="label-append">&nbsp;</span>'
        "Tides of Iron"
    )
    story = _read_html(_thread_page(prefixed), "tides.html")
    assert story.meta.title == "Tides of Iron"
    assert paragraphs(story) == STORY + STORY


def test_a_threads_title_without_a_prefix_keeps_its_words() -> None:
    story = _read_html(_thread_page("Original Tides of Iron"), "tides.html")
    assert story.meta.title == "Original Tides of Iron"


# ---------------------------------------------------------------- blocks inside custom elements


def test_blocks_inside_nested_custom_elements_are_read_as_blocks() -> None:
    """New Reddit's page: its post a <shreddit-post> inside <shreddit-app>, its text in paragraphs."""
    page = (
        "<html><head><title>The Lighthouse Log : r/nosleep</title></head><body><shreddit-app>"
        '<shreddit-post author="tidewright"><h1 slot="title">The Lighthouse Log</h1><div slot="text-body">'
        + "".join(f"<p>{p}</p>" for p in STORY)
        + "</div></shreddit-post></shreddit-app></body></html>"
    )
    story = _read_html(page, "log.html")
    assert paragraphs(story) == STORY


def test_an_inline_custom_element_stays_in_its_sentence() -> None:
    page = (
        "<html><body><h1>The Lighthouse Log</h1><p>The keeper wrote at <faceplate-number>3</faceplate-number> "
        "o'clock, and the <em>lamp</em> was lit.</p>" + "".join(f"<p>{p}</p>" for p in STORY) + "</body></html>"
    )
    assert paragraphs(_read_html(page))[0] == "The keeper wrote at 3 o'clock, and the lamp was lit."


def _new_reddit(post_attributes: str) -> str:
    return (
        "<html><head><title>The Lighthouse Log : r/nosleep</title></head><body><shreddit-app>"
        f"<shreddit-post {post_attributes}>"
        '<div slot="credit-bar"><a href="/r/nosleep/">r/nosleep</a> • <faceplate-timeago>3 yr. ago</faceplate-timeago>'
        ' <a href="/user/tidewright/">tidewright</a></div>'
        '<h1 slot="title">The Lighthouse Log</h1><div slot="text-body"><div class="md">'
        + "".join(f"<p>{p}</p>" for p in STORY)
        + '</div></div></shreddit-post><shreddit-comment-tree><shreddit-comment author="reader1">'
        '<div slot="comment"><p>This gave me chills, and I have read every post on this board.</p></div>'
        "</shreddit-comment></shreddit-comment-tree></shreddit-app></body></html>"
    )


def test_a_new_reddit_post_saved_from_the_browser_reads_as_its_story() -> None:
    story = _read_html(_new_reddit('author="tidewright" post-title="The Lighthouse Log"'), "log.html")
    assert (story.meta.title, story.meta.author) == ("The Lighthouse Log", "tidewright")
    assert paragraphs(story) == STORY


def test_a_custom_element_naming_no_post_names_no_author() -> None:
    story = _read_html(_new_reddit('class="post"'), "log.html")
    assert story.meta.author is None
    assert paragraphs(story) == STORY


# ---------------------------------------------------------------- a header's fields written as a list


def _winter(header: str, name: str = "winter.txt") -> Story:
    chapters = "".join(f"Chapter {n}\n\n" + "\n\n".join(STORY) + "\n\n" for n in (1, 2))
    if name.endswith(".md"):
        chapters = chapters.replace("Chapter ", "## Chapter ")
    return read_text(f"The Long Winter\nby snowfall_scribe\n\n{header}\n\n{chapters}", name)


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("- Rating: Teen And Up Audiences\n- Archive Warning: Major Character Death", "winter.txt"),
        ("• Rating: Teen And Up Audiences\n• Archive Warning: Major Character Death", "winter.txt"),
        ("* **Rating:** Teen And Up Audiences\n* **Archive Warning:** Major Character Death", "winter.md"),
        ("- **Rating:** Teen And Up Audiences\n- **Archive Warning:** Major Character Death", "winter.md"),
    ],
    ids=["dash", "bullet", "md-star", "md-dash"],
)
def test_a_header_written_as_a_list_is_read_as_its_fields(header: str, name: str) -> None:
    story = _winter(header, name)
    assert (story.meta.rating, story.meta.archive_warnings) == ("Teen And Up Audiences", ["Major Character Death"])
    assert story.meta.notes == []
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]


def test_a_list_in_the_story_and_a_dash_of_dialogue_stay_text() -> None:
    story = _winter("— Warning: the bridge is out, she called.")
    assert (story.meta.rating, story.meta.archive_warnings) == (None, [])
    chapter = "Chapter 1\n\n" + STORY[0] + "\n\n- Rope: two coils\n- Summary: none needed\n\n" + STORY[1] + "\n"
    inside = read_text("The Long Winter\nby snowfall_scribe\n\n" + chapter, "winter.txt")
    assert inside.chapters[0].paragraphs == [STORY[0], "- Rope: two coils\n- Summary: none needed", STORY[1]]
    assert inside.meta.summary is None


# ---------------------------------------------------------------- a warnings list, one item a paragraph


def _orchard(label: str, items: list[str], after: str = "Chapter 1") -> Story:
    listed = "\n\n".join(items)
    text = f"The Glass Orchard\nby Ada Quill\n\n{label}\n\n{listed}\n\n{after}\n\n" + "\n\n".join(STORY) + "\n"
    return read_text(text, "orchard.txt")


@pytest.mark.parametrize("label", ["Content warnings:", "Trigger warnings", "Rating: Mature\nWarnings:", "CWs below:"])
@pytest.mark.parametrize("bullet", ["• ", "· ", "- ", ""], ids=["bullet", "middot", "dash", "bare"])
def test_each_item_of_a_warnings_list_set_a_paragraph_apart_is_declared(label: str, bullet: str) -> None:
    story = _orchard(label, [f"{bullet}self-harm", f"{bullet}suicide", f"{bullet}drowning"])
    declared = " ".join(story.meta.declared_warnings)
    assert all(word in declared for word in ("self-harm", "suicide", "drowning"))
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY]


def test_a_word_processors_list_saved_as_a_web_page_declares_each_item() -> None:
    items = "".join(
        f"<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='font-family:Symbol'>·"
        f"<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span>{item}</p>"
        for item in ("self-harm", "suicide")
    )
    page = (
        "<html><head><title>The Glass Orchard</title></head><body><p class=MsoTitle>The Glass Orchard</p>"
        f"<p class=MsoNormal><b>Content warnings:</b></p>{items}<p class=MsoNormal align=center>* * *</p>"
        + "".join(f"<p class=MsoNormal>{p}</p>" for p in STORY)
        + "</body></html>"
    )
    story = _read_html(page, "orchard.html")
    assert {"self-harm", "suicide"} <= set(map_texts(story.meta.declared_warnings).ids)
    assert paragraphs(story) == STORY


def test_the_story_after_a_one_item_list_stays_the_story() -> None:
    """A sentence, a line of dialogue set with a dash, or a short line over prose: the story's."""
    for after in ("She ran.", "Rain", "- Where are you going? she asked."):
        story = _orchard("Content warnings:", ["- self-harm" if after.startswith("-") else "self-harm", after], "")
        assert after in paragraphs(story)
        assert "self-harm" in " ".join(story.meta.declared_warnings)
