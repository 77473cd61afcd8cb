"""Story pages saved from the web and word processors: the site's chrome (menus, likes, votes,
subscribe boxes, author bios, comments, footers) is not story, text the page hides is not
story, forum threadmarks name their chapters, and a contents list written a paragraph per entry
(with page numbers) is not a chapter."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story

LIMIT = 1 << 20


def _import(page: str, name: str = "story.html") -> Story:
    return import_story(page.encode(), name, max_bytes=LIMIT)


def _text(story: Story) -> str:
    return "\n".join(paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


def test_a_blog_post_keeps_its_story_and_drops_the_site_around_it() -> None:
    page = """<html><head><title>The Ferryman - Part 2</title><meta name="author" content="Odile Marsh"></head><body>
    <div class="main-menu"><a href="/">Riverside Fiction</a><a href="/subscribe">Subscribe</a></div>
    <article class="newsletter-post post">
      <h1 class="post-title">The Ferryman</h1>
      <div class="post-meta"><a href="/u/odile">Odile Marsh</a><span>Apr 2</span><div class="like-button">88</div></div>
      <div class="body markup">
        <p>The ferry left at dawn, as it always had.</p>
        <p>Nobody on the bank waved.</p>
        <div class="subscription-widget"><p>Thanks for reading! Subscribe for free to get new posts.</p></div>
        <p>The river was wider than she remembered.</p>
      </div>
      <div class="share-bar"><button>Share</button></div>
    </article>
    <div id="comments"><h4>Discussion about this post</h4><div class="comment"><p>So good!</p></div></div>
    <footer><p>2024 Odile Marsh. Privacy. Terms.</p></footer>
    </body></html>"""
    story = _import(page)
    assert story.meta.title.startswith("The Ferryman")
    assert story.meta.author == "Odile Marsh"
    assert len(story.chapters) == 1
    assert _text(story).split("\n") == [
        "The ferry left at dawn, as it always had.",
        "Nobody on the bank waved.",
        "The river was wider than she remembered.",
    ]


def test_what_lies_outside_the_one_article_is_the_sites() -> None:
    page = """<html><head><title>Night Bus | by Ravi Shah | Medium</title></head><body>
    <div><a href="/">Medium</a> <a href="/signin">Sign in</a></div>
    <article><h1>Night Bus</h1>
      <p>The night bus smelled of rain and oranges.</p>
      <p>Meera counted the stops out loud, and nobody minded.</p>
      <p>At the last stop the driver switched off the lights and waited.</p>
    </article>
    <div><h2>Written by Ravi Shah</h2><p>412 Followers</p></div>
    <div><h2>More from Ravi Shah</h2><p>Another story</p></div>
    </body></html>"""
    story = _import(page)
    assert story.meta.title == "Night Bus"
    assert len(story.chapters) == 1
    assert "Followers" not in _text(story) and "Another story" not in _text(story)
    assert _text(story).startswith("The night bus smelled")


def test_a_saved_chapter_page_loses_votes_comments_and_recommendations() -> None:
    page = """<html><head><title>Embers - Chapter 3 - Wattpad</title></head><body>
    <header id="header"><nav><a href="/home">Home</a></nav><input placeholder="Search"></header>
    <main>
      <h1>Chapter 3: Embers</h1>
      <div class="story-stats"><span>88K Reads</span><span>4K Votes</span></div>
      <div class="part-content"><pre><p>The fire had gone out hours ago.<span class="num-comment">12</span></p><p>Tess blew on the embers until her eyes stung.</p></pre></div>
      <div class="part-footer"><button>Vote</button><div class="next-part"><a href="/4">Continue to next part</a></div>
        <div class="author-info"><p>Tea addict. Follow me for updates!</p></div>
        <div id="comments"><h3>Comments</h3><p>update soon!!</p></div>
        <div class="recommended"><h3>You'll also like</h3><p>The Duke's Secret</p></div>
      </div>
    </main>
    <footer>Terms</footer></body></html>"""
    story = _import(page)
    assert [c.title for c in story.chapters] == ["Embers"]
    assert _text(story).split("\n") == [
        "The fire had gone out hours ago.",
        "Tess blew on the embers until her eyes stung.",
    ]


def test_a_wrapper_named_like_chrome_that_holds_the_story_stays() -> None:
    page = """<html><body><div class="comments-enabled story">
    <h2>Chapter 1</h2><p>The first line of the story is long enough to be most of the page.</p>
    <p>The second line follows it, and the page has little else.</p>
    <div class="comments"><p>Nice!</p></div></div></body></html>"""
    story = _import(page)
    assert _text(story).split("\n") == [
        "The first line of the story is long enough to be most of the page.",
        "The second line follows it, and the page has little else.",
    ]


def test_text_the_page_hides_is_not_story() -> None:
    page = """<html><head><title>Tidewater</title><style>
    .cjQ2YTk3{display: none; speak: never;}
    p.note{color:grey}
    </style></head><body><h1>Tidewater</h1>
    <div class="chapter-content">
      <p>The tide came in twice a day, and Jonah counted both.</p>
      <p class="cjQ2YTk3">This story has been taken without the author's permission. Report it.</p>
      <p style="display:none">Hidden by its own style.</p>
      <p hidden>Hidden by its attribute.</p>
      <p class="note">Seen: the gulls came with it.</p>
    </div></body></html>"""
    assert _text(_import(page)).split("\n") == [
        "The tide came in twice a day, and Jonah counted both.",
        "Seen: the gulls came with it.",
    ]


def _post(label: str, author: str, body: str, likes: int) -> str:
    return f"""<article class="message message--post hasThreadmark" data-author="{author}">
    <div class="message-cell message-cell--threadmark-header"><label>Threadmarks</label>
      <span class="threadmarkLabel">{label}</span></div>
    <div class="message-cell message-cell--user"><section class="message-user">
      <h4 class="message-name"><a class="username" href="/members/x.1/">{author}</a></h4>
      <h5 class="userTitle message-userTitle">Verified Lurker</h5></section></div>
    <div class="message-cell message-cell--main">
      <header class="message-attribution"><time>Jan 5, 2023</time><a href="#">#1</a></header>
      <div class="message-content"><div class="message-userContent"><article class="message-body">
        <div class="bbWrapper">{body}</div></article></div>
      <div class="message-lastEdit">Last edited: Jan 6, 2023</div></div>
      <footer class="message-footer"><a>Reply</a><div class="reactionsBar"><a>Alice and {likes} others</a></div></footer>
    </div></article>"""


def test_a_threadmarks_reader_page_splits_at_its_threadmarks() -> None:
    first = _post("Arrival", "Quillfeather", "The ship docked at noon.<br><br>Kara stepped off first.", 40)
    second = _post(
        "Interlude: The Harbourmaster", "Quillfeather", "He watched her go.<br><br>Then he shut the ledger.", 31
    )
    page = f"""<html><head><title>Threadmarks reader: Starfall | SpaceBattles</title></head><body>
    <header class="p-header"><a href="/">SpaceBattles</a></header><nav class="p-nav"><a href="/forums/">Forums</a></nav>
    <ul class="p-breadcrumbs"><li><a href="/forums/">Forums</a></li><li><a href="/forums/cw.18/">Creative Writing</a></li></ul>
    <h1 class="p-title-value">Starfall</h1>
    <div class="pageNav"><a href="?page=2">2</a><a class="pageNav-jump" href="?page=2">Next</a></div>
    {first}{second}
    <footer class="p-footer">Community platform by XenForo</footer></body></html>"""
    story = _import(page)
    assert story.meta.title == "Starfall"
    assert [c.title for c in story.chapters] == ["Arrival", "Interlude: The Harbourmaster"]
    assert ["\n\n".join(c.paragraphs) for c in story.chapters] == [
        "The ship docked at noon.\n\nKara stepped off first.",
        "He watched her go.\n\nThen he shut the ledger.",
    ]


def test_a_contents_list_a_paragraph_per_entry_with_page_numbers_is_not_a_chapter() -> None:
    page = """<html><body>
    <p class="title"><span>The Salt Road</span></p><p class="subtitle"><span>by Ines Varga</span></p>
    <p><span>Table of Contents</span></p>
    <p><a href="#h.one">Chapter One: Dust</a><span>&nbsp;</span><span>2</span></p>
    <p><a href="#h.two">Chapter Two: Rain</a><span>7</span></p>
    <h1 id="h.one">Chapter One: Dust</h1><p>The road was white with salt.</p>
    <h1 id="h.two">Chapter Two: Rain</h1><p>Rain turned it to slush.</p>
    </body></html>"""
    story = _import(page)
    assert story.meta.title == "The Salt Road"
    assert story.meta.author == "Ines Varga"
    assert [c.title for c in story.chapters] == ["Dust", "Rain"]
    assert [c.paragraphs for c in story.chapters] == [["The road was white with salt."], ["Rain turned it to slush."]]


def test_one_link_in_a_paragraph_of_its_own_stays_story() -> None:
    page = """<html><body><h1>Chapter 1</h1><p>She read the note twice.</p>
    <p><a href="#end">Skip to the end</a></p><p>Then she burned it.</p></body></html>"""
    assert _text(_import(page)).split("\n") == ["She read the note twice.", "Skip to the end", "Then she burned it."]


def test_text_sizes_read_once_agree_with_each_elements_text() -> None:
    """The chrome check reads every element's text size in one pass (a per-element get_text() was
    quadratic in the page's depth); the sizes must be what get_text() would say."""
    from bs4 import BeautifulSoup

    from bot.story.webpage import _text_sizes

    soup = BeautifulSoup(
        "<body><div class='comments'>Two <b>words</b><!-- not text --><div><p>deep er</p></div></div><p>tail</p></body>",
        "lxml",
    )
    body = soup.body
    assert body is not None
    sizes = _text_sizes(body)
    for element in [body, *body.find_all(True)]:
        assert sizes[id(element)] == len(element.get_text()), element.name
