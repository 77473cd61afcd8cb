"""Story files misread, found in the forty-ninth session's eighteenth round of reading (files of
the shapes real tools and sites make, written for it; the probe files stay out of the repository):

- a Wix blog post saved from the browser: its line over the title (the author's name, the date and
  "4 min read"), which Wix names by its scripts' ``data-hook`` where its classes are generated, was a
  chapter 1 of its own, the post a second chapter, and the story had no author;
- a newsletter's email saved or pasted as text with each link's address after it ("View this post on
  the web at https://...", "Unsubscribe https://..."), as Substack's plain-text email sets them: story
  text; and its footer saying why it came, under an email's "--" ("You're receiving this email because
  you subscribed to Tidelines." over "Unsubscribe: https://..."), as Buttondown sets it: the story's
  last paragraphs;
- a title and by-line over the date the story was posted ("The Salt Wife" / "by Kestrel Ames" / "March
  1, 2024", a blog post or a newsletter copied with its head): the three lines were the story's first
  paragraph, the story titled with the file's name and by no one;
- a rights notice under the story ("© 2024 Kestrel Ames" over a newsletter's postal address, Substack's
  footer; "Copyright © 2024 Wren Hale. All rights reserved.", "All Rights Reserved ©"): the story's last
  paragraph, where one over the story was read already;
- a story forwarded by email and saved as text, the email's header over it ("---------- Forwarded
  message ---------" over "From:", "Date:", "Subject:" and "To:" lines, Gmail's; Outlook's "-----Original
  Message-----"): a chapter 1 of its own, and the story was titled with the file's name;
- a chapter closing on a promise of more or thanks for reading ("To be continued...", "Thank you so
  much for reading!"), under "End of Chapter Two" maybe: story text, and the "End of Chapter" line
  over it stayed too (a chapter's last paragraph is asked whether it only says so);
- a Dreamwidth entry page saved from the browser: its "Mood: tired" line under the entry (its
  "bottom-metadata" box), the story's last paragraph;
- a hand-made site's links under a story ("Back to stories | Email me"): the story's last paragraph,
  where "Back to stories" alone went;
- a reading site's menu over a part saved from the browser, its links run together ("BrowseCommunityLog
  inSign Up", Wattpad's): a chapter 1 of its own, the part a second chapter;
- an EPUB whose story's summary stands on a page of its own before the story, under its "Summary"
  heading (a fic downloader's or a writer's EPUB, the stats line under the blurb): a chapter 1 of the
  blurb, and the story had no summary;
- an EPUB whose package gives its file's name for a title ("salt_roads_FINAL_v3", as Word and Pandoc
  set one where the writer gave none) over a title page of its own: the story was titled with the
  upload's file name, the title page's heading unread;
- a Jekyll post's Liquid comment over the story ("{% comment %}" / "TODO: fix the ending" / "{%
  endcomment %}"): its tags went, its text was a chapter 1 of its own;
- a Hugo theme's box over the story ('{{< notice warning "Content warnings" >}}' over its text and
  "{{< /notice >}}"): a chapter 1 of its own, the warnings undeclared.

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import declared_ids, epub_bytes, paragraphs, read_text, xhtml
from tests.story.test_reader_gaps47 import STORY

# ---------------------------------------------------------------- a Wix blog post


def _wix(header: str) -> Story:
    text = "".join(
        f'<p class="mm8Nw" dir="auto"><span style="letter-spacing:normal">{line}</span></p>' for line in STORY
    )
    return read_text(
        "<html><head><title>The Salt Wife</title></head><body>"
        '<div id="SITE_HEADER"><a href="/">Tidelines</a></div><article data-hook="post">'
        f'{header}<h1 data-hook="post-title"><span class="post-title">The Salt Wife</span></h1>'
        f'<div data-hook="post-description"><div data-rce-version="9">{text}</div></div>'
        '<div data-hook="post-footer"><span>12 views</span><span>0 comments</span></div></article></body></html>',
        "wix.html",
    )


def test_a_wix_posts_line_over_its_title_names_the_author_and_goes() -> None:
    story = _wix(
        '<div data-hook="post-header"><div><span data-hook="user-name">Kestrel Ames</span></div>'
        '<ul><li><span data-hook="time-ago">Mar 1, 2024</span></li><li><span data-hook="time-to-read">4 min read</span></li></ul></div>'
    )
    assert (story.meta.title, story.meta.author) == ("The Salt Wife", "Kestrel Ames")
    assert len(story.chapters) == 1
    assert paragraphs(story) == STORY


def test_a_wix_post_with_no_line_over_its_title_reads_as_before() -> None:
    story = _wix("")
    assert story.meta.title == "The Salt Wife"
    assert len(story.chapters) == 1
    assert paragraphs(story) == STORY


# ---------------------------------------------------------------- a Dreamwidth entry's mood


def _dreamwidth(metadata: str) -> Story:
    text = "<br /><br />".join(STORY)
    return read_text(
        "<html><head><title>ada_quill: Salt Roads</title></head><body>"
        '<div class="entry"><div class="header"><h3 class="entry-title"><a href="https://ada-quill.dreamwidth.org/1.html">'
        'Salt Roads</a></h3></div><div class="contents"><div class="entry-content">'
        f'{text}</div></div>{metadata}<div class="footer"><ul class="entry-interaction-links"><li><a>Reply</a></li>'
        "</ul></div></div></body></html>",
        "dw.html",
    )


def test_a_dreamwidth_entrys_mood_is_no_story_text() -> None:
    story = _dreamwidth(
        '<div class="metadata bottom-metadata"><ul><li><span class="metadata-label metadata-label-mood">Mood: </span>'
        '<span class="metadata-item metadata-item-mood">tired</span></li></ul></div>'
    )
    assert paragraphs(story) == STORY


def test_a_dreamwidth_entry_with_no_mood_reads_as_before() -> None:
    assert paragraphs(_dreamwidth("")) == STORY


# ---------------------------------------------------------------- a hand-made site's links


@pytest.mark.parametrize("links", ["Back to stories | Email me", "Home | Email me | Sign my guestbook"])
def test_a_hand_made_sites_links_with_its_mail_link_are_no_story_text(links: str) -> None:
    page = (
        '<html><body><center><font size="+2"><b>Salt Roads</b></font><br>by Ada Quill</center><hr>'
        + "<br><br>".join(STORY)
        + f'<hr><center><a href="index.html">{links.split(" | ")[0]}</a>'
        + "".join(f' | <a href="mailto:ada@example.com">{link}</a>' for link in links.split(" | ")[1:])
        + "</center></body></html>"
    )
    assert paragraphs(read_text(page, "salt.html")) == STORY


def test_a_line_asking_to_be_emailed_stays() -> None:
    story = read_text("Salt Roads\nby Ada Quill\n\n" + "\n\n".join([*STORY, "Email me"]) + "\n")
    assert paragraphs(story) == [*STORY, "Email me"]


# ---------------------------------------------------------------- a reading site's menu run together


def _part_page(menu: str) -> Story:
    links = "".join(f"<a>{entry}</a>" for entry in menu.split("|"))
    return read_text(
        "<html><head><title>Ember Road - Part 3: Ashes - Wattpad</title></head><body>"
        f'<div id="header">{links}</div><div class="part-header"><div class="story-info"><span class="info">'
        '<a href="/story/123-ember-road">Ember Road</a></span><span class="author">by <a href="/user/kestrel_k">'
        'kestrel_k</a></span></div><h1 class="h2">Part 3: Ashes</h1></div>'
        '<div class="page"><pre>' + "".join(f"<p>{line}</p>" for line in STORY) + "</pre></div></body></html>",
        "part.html",
    )


@pytest.mark.parametrize("menu", ["Browse|Community|Log in|Sign Up", "Home|Search|Library|Login"])
def test_a_reading_sites_menu_run_together_is_no_chapter(menu: str) -> None:
    story = _part_page(menu)
    assert (story.meta.title, story.meta.author) == ("Ember Road", "kestrel_k")
    assert [chapter.title for chapter in story.chapters] == ["Part 3: Ashes"]
    assert paragraphs(story) == STORY


@pytest.mark.parametrize("line", ["Sign up, she said, and log in.", "Home Library Write Stories"])
def test_menu_words_in_a_sentence_or_with_no_account_stay(line: str) -> None:
    story = read_text("Salt Roads\nby Ada Quill\n\n" + "\n\n".join([*STORY, line]) + "\n")
    assert paragraphs(story) == [*STORY, line]


# ---------------------------------------------------------------- a newsletter's email as text


def test_a_newsletters_links_with_their_addresses_are_no_story_text() -> None:
    story = read_text(
        "View this post on the web at https://tidelines.substack.com/p/the-salt-wife\n\n"
        "The Salt Wife\nby Kestrel Ames\n\n"
        + "\n\n".join(STORY)
        + "\n\nUnsubscribe https://substack.com/redirect/abc?\n"
    )
    assert paragraphs(story) == STORY


def test_a_sentence_about_viewing_at_an_address_stays() -> None:
    line = "View it online at https://tidelines.example, she wrote, and then the line went dead."
    story = read_text("The Salt Wife\nby Kestrel Ames\n\n" + "\n\n".join([*STORY, line]) + "\n")
    assert paragraphs(story) == [*STORY, line]


def test_a_newsletters_footer_under_an_emails_rule_is_no_story_text() -> None:
    footer = (
        "--\n\nYou're receiving this email because you subscribed to Tidelines.\n"
        "Unsubscribe: https://buttondown.email/tidelines/unsubscribe/123\n"
    )
    story = read_text("The Salt Wife\nby Kestrel Ames\n\n" + "\n\n".join(STORY) + "\n\n" + footer)
    assert paragraphs(story) == STORY


def test_a_rule_and_a_sentence_about_an_email_stay() -> None:
    tail = ["--", "You are receiving this message because you asked, she wrote, and the line went dead."]
    story = read_text("The Salt Wife\nby Kestrel Ames\n\n" + "\n\n".join([*STORY, *tail]) + "\n")
    assert paragraphs(story) == [*STORY, *tail]


# ---------------------------------------------------------------- a date under the title and by-line


@pytest.mark.parametrize("date", ["March 1, 2024", "Posted on March 1, 2024", "1 March 2024", "2024-03-01"])
def test_a_date_under_a_title_and_by_line_is_no_story_text(date: str) -> None:
    story = read_text(f"The Salt Wife\nby Kestrel Ames\n{date}\n\n" + "\n\n".join(STORY) + "\n")
    assert (story.meta.title, story.meta.author) == ("The Salt Wife", "Kestrel Ames")
    assert paragraphs(story) == STORY


def test_a_date_under_a_line_with_no_by_line_stays() -> None:
    story = read_text("The Salt Wife\nMarch 1, 2024\n\n" + "\n\n".join(STORY) + "\n")
    assert paragraphs(story)[0] == "The Salt Wife\nMarch 1, 2024"


# ---------------------------------------------------------------- a rights notice under the story


def _under_story(tail: str) -> Story:
    return read_text("The Salt Wife\nby Kestrel Ames\n\n" + "\n\n".join(STORY) + f"\n\n{tail}\n")


@pytest.mark.parametrize(
    "notice",
    [
        "© 2024 Kestrel Ames\n548 Market Street PMB 72296, San Francisco, CA 94104",
        "Copyright © 2024 Kestrel Ames. All rights reserved.",
        "All Rights Reserved ©",
        "(c) 2024 Kestrel Ames",
    ],
)
def test_a_rights_notice_under_the_story_is_its_note(notice: str) -> None:
    story = _under_story(notice)
    assert paragraphs(story) == STORY
    assert story.chapters[-1].notes == [notice]


@pytest.mark.parametrize(
    "line",
    [
        "Copyright by the Crown, she read from the plaque, and laughed.",
        "She had kept all rights to the ferry, and all rights reserved to her were gone.",
    ],
)
def test_a_sentence_about_rights_stays(line: str) -> None:
    assert paragraphs(_under_story(line)) == [*STORY, line]


# ---------------------------------------------------------------- an email's header over the story

_SALT = "Salt Roads\nby Ada Quill\n\n" + "".join(f"Chapter {n}\n\n" + "\n\n".join(STORY) + "\n\n" for n in (1, 2))


@pytest.mark.parametrize(
    "header",
    [
        "---------- Forwarded message ---------\nFrom: Ada Quill <ada.quill@example.com>\n"
        "Date: Fri, Mar 1, 2024 at 9:14 AM\nSubject: Salt Roads\nTo: <club@example.com>\n\n\n",
        "-----Original Message-----\nFrom: Ada Quill\nSent: Friday, March 1, 2024 9:14 AM\nTo: Book Club\n"
        "Subject: Salt Roads\n\n",
        "From: Ada Quill <ada.quill@example.com>\nSubject: Salt Roads\nDate: 1 March 2024\n\n",
    ],
    ids=["gmail", "outlook", "saved"],
)
def test_an_emails_header_over_the_story_is_no_story_text(header: str) -> None:
    story = read_text(header + _SALT)
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]


def test_an_email_inside_the_story_stays() -> None:
    letter = "From: Mara <mara@example.com>\nTo: Bram\nSubject: the ferry"
    story = read_text(_SALT + letter + "\n")
    assert story.chapters[-1].paragraphs == [*STORY, letter]


# ---------------------------------------------------------------- a chapter's closing words


def _closing(tail: str) -> Story:
    return read_text(
        "Salt Roads\nby Ada Quill\n\n"
        + "".join(f"Chapter {n}\n\n" + "\n\n".join(STORY) + f"\n\n{tail.format(n=n)}\n\n" for n in (1, 2))
    )


@pytest.mark.parametrize(
    "tail",
    ["To be continued...", "End of Chapter {n}\n\nTo be continued...", "Thank you so much for reading!", "~ TBC ~"],
)
def test_a_chapter_closing_on_a_promise_or_thanks_keeps_it_as_its_note(tail: str) -> None:
    story = _closing(tail)
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]
    assert [chapter.notes for chapter in story.chapters] == [[tail.split("\n\n")[-1]]] * 2


def test_a_sentence_that_says_to_be_continued_stays() -> None:
    story = _closing("To be continued, she wrote, and sealed the letter.")
    assert [chapter.paragraphs[-1] for chapter in story.chapters] == [
        "To be continued, she wrote, and sealed the letter."
    ] * 2


# ---------------------------------------------------------------- an EPUB's summary page


def _summary_epub(heading: str, text: list[str]) -> Story:
    blurb = "".join(f"<p>{line}</p>" for line in text)
    documents = [
        ("title.xhtml", xhtml("<h1>Salt Roads</h1><p>by Ada Quill</p>")),
        ("summary.xhtml", xhtml(f"<h2>{heading}</h2>{blurb}")),
        *(
            (f"c{n}.xhtml", xhtml(f"<h2>Chapter {n}</h2>" + "".join(f"<p>{line}</p>" for line in STORY)))
            for n in (1, 2)
        ),
    ]
    points = [
        ("Title Page", "title.xhtml"),
        (heading, "summary.xhtml"),
        ("Chapter 1", "c1.xhtml"),
        ("Chapter 2", "c2.xhtml"),
    ]
    return import_story(
        epub_bytes(documents, title="Salt Roads", author="Ada Quill", nav_points=points), "salt.epub", max_bytes=1 << 20
    )


def test_an_epubs_summary_page_is_the_storys_summary() -> None:
    story = _summary_epub(
        "Summary", ["Two sisters and a ferry.", "Rated: T - English - Drama - Chapters: 2 - Words: 1,234"]
    )
    assert story.meta.summary == "Two sisters and a ferry."
    assert [chapter.title for chapter in story.chapters] == [None, None]  # ("Chapter 1", "Chapter 2": numbered)
    assert paragraphs(story) == STORY * 2


def test_an_epubs_first_chapter_titled_as_a_summary_with_a_chapters_length_stays() -> None:
    story = _summary_epub("Synopsis", STORY * 3)
    assert [chapter.title for chapter in story.chapters] == ["Synopsis", None, None]


# ---------------------------------------------------------------- an EPUB titled with its file's name


def _title_page_epub(package_title: str, title_page: str) -> Story:
    documents = [
        ("title.xhtml", xhtml(title_page)),
        *(
            (f"c{n}.xhtml", xhtml(f"<h2>Chapter {n}</h2>" + "".join(f"<p>{line}</p>" for line in STORY)))
            for n in (1, 2)
        ),
    ]
    points = [("Title", "title.xhtml"), ("Chapter 1", "c1.xhtml"), ("Chapter 2", "c2.xhtml")]
    data = epub_bytes(documents, title=package_title, author="Ada Quill", nav_points=points)
    return import_story(data, "upload.epub", max_bytes=1 << 20)


def test_an_epub_titled_with_its_files_name_takes_its_title_pages_heading() -> None:
    story = _title_page_epub("salt_roads_FINAL_v3", '<h1 class="title">Salt Roads</h1><p class="author">Ada Quill</p>')
    assert (story.meta.title, story.meta.author) == ("Salt Roads", "Ada Quill")
    assert paragraphs(story) == STORY * 2


@pytest.mark.parametrize(
    ("package_title", "title_page", "title"),
    [
        ("The Salt Roads", '<h1 class="title">Salt Roads</h1><p class="author">Ada Quill</p>', "The Salt Roads"),
        ("salt_roads_FINAL_v3", '<h1 class="author">Ada Quill</h1><p>Salt Roads</p>', "upload"),
    ],
    ids=["package-titled", "author-heading"],
)
def test_an_epubs_own_title_and_an_authors_heading_read_as_before(
    package_title: str, title_page: str, title: str
) -> None:
    assert _title_page_epub(package_title, title_page).meta.title == title


# ---------------------------------------------------------------- a site generator's blocks over the story


def _post(block: str) -> Story:
    chapters = "".join(f"## Chapter {n}\n\n" + "\n\n".join(STORY) + "\n\n" for n in (1, 2))
    return read_text(f"---\ntitle: Salt Roads\nauthor: Ada Quill\n---\n\n{block}\n\n{chapters}", "salt.md")


@pytest.mark.parametrize(
    "block",
    [
        "{% comment %}\nTODO: fix the ending before posting\n{% endcomment %}",
        "{%- comment -%}\nTODO: fix the ending\n\nand Ada's age\n{%- endcomment -%}",
    ],
)
def test_a_liquid_comment_over_the_story_goes_with_its_lines(block: str) -> None:
    story = _post(block)
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]


def test_a_liquid_comment_that_declares_is_kept_to_declare() -> None:
    story = _post("{% comment %}\nCW: drowning\n{% endcomment %}")
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]
    assert "drowning" in " ".join(story.meta.declared_warnings)


def test_an_unclosed_liquid_comment_takes_its_line_alone() -> None:
    story = _post("{% comment %}\n\nThe ferry was late.")
    assert story.chapters[0].paragraphs[0] == "The ferry was late."


@pytest.mark.parametrize(
    ("block", "declared"),
    [
        (
            '{{< notice warning "Content warnings" >}}\nself-harm, drowning\n{{< /notice >}}',
            "Content warnings: self-harm, drowning",
        ),
        (
            '{{< admonition type=warning title="Content warnings" >}}\nself-harm, drowning\n{{< /admonition >}}',
            "Content warnings: self-harm, drowning",
        ),
        ("{{% notice warning %}}\nself-harm, drowning\n{{% /notice %}}", "Warning: self-harm, drowning"),
    ],
    ids=["learn", "loveit", "learn-kind"],
)
def test_a_hugo_box_over_the_story_declares(block: str, declared: str) -> None:
    story = _post(block)
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]
    assert story.meta.declared_warnings == [declared]
    assert "self-harm" in declared_ids(story.meta.declared_warnings)


def test_a_hugo_figure_and_an_unclosed_box_go_as_before() -> None:
    story = _post('{{< figure src="map.png" title="The estuary" >}}\n\n{{< notice warning "Heads up" >}}')
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY, STORY]
