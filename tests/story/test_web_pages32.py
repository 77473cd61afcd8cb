"""Web pages as readers save them, each misread before: a Substack post, whose "Share" button and
italic words to subscribers were posted as story text (the warning in the opening one declared
nothing); a Medium post, whose author line, "4 min read" and clap count were story text and whose
subtitle titled the chapter; a Scribble Hub chapter's view count and Patreon box; a Tumblr post
shown down a reblog chain, which named no author, kept " | a short fic" in its title and posted
the blog's chatter ("masterlist in pinned") as story."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.story.webpage import blog_chatter, stats_line, without_form_suffix
from bot.warnings.declared import map_texts


def _read(page: str, name: str = "page.html") -> Story:
    return import_story(page.encode(), name, max_bytes=1 << 20)


def _notes(story: Story) -> list[str]:
    return story.meta.notes + [note for chapter in story.chapters for note in chapter.notes]


def _text(story: Story) -> str:
    return "\n".join(paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


SUBSTACK = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Lantern Keeping - Part Two - by Odile Ferrant</title><meta name="author" content="Odile Ferrant"></head><body>
<div class="main-menu"><div class="topbar"><a class="navbar-title-link" href="https://odile.substack.com/">Harbour Letters</a>
<button class="subscribe-btn">Subscribe</button><a href="/sign-in">Sign in</a></div></div>
<div class="single-post-container"><div class="container"><div class="single-post"><article class="typography newsletter-post post">
<div class="post-header"><h1 class="post-title published">Lantern Keeping - Part Two</h1>
<div class="post-meta"><div class="pencraft">Apr 11, 2024</div><div class="post-ufi"><a class="like-button">18</a><a class="post-ufi-button">Share</a></div></div></div>
<div class="available-content"><div dir="auto" class="body markup">
<p><em>Hello again, harbour people! Catch up with <a href="#">Part One</a> first. This part carries a content warning for a house fire (off-page) and self-harm.</em></p>
<div class="subscription-widget-wrap"><div class="subscription-widget"><p class="cta-caption">Harbour Letters is a reader-supported publication.</p></div></div>
<p>The lamp went out at midnight and Noor did not light it again. The boats came in anyway, slowly, by the stars.</p>
<p><em>Nobody keeps the light for ever,</em> her mother had written. Noor read the line twice and put the letter away.</p>
<p>In the morning she climbed the stair with a new wick in her pocket.</p>
<p><em>Part Three goes out next Friday. Thank you all for reading.</em></p>
<p class="button-wrapper"><a class="button primary" href="#"><span>Share</span></a></p>
<p class="button-wrapper"><a class="button primary" href="#"><span>Subscribe now</span></a></p>
</div></div>
<div class="post-footer"><div class="post-ufi"><a class="like-button">18</a><a>Share</a></div></div></article>
<div class="comments-section"><h4>Discussion about this post</h4><div class="comment"><p>The wick! Oh.</p></div></div>
</div></div></div>
<div class="footer-wrap"><div class="footer">&copy; 2024 Odile Ferrant <a href="https://substack.com/signup">Start Writing</a></div></div>
</body></html>"""

STORY = [
    "The lamp went out at midnight and Noor did not light it again. The boats came in anyway, slowly, by the stars.",
    "Nobody keeps the light for ever, her mother had written. Noor read the line twice and put the letter away.",
    "In the morning she climbed the stair with a new wick in her pocket.",
]


def test_a_substack_posts_buttons_are_no_story() -> None:
    story = _read(SUBSTACK)
    assert [chapter.paragraphs for chapter in story.chapters] == [STORY]
    assert story.meta.author == "Odile Ferrant"


def test_a_substack_posts_italic_words_to_subscribers_are_its_notes_and_warn() -> None:
    """The italic paragraphs before the story and after it are the writer's notes; the warning in the
    opening one, among other sentences, declares (it was refused as story text's)."""
    story = _read(SUBSTACK)
    notes = _notes(story)
    assert any(note.startswith("Hello again, harbour people!") for note in notes)
    assert "Part Three goes out next Friday. Thank you all for reading." in notes
    declared = story.meta.declared_warnings + [w for chapter in story.chapters for w in chapter.declared_warnings]
    assert "self-harm" in map_texts(declared).ids


def test_a_substack_post_all_in_italics_stays_its_story() -> None:
    page = SUBSTACK.replace("<p>The lamp", "<p><em>The lamp").replace("by the stars.</p>", "by the stars.</em></p>")
    page = page.replace("<p>In the morning", "<p><i>In the morning").replace(
        "in her pocket.</p>", "in her pocket.</i></p>"
    )
    page = page.replace(
        "<p><em>Nobody keeps the light for ever,</em> her", "<p><em>Nobody keeps the light for ever, her"
    )
    page = page.replace("put the letter away.</p>", "put the letter away.</em></p>")
    story = _read(page)
    assert "Hello again, harbour people!" in _text(story)
    assert "Part Three goes out next Friday." in _text(story)


def test_a_paragraph_that_speaks_of_sharing_and_buttons_stays() -> None:
    page = SUBSTACK.replace(
        "<p>In the morning",
        '<p class="lede">She would share the button tin with him, the subscription to the almanac too.</p><p>In the morning',
    )
    assert "She would share the button tin with him, the subscription to the almanac too." in _text(_read(page))


MEDIUM = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Salt Road. A short story | by Tamsin Hale | Mar, 2023 | Medium</title><meta name="author" content="Tamsin Hale"></head><body>
<div id="root"><div class="a b"><nav><a href="https://medium.com/">Medium</a><a href="/m/signin">Sign in</a></nav>
<article><div class="l"><section><div class="ab ca"><div class="hp"><h1 id="a1b2" class="pw-post-title">Salt Road</h1></div>
<h2 id="c3d4" class="pw-subtitle-paragraph">A short story</h2>
<div class="speechify-ignore"><div class="pw-author"><a rel="noopener follow" href="/@tamsinhale">Tamsin Hale</a></div><span>·</span>
<div><span data-testid="storyReadTime">4 min read</span><span>·</span><span data-testid="storyPublishDate">Mar 9, 2023</span></div>
<div class="clap-count"><p>208</p></div></div></div>
<p id="e5f6" class="pw-post-body-paragraph">The salt road ran straight to the sea and nobody walked it after dark.</p>
<p id="a7b8" class="pw-post-body-paragraph">Ines walked it once, the year her brother left, and came back with her shoes white to the ankle.</p>
</section></div></article>
<div class="speechify-ignore"><div class="pw-multi-vote-count"><p>208</p></div><div><h2 class="pw-author-name">Written by Tamsin Hale</h2><p>310 Followers</p></div>
<div><h2>More from Tamsin Hale</h2><div><h2>The Glass Month</h2><p>It snowed for thirty days.</p></div></div></div>
</div></div></body></html>"""


def test_a_medium_posts_byline_counts_and_subtitle_are_no_story() -> None:
    story = _read(MEDIUM)
    assert (story.meta.title, story.meta.author) == ("Salt Road", "Tamsin Hale")
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        (
            None,
            [
                "The salt road ran straight to the sea and nobody walked it after dark.",
                "Ines walked it once, the year her brother left, and came back with her shoes white to the ankle.",
            ],
        )
    ]


def test_a_medium_subtitle_of_a_sentence_is_the_summary() -> None:
    story = _read(MEDIUM.replace(">A short story<", ">in which Ines walks to the sea at night<"))
    assert story.meta.summary == "in which Ines walks to the sea at night"
    assert [chapter.title for chapter in story.chapters] == [None]


def test_a_second_heading_a_class_calls_no_subtitle_still_heads_its_chapter() -> None:
    page = MEDIUM.replace('class="pw-subtitle-paragraph"', 'class="pw-post-heading"')
    assert [chapter.title for chapter in _read(page).chapters] == ["A short story"]


SCRIBBLE_HUB = """<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8">
<title>Ember and Iron - Chapter 4: The Forge | Scribble Hub</title></head><body>
<div id="menu_wrap"><a href="https://www.scribblehub.com/">Scribble Hub</a> <a href="/login/">Login</a></div>
<div class="site-content-contain"><div id="main read chapter">
<div class="wi_fic_title"><div class="chp_byauthor"><a href="https://www.scribblehub.com/series/12345/ember-and-iron/"><span class="fic_title">Ember and Iron</span></a>
<span class="chp_byauthor">by <a href="https://www.scribblehub.com/profile/777/ashmarch/">ashmarch</a></span></div></div>
<div class="chapter-title">Chapter 4: The Forge</div>
<div class="chp_info"><span class="cp_views">3,918 Views</span> <span class="cp_time">Aug 21, 2023</span></div>
<div id="chp_contents" class="chp_raw">
<p>The forge had been cold for a month when Bren lit it again.</p>
<p>She worked until her arms shook, and the blade came out crooked, and she began again.</p>
</div>
<div class="chp_byauthor_bot"><a href="https://www.patreon.com/ashmarch">Support ashmarch on Patreon</a></div>
<div class="chapter-nav-bottom"><a class="btn-prev" href="#">Previous</a><a class="btn-next" href="#">Next</a></div>
</div></div><footer><p>Scribble Hub &copy; 2023.</p></footer></body></html>"""


def test_a_scribble_hub_chapters_view_count_and_patreon_box_are_no_story() -> None:
    story = _read(SCRIBBLE_HUB)
    assert (story.meta.title, story.meta.author) == ("Ember and Iron", "ashmarch")
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        (
            "The Forge",
            [
                "The forge had been cold for a month when Bren lit it again.",
                "She worked until her arms shook, and the blade came out crooked, and she began again.",
            ],
        )
    ]


def test_a_sentence_with_a_patreon_link_in_it_stays() -> None:
    line = "She sold the blade, and told nobody, not even the people on her Patreon."
    page = SCRIBBLE_HUB.replace(
        "<p>She worked",
        '<p>She sold the blade, and told nobody, not even the people on her <a href="https://patreon.com/bren">Patreon</a>.</p><p>She worked',
    )
    assert line in _text(_read(page))


@pytest.mark.parametrize(
    ("line", "site"),
    [
        ("3,918 Views Aug 21, 2023", True),
        ("4 min read·Mar 9, 2023", True),
        ("18 likes · 4 comments", True),
        ("Aug 21, 2023", False),  # a diary's date heading
        ("3,918 views.", False),  # one count alone may be the story's
        ("208", False),
        ("By March 9, 2023 the post had 3,918 views.", False),
    ],
)
def test_a_line_of_only_counts_and_dates_is_the_sites(line: str, site: bool) -> None:
    assert stats_line(line) is site


def test_a_line_of_counts_in_a_story_page_goes_and_a_date_line_stays() -> None:
    page = SCRIBBLE_HUB.replace("<p>She worked", "<p>Aug 22, 2023</p><p>She worked")
    assert "Aug 22, 2023" in _text(_read(page))


TUMBLR_CHAIN = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Tumblr: quietharbour — low tide | a short fic</title></head><body>
<header class="site-header"><a href="https://www.tumblr.com/">tumblr</a> <a href="/login">Log in</a></header>
<main><article class="post">
<header class="post-header"><a class="reblogger" href="https://www.tumblr.com/fernfic">fernfic</a> reblogged
<a href="https://www.tumblr.com/quietharbour">quietharbour</a></header>
<div class="reblog-list">
<div class="reblog-item original"><div class="reblog-header"><a class="reblog-author" href="https://www.tumblr.com/quietharbour">quietharbour</a></div>
<div class="reblog-content"><h1>low tide | a short fic</h1>
<p>pairing: none | 700 words | tw: drowning, death</p>
<p>my fics are all in the masterlist, send me an ask if you want a part two!</p>
<p>The tide went out further than anyone in the village could remember, and the drowned church came up out of the sand.</p>
<p>Wren walked out to it barefoot and rang the bell once, and the sea came back.</p>
</div></div>
<div class="reblog-item"><div class="reblog-header"><a class="reblog-author" href="https://www.tumblr.com/fernfic">fernfic</a></div>
<div class="reblog-content"><p>RANG THE BELL ONCE. i am unwell</p></div></div>
</div>
<div class="post-tags"><a class="tag" href="/tagged/my%20writing">#my writing</a> <a class="tag" href="/tagged/tw%20death">#tw death</a></div>
<footer class="post-footer"><span class="note-count">1,102 notes</span></footer>
</article></main>
<ol class="notes"><li class="note"><a href="https://www.tumblr.com/bluebirdreads">bluebirdreads</a> reblogged this</li></ol>
</body></html>"""


def test_a_tumblr_post_down_a_reblog_chain_is_its_original_posters() -> None:
    story = _read(TUMBLR_CHAIN)
    assert (story.meta.title, story.meta.author) == ("low tide", "quietharbour")
    assert [chapter.paragraphs for chapter in story.chapters] == [
        [
            "The tide went out further than anyone in the village could remember, and the drowned church came up out of the sand.",
            "Wren walked out to it barefoot and rang the bell once, and the sea came back.",
        ]
    ]
    assert "my fics are all in the masterlist, send me an ask if you want a part two!" in _notes(story)


def test_a_list_of_notes_names_no_writer() -> None:
    """A post with no chain, only its notes ("bluebirdreads reblogged this"), names nobody from them."""
    page = TUMBLR_CHAIN.replace('class="reblog-list"', 'class="post-body"').replace("reblog-item", "entry")
    page = page.replace("reblog-header", "entry-head").replace("reblog-author", "entry-author")
    assert _read(page).meta.author != "bluebirdreads"


@pytest.mark.parametrize(
    ("title", "kept"),
    [
        ("low tide | a short fic", "low tide"),
        ("low tide | oneshot", "low tide"),
        ("low tide | a poem", "low tide"),
        ("Love | Story", "Love | Story"),
        ("Cats | Dogs", "Cats | Dogs"),
    ],
)
def test_a_titles_kind_of_writing_after_a_bar_goes(title: str, kept: str) -> None:
    assert without_form_suffix(title) == kept


@pytest.mark.parametrize(
    ("text", "chatter"),
    [
        ("ask me about it! masterlist in pinned.", True),
        ("requests are open <3", True),
        ("She pinned the map to the wall and sent him a letter.", False),
        ("The master list of names ran to four pages.", False),
        ('"Check the masterlist," he said.', False),
    ],
)
def test_a_blog_writers_word_about_the_blog(text: str, chatter: bool) -> None:
    assert blog_chatter(text) is chatter


TUMBLR_TEXT = """quietharbour

the bell at low tide | a short fic

tw: drowning, death

The tide went out further than anyone could remember, and the drowned church came up out of the sand.

Wren walked out to it barefoot and rang the bell once, and the sea came back.

#my writing #short fic #tw death

fernfic

RANG THE BELL ONCE. i am unwell

saltmarsh-reads

reblogging this forever

1,102 notes
"""


def test_a_tumblr_post_copied_as_text_is_the_post_without_its_reblogs() -> None:
    story = _read(TUMBLR_TEXT, "copied.txt")
    assert (story.meta.title, story.meta.author) == ("the bell at low tide", "quietharbour")
    assert [chapter.paragraphs for chapter in story.chapters] == [
        [
            "The tide went out further than anyone could remember, and the drowned church came up out of the sand.",
            "Wren walked out to it barefoot and rang the bell once, and the sea came back.",
        ]
    ]
    assert story.meta.additional_tags == ["my writing", "short fic", "tw death"]


def test_a_story_ending_on_a_characters_hashtags_keeps_them() -> None:
    text = "The Post\n\nShe typed it with shaking hands.\n\nfinally home #blessed #nofilter\n\n#blessed #nofilter\n"
    story = _read(text, "post.txt")
    assert story.chapters[-1].paragraphs[-1] == "#blessed #nofilter"
