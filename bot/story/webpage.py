"""A story saved as a web page, without the page around it.

Readers save a chapter straight from the site (Royal Road, Wattpad, a SpaceBattles threadmarks
reader, Substack, Medium, Tumblr): the story sits among the site's header and menus, "Next
chapter" buttons, like and vote counts, author bios, subscribe boxes, comments and the footer.
None of that is story. Sites mark it the same few ways, so it is recognised by those marks,
not site by site: the elements HTML has for it (``<nav>``, ``<footer>``, ``<aside>``, a page-level
``<header>``, landmark roles, buttons) and class or id names made of the words sites use for
it ("comments", "sidebar", "share", "author-bio", "reactionsBar" ...). An element holding most
of the page's text is never dropped, whatever its name: a wrapper called "comments-enabled
story" is still the story. What the markup leaves unmarked is known by its words: a line of only
counts and dates ("1,204 Views Jun 3, 2022"), a lone link to the writer's Patreon, a Tumblr
writer's word about the blog ("masterlist in pinned", a note).

Forum threadmarks (XenForo's ``threadmarkLabel``) name the chapter each post is: the label
becomes that post's heading, so a reader-mode page splits where the author's threadmarks do.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from bs4 import Comment, NavigableString, PageElement, Tag

from bot.story.contents_lists import contents_label
from bot.story.forum_text import THREAD_STATUS
from bot.story.front_pages import names_divider
from bot.story.structure import MONTHS, Heading, Item, Para, match_heading
from bot.story.tag_index import tags_changed

# (A <select> is a menu: Quotev's chapter menu, its entries run together, was a heading over nothing.)
_CHROME_TAGS = frozenset(["footer", "aside", "button", "input", "textarea", "label", "select"])
_CHROME_ROLES = frozenset(["navigation", "banner", "contentinfo", "complementary", "button", "search", "menu"])
# Words of a class or id that name page chrome, read as whole words ("comments-container",
# "reactionsBar" and "p-footer" hold one; "userstuff" and "headline" do not).
_CHROME_WORDS = frozenset(
    [
        "comment",
        "comments",
        "commentlist",
        "respond",
        "breadcrumb",
        "breadcrumbs",
        "navbar",
        "nav",
        "navigation",
        "menu",
        "pagenav",
        "pagination",
        "pager",
        "sidebar",
        "share",
        "sharing",
        "social",
        "related",
        "relatedposts",  # WordPress's Jetpack: its "Related" heading and cards under a post
        "sharedaddy",  # Jetpack's "Share this:" and "Like this:" boxes
        "recommended",
        "recommendations",
        "subscribe",
        "subscription",
        "newsletter",
        "footer",
        "reactions",
        "reaction",
        "actionbar",
        "vote",
        "votes",
        "like",
        "likes",
        "kudos",
        "advert",
        "advertisement",
        "ads",
        "ad",  # Scribble Hub's "chp_ad" box under a chapter
        "banner",  # a site's strip over the page: Google Docs' "Published using Google Docs" banners
        "banners",
        "cookie",
        "cookies",
        "toolbar",
        "avatar",
        "username",
        "usertitle",
        "attribution",
        "lastedit",
        "masthead",
        "bio",
        "signup",
        "reblog",
        # a link set as a button (Substack's "Share" and "Subscribe now" in ``<p class="button-wrapper">``)
        "button",
        "btn",
        "currents",  # LiveJournal's "Current mood:" / "Current music:" box under an entry
        "clap",  # Medium's count of its readers' claps, its likes
        "claps",
        # MediaWiki's (Wikisource's): what its pages mark as not to be printed, the "[edit]" links by
        # each heading, the categories, the "Retrieved from ..." line and the licence banner
        "noprint",
        "noexport",
        "editsection",
        "catlinks",
        "printfooter",
        # a forum post's signature under it (XenForo's "message-signature", phpBB's "signature",
        # vBulletin's "signaturecontainer"): the poster's links to their other threads, on every post
        "signature",
        "signaturecontainer",
        # a paid serial's offer under the free text: Kindle Vella's "token-unlock" ("Unlock episode 4
        # with 18 tokens"), a "paywall" box
        "unlock",
        "paywall",
        "jumpmenu",  # eFiction's chapter menu and its "Reviews (3)" link over and under a chapter
        "postprofile",  # phpBB's poster box beside a post: the name, "Storyteller", "Posts: 212"
    ]
)
# Pairs of words that together name chrome where each alone may not.
_CHROME_PAIRS = frozenset(
    [
        ("read", "more"),
        ("credit", "bar"),  # new Reddit's post head: its community, its age and its poster ("r/nosleep • 3 yr. ago")
        ("author", "info"),
        ("author", "bio"),
        ("about", "author"),
        ("author", "note"),
        ("next", "part"),
        ("nav", "buttons"),
        ("post", "footer"),
        ("post", "meta"),
        ("post", "feeds"),
        ("feed", "links"),
        ("entry", "footer"),
        ("story", "stats"),
        ("num", "comment"),
        ("site", "header"),
        ("header", "outer"),  # Blogger's blog header: its name and its "short fiction, mostly ghosts"
        ("p", "header"),
        ("page", "header"),
        ("post", "tags"),
        # Wikidot's rating box over a page, its "page revision: 14" line and its Edit/Rate/Tags buttons
        ("rate", "widget"),
        ("top", "bar"),  # a site's strip of links over the page (Wikidot's "top-bar" menu)
        ("side", "bar"),
        # Firefox's Reader View saved: its header (the site's address, the page's <title>, "4-5 minutes") and message box
        ("reader", "header"),
        ("reader", "message"),
        ("page", "info"),
        ("page", "options"),
        # LiveJournal's and Dreamwidth's links under an entry: "Share", "Link", "12 comments", "Reply",
        # "Add Memory", "Next Entry", and Dreamwidth's sidebar of the journal's pages ("module-navlinks")
        ("interaction", "links"),
        ("management", "links"),
        ("module", "navlinks"),
        # ... and Dreamwidth's entry's "Mood:", "Music:" and "Location:" lines over or under it
        ("top", "metadata"),
        ("bottom", "metadata"),
        ("last", "edit"),
        # A reader's menu of the story's parts (Wattpad's "table-of-contents" dropdown over the text).
        ("of", "contents"),
        # Text only a screen reader speaks (XenForo's "u-srOnly" "Thread starter", WordPress's
        # "screen-reader-text" "Posted on"): no reader of the page sees it.
        ("jump", "link"),  # "Jump to navigation"
        ("license", "container"),  # Wikisource's licence banner under the text
        ("license", "banner"),
        ("sr", "only"),
        ("screen", "reader"),
        ("visually", "hidden"),
        # What Medium marks for its text-to-speech to skip: the author's name, "6 min read", the claps,
        # the "Follow" and "Share" buttons, the tags and "More from" under the post.
        ("speechify", "ignore"),
        # Discourse's line over a post: the poster's names and the post's date ("Jan 3")
        ("meta", "data"),
        ("post", "infos"),
        ("post", "date"),
        ("post", "published"),  # Patreon's data-tag="post-published-at": "March 3" over the post
    ]
)
# Whole names of chrome whose words alone say too little.
_CHROME_NAMES = frozenset(
    # XenForo's poster box, and the thread's "Thread starter" and "Start date" line under its title.
    # ... and the bar over and under a thread's posts: its pages, "Reader mode", "Threadmarks".
    ["message-user", "message-cell--user", "message-footer", "p-header", "p-footer", "p-description", "block-outer"]
)
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# An element holding more than this share of the page's text is kept whatever it is called.
_MOST_OF_PAGE = 0.5
_CONTENT_TAGS = ("article", "main")
_THREADMARK_CELL = re.compile(r"threadmark-header")
_POST_TAGS = ("article", "li")  # XenForo's post: an <article>, in older themes an <li>
_POST_TEXT = ("bbWrapper", "messageText")  # its text (XenForo 2, XenForo 1)
# Set on an element whose lines are text, never headings (see _threadmark_headings).
TEXT_ONLY = "data-dogear-text-only"


def strip_page_chrome(body: Tag) -> Tag:
    """The story's part of ``body`` without the site's chrome (see the module docstring).

    A page whose one ``<article>`` or ``<main>`` holds most of its text is that element: what
    lies outside it (the blog's name, "Written by", "More from") is the site's.
    """
    thread_title = _threadmark_headings(body)
    sizes: dict[int, int] = {}

    def size(element: Tag) -> int:  # every size at once, the first time one is asked (never, on a page without chrome)
        if not sizes:
            sizes.update(_text_sizes(body))
        return sizes[id(element)]

    for element in _chrome(body, size):
        _remove_chrome(element, body)
    for link in _patronage_links(body):
        _remove_chrome(link, body)
    for box in _action_boxes(body):
        if box.parent is not None:
            _remove_chrome(box, body)
    for footer in _mailer_footers(body):
        if footer.parent is not None:
            _remove_chrome(footer, body)
    main = _main_content(body)
    # A page of one threadmarked post is that post's <article>: the thread's title over it (and its
    # fandom's field) go with it, or the story was titled by the <title>, "Ranger [Worm] | Page 3".
    for node in reversed(thread_title):
        if main is not body and node.parent is not None and not any(parent is main for parent in node.parents):
            main.insert(0, node.extract())
    return main


# What a newsletter's mailer sets under every email (Substack, Mailchimp, Buttondown): its links.
_MAILER_LINKS = frozenset(
    [
        "unsubscribe",
        "unsubscribe here",
        "view in browser",
        "view online",
        "view this email in your browser",
        "manage preferences",
        "update your preferences",
        "manage your subscription",
        "manage subscription",
    ]
)
_MAILER_FOOTER_CHARS = 400  # its "You're receiving this because you subscribed to ..." and the links
_MAILER_LINKS_MOST = 200


def _mailer_footers(body: Tag) -> list[Tag]:
    """The block under a newsletter saved from the inbox that holds its mailer's links ("Unsubscribe |
    View in browser") and a line about them: read as text, "You're receiving this because you
    subscribed" closed the story. Only a short block: a long paragraph with such a link is the story's."""
    found: list[Tag] = []
    for link in body.find_all("a", limit=_MAILER_LINKS_MOST):
        if squeezed_text(link).casefold().rstrip(".") not in _MAILER_LINKS:
            continue
        block = link.find_parent(["p", "td", "div", "footer", "table"])
        if isinstance(block, Tag) and block is not body and len(squeezed_text(block)) <= _MAILER_FOOTER_CHARS:
            found.append(block)
    return found


# Where readers pay a writer: Patreon, Ko-fi, Buy Me a Coffee, SubscribeStar, Liberapay, PayPal.me.
_PATRONAGE = re.compile(
    r"^https?://(?:[a-z0-9-]+\.)*(?:patreon\.com|ko-fi\.com|buymeacoffee\.com|subscribestar\.(?:com|adult)"
    r"|liberapay\.com|paypal\.me)(?:[/?#]|$)",
    re.IGNORECASE,
)
_PATRONAGE_MOST = 50  # such links looked at on a page: each reads its parent's text once


def _patronage_links(body: Tag) -> list[Tag]:
    """Links to where readers pay the writer, each alone in its box: Scribble Hub's "Support cindervale
    on Patreon" under the chapter, a blog's "Buy me a coffee". The site's plea, not story; a sentence of
    the text with such a link in it ("my Patreon is two chapters ahead") says more and stays."""
    found: list[Tag] = []
    for link in body.find_all("a", href=_PATRONAGE, limit=_PATRONAGE_MOST):
        parent = link.parent
        if parent is not body and alone_in_parent(link):
            found.append(link)
    return found


# What a reading site's buttons under a chapter say, set as links: Royal Road's "Follow" and "Favorite",
# FanFiction.net's "Review", a blog's "Reblog".
_ACTIONS = frozenset(
    [
        "follow",
        "favorite",
        "favourite",
        "subscribe",
        "bookmark",
        "review",
        "like",
        "share",
        "reblog",
        "report",
        "add to library",
        "leave a review",
        "write a review",
        # the links to a serial's other chapters set as buttons (Webnovel's, Kindle Vella's)
        "previous chapter",
        "next chapter",
        "previous episode",
        "next episode",
        "report chapter",
    ]
)
_ACTION_BUTTONS_MOST = 12  # links in a box of buttons
_ACTION_GAP = re.compile(r"[\s|·•/,]*")


def _action_boxes(body: Tag) -> list[Tag]:
    """The boxes that hold nothing but a site's buttons set as links ("Follow Favorite" under a Royal
    Road chapter, "Review" under FanFiction.net's mobile page): read as text, they closed the story.
    A box with a word besides its buttons ("Follow me for more!") is left to the text. Only the
    box's own children are read, each link's text once: one pass over the page's links."""
    found: list[Tag] = []
    seen: set[int] = set()
    for link in body.find_all("a"):
        words = link.contents[0] if len(link.contents) == 1 else None
        if not isinstance(words, NavigableString) or " ".join(words.split()).casefold() not in _ACTIONS:
            continue
        parent = link.parent
        if not isinstance(parent, Tag) or parent is body or id(parent) in seen:
            continue
        seen.add(id(parent))
        children = [
            child
            for child in parent.contents
            if not (isinstance(child, NavigableString) and _ACTION_GAP.fullmatch(child) is not None)
        ]
        if len(children) <= _ACTION_BUTTONS_MOST and all(_action_link(child) for child in children):
            found.append(parent)
        elif own_line(link):
            found.append(link)  # a button on a line of its own among the boxes under a chapter ("Report chapter")
    return found


_BLOCK_TAGS = frozenset(
    ["div", "p", "section", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "header"]
)


def own_line(link: Tag) -> bool:
    """Whether a link stands between blocks, with no words of a sentence beside it."""
    for sibling in (link.previous_sibling, link.next_sibling):
        if isinstance(sibling, NavigableString):
            if sibling.strip():
                return False
            sibling = sibling.previous_sibling if sibling is link.previous_sibling else sibling.next_sibling
        if sibling is not None and not (isinstance(sibling, Tag) and sibling.name in _BLOCK_TAGS):
            return False
    return link.previous_sibling is not None or link.next_sibling is not None


# A link to the chapter before or after a serial's page: Royal Road's and Scribble Hub's buttons,
# a blog serial's "« Previous Chapter".
_CHAPTER_LINK = re.compile(
    r"^[«‹<←\s]*(?:previous|prev\.?|next)[ \t]+(?:chapter|part|episode)[»›>→\s]*$", re.IGNORECASE
)
_CHAPTER_LINKS_MOST = 500  # links looked at on a page, each its text once


def chapter_links(body: Tag) -> bool:
    """Whether the page links to the chapters either side of it ("Previous Chapter", "Next Chapter"):
    a serial's chapter page, whose <title> names the chapter and then the story. Read before the
    page's chrome goes, as the links go with it."""
    return any(_CHAPTER_LINK.match(squeezed_text(link)) for link in body.find_all("a", limit=_CHAPTER_LINKS_MOST))


def _action_link(element: PageElement) -> bool:
    return isinstance(element, Tag) and element.name == "a" and squeezed_text(element).casefold() in _ACTIONS


def squeezed_text(element: Tag) -> str:
    """An element's text on one line, its runs of whitespace one space each."""
    return " ".join(element.get_text(" ").split())


def alone_in_parent(element: Tag) -> bool:
    """Whether an element is all its parent's text ("<p><a href=...>Stories</a></p>")."""
    parent = element.parent
    return isinstance(parent, Tag) and squeezed_text(parent) == squeezed_text(element)


def _remove_chrome(element: Tag, body: Tag) -> None:
    """Take ``element`` out, and the elements it leaves empty: a box that held only a button
    ("Click to expand...") is the site's too, not a blank line the author left between scenes."""
    parent = element.parent
    element.decompose()
    while isinstance(parent, Tag) and parent is not body and _emptied(parent):
        element, parent = parent, parent.parent
        element.decompose()


def _emptied(element: Tag) -> bool:
    """No element and no text left in it (whitespace aside): only its own children are read."""
    return all(isinstance(child, NavigableString) and not child.strip() for child in element.contents)


def _text_sizes(root: Tag) -> dict[int, int]:
    """The length of every element's text, by ``id``, in one pass from the leaves up.

    Asking each element for its ``get_text()`` reads its whole subtree again: a hostile page of
    8,000 nested "comments" divisions took 6.5 s that way, growing with the square of the depth.
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[Tag, bool]] = [(root, False)]
    while stack:
        element, children_done = stack.pop()
        if children_done:
            sizes[id(element)] = sum(
                sizes[id(child)] if isinstance(child, Tag) else len(child)
                for child in element.contents
                if isinstance(child, Tag) or (isinstance(child, NavigableString) and not isinstance(child, Comment))
            )
            continue
        stack.append((element, True))
        stack.extend((child, False) for child in element.contents if isinstance(child, Tag))
    return sizes


def _chrome(body: Tag, size: Callable[[Tag], int]) -> list[Tag]:
    """The outermost chrome elements; one holding most of the page is looked inside instead."""
    found: list[Tag] = []
    stack = [child for child in reversed(body.contents) if isinstance(child, Tag)]
    while stack:
        element = stack.pop()
        if _is_chrome(element) and size(element) <= size(body) * _MOST_OF_PAGE:
            found.append(element)
        elif _text_header(element):  # the part's title is kept, its counts and links beside it are not
            children = [child for child in element.contents if isinstance(child, Tag)]
            found.extend(child for child in children if child.name not in _HEADINGS and child.find(_HEADINGS) is None)
            stack.extend(child for child in reversed(children) if child.name in _HEADINGS or child.find(_HEADINGS))
        else:
            stack.extend(child for child in reversed(element.contents) if isinstance(child, Tag))
    return found


def _main_content(body: Tag) -> Tag:
    """The page's one outermost ``<article>``/``<main>`` when it holds most of the text, else ``body``."""
    outermost = [tag for tag in body.find_all(_CONTENT_TAGS) if tag.find_parent(_CONTENT_TAGS) is None]
    if len(outermost) == 1 and len(outermost[0].get_text()) > len(body.get_text()) * _MOST_OF_PAGE:
        return _main_article(outermost[0])
    return body


_CARD_WORDS = 60  # a card for another post: its title and a line or two of its excerpt
_CARD_LINKED = 0.8


def _main_article(main: Tag) -> Tag:
    """Inside a page's ``<main>``, the one ``<article>`` holding most of its text: a blog's post, the
    cards of its other posts after it ("Read more", as Ghost's themes set them) the site's. Read
    with the ``<main>``, those cards were a chapter of their own. Only where every other article is
    a card (a few words, nearly all a link): the posts of a thread are read together, as before."""
    if main.name != "main":
        return main
    articles = [tag for tag in main.find_all("article") if tag.find_parent("article") is None]
    if len(articles) < 2:
        return main
    sizes = [(len(article.get_text()), index) for index, article in enumerate(articles)]
    largest, index = max(sizes)
    if largest <= len(main.get_text()) * _MOST_OF_PAGE:
        return main
    others = (article for position, article in enumerate(articles) if position != index)
    if not all(_card(article) for article in others):
        return main  # posts of a thread, each a chapter or a reply: read together, as before
    return articles[index]


def _card(article: Tag) -> bool:
    """A card for another post: a few words, nearly all of them a link to it."""
    text = squeezed_text(article)
    if len(text.split()) > _CARD_WORDS:
        return False
    linked = sum(len(squeezed_text(link)) for link in article.find_all("a") if link.find_parent("a") is None)
    return linked >= len(text) * _CARD_LINKED


def _is_chrome(element: Tag) -> bool:
    if element.name in _CHROME_TAGS or element.get("role") in _CHROME_ROLES:
        return True
    if element.name == "header" and element.find_parent(_CONTENT_TAGS) is None and not _heads_text(element):
        return True
    names = _names(element)
    return any(_names_chrome(name) for name in names) or _site_header(element, names)


_HEADER_WORDS = frozenset(["header", "head", "topbar"])
_HOME_PATHS = frozenset(
    ["", "/", "./", "index.html", "/index.html", "index.htm", "/index.htm", "index.php", "/index.php"]
)


def _site_header(element: Tag, names: list[str]) -> bool:
    """A site's header set as a division (``<div id="header">``, Webnovel's "g_header", Kindle Vella's
    "vella-header", Wikidot's "header"): named a header, outside any article, holding a link to the
    site's home page and no heading of its own words before one that links home. Read as text, the
    site's name and its menu ("Kindle VellaBrowse") were the story's first chapter and its title.
    A story's header (Royal Road's "fic-header", an "episode-header") links to no home page."""
    if not any(word in _HEADER_WORDS for name in names for word in _words(name)):
        return False
    if element.name in _HEADINGS or element.find_parent(_CONTENT_TAGS) is not None:
        return False
    home = element.find("a", href=_home_link)
    if home is None:
        return False
    for heading in element.find_all(_HEADINGS):
        if heading.find("a", href=_home_link) is not None:
            return True
        if squeezed_text(heading):
            return False  # a heading of the page's own before any link home: a title block
    return True


def site_header_name(body: Tag) -> str | None:
    """The site's name as its header's link home gives it ("Hollowmark Wiki"), read before the header
    goes with the page's chrome: a page's <title> ends with it ("The Paper Crane Protocol - Hollowmark
    Wiki") where no ``og:site_name`` names the site."""
    for element in body.find_all(_named_header, limit=_HEADER_LINKS_MOST):
        if _site_header(element, _names(element)):
            home = element.find("a", href=_home_link)
            name = squeezed_text(home) if isinstance(home, Tag) else ""
            return name.strip("~ ") or None
    return None


def _named_header(element: Tag) -> bool:
    if "class" not in element.attrs and "id" not in element.attrs:
        return False  # (most elements: asked of every one on the page)
    return any(word in _HEADER_WORDS for name in _names(element) for word in _words(name))


def _home_link(href: object) -> bool:
    """Whether a link's address is a site's home page ("/", "https://example.com/")."""
    if not isinstance(href, str):
        return False
    parts = urlsplit(href.strip())
    return (
        parts.path in _HOME_PATHS
        and not parts.query
        and not parts.fragment
        and (bool(parts.netloc) or href.strip() in _HOME_PATHS)
    )


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HEADINGS_MOST = 1_000  # headings counted on a page: a bounded pass


def _text_header(element: Tag) -> bool:
    """A page-level ``<header>`` that heads the text (:func:`_heads_text`)."""
    return element.name == "header" and element.find_parent(_CONTENT_TAGS) is None and _heads_text(element)


def _heads_text(header: Tag) -> bool:
    """Whether a ``<header>`` outside any ``<article>`` is the header of the text, not of the page:
    it holds a heading of its own words and no menu. Wattpad's reader heads each part with
    ``<header><h1 class="h2">Sunflowers</h1><div class="meta">...</div></header>``, the part's title;
    a site's or a blog's header holds its menu (``<nav>``) or names the site by a link home
    (``<h1><a href="/">moonlitpages</a></h1>``), and a book's title block heads chapters with
    headings of their own (Pandoc's ``<header id="title-block-header">``). Only its headings are kept: the read and vote
    counts and the "Start from the beginning" link beside the title are the site's."""
    if header.find(["nav", "menu"]) is not None or header.find(attrs={"role": "navigation"}) is not None:
        return False
    page = header
    while isinstance(page.parent, Tag):
        page = page.parent
    if len(page.find_all(_HEADINGS, limit=_HEADINGS_MOST)) > len(header.find_all(_HEADINGS)):
        return False  # the page's chapters have headings of their own: this one is a title block (Pandoc's)
    for heading in header.find_all(_HEADINGS):
        words = squeezed_text(heading)
        linked = " ".join(squeezed_text(link) for link in heading.find_all("a"))
        if words and len(linked) < len(words) / 2:
            return True
    return False


def _names(element: Tag) -> list[str]:
    # A custom element's own name names it as a class would: new Reddit's "shreddit-comment-tree".
    custom = [element.name] if "-" in element.name else []
    attrs = element.attrs  # (read directly: Tag.get is attrs.get behind a call, asked ~100,000 times a page)
    if not attrs:
        return custom
    classes = attrs.get("class") or []
    names = custom + ([classes] if isinstance(classes, str) else list(classes))
    element_id = attrs.get("id")
    if isinstance(element_id, str):
        names.append(element_id)
    # A name a site's own scripts and tests give an element where its classes are generated ("a b c"):
    # Patreon's data-tag="post-tags", Medium's data-testid="authorName".
    for attribute in _NAMING_ATTRIBUTES:
        if attribute in attrs:
            value = attrs[attribute]
            if isinstance(value, str):
                names.append(value)
    return names


_NAMING_ATTRIBUTES = ("data-tag", "data-testid", "data-hook", "slot")


@functools.lru_cache(maxsize=4096)
def _words(name: str) -> tuple[str, ...]:
    """A class or id's words in lower case ("reactionsBar": "reactions", "bar"), split once per name:
    a page names thousands of elements with the same few."""
    return tuple(word for word in _WORD_SPLIT.split(_CAMEL.sub("-", name).lower()) if word)


@functools.lru_cache(maxsize=4096)
def _names_chrome(name: str) -> bool:
    if name.lower() in _CHROME_NAMES:
        return True
    words = _words(name)
    if any(word in _CHROME_WORDS for word in words):
        return True
    return any(pair in _CHROME_PAIRS for pair in itertools.pairwise(words))


_NOTE_WORDS = frozenset(["authornote", "authornotes", "authorsnote", "authorsnotes"])
_NOTE_PAIRS = frozenset(itertools.product(("author", "authors"), ("note", "notes")))


def names_author_note(element: Tag) -> bool:
    """Whether the element's class or id calls it the author's note: Royal Road's
    "author-note-portlet", Scribble Hub's "wi_authornotes", an "authorsNote" box."""
    for name in _names(element):
        words = _words(name)
        if any(word in _NOTE_WORDS for word in words) or any(pair in _NOTE_PAIRS for pair in itertools.pairwise(words)):
            return True
    return False


def _threadmark_headings(body: Tag) -> list[Tag]:
    """A forum post's threadmark label ("Chapter 1.1") becomes the heading over its post.

    The post's text is then marked :data:`TEXT_ONLY`: the author's threadmarks are the page's
    chapters, and a bold "Omake: The Other Side" line inside a post is part of that post.
    Returns the thread's title heading and its fandom's field (see :func:`_thread_title_tag`).
    """
    labels = body.find_all(class_="threadmarkLabel")
    for label in labels:
        text = label.get_text(" ", strip=True)
        cell = label.find_parent(class_=_THREADMARK_CELL) or label
        post = cell.find_parent(_POST_TAGS)
        for post_text in post.find_all(class_=_POST_TEXT) if post is not None else ():
            post_text[TEXT_ONLY] = ""
        heading = Tag(name="h2")
        heading.string = text
        cell.replace_with(heading)
    return _thread_title_tag(body) if labels else []


# A forum thread's title ends with what it is a story of, in brackets: "Brockton Bay Ranger [Worm/Pokemon]",
# "Iron and Ember (Original Fiction)"; or with how far it has got, "[Complete]".
_THREAD_TAG = re.compile(r"^(?P<title>\S.*?)[ \t]*(?:\[(?P<square>[^\[\]]{1,60})\]|\((?P<round>[^()]{1,60})\))[ \t]*$")


_THREAD_TITLE_CHARS = 300  # a thread's title; a longer heading is none
# XenForo's thread prefix before the title in its heading, a label linking to the forum's threads that
# bear it ('<a class="labelLink"><span class="label label--blue">Original</span></a>', SpaceBattles'
# and SufficientVelocity's "Original", "Worm", "Complete"): the story was titled "Original Tides of Iron".
_THREAD_PREFIX = re.compile(r"^(?:label|labelLink|label-append)$")
_THREAD_PREFIXES = 8


def _thread_title_tag(body: Tag) -> list[Tag]:
    """The tag in brackets after a threadmarked thread's title (its first <h1>): the fandom as the
    thread's "Fandom:" line, a status ("[Complete]") nothing. Left on, it was the story's title:
    "Brockton Bay Ranger [Worm/Pokemon]". Returns the heading and the field (none without a heading)."""
    heading = body.find("h1")
    if not isinstance(heading, Tag):
        return []
    for prefix in heading.find_all(class_=_THREAD_PREFIX, limit=_THREAD_PREFIXES):
        if not prefix.decomposed:
            prefix.decompose()
    text = squeezed_text(heading)
    found = _THREAD_TAG.fullmatch(text) if len(text) <= _THREAD_TITLE_CHARS else None
    if found is None:
        return [heading]
    tag = (found.group("square") or found.group("round") or "").strip()
    heading.clear()
    heading.append(NavigableString(found.group("title")))
    if THREAD_STATUS.fullmatch(tag):
        return [heading]
    field = _field("Fandom", tag)
    heading.insert_after(field)
    return [heading, field]


_SPOILER_WORDS = frozenset(["spoiler", "spoilers"])
_TITLE_WORDS = frozenset(["title", "caption", "smalltext", "legend"])
_TITLE_TAGS = frozenset(["legend", "summary", "button"])
# What the site puts before a box's own title: "Spoiler: Author's Note", "Spoiler - Omake".
_SPOILER_PREFIX = re.compile(r"^\s*spoilers?\b\s*[:\-–—]?\s*", re.IGNORECASE)


def spoiler_boxes(body: Tag) -> list[tuple[Tag, int]]:
    """The boxes readers open by a title, in document order, each with how many others hold it.

    A forum's spoiler box (XenForo's ``bbCodeSpoiler``, FanFicFare's ``<fieldset>`` with its
    ``<legend>``, any element a class or id calls a spoiler) and a ``<details>``. One walk of the
    tree: a page of thousands of nested boxes costs no more than its elements.
    """
    found: list[tuple[Tag, int]] = []
    stack: list[tuple[Tag, int]] = [(child, 0) for child in reversed(body.contents) if isinstance(child, Tag)]
    while stack:
        element, holders = stack.pop()
        box = _is_spoiler_box(element)
        if box:
            found.append((element, holders))
        stack.extend((child, holders + box) for child in reversed(element.contents) if isinstance(child, Tag))
    return found


def _is_spoiler_box(element: Tag) -> bool:
    """A box readers open by its title (see :func:`spoiler_boxes`): a ``<details>``, a ``<fieldset>``
    opening with its ``<legend>``, an element with a class or id calling it a spoiler, or a callout
    (Obsidian's ``div.callout`` under its "callout-title": "Content warnings" over its list, read as
    text before)."""
    if element.name == "details" or (element.name == "fieldset" and _first_tag(element, "legend")):
        return True
    return any(_names_spoiler(name) or name.lower() in _BOX_NAMES for name in _names(element))


_BOX_NAMES = frozenset(["callout"])  # whole names: its "callout-content" is no box of its own


@functools.lru_cache(maxsize=4096)
def _names_spoiler(name: str) -> bool:
    words = _words(name)
    return any(word in _SPOILER_WORDS for word in words) and not any(word in _TITLE_WORDS for word in words)


def _first_tag(element: Tag, *names: str) -> Tag | None:
    """The element's first child element, when it is one of ``names`` (any, if none are given)."""
    first = next((child for child in element.children if isinstance(child, Tag)), None)
    return first if first is not None and (not names or first.name in names) else None


def box_title(box: Tag) -> str:
    """The title a box shows over its text, taken out of the box ("Spoiler: Author's Note" is the
    title "Author's Note"); "" for a box with none or titled only "Spoiler".

    Only the box's first child is read for it: the ``<button>``, ``<legend>`` or ``<summary>`` the
    site puts there, or an element a class calls the title ("bbCodeSpoiler-button-title").
    """
    first = _first_tag(box)
    if first is None:
        return ""
    words = {word for name in _names(first) for word in _words(name)}
    if first.name not in _TITLE_TAGS and not words & _TITLE_WORDS:
        return ""
    title = squeezed_text(first)
    first.decompose()
    return _SPOILER_PREFIX.sub("", title, count=1).strip()


_STARTER = re.compile(r"\b(?:thread starter|started by)\b", re.IGNORECASE)
_STARTER_SCAN = 200  # elements looked at around a "Thread starter" for the name it labels


def forum_author(body: Tag) -> str | None:
    """Who wrote a forum thread's story (XenForo: SpaceBattles, Sufficient Velocity, Questionable
    Questing), read before the poster boxes and the thread's header go with the site's chrome.

    The one poster of the threadmarked posts (each post's ``data-author``); else the thread
    starter ("Thread starter" over the name in XenForo 2, "started by" before it in XenForo 1);
    else the one poster of a page of posts. None where the page names no such one person.
    """
    posts = body.find_all(_POST_TAGS, attrs={"data-author": True})
    marked = {_poster(post) for post in posts if "hasThreadmark" in (post.get("class") or [])} - {""}
    if len(marked) == 1:
        return marked.pop()
    starter = _thread_starter(body)
    if starter:
        return starter
    posters = {_poster(post) for post in posts} - {""}
    return posters.pop() if len(posters) == 1 else None


# A forum post's own id, as each engine writes it: phpBB's "p41", Discourse's "post_1", XenForo's
# "js-post-12", vBulletin's "post_123", SMF's "msg123".
_POST_ID = re.compile(r"(?:p|post_?|js-post-|msg)\d{1,12}")
_POSTS_MOST = 2_000
_POST_DEPTH = 40  # a post inside another is looked for this far up (a page nested deeper is no forum's)
_BYLINE_BLOCKS = 6  # a post's first blocks looked at for its "by ... » date" line


def forum_replies(body: Tag, author: str | None) -> str | None:
    """A forum thread's posts by anyone but the story's author taken out (readers' replies: "This
    is wonderful, can't wait for more!" was the last chapter's last paragraph), and the author
    returned: ``author`` if known, else the first post's poster. A post the thread threadmarks stays,
    whoever posted it (a reader's omake the author marked "Omake: The Other Side"). Posts are the elements an engine
    gives a post's id (:data:`_POST_ID`, or ``data-post-id``), none inside another, each naming its
    poster (``data-author``, or its one element a class calls the username). Nothing is taken out
    unless two posts at least are found and the first names its poster."""
    posts = [
        tag
        for tag in body.find_all(_is_post, limit=_POSTS_MOST)
        if not any(_is_post(parent) for parent in itertools.islice(tag.parents, _POST_DEPTH))
    ]
    if len(posts) < 2:
        return author
    posters = [_post_poster(post) for post in posts]
    starter = author or posters[0]
    if not starter:
        return author
    for post, poster in zip(posts, posters, strict=True):
        if poster and poster != starter and post.find(class_="threadmarkLabel") is None:
            post.decompose()  # (a threadmarked post is the story's whoever wrote it: a reader's omake the author marked)
        elif poster:
            _drop_post_byline(post, poster)
    return starter


_POST_BYLINE_CHARS = 120
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ \t]+", re.IGNORECASE)


def _drop_post_byline(post: Tag, poster: str) -> None:
    """A post's line of who posted it when, the poster's name and a date and nothing else
    (phpBB's ``p.author``: "by tarn_and_heather » Sun Mar 05, 2023 8:14 pm"): read as text, it was
    the story's first line ("Postby » ..."), and the header's fields under it were no header."""
    for line in post.find_all(["p", "div"], limit=_BYLINE_BLOCKS):
        text = squeezed_text(line)
        if len(text) > _POST_BYLINE_CHARS or poster not in text:
            continue
        rest = text.split(poster, 1)[1].strip(" »|·:-–—\t")
        if rest and date_line(_WEEKDAY.sub("", rest)) and line.find(["p", "div"]) is None:
            line.decompose()
            return


def _is_post(tag: Tag) -> bool:
    if not tag.attrs:
        return False
    if tag.get("data-post-id") is not None:
        return True
    element_id = tag.get("id")
    return isinstance(element_id, str) and _POST_ID.fullmatch(element_id) is not None


def _post_poster(post: Tag) -> str:
    """The poster a post names: its ``data-author``, else its username element's words."""
    if (named := _poster(post)) or post.get("data-author") is not None:
        return named
    users = post.find_all(class_=_names_username, limit=4)
    names = {squeezed_text(user) for user in users} - {""}
    return names.pop() if len(names) == 1 else ""


def _names_username(names: str | list[str] | None) -> bool:
    return names is not None and any("username" in _words(name) for name in _classes_of(names))


def _poster(post: Tag) -> str:
    author = post.get("data-author")
    return " ".join(author.split()) if isinstance(author, str) else ""


def _thread_starter(body: Tag) -> str | None:
    """The name the thread's header gives after "Thread starter" or "started by"."""
    label = body.find(string=_STARTER)
    if label is None:
        return None
    link = label.find_next("a", class_="username")
    if link is None or link.find_previous(string=_STARTER) is not label:
        return None
    name = squeezed_text(link)
    return name or None


# An address of a user's page: "/user/moonlitpages" (Wattpad), "/users/odile", "/u/12", "viewuser.php?uid=".
# (eFiction's archives link their users relative to the page: "viewuser.php?uid=77")
AUTHOR_HREF = re.compile(
    r"/(?:users?|u|profile|member|members|author|authors|viewuser\.php)\b|^viewuser\.php\b", re.IGNORECASE
)
_BY = re.compile(r"^\s*by\s*$", re.IGNORECASE)
_BY_PREFIX = re.compile(r"^\s*(?:(?:posted|written)[ \t]+)?by\s+", re.IGNORECASE)  # Blogger's "Posted by Nell"


def story_byline(body: Tag) -> tuple[str, str] | None:
    """The story's title and author from a reading site's bar over the text, taken out of the page.

    Wattpad's reader shows the story's title, a link to its page, over "by" and a link to the
    author's page, in boxes of their own: read as text they ran together into a first chapter
    "Golden Hourby moonlitpages", and the page's ``<title>`` ("Chapter 4 - Golden Hour - Wattpad",
    the part's) became the story's. Only that shape: an element holding "by" and one link to a
    user's page (:data:`AUTHOR_HREF`) and nothing else (or that link alone, its own words "by
    marrowlight"), the element before it ending in a link. FanFicFare's ``<h1><a>Title</a> by
    <a>Author</a></h1>``, one element, is the title heading's own.
    """
    for link in body.find_all("a", href=AUTHOR_HREF):
        by = link.parent
        if not isinstance(by, Tag) or by is body:
            continue
        parts = [child for child in by.contents if not (isinstance(child, NavigableString) and not child.strip())]
        if (titled := _linked_title_by(by, parts, link)) is not None:
            by.decompose()
            return titled
        says_by = len(parts) == 1 and parts[0] is link and _BY_PREFIX.match(squeezed_text(link)) is not None
        if not says_by and not (
            len(parts) == 2 and parts[1] is link and isinstance(parts[0], NavigableString) and _BY.match(parts[0])
        ):
            continue
        before = by.find_previous_sibling()
        story_link = before if before is None or before.name == "a" else before.find_all("a")[-1:]
        if isinstance(story_link, list):
            story_link = story_link[0] if story_link else None
        if story_link is None or story_link.find_parent() is None:
            continue
        title = squeezed_text(story_link)
        author = _BY_PREFIX.sub("", squeezed_text(link)).strip()
        if not title or not author:
            continue
        story_link.decompose()
        by.decompose()
        return title, author
    return None


def _linked_title_by(line: Tag, parts: list[PageElement], author: Tag) -> tuple[str, str] | None:
    """The title and author of a line that is only a link to the story, "by" and a link to a user's
    page, outside any heading: eFiction's ``<div id="pagetitle"><a href="viewstory.php?sid=812">The
    Quiet Mill</a> by <a href="viewuser.php?uid=77">hollowfen</a></div>`` (a heading of that shape,
    FanFicFare's, is the title heading's own). Read as text it was "The Quiet Mill by hollowfen",
    the story's title, and the story had no author."""
    if line.name in _HEADINGS or len(parts) != 3 or parts[2] is not author:
        return None
    story, by = parts[0], parts[1]
    if not (isinstance(story, Tag) and story.name == "a" and isinstance(by, NavigableString) and _BY.match(by)):
        return None
    if AUTHOR_HREF.search(str(story.get("href") or "")):
        return None
    title, name = squeezed_text(story), squeezed_text(author)
    if not title or not name or len(name.split()) > _NAME_WORDS:
        return None
    return title, name


# A blog post's line of who posted it when (WordPress's "entry-meta": "Posted on March 5, 2021 by
# kestrelwrites", Blogger's "post-header"), and the blog's date over its posts ("date-header").
_POST_META = frozenset(
    [
        "entry-meta",
        "post-meta",
        "post-header",
        "post-byline",
        "entry-byline",
        "date-header",
        "post-footer-line-1",
        "gh-article-meta",  # Ghost: the author's picture and name, the date and "4 min read"
        "BlogItem-meta",  # Squarespace: the date, the author and the post's category, run together
        "blog-item-meta-wrapper",  # Squarespace 7.1: the author's name and the date over the post
        "article-byline",  # Ghost's Casper theme: the author's picture and name, the date, "3 min read"
    ]
)  # (Blogger says who posted it under the post: "Posted by Mara Quill at 3:14 PM")
# Wix's blog post: the line over its title of the author's name, the date and "4 min read", and the
# name in it, named by data-hook (see :func:`blog_post_byline`).
_POST_META_HOOKS = ["post-header", "post-metadata"]
_AUTHOR_HOOKS = ["user-name", "author-name"]
_SITE_TITLES = frozenset(["site-title", "blog-title", "site-name"])
# A site's line under its name in the header (WordPress's "site-description", Blogger's "description").
_SITE_TAGLINES = frozenset(["site-description", "blog-description", "site-tagline", "tagline", "description"])
_TAGLINE_CHARS = 120
_TAGLINES_MOST = (
    20  # (searched by names: a function would be asked of every element, tests/story/test_hostile_shapes37b)
)
_POSTED_BY = re.compile(r"\bby\s+(?P<name>[^\s,|]{1,40}(?:\s[^\s,|]{1,40}){0,3})\s*$", re.IGNORECASE)


def wikisource_author(body: Tag) -> str | None:
    """The author a Wikisource page's header names, by its link to the author's page
    ("by <a href="/wiki/Author:Margaret_Penhallow">"): the header is marked not to be printed,
    and goes with the rest of the wiki's chrome."""
    header = body.find(id="headertemplate")
    link = header.find("a", href=_AUTHOR_PAGE) if isinstance(header, Tag) else None
    return (squeezed_text(link) or None) if isinstance(link, Tag) else None


_AUTHOR_PAGE = re.compile(r"/wiki/Author:")


def blog_post_byline(body: Tag) -> tuple[str | None, str | None]:
    """The blog's name and the post's author, from a blog's page (WordPress, Blogger), with the
    post's date line taken out of the page: read as text, "Posted on March 5, 2021 by kestrelwrites"
    was the chapter's first paragraph and the date the chapter's title, and the story was titled
    with the page's ``<title>`` ("Chapter 12 – The Glass Tower – Ashen Roads")."""
    author = None
    found = False
    # (Wix names the line by its scripts' hook, its classes generated: data-hook="post-header")
    metas = [*body.find_all(class_=_names_post_meta), *body.find_all(attrs={"data-hook": _POST_META_HOOKS})]
    for meta in metas:
        if meta.decomposed:
            continue  # (inside a line taken out before it)
        if meta.find_parent(class_=lambda names: names is not None and "comment" in " ".join(_classes_of(names))):
            continue  # a comment's own line
        if meta.find(_HEADINGS) is not None and meta.find(class_=_names_post_meta) is not None:
            continue  # the post's header, its title over its byline line (Substack's): that line is read on its own
        named = (
            meta.find(attrs={"rel": "author"})
            or meta.find(class_=_names_author)
            or meta.find(attrs={"data-hook": _AUTHOR_HOOKS})
        )
        if author is None and isinstance(named, Tag):
            author = _BY_PREFIX.sub("", squeezed_text(named)).strip() or None
        if author is None and (said := _POSTED_BY.search(squeezed_text(meta))) is not None:
            author = said.group("name")
        if author is None:
            author = _name_among_stats(meta)
        meta.decompose()
        found = True
    if not found and (line := _posted_line(body)) is not None:
        author = _POSTED_LINE.fullmatch(squeezed_text(line)).group("name")  # type: ignore[union-attr]
        line.decompose()
        found = True
    if not found:
        return None, None
    site = body.find(class_=lambda names: names is not None and bool(_classes_of(names) & _SITE_TITLES))
    blog = squeezed_text(site) if isinstance(site, Tag) else None
    return blog or None, author


_ADDRESSES_MOST = 4  # <address> elements looked at on a page
_ADDRESS_CHARS = 120  # a name and a date; a longer one is a letter's address in the story


def address_byline(body: Tag) -> str | None:
    """The author an ``<address>`` under the title names, the element taken out: HTML's element for
    the contact details of its article, as Telegraph sets the by-line under the title (its author's
    ``<a rel="author">`` and the date), and again inside the article's text under the title's copy
    there. Read as text, the name and the date ran together ("Ada QuillMarch 1, 2024") as a chapter's
    first paragraph, the title's copy a second chapter. Only an address a heading stands right over,
    short; its ``rel="author"`` link, or under the title (an <h1>) its text before its date, or all of
    it, is the name, with no figure in it: a letter's "12 Quay Street" under a chapter's heading stays."""
    name: str | None = None
    for address in body.find_all("address", limit=_ADDRESSES_MOST):
        heading = address.find_previous_sibling(True)
        if not isinstance(heading, Tag) or heading.name not in _HEADINGS:
            continue
        text = squeezed_text(address)
        if len(text) > _ADDRESS_CHARS:
            continue
        author = address.find("a", rel="author")
        date = address.find("time")
        if isinstance(author, Tag):
            found = squeezed_text(author)
        elif heading.name != "h1":
            continue  # (under a chapter's heading, unnamed: a letter's "12 Quay Street" in the story)
        elif isinstance(date, Tag):
            found = text.removesuffix(squeezed_text(date)).strip()
        else:
            found = text
        if found and len(found.split()) <= _NAME_WORDS and not any(char.isdigit() for char in found):
            name = name or found
            address.decompose()
    return name


def tagline_author(body: Tag) -> str | None:
    """Whom the site's line under its name says wrote it ("A web serial by Rowan Vey"), read before
    the header goes with the chrome: a serial's own site names its author nowhere else on a page of
    its contents and chapters, which had no author."""
    for element in body.find_all(class_=list(_SITE_TAGLINES), limit=_TAGLINES_MOST):
        if element.find_parent(_CONTENT_TAGS) is not None:
            continue  # a post's or a work's own description
        text = squeezed_text(element)
        if len(text) <= _TAGLINE_CHARS and (found := _POSTED_BY.search(text)) is not None:
            return found.group("name").strip(" .") or None
    return None


# The contents page of a serial's site over its chapters (saved together, or one after another):
# a "Table of Contents" heading over links to the chapters and the arcs' names, nothing else.
_CONTENTS_LABEL_WORDS = 8  # the words of a line between its links: an arc's name ("Arc 1: Low Water")
_CONTENTS_PAGE_BLOCKS = 50  # the blocks after its heading looked at


def contents_page(body: Tag) -> bool:
    """Take out a contents page's heading and its list of links (to the chapters' own pages, which a
    page's list of anchors inside it, :func:`htmltext._is_contents`, is not); True when one went.
    Read as text, the page was a chapter of the list and its heading the story's title."""
    for heading in body.find_all(_HEADINGS, limit=_HEADINGS_MOST):
        if not contents_label(squeezed_text(heading)):
            continue
        blocks: list[Tag] = []
        for sibling in heading.find_next_siblings(limit=_CONTENTS_PAGE_BLOCKS):
            if sibling.name in _HEADINGS or sibling.find(_HEADINGS) is not None:
                break
            blocks.append(sibling)
        if blocks and _links_and_labels(blocks):
            for block in [heading, *blocks]:
                block.decompose()
            return True
    return False


def _links_and_labels(blocks: list[Tag]) -> bool:
    """Blocks holding two links or more and, between them, only short lines that end no sentence
    (an arc's name): a chapter's text, or a note, is no contents list."""
    links = 0
    for block in blocks:
        linked = set()
        for link in block.find_all("a"):
            links += 1
            linked.add(squeezed_text(link))
        for line in block.get_text("\n").split("\n"):
            line = " ".join(line.split())
            if (
                line
                and line not in linked
                and (len(line.split()) > _CONTENTS_LABEL_WORDS or line.endswith((".", "!", "?")))
            ):
                return False
    return links >= 2


# A post's line of when and by whom, whatever its markup calls it ("Posted on March 3, 2023 by inkymoth",
# "Published by Mara Quill on 3 March 2023"): the date must read as one.
_POSTED_LINE = re.compile(
    r"(?:posted|published|written)(?:[ \t]+on[ \t]+(?P<on>[^|]{4,40}?))?[ \t]+by[ \t]+"
    r"(?P<name>[^\s,|]{1,40}(?:[ \t][^\s,|]{1,40}){0,3}?)(?:[ \t]+(?:on|at)[ \t]+(?P<after>[^|]{4,40}?))?[ \t.]*",
    re.IGNORECASE,
)
_POSTED_LINE_CHARS = 120
_POSTED_LOOKS = 400  # elements looked at for it, from the page's top


def _posted_line(body: Tag) -> Tag | None:
    """The element that is only a post's "Posted on <date> by <name>" line, in a theme that marks it
    with no class Dogear knows (a bare ``<p class="byline">``): read as text, it opened the chapter
    and the post's author was lost."""
    for element in body.find_all(["p", "div", "span"], limit=_POSTED_LOOKS):
        if element.find(["p", "div", "article", "section", "li"]) is not None:
            continue  # a wrapper: its line is read on its own
        text = squeezed_text(element)
        if len(text) > _POSTED_LINE_CHARS or (found := _POSTED_LINE.fullmatch(text)) is None:
            continue
        if any(found.group(key) and date_line(found.group(key)) for key in ("on", "after")):
            return element
    return None


_META_PART = re.compile(r"[ \t]*[·•|][ \t]*")
_READING_TIME = re.compile(r"\d{1,3}[ \t]*min(?:ute)?s?(?:[ \t]+read)?", re.IGNORECASE)


def _name_among_stats(meta: Tag) -> str | None:
    """The one part of a post's line of who and when that is neither a date nor a count, when it
    reads as a name: Hugo's "September 1, 2022 · 4 min · Ada Fernhouse", a line of the author's
    link and the date set apart by the style sheet ("Idris Fenn" / "Mar 5, 2024")."""
    blocks = [child for child in meta.children if isinstance(child, Tag)]
    loose = any(isinstance(child, NavigableString) and child.strip() for child in meta.children)
    texts = [squeezed_text(child) for child in blocks] if len(blocks) >= 2 and not loose else []
    parts = [part for text in (texts or [squeezed_text(meta)]) for part in _META_PART.split(text) if part.strip()]
    others = [
        part
        for part in parts
        if not (date_line(part) or stats_line(f"{part} · 1 view") or _READING_TIME.fullmatch(part.strip()))
    ]
    if len(parts) < 2 or len(others) != 1:
        return None
    name = others[0].strip()
    words = name.split()
    if (
        not words
        or len(words) > _NAME_WORDS - 1
        or any(char.isdigit() for char in name)
        or name.endswith((".", "!", "?"))
    ):
        return None
    linked = any(
        squeezed_text(link) == name and _PROFILE_HREF.search(str(link.get("href") or ""))
        for link in meta.find_all("a", href=True, limit=8)
    )
    # Unlinked, a person's name of two words or three, each capitalised: "Fiction" alone is a category.
    if linked or (len(words) >= 2 and all(word[:1].isupper() for word in words)):
        return name
    return None


_PROFILE_HREF = re.compile(rf"{AUTHOR_HREF.pattern}|/@[\w.-]+", re.IGNORECASE)


def _names_post_meta(names: str | list[str] | None) -> bool:
    return names is not None and bool(_classes_of(names) & _POST_META)


def _names_author(names: str | list[str] | None) -> bool:
    """A class naming the post's author: "author", "fn", "byline", Ghost's "gh-article-author-name",
    Squarespace's "Blog-meta-item--author" and "blog-author" (not the author's picture, "...-author-image")."""
    return names is not None and any(
        name in ("author", "fn", "byline") or name.endswith(("author-name", "-author")) for name in _classes_of(names)
    )


def _classes_of(names: str | list[str]) -> set[str]:
    return set(names.split() if isinstance(names, str) else names)


# A Tumblr post's own address: "https://moonlitpages.tumblr.com/post/718203948120/golden-hour" or
# "https://www.tumblr.com/moonlitpages/718203948120/golden-hour"; the blog's name is its writer's.
_TUMBLR_POST = re.compile(
    r"^https?://(?!www\.)(?P<sub>[a-z0-9][a-z0-9-]*)\.tumblr\.com/post/\d+"
    r"|^https?://(?:www\.)?tumblr\.com/(?P<path>[a-z0-9][a-z0-9-]*)/\d+",
    re.IGNORECASE,
)


def tumblr_blog(soup: Tag) -> str | None:
    """The name of the Tumblr blog a saved post page is from, read from the page's own address
    (``<link rel="canonical">``, ``og:url``): on Tumblr the blog's name is how its writer is known,
    and the page says it nowhere else the story's reader can use (its header is the site's chrome).
    A reblog (a post quoting another blog's, ``a.tumblr_blog``) is the other blog's writing, so none;
    a post down a reblog chain is its first entry's, the original post's (:func:`_reblog_original`)."""
    original = _reblog_original(soup)
    if original is not None:
        return original
    if soup.find("a", class_="tumblr_blog") is not None:
        return None
    home = _header_blog(soup)
    if home is not None:
        return home
    addresses = [tag.get("href") for tag in soup.find_all("link", rel="canonical")]
    addresses += [tag.get("content") for tag in soup.find_all("meta", attrs={"property": "og:url"})]
    for address in addresses:
        found = _TUMBLR_POST.match(address.strip()) if isinstance(address, str) else None
        if found:
            return found.group("sub") or found.group("path")
    return None


_REBLOGS_MOST = 50  # reblog labels ("marrowlight:") looked at on a page


def tumblr_reblog(body: Tag) -> tuple[str, Tag | None] | None:
    """The original poster of an old-style Tumblr reblog, and the post, its chain taken down to the
    original's text. Such a post quotes the blog it reblogged from: a paragraph of a link to that blog
    (``a.tumblr_blog``) and a colon, over a blockquote of what it wrote, the reblogger's comment after
    it; a chain nests the quotes, the original post innermost. Read as a page, the reblogger's blog
    name titled the story, its description was chapter 1 and "marrowlight:" and the comment were story
    text, with no author named. The labels and comments go, the quotes' text is the post's, and the
    post (the outermost element a class calls a post, or its article) stands for the page."""
    labels = [
        link
        for link in body.find_all("a", class_="tumblr_blog", limit=_REBLOGS_MOST)
        if isinstance(link.parent, Tag)
        and _reblog_label(link)
        and isinstance(quote := link.parent.find_next_sibling(), Tag)
        and quote.name == "blockquote"
    ]
    if not labels or not squeezed_text(labels[-1]):
        return None
    name = squeezed_text(labels[-1])  # the innermost: each reblog around it quotes it
    post = _post_of(labels[0].parent)
    heading = post.find(_HEADINGS) if post is not None else None
    if isinstance(heading, Tag) and heading.find_next("a", class_="tumblr_blog") is labels[0]:
        heading.replace_with(_field("Title", squeezed_text(heading)))  # the post's title over the chain: the story's
    for link in reversed(labels):
        label = link.parent
        quote = label.find_next_sibling() if isinstance(label, Tag) else None
        if not isinstance(label, Tag) or not isinstance(quote, Tag) or quote.name != "blockquote":
            continue  # (taken out with an outer reblog's comment)
        for comment in list(quote.next_siblings):
            comment.extract()  # what the reblogger said under the quote
        label.decompose()
        quote.unwrap()
    return name, post


_LABEL_PARTS = 4  # the link, the colon and the whitespace about them


def _reblog_label(link: Tag) -> bool:
    """Whether the link's parent reads as the link and a colon: "marrowlight:"."""
    if not isinstance(link.parent, Tag) or len(link.parent.contents) > _LABEL_PARTS:
        return False
    label = squeezed_text(link.parent)
    name = squeezed_text(link)
    return bool(name) and label.startswith(name) and label[len(name) :].strip() == ":"


def _post_of(element: Tag) -> Tag | None:
    """The outermost element a few levels up that a class calls a post, or the article holding it."""
    found = None
    for parent in itertools.islice(element.parents, _ENTRY_DEPTH):
        if parent.name == "article" or "post" in {word for name in _names(parent) for word in _words(name)}:
            found = parent
    return found


# A count a reading site prints over or under the text: "1,204 Views", "6 min read", "2.4K notes", "42 likes".
_COUNT = (
    r"\d[\d,.]*[km]?\+?[ \t]+(?:views?|reads?|min(?:ute)?s?[ \t]+read|words?|notes?|likes?|votes?|comments?|claps?"
    r"|followers?|favou?rites?|kudos|hits|bookmarks?|reblogs?|responses?)"
)
_DATE = rf"(?:{MONTHS}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}}|\d{{1,2}}[ \t]+{MONTHS},?[ \t]+\d{{4}}|\d{{4}}-\d\d-\d\d)"
# A date as a site labels it over a post ("Published Mar 4, 2022 · 9 min read").
_DATE_LABEL = r"(?:(?:published|posted|updated|last[ \t]+updated)[ \t]+(?:on[ \t]+)?)?"
_STAT_PART = re.compile(rf"(?:(?P<count>{_COUNT})|{_DATE_LABEL}{_DATE})(?!\w)", re.IGNORECASE)
_STAT_GAP = re.compile(r"[ \t]*[·•∙|,/–—-]?[ \t]*")
_STATS_LINE_CHARS = 100


_DATE_LINE = re.compile(
    rf"{_DATE_LABEL}{_DATE}(?:,?[ \t]+(?:at[ \t]+)?\d{{1,2}}:\d\d(?:[ \t]*[ap]\.?m\.?)?)?", re.IGNORECASE
)


def date_line(text: str) -> bool:
    """Whether a line is only a date, its time after it or not ("Aug 2, 2022 at 9:02 PM")."""
    return _DATE_LINE.fullmatch(text.strip()) is not None


def stats_line(text: str) -> bool:
    """Whether a line is nothing but a reading site's counts and dates: Scribble Hub's "1,204 Views Jun 3,
    2022" over the chapter, Medium's "6 min read·Jan 14, 2022". At least two of them, one a count:
    a diary's "June 3, 2022" alone is its heading, and a story's "1,204 views." alone may be its own."""
    if len(text) > _STATS_LINE_CHARS:
        return False
    position, counts, parts = 0, 0, 0
    text = text.strip()
    while position < len(text):
        part = _STAT_PART.match(text, position)
        if part is None:
            return False
        parts += 1
        counts += part.group("count") is not None
        position = _STAT_GAP.match(text, part.end()).end()
    return parts >= 2 and counts >= 1


# A blog writer's words about the blog, not the story: Tumblr's "masterlist" (the index of a blog's
# fics), the "pinned" post, the asks and requests it takes, reblogs asked for.
_BLOG_CHATTER = re.compile(
    r"\bmaster-?list\b|\b(?:in|my|see)[ \t]+(?:the[ \t]+)?pinned\b"
    r"|\b(?:asks?|requests?|inbox)[ \t]+(?:are|is)[ \t]+(?:open|closed)\b|\bsend[ \t]+(?:me[ \t]+)?an?[ \t]+ask\b"
    r"|\breblogs?[ \t]+(?:are|is)[ \t]+(?:appreciated|welcome|loved)\b",
    re.IGNORECASE,
)
_BLOG_CHATTER_CHARS = 300
_QUOTE_MARKS = '"“”„«»'


def blog_chatter(text: str) -> bool:
    """Whether a paragraph is a blog writer talking about the blog ("ask me about the fic! masterlist in
    pinned."): a short one, no dialogue in it, with the words Tumblr writers use for their blog."""
    if len(text) > _BLOG_CHATTER_CHARS or any(mark in text for mark in _QUOTE_MARKS):
        return False
    return _BLOG_CHATTER.search(text) is not None


# What a post's title says after a bar about the kind of writing it is: "the ferryman's coin | a short fic".
# A story or a poem only with "a" or "short" before it: "Love | Story" may be the title's own.
_SIZE = r"(?:(?:short|little|tiny|quick|small)[ \t]+)"
_FORM_SUFFIX = re.compile(
    rf"[ \t]+[|｜][ \t]+(?:(?:an?[ \t]+)?{_SIZE}?(?:fic|ficlet|drabble|one[ \t-]?shot|blurb|imagine)"
    rf"|an?[ \t]+{_SIZE}?(?:story|poem)|{_SIZE}(?:story|poem)"
    # what it is a fic of: "| a Geralt x Jaskier fic", "| a Witcher one-shot"
    r"|an?[ \t]+[^|｜\n]{1,60}?[ \t]+(?:fic|fanfic|ficlet|drabble|one[ \t-]?shot|au)"
    # a reader-insert's pairing: "storm season | ben hargreaves x reader", "| y/n x the keeper"
    r"|[^|｜\n]{1,40}?[ \t]+x[ \t]+(?:\w{1,4}!)?(?:reader|y/n)|(?:\w{1,4}!)?(?:reader|y/n)[ \t]+x[ \t]+[^|｜\n]{1,40})[ \t]*$",
    re.IGNORECASE,
)


def without_form_suffix(title: str) -> str:
    """A post's title less the kind of writing it says it is after a bar ("| a short fic", "| oneshot",
    "| a Geralt x Jaskier fic", a reader-insert's "| ben x reader"), which Tumblr writers add so the
    dashboard shows it: the story
    is "the ferryman's coin"."""
    return _FORM_SUFFIX.sub("", title).strip() or title


_SUBTITLE_WORDS = frozenset(["subtitle", "subheading", "dek", "standfirst", "excerpt"])


def post_subtitle(body: Tag) -> None:
    """A post's title and subtitle, read as its "Title:" and "Summary:" lines: a heading a class calls
    a subtitle right under the page's first heading (Medium's "pw-subtitle-paragraph", Substack's
    "subtitle") says the heading over it is the post's title. As headings, the subtitle titled the
    chapter ("A short story"). A subtitle of a sentence ("in which Leela goes back to the house") is
    what the post says of itself, its summary; a label of a few words ("A short story") goes."""
    first = body.find(_HEADINGS)
    following = first.find_next(_HEADINGS) if isinstance(first, Tag) else None
    sibling = first.find_next_sibling() if isinstance(first, Tag) else None
    if isinstance(sibling, Tag) and sibling.name == "p":
        following = sibling  # a paragraph set as the post's excerpt under its title (Ghost's "gh-article-excerpt")
    if not isinstance(following, Tag) or not any(
        word in _SUBTITLE_WORDS for name in _names(following) for word in _words(name)
    ):
        return
    between = following.find_previous(string=lambda text: bool(text.strip()))
    if between is None or first not in between.parents:
        return  # text between the title and this heading: it heads a part of the page
    subtitle = squeezed_text(following)
    if len(subtitle.split()) >= _SUMMARY_WORDS:
        following.replace_with(_field("Summary", subtitle))
    else:
        following.decompose()
    first.replace_with(_field("Title", squeezed_text(first)))


def _field(label: str, value: str) -> Tag:
    """A paragraph of a header field, "Title: Salt Road"."""
    paragraph = Tag(name="p")
    paragraph.string = f"{label}: {value}"
    return paragraph


_SUMMARY_WORDS = 5


# A newsletter's post body, the part its readers are shown (Substack's "available-content").
_NEWSLETTER_BODIES = frozenset(["available-content"])
_ITALIC = frozenset(["em", "i"])


def newsletter_notes(body: Tag) -> None:
    """A newsletter post's framing paragraphs become its notes ("A/N: ..."): Substack writers open a
    part of a serial with a word to subscribers in italics ("Welcome back! This part comes with a
    content warning for ...") and close it so ("Part Four goes out next Thursday"), set apart from
    the story in roman. Only the italic paragraphs before the first roman one and after the last;
    a post all in italics is left as it is."""
    for post in body.find_all(class_=sorted(_NEWSLETTER_BODIES)):
        first = post.find("p")
        if not isinstance(first, Tag) or not isinstance(first.parent, Tag):
            continue
        # The post's own paragraphs, side by side under one element: each subtree read once, however nested.
        paragraphs = [
            paragraph for paragraph in first.parent.find_all("p", recursive=False) if paragraph.get_text().strip()
        ]
        italic = [_all_italic(paragraph) for paragraph in paragraphs]
        if all(italic):
            continue
        opening = italic.index(False)
        closing = len(italic) - italic[::-1].index(False)
        for paragraph in paragraphs[:opening] + paragraphs[closing:]:
            note = " ".join(paragraph.get_text().split())
            paragraph.clear()
            paragraph.string = f"A/N: {note}"


def _all_italic(paragraph: Tag) -> bool:
    """Whether a paragraph is one italic run (``<p><em>...</em></p>``), whitespace aside."""
    parts = [child for child in paragraph.contents if not (isinstance(child, NavigableString) and not child.strip())]
    return len(parts) == 1 and isinstance(parts[0], Tag) and parts[0].name in _ITALIC


# A link to a Tumblr blog's own page: "https://www.tumblr.com/inkwellwrites", "https://inkwellwrites.tumblr.com/".
_TUMBLR_HOME = re.compile(
    r"^https?://(?:(?!www\.)(?P<sub>[a-z0-9][a-z0-9-]*)\.tumblr\.com|(?:www\.)?tumblr\.com/(?P<path>[a-z0-9][a-z0-9-]*))/?$",
    re.IGNORECASE,
)
_TUMBLR_LINKS_MOST = 200  # links to blogs looked at for a reblog chain's first entry
_ENTRY_DEPTH = 12  # elements looked up from such a link for the chain it is in


def _reblog_original(soup: Tag) -> str | None:
    """The blog that wrote a post shown down a reblog chain: Tumblr heads each entry of the chain
    with a link to its blog, the original post's first, and the rebloggers' comments under it are
    the site's (:data:`_CHROME_WORDS`). The link must read as its blog's name, and sit in an element
    a class calls a reblog; a list of the post's notes ("bluebirdreads reblogged this") is no chain."""
    for link in soup.find_all("a", href=_TUMBLR_HOME, limit=_TUMBLR_LINKS_MOST):
        address = _TUMBLR_HOME.match(str(link.get("href")).strip())
        name = (address.group("sub") or address.group("path")) if address else None
        if name and link.get_text().strip() == name and _in_reblog_chain(link):
            return name
    return None


def _in_reblog_chain(link: Tag) -> bool:
    """Whether an element a class or id calls a reblog holds the link, no list of notes between."""
    for element in itertools.islice(link.parents, _ENTRY_DEPTH):
        words = {word for name in _names(element) for word in _words(name)}
        if words & _NOTES_WORDS:
            return False
        if "reblog" in words:
            return True
    return False


_NOTES_WORDS = frozenset(["note", "notes"])


# A Tumblr post copied as text: its tags, a line of "#" tags ("#my writing #short fic #tw death"), and
# each blog of its reblog chain by name alone on a line ("moonlitarchivist") over what it added.
_TAG_LINE = re.compile(r"#[^\s#][^#\n]*(?:#[^\s#][^#\n]*)+")
_BLOG_NAME = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?")
_NOTES_COUNT = re.compile(r"\d[\d,.]*[km]?[ \t]+notes?", re.IGNORECASE)
_COPIED_TITLE_CHARS = 120


def tumblr_copy(items: list[Item]) -> list[Item]:
    """A Tumblr post copied as text, read as the post: its "#" tag line under the story becomes its
    tags (those naming a warning declare it, as on the saved page), the reblog chain after it (each
    blog's name alone on a line over what that blog added) and its notes count go, and the blog's
    name alone over the post's title line names the writer and the title ("Author:", "Title:").
    Only where the tag line is followed by nothing but such a chain: a story that merely ends on a
    "#hashtag" line of a character's post is left as it is."""
    items = _tags_over_chain(items)
    end = next((index for index in range(len(items) - 1, -1, -1) if _tag_line(items[index])), None)
    if end is None or not _reblog_chain(items[end + 1 :]):
        return items
    tags = [tag.strip() for tag in items[end].text.split("#") if tag.strip()]
    head: list[Item] = []
    body = items[:end]
    lines = body[0].text.strip().split("\n", 2) if body and isinstance(body[0], Para) else []
    if len(lines) >= 2 and _POST_BUTTONS.fullmatch(lines[1].strip()) and _BLOG_NAME.fullmatch(lines[0].strip()):
        # "inkwell-writes" / "Follow" (/ "The Salt Bride"): the blog's name, its button gone
        rest = [Para(lines[2].strip(), 0)] if len(lines) > 2 and lines[2].strip() else []
        body = [Para(lines[0].strip(), body[0].gap), *rest, *body[1:]]
    if len(body) > 2 and _blog_name(body[0]) and _title_line(body[1]):
        head = [
            Para(f"Author: {body[0].text.strip()}", 0),
            Para(f"Title: {without_form_suffix(body[1].text.strip())}", 0),
        ]
        body = body[2:]
    sources = [
        line.split(":", 1)[1].strip().lstrip("@")
        for item in items[end + 1 :]
        if isinstance(item, Para)
        for line in item.text.split("\n")
        if _SOURCE_LINE.fullmatch(line.strip())
    ]
    if not head and sources:
        head = [Para(f"Author: {sources[0]}", 0)]  # "Source: moonlit-quill": the blog that posted it wrote it
    return [*head, Para(f"Additional Tags: {', '.join(tags)}", 0), *body]


# A Tumblr ask copied over its answer: "Anonymous asked:" (or the asker's blog) over the question, then
# "ada-quill answered:" over the answer, a fic written to the ask.
_ASKED = re.compile(r"(?:anonymous|[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?)[ \t]+asked[ \t]*:", re.IGNORECASE)
_ANSWERED = re.compile(r"(?P<blog>[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?)[ \t]+answered[ \t]*:", re.IGNORECASE)
ASK_CHARS = 1000


def tumblr_ask(items: list[Item]) -> list[Item]:
    """A Tumblr ask over its answer opening the text (:data:`_ASKED`, :data:`_ANSWERED`): the question the
    story's prompt (a note) and the answering blog its writer. Left as text, "Anonymous asked:" and the
    question were the story's first paragraphs and the writer unnamed. Only with both lines there."""
    if len(items) < 3 or not isinstance(first := items[0], Para) or first.note:
        return items
    head, _, question = first.text.strip().partition("\n")
    if _ASKED.fullmatch(head.strip()) is None:
        return items
    at = 1
    if not question.strip() and isinstance(items[1], Para):
        question, at = items[1].text, 2  # the question in the next paragraph
    answer = items[at] if at < len(items) else None
    if not isinstance(answer, Para) or not question.strip() or len(question) > ASK_CHARS:
        return items
    line, _, said = answer.text.strip().partition("\n")
    found = _ANSWERED.fullmatch(line.strip())
    if found is None:
        return items
    rest = [Para(said.strip(), 0)] if said.strip() else []
    prompt = " ".join(question.split())
    return [Para(f"Author: {found.group('blog')}", 0), Para(f"Prompt: {prompt}", 0), *rest, *items[at + 1 :]]


TAGS_OVER_CHAIN_ITEMS = 4  # the post's last paragraphs, where its tags stand


def _tags_over_chain(items: list[Item]) -> list[Item]:
    """The items with a paragraph of the post's tag line over its foot's lines, copied with no blank line
    between ("#salt roads #my fic" / "Source: ada-quill" / "312 notes"), set apart as two, the tags and the
    foot: read as one, the post's tags were its last paragraph, its warnings undeclared."""
    for index in range(len(items) - 1, max(-1, len(items) - 1 - TAGS_OVER_CHAIN_ITEMS), -1):
        item = items[index]
        if not isinstance(item, Para) or item.note or "\n" not in item.text.strip():
            continue
        first, _, rest = item.text.strip().partition("\n")
        if _TAG_LINE.fullmatch(first.strip()) and all(map(_chain_line, rest.split("\n"))):
            return [*items[:index], Para(first.strip(), item.gap), Para(rest.strip(), 0), *items[index + 1 :]]
    return items


def _tag_line(item: Item) -> bool:
    return (
        isinstance(item, Para) and "\n" not in item.text.strip() and _TAG_LINE.fullmatch(item.text.strip()) is not None
    )


def _blog_name(item: Item) -> bool:
    return isinstance(item, Para) and _BLOG_NAME.fullmatch(item.text.strip()) is not None


def _title_line(item: Item) -> bool:
    text = item.text.strip() if isinstance(item, Para) else ""
    return bool(text) and "\n" not in text and len(text) <= _COPIED_TITLE_CHARS and not text.endswith((".", "!", "?"))


# The post's notes as its page lists them, a line each: "geraltsbard reblogged this from moonlit-quill",
# "lark-song liked this", "moonlit-quill posted this"; "... and added:" over (or before) what it added.
_NOTE_LINE = re.compile(
    r"[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?[ \t]+(?:reblogged[ \t]+this(?:[ \t]+from[ \t]+[a-z0-9-]{1,32})?"
    r"|liked[ \t]+this|posted[ \t]+this)(?P<added>[ \t]+and[ \t]+added[ \t]*:)?",
    re.IGNORECASE,
)
# Tumblr's buttons under a post, copied a line each or on one line: "Reblog" / "Like", "Share Reply Reblog".
_POST_BUTTONS = re.compile(r"(?:(?:reblog|like|share|reply|follow)(?:[ \t]+|\n|$))+", re.IGNORECASE)


_SOURCE_LINE = re.compile(r"source:[ \t]*@?[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?", re.IGNORECASE)


def _chain_line(line: str) -> bool:
    """A line of a post's foot that is no one's words: its notes count, its source ("Source:
    moonlit-quill", the blog that first posted it), its buttons, a note the page lists."""
    line = line.strip()
    note = _NOTE_LINE.fullmatch(line)
    return (
        _NOTES_COUNT.fullmatch(line) is not None
        or _SOURCE_LINE.fullmatch(line) is not None
        or _POST_BUTTONS.fullmatch(line) is not None
        or (note is not None and not note.group("added"))
    )


def _reblog_chain(items: list[Item]) -> bool:
    """Whether the items after a post's tag line are only its reblog chain: pairs of a blog's name
    and what it added, the notes count, the notes as the post's page lists them ("geraltsbard reblogged
    this from moonlit-quill and added:" over what it added) and the post's buttons; one at least."""
    index = 0
    while index < len(items):
        item = items[index]
        text = item.text.strip() if isinstance(item, Para) else ""
        line, _, rest = text.partition("\n")
        note = _NOTE_LINE.match(line.strip())
        whole_line = note is not None and note.end() == len(line.strip())
        if not text:
            return False
        if _NOTES_COUNT.fullmatch(text) or _POST_BUTTONS.fullmatch(text) or all(map(_chain_line, text.split("\n"))):
            index += 1  # (or several of its lines in one paragraph: "Source: moonlit-quill" / "1,204 notes")
        elif note is not None and (whole_line or note.group("added")):
            index += 1  # "... and added: THIS FIC." or its words on the lines under it
            if note.group("added") and whole_line and not rest.strip() and index < len(items):
                index += 1  # "... and added:" alone, what it added the next paragraph
        elif _blog_name(item) and index + 1 < len(items) and isinstance(items[index + 1], Para):
            index += 2
        else:
            return False
    return bool(items)


# What joins a page's title to its site's name: "The Salt Orchard — Wren Press", "Thornfield Ink: The Orchard Wall".
_TITLE_JOINS = (" — ", " – ", " - ", " | ", " · ", " :: ", ": ")
_BLOGGER = re.compile(r"^blogger$", re.IGNORECASE)


def without_site_name(soup: Tag, page_title: str, site: str | None = None) -> str:
    """A page's ``<title>`` without the name of the site it is on, where the page names its site: its
    ``og:site_name`` or ``application-name`` at either end ("Night Ferry — Marisol Dunne Writes" on
    Squarespace, "... - Inkwater" on Substack) or its header's link home (``site``, :func:`site_header_name`), or Blogger's blog name before its posts' titles
    ("Thornfield Ink: The Orchard Wall", a page whose generator is Blogger). Left on, the site's name
    was part of the story's title; and a Reddit post's community ("The Lighthouse Log : r/nosleep").
    A title that is only the site's name is kept."""
    names = [
        str(tag.get("content") or "").strip()
        for tag in soup.find_all("meta", attrs={"property": "og:site_name"}, limit=2)
        + soup.find_all("meta", attrs={"name": "application-name"}, limit=2)
    ] + ([site] if site else [])
    title = _SUBREDDIT.sub("", page_title.strip()) or page_title.strip()
    title = _without_title_byline(soup, title)
    for name in filter(None, names):
        for join in _TITLE_JOINS:
            if title.endswith(join + name) and len(title) > len(join + name):
                return title[: -len(join + name)].strip()
            if title.startswith(name + join) and len(title) > len(name + join):
                return title[len(name + join) :].strip()
    generator = soup.find("meta", attrs={"name": "generator", "content": _BLOGGER})
    if generator is not None and ": " in title:
        return title.split(": ", 1)[1].strip() or title
    return title


# The community after a Reddit post's title in its page's <title>: "The Lighthouse Log : r/nosleep".
_SUBREDDIT = re.compile(r"[ \t]+:[ \t]+r/[A-Za-z0-9_]{2,21}[ \t]*$")
_TITLE_BYLINE = re.compile(
    r"^(?P<title>.+?)[ \t]+[-–—|][ \t]+by[ \t]+(?P<author>[^-–—|]{1,80}?)(?:[ \t]+[-–—|][ \t]+[^-–—|]{1,60})?$"
)


def _without_title_byline(soup: Tag, title: str) -> str:
    """A page's ``<title>`` less the byline it carries after the post's title, and the publication's
    name after that: Substack titles a post "The Cartographer's Apprentice - by Hollis Vane - Inkwater"
    and names the publication nowhere else in the head. Only where the name after "by" is the page's
    own ``<meta name="author">``: "Stand - by Me" is a title of its own."""
    match = _TITLE_BYLINE.match(title)
    if match is None:
        return title
    authors = {
        " ".join(str(tag.get("content") or "").split()).casefold()
        for tag in soup.find_all("meta", attrs={"name": "author"}, limit=2)
    }
    return match.group("title").strip() if match.group("author").strip().casefold() in authors else title


# (after a volume's number, as web novels label chapters: "Vol 1 Chapter 1 - The Crossing")
_CHAPTER_LABEL = re.compile(
    r"^(?:(?:vol(?:ume)?\.?|book)[ \t]*[\w.]{1,6},?[ \t]+)?(?:chapter|ch\.?|part|episode)[ \t]+[\w.]{1,12}[ \t]*[-–—:|][ \t]*",
    re.IGNORECASE,
)
_JOIN = re.compile(r"^[ \t]*[-–—|:][ \t]*")


def without_chapter_heading(page_title: str, chapter: str | None, *, between_chapters: bool = False) -> str:
    """A page's ``<title>`` less the chapter the page heads its text with, where it opens the title:
    Royal Road titles a chapter's page "Chapter 3 - Lanterns Below - The Undercity Cartographer", the
    chapter's label and title (its heading over the text) before the story's. Only where the title
    labels the chapter so ("Chapter 3 - "), the heading is itself a chapter's label, or the page links
    to the chapters either side of it (``between_chapters``, :func:`chapter_links`: "The Bell at Dawn -
    Beneath the Glass City" over an unnumbered heading): a one-chapter post's "The Pier - Gull Notes"
    over its heading "The Pier" keeps its title."""
    if not chapter:
        return page_title
    title = page_title.strip()
    rest = _CHAPTER_LABEL.sub("", title, count=1)
    starts = [rest] if rest != title else []
    if between_chapters or _CHAPTER_LABEL.match(chapter + " - "):
        starts.append(title)
    for start in starts:
        if start.casefold().startswith(chapter.casefold()):
            after = start[len(chapter) :]
            join = _JOIN.match(after)
            if join is not None and join.end() > 0 and after[join.end() :].strip():
                return after[join.end() :].strip()
    return page_title


_AUTHOR_LINE_ITEMS = 6  # the title page's lines over a document's first heading: its title, author, date


def without_author_line(items: list[Item], author: str | None, *, under_title: bool = False) -> list[Item]:
    """A document's items less the line over its first heading that is only its author's name
    ("Bram Oosterhuis", or "by Bram Oosterhuis", centred under the title of a LibreOffice or Word
    export), where the document's own ``<meta name="author">`` names the same writer: read as text,
    the name was a chapter of its own before "Chapter 1". With ``under_title``, the line may stand
    under the page's first heading too (a post's title, then its author's name: Medium's)."""
    name = " ".join((author or "").split()).casefold()
    if not name:
        return items
    for index, item in enumerate(items[:_AUTHOR_LINE_ITEMS]):
        if isinstance(item, Heading) and not (under_title and index == 0):
            break
        line = " ".join(item.text.split()).casefold() if isinstance(item, Para) and not item.note else ""
        if _FOLLOW_BUTTON.sub("", line, count=1) in (name, f"by {name}"):
            return items[:index] + items[index + 1 :]
    return items


# The "Follow" button beside a writer's name over a post, run into it as text ("Ada QuillFollow",
# "Ada Quill · Follow": Medium's, Substack's): that line was the story's first paragraph.
_FOLLOW_BUTTON = re.compile(r"(?<=\S)[ \t]*+(?:[·•|][ \t]*+)?follow$")


_HEADER_LINKS_MOST = 20  # links to a Tumblr blog's own page looked at for the blog's header
_HEADER_DEPTH = 4  # elements looked up from such a link for the header holding it


def _header_blog(soup: Tag) -> str | None:
    """The blog a Tumblr post's page heads itself with: its theme's header (``<header>``, or an element a
    class or id calls a header or the blog's title) links the blog's name to its own page
    ("https://hearthfic.tumblr.com/"), where the page gives no address of its own."""
    for link in soup.find_all("a", href=_TUMBLR_HOME, limit=_HEADER_LINKS_MOST):
        address = _TUMBLR_HOME.match(str(link.get("href")).strip())
        name = (address.group("sub") or address.group("path")) if address else None
        if name and any(_names_header(parent) for parent in itertools.islice(link.parents, _HEADER_DEPTH)):
            return name
    return None


def _names_header(element: Tag) -> bool:
    words = {word for name in _names(element) for word in _words(name)}
    return element.name == "header" or "header" in words or bool(set(_names(element)) & _SITE_TITLES)


_POSTER_DEPTH = 3  # elements looked up from a journal's user link for the entry's poster box


_READER_CONTENT = re.compile(r"moz-?reader-?content|readerShowElement|^page$", re.IGNORECASE)
READER_CREDITS_WORDS = 6  # a name in Reader View's credits line; more is a sentence it took for one


def reader_view_domain(body: Tag) -> str | None:
    """The site a page Firefox's Reader View saved came from, as its header names it by its domain
    (``a.reader-domain``, "nightjarfiction.com"); None for any other page."""
    header = body.find(class_="reader-header")
    domain = header.find(class_="reader-domain") if isinstance(header, Tag) else None
    if not isinstance(domain, Tag):
        return None
    host = squeezed_text(domain) or urlsplit(str(domain.get("href") or "")).netloc
    return host.strip().lower() or None


_NOT_LETTERS = re.compile(r"[\W_]+")
_GENERIC_HOST = re.compile(r"^(?:www\d?|m|mobile)\.")


def without_domain_name(title: str, domain: str | None) -> str:
    """A page's title less the site's name after its last dash or bar where that name is the domain's
    (Reader View's "Salt and Iron - Nightjar Fiction" from nightjarfiction.com, "... - FictionPress.com"),
    letters compared only: left on, the site's name was part of the story's or the chapter's title. A
    title's own dash stays ("Salt - Iron")."""
    if not domain:
        return title
    host = _GENERIC_HOST.sub("", domain)
    names = {_NOT_LETTERS.sub("", host), _NOT_LETTERS.sub("", host.split(".")[0])} - {""}
    for join in _TITLE_JOINS:
        page, found, site = title.rpartition(join)
        if found and page.strip() and _NOT_LETTERS.sub("", site.casefold()) in names:
            return page.strip()
    return title


_OPENS_ON_CHAPTER = re.compile(r"^[ \t]*(?:chapter|chap|ch)\b", re.IGNORECASE)


def chapter_heading_alone(title: str) -> bool:
    """Whether a page's title is only a numbered chapter's heading ("Chapter 3: The Lantern Keeper",
    "Chapter 3"), naming no story."""
    if not _OPENS_ON_CHAPTER.match(title):
        return False  # "Low Water - Chapter 3 - marrowbird - ..." (AO3's) names the story first
    heading = match_heading(title, markdown=False)
    return heading is not None and heading.kind == "chapter" and heading.number is not None


# The words of a site's paths that name no story: "/stories/", "/fiction/1234/", "/read/".
_PATH_WORDS = frozenset(
    [
        "stories",
        "story",
        "s",
        "fiction",
        "fictions",
        "works",
        "work",
        "read",
        "reader",
        "novel",
        "novels",
        "series",
        "book",
        "books",
        "fic",
        "fics",
        "fanfic",
        "fanfiction",
        "post",
        "posts",
        "p",
        "view",
        "index",
        "serial",
    ]
)
_CHAPTER_PATH = re.compile(r"^(?:chapters?|ch|chap|parts?|episodes?)(?:[-_.]?\d.*)?$", re.IGNORECASE)
_SLUG = re.compile(r"^[^\W\d_]+(?:[-_][^\W_]+){0,11}$")
_SLUG_SMALL_WORDS = frozenset(("a", "an", "and", "the", "of", "in", "on", "at", "to", "for", "by", "or", "with"))
_PATH_CHARS = 300  # a link's path read for a story's name; a longer one names none


def reader_view_story(body: Tag) -> str | None:
    """The story a page Firefox's Reader View saved names in its header's link to the page, a
    reading site's path ("starlitscrolls.net/stories/salt-and-iron/chapter-3", Royal Road's
    "/fiction/1234/salt-and-iron/chapter/5678/..."): "Salt and Iron", its small words lower case.
    The last segment of words before the one naming a chapter (or the path's end), past a site's
    words ("stories", "fiction") and numbers; None where the path names none, a chapter only
    ("/chapter-3-the-ford") or ids ("/read/12345")."""
    header = body.find(class_="reader-header")
    domain = header.find(class_="reader-domain") if isinstance(header, Tag) else None
    path = urlsplit(str(domain.get("href") or "")).path if isinstance(domain, Tag) else ""
    if not path or len(path) > _PATH_CHARS:
        return None
    segments = [segment for segment in path.split("/") if segment]
    cut = next((index for index, segment in enumerate(segments) if _CHAPTER_PATH.match(segment)), len(segments))
    for segment in reversed(segments[:cut]):
        if segment.isdigit() or segment.casefold() in _PATH_WORDS:
            continue
        if not _SLUG.match(segment):
            return None
        words = re.split(r"[-_]", segment)
        return " ".join(
            word if word[:1].isupper() else word if index and word in _SLUG_SMALL_WORDS else word.capitalize()
            for index, word in enumerate(words)
        )
    return None


_STORY_LINK_HEADINGS = 6  # headings looked at, at the top of a page, for one linking to its story


def story_link_heading(body: Tag) -> None:
    """A heading under the chapter's heading that is only a link to the story's own page (Royal
    Road's chapter page: "<h1>Chapter 2 - The Dungeon Door</h1>" over "<a href="/fiction/123/ironbound">
    <h2>Ironbound</h2></a>") names the story: it becomes the "Title:" line over the chapter's
    heading. Read as the chapter's subtitle, it titled the chapter "The Dungeon Door — Ironbound",
    and under a numbered heading ("40. Ashfall") the chapter was the story's title. The link's path
    names a story (a site's word, "/fiction/", "/series/", and no chapter)."""
    headings = body.find_all(["h1", "h2", "h3", "h4"], limit=_STORY_LINK_HEADINGS)
    for position, (above, heading) in enumerate(itertools.pairwise(headings)):
        link = heading.find_parent("a") or heading.find("a")
        text = squeezed_text(heading)
        if (
            not isinstance(link, Tag)
            or not text
            or squeezed_text(link) != text
            or squeezed_text(above) == text
            or above.find("a") is not None
            or not _story_path(link)
        ):
            continue
        (link if heading in link.descendants else heading).replace_with(NavigableString(""))
        above.insert_before(_field("Title", text))
        byline = headings[position + 2] if position + 2 < len(headings) else None
        author = byline.find("a", href=AUTHOR_HREF) if isinstance(byline, Tag) else None
        if isinstance(byline, Tag) and isinstance(author, Tag) and _BY_PREFIX.match(squeezed_text(byline)):
            above.insert_before(_field("Author", squeezed_text(author)))  # the by-line under it, "by Halvard"
            byline.decompose()
        return
    if headings:
        _story_link_line(headings[0])


def _story_link_line(heading: Tag) -> None:
    """A line of links alone under the page's first heading, one to the story's page and one to its
    writer's (Scribble Hub's chapter page: "Glass Tower" and "veyra"): the story's title and author,
    set as its Title and Author lines over the heading. Read as text, "Glass Tower veyra" opened the
    chapter, and the story had no author."""
    line = heading.find_next(["div", "p"])
    if not isinstance(line, Tag) or line.find(["div", "p"]) is not None:
        return
    links = line.find_all("a", limit=3)
    stories = [link for link in links if _story_path(link) and not AUTHOR_HREF.search(str(link.get("href") or ""))]
    authors = [link for link in links if AUTHOR_HREF.search(str(link.get("href") or ""))]
    words = " ".join(squeezed_text(link) for link in links)
    if len(links) != 2 or len(stories) != 1 or len(authors) != 1 or squeezed_text(line) != words:
        return
    heading.insert_before(_field("Title", squeezed_text(stories[0])))
    heading.insert_before(_field("Author", _BY_PREFIX.sub("", squeezed_text(authors[0]))))
    line.decompose()


def _story_path(link: Tag) -> bool:
    """Whether a link goes to a story's own page: a site's word for stories in its path and no chapter."""
    path = urlsplit(str(link.get("href") or "")).path
    segments = [segment.casefold() for segment in path.split("/") if segment][:_PATH_SEGMENTS]
    return any(segment in _PATH_WORDS for segment in segments) and not any(
        _CHAPTER_PATH.match(segment) for segment in segments
    )


_PATH_SEGMENTS = 12


def reader_view_header(body: Tag, page_title: str | None) -> str | None:
    """A page Firefox's Reader View saved: its header (dropped with the chrome) holds the page's own
    heading as ``h1.reader-title``, the chapter's title ("Chapter 3: The Ford") when the text under it
    has no heading, and the author in ``.reader-credits``. The heading is set over the text, where
    the chapter's was, and the author's name returned; without this the chapter lost its title and
    number. Only a title that reads as a chapter's heading by itself, not the page's ``<title>`` again
    ("Low Water - Chapter 3 - marrowbird - ...", read as the page's title is), and only over a text
    with no heading of its own (AO3's "Chapter 3: Crossing" keeps it alone)."""
    header = body.find(class_="reader-header")
    if not isinstance(header, Tag):
        return None
    credits = header.find(class_="reader-credits")
    name = _BY_PREFIX.sub("", squeezed_text(credits)).strip() if isinstance(credits, Tag) else ""
    title = header.find(class_="reader-title")
    content = body.find(id="readability-page-1") or body.find(class_=_READER_CONTENT)
    heading = squeezed_text(title) if isinstance(title, Tag) else ""
    if heading and " ".join((page_title or "").split()) == heading:
        # the page's title again: a chapter's heading only once the site's name after it is gone
        # ("Chapter 3: The Lantern Keeper | Starlit Scrolls" from starlitscrolls.net)
        # (or once it reads as a chapter's heading alone, "Chapter 3: The Lantern Keeper": the page
        # names only its chapter, and :func:`reader_view_story` its story)
        site_less = without_domain_name(heading, reader_view_domain(body))
        heading = site_less if site_less != heading or chapter_heading_alone(heading) else ""
    named = match_heading(heading, markdown=False) if heading else None
    if named is None or named.kind not in ("chapter", "named", "part"):
        heading = ""
    if heading and isinstance(content, Tag) and content.find(["h1", "h2", "h3"]) is None:
        new = Tag(name="h2")
        new.string = heading
        content.insert(0, new)
    return name if name and len(name.split()) <= READER_CREDITS_WORDS else None


def _poster_box(words: set[str]) -> bool:
    """Whether an element's class words name an entry's poster: Dreamwidth's "poster-info", or
    LiveJournal's "b-singlepost-author" (a commenter's box names a comment, not the entry)."""
    return "poster" in words or ("author" in words and bool(words & {"singlepost", "entry", "post"}))


def page_author(body: Tag) -> str | None:
    """The author a page names where no byline of a blog's or a reading site's does: a Dreamwidth or
    LiveJournal entry's poster (``span.ljuser`` in its "poster" box, the user in ``lj:user``), the
    post's author as microformats mark it (:func:`_entry_author`), or the name a class calls the
    author's beside the story's title heading (Inkitt's ``div.author-name`` in the story's header).
    Users named in the entry's text are not its poster."""
    for user in body.find_all("span", class_="ljuser", limit=_HEADER_LINKS_MOST):
        if any(
            _poster_box({word for name in _names(parent) for word in _words(name)})
            for parent in itertools.islice(user.parents, _POSTER_DEPTH)
        ):
            name = str(user.get("lj:user") or "").strip() or squeezed_text(user)
            if name:
                return name
    if (card := _entry_author(body)) is not None:
        return card
    post = body.find(_post_element)
    if isinstance(post, Tag) and len(name := " ".join(str(post.get("author")).split())) <= _POSTER_CHARS:
        return name  # new Reddit's <shreddit-post author="tidewright" post-title="...">, its head gone as chrome
    title = body.find("h1")
    header = title.parent if isinstance(title, Tag) else None
    named = header.find(class_=_names_author_name) if isinstance(header, Tag) and header is not body else None
    name = _BY_PREFIX.sub("", squeezed_text(named)).strip() if isinstance(named, Tag) else ""
    info = header.find(class_="author-info") if isinstance(header, Tag) and header is not body and not name else None
    links = info.find_all("a", href=AUTHOR_HREF, limit=2) if isinstance(info, Tag) else []
    if len(links) == 1:  # Wattpad's box of the writer's avatar, name and follow button: the name is its link's
        name = squeezed_text(links[0])
    if name and len(name.split()) <= _NAME_WORDS:
        return name
    return _byline_box(body) or _stats_byline(body)


_POSTER_CHARS = 60


def _post_element(tag: Tag) -> bool:
    """A custom element standing for a post, its author and title its attributes (new Reddit's
    ``<shreddit-post author="tidewright" post-title="The Lighthouse Log">``)."""
    return "-" in tag.name and bool(str(tag.get("author") or "").strip()) and tag.has_attr("post-title")


def _entry_author(body: Tag) -> str | None:
    """The author a post marks with microformats, read before its footer goes as chrome: the first
    ``p-author`` (an ``h-card`` whose ``p-name`` is the name, or the name itself), as Medium's export
    and IndieWeb blogs set "By <a class="p-author h-card">Kestrel Ames</a>" under a post."""
    card = body.find(class_="p-author")
    if not isinstance(card, Tag):
        return None
    name_tag = card.find(class_="p-name")
    name = squeezed_text(name_tag if isinstance(name_tag, Tag) else card).strip()
    return name if name and len(name.split()) <= _NAME_WORDS else None


_ROW_DEPTH = 2  # from a user's link up to the row of items it opens


def _stats_byline(body: Tag) -> str | None:
    """The author a row of items opens with a link to a user's page, the rest of it the chapter's
    counts and dates (Webnovel's ``<span><a href="/profile/1">Wen_Aster</a></span><span>1,704
    words</span><span>Updated Jun 5, 2021</span>``, laid out apart by its style sheet), the row taken
    out: read as text, "Wen_Aster1,704 wordsUpdated Jun 5, 2021" was the chapter's first paragraph.
    Only a row of elements with no words between them, the others a stats line (:func:`stats_line`)."""
    for link in body.find_all("a", href=AUTHOR_HREF, limit=_HEADER_LINKS_MOST):
        name = squeezed_text(link)
        item: Tag = link
        for row in itertools.islice(link.parents, _ROW_DEPTH):
            items = [child for child in row.contents if isinstance(child, Tag)]
            loose = any(isinstance(child, NavigableString) and child.strip() for child in row.contents)
            if len(items) >= 2 and not loose and items[0] is item and squeezed_text(item) == name:
                rest = " · ".join(squeezed_text(child) for child in items[1:])
                if name and len(name.split()) <= _NAME_WORDS and stats_line(rest):
                    row.decompose()
                    return name
                break
            item = row
    return None


# AO3's <title> is the work's title (255 characters at most), its chapter, authors and fandoms: a longer
# one is some other page's, and is not read (its parts are found by trying each "-", so 48,000
# characters of " - 0" took 5 s).
AO3_PAGE_TITLE_CHARS = 2_000
_AO3_TITLE = re.compile(
    r"^(?P<title>.+?)(?:[ \t]+-[ \t]+Chapter[ \t]+\d+)?[ \t]+-[ \t]+(?P<author>[^-]+?)[ \t]+-[ \t]+.+?[ \t]*\[Archive of Our Own\]$"
)


_TITLE_PARTS = re.compile(r"[ \t]+[|–—-][ \t]+")
_TITLE_BY = re.compile(r"by[ \t]+(?P<name>\S.{0,60})", re.IGNORECASE)


def title_by_author(page_title: str | None) -> str | None:
    """The author a page's <title> names in a part of its own after "by" ("The Ferry | by Tess Marlow |
    Medium", "Salt Road - by Mara Quill"): a post's page that names its author nowhere else Dogear reads."""
    parts = _TITLE_PARTS.split(" ".join((page_title or "").split()))
    for part in parts[1:]:  # (the first part is the title itself: "Saved by Moonlight")
        found = _TITLE_BY.fullmatch(part.strip())
        words = found.group("name").split() if found is not None else []
        # a name in capitals ("Tess Marlow") or a handle of one word ("inkymoth"); "by the Sea" is a title's
        if words and len(words) <= _NAME_WORDS and (len(words) == 1 or all(word[:1].isupper() for word in words)):
            return found.group("name").strip()  # type: ignore[union-attr]
    return None


def without_title_by(page_title: str) -> str:
    """A page's <title> less its "by <author>" part (:func:`title_by_author`): "The Ferry | by Tess
    Marlow | Medium" titles the story "The Ferry | Medium" before the site's name goes."""
    text = " ".join(page_title.split())
    parts = _TITLE_PARTS.split(text)
    if len(parts) < 2 or not any(_TITLE_BY.fullmatch(part.strip()) for part in parts[1:]):
        return page_title
    separators = _TITLE_PARTS.findall(text)
    kept = parts[0]
    for separator, part in zip(separators, parts[1:], strict=True):
        if _TITLE_BY.fullmatch(part.strip()) is None:
            kept += separator + part
    return kept


# A blog's name in a page's <title>: "Hollow Bones | moonlit-quill's blog", "moonlit-quill on Tumblr".
_BLOG_PART = re.compile(
    r"(?P<name>[^\s'’].{0,60}?)[ \t]*(?:['’]s[ \t]+(?:tumblr[ \t]+)?blog|[ \t]+on[ \t]+tumblr)", re.IGNORECASE
)
# A blog's handle as Tumblr sets it before a post's title ("moonlit-quill — Hollow Bones"): one word in
# lower case, its parts joined by hyphens, underscores or digits.
_HANDLE = re.compile(r"@?(?P<name>[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*)")
_HANDLE_JOINED = re.compile(r"[-_0-9]")
_HANDLE_JOINS = (" — ", " – ", " - ", " | ", ": ")


def title_blog_author(page_title: str | None, heading: str | None) -> tuple[str, str] | None:
    """The author a blog post's <title> names as its blog, and the title less it: a part of its own
    that is a blog's ("Hollow Bones | moonlit-quill's blog", "moonlit-quill on Tumblr: Hollow Bones"),
    or a handle over the post's title as Tumblr's themes set it ("moonlit-quill — Hollow Bones"). The
    handle is one word in lower case, and either the rest is the page's own heading or the handle is
    joined as only a handle is ("moonlit-quill", "quill_writes", "ink42"): "Inkwater — The Ferry" is a
    site's name, and "wren — The Ferry" without the heading to bear it out is nobody's for sure.
    Without it, the blog's name was lost, or titled the story."""
    text = " ".join((page_title or "").split())
    parts = _TITLE_PARTS.split(text)
    if len(parts) >= 2:
        for index, part in enumerate(parts):
            found = _BLOG_PART.fullmatch(part.strip())
            if found is not None and len(found.group("name").split()) <= _NAME_WORDS:
                rest = [other for place, other in enumerate(parts) if place != index]
                return found.group("name").strip(), " | ".join(rest)
    blog = re.match(r"(?P<name>.{1,60}?)[ \t]+on[ \t]+tumblr(?::[ \t]*(?P<rest>.+))?$", text, re.IGNORECASE)
    if blog is not None and len(blog.group("name").split()) <= _NAME_WORDS:
        return blog.group("name").lstrip("@").strip(), (blog.group("rest") or "").strip()
    said = " ".join((heading or "").split()).casefold()
    for join in _HANDLE_JOINS:
        handle, _, rest = text.partition(join)
        found = _HANDLE.fullmatch(handle.strip())
        if not rest.strip() or found is None:
            continue
        if (said and rest.strip().casefold() == said) or _HANDLE_JOINED.search(found.group("name")):
            return found.group("name"), rest.strip()
    return None


def ao3_title_author(page_title: str | None) -> str | None:
    """The author AO3's own <title> names ("Ferry Lines - Chapter 3 - petrelwing - Original Work
    [Archive of Our Own]"), for a work's page read without AO3's markup (Firefox's Reader View saved
    it with the chapter's text and no byline)."""
    title = " ".join((page_title or "").split())
    match = _AO3_TITLE.match(title) if len(title) <= AO3_PAGE_TITLE_CHARS else None
    return match.group("author").strip() if match is not None else None


def _byline_box(body: Tag) -> str | None:
    """The author a box called a byline names by its one link to a user's page, the box taken out
    (Scribble Hub's ``div.chp_byline`` beside the chapter's title): read as text, the author's name
    was the chapter's first paragraph."""
    for box in body.find_all(class_=_BYLINE_CLASS, limit=_HEADER_LINKS_MOST):  # (a quick search, then the words)
        if not _names_byline(box.get("class")):
            continue
        links = box.find_all("a", href=AUTHOR_HREF, limit=2)
        if len(links) != 1 or box.find_parent(class_=_names_byline) is not None:
            continue
        name = squeezed_text(links[0])
        if name and _BY_PREFIX.sub("", squeezed_text(box)).strip() == name and len(name.split()) <= _NAME_WORDS:
            box.decompose()
            return name
    return None


_BYLINE_CLASS = re.compile("byline", re.IGNORECASE)


def _names_byline(names: str | list[str] | None) -> bool:
    return names is not None and any("byline" in _words(name) for name in _classes_of(names))


_NAME_WORDS = 5


def _names_author_name(names: str | list[str] | None) -> bool:
    """A class naming the author's name: "author-name", "author" (not "author-note", "author-bio")."""
    return names is not None and any(name in ("author", "author-name", "authorname") for name in _classes_of(names))


_CHIPS_MOST = 200  # Notion's property values looked at on a page


_TITLE_BLOCK_NAMES = frozenset(["chaptertitle", "chapter-title", "chapter_title", "episode-title", "episodetitle"])
_TITLE_BLOCK_CHARS = 150
_TITLE_BLOCKS_MOST = 2_000


def chapter_title_blocks(body: Tag) -> None:
    """A division or paragraph a class calls a chapter's title (eFiction's ``div.chaptertitle``
    "1. Brine", Tapas's ``p.episode-title``) is the chapter's heading, less a "by" and a link to the
    author's page after it ("The Wheel by hollowfen"): read as a line of text, a page of every
    chapter (eFiction's printable story) was one chapter, each chapter's notes all the first's.
    Only a short line with no block inside it."""
    for block in body.find_all(["div", "p", "span"], class_=_names_title_block, limit=_TITLE_BLOCKS_MOST):
        if block.find_parent(_HEADINGS) is not None or block.find(list(_BLOCK_TAGS)) is not None:
            continue
        parts = [child for child in block.contents if not (isinstance(child, NavigableString) and not child.strip())]
        if (
            len(parts) >= 2
            and isinstance(parts[-1], Tag)
            and parts[-1].name == "a"
            and AUTHOR_HREF.search(str(parts[-1].get("href") or ""))
            and isinstance(parts[-2], NavigableString)
            and re.search(r"\bby\s*$", parts[-2], re.IGNORECASE)
        ):
            parts[-1].decompose()
            parts[-2].replace_with(NavigableString(re.sub(r"\s*\bby\s*$", "", parts[-2], flags=re.IGNORECASE)))
        text = squeezed_text(block)
        if text and len(text) <= _TITLE_BLOCK_CHARS:
            block.name = "h2"
            tags_changed()  # (the page's index of tags by name knew it as a <div>: a search for headings missed it)


def _names_title_block(names: str | list[str] | None) -> bool:
    # (any case: InDesign's EPUB export names its styles "Chapter-Title")
    return names is not None and any(name.lower() in _TITLE_BLOCK_NAMES for name in _classes_of(names))


def separate_chips(body: Tag) -> None:
    """A Notion export's multi-select values, each a chip (``span.selected-value``) set side by side
    with nothing between: read as text, "grief" and "hospital" ran together into "griefhospital" and
    no warning of a "CW" property mapped. Chips that follow one another are parted by a comma."""
    for chip in body.find_all("span", class_="selected-value", limit=_CHIPS_MOST):
        following = chip.next_sibling
        if isinstance(following, Tag) and following.name == "span" and "selected-value" in _names(following):
            chip.insert_after(NavigableString(", "))


_WORDLESS = re.compile(r"[^\w]+")


_DIVIDERS_MOST = 50  # divider images looked at on a page
# Characters of a divider image's marks, as many as a line of marks that is no rule may have and still be a
# scene break (structure.is_scene_break): 3 MB of "~*~" was posted as a paragraph of marks. A longer
# wordless alt is an image's, cut as every alt text is (front_pages.image_line).
_DIVIDER_ALT_CHARS = 40
_PROSE_CHARS = 80  # a run of text this long is the story's, not a header's line


def divider_images(body: Tag, *, decorative: bool = False) -> None:
    """An image whose alt text is nothing but marks ("~*~*~", "* * *", "-:-"), as hand-made pages draw
    a divider, is a scene break in the story (a line of its marks, as a text file writes one) and
    nothing over it (between the title and the header's lines, where a break would end the header):
    read as an image, it was a "[Image: ~*~*~]" line of the story. So is an image alone in its
    paragraph whose file name, alt text or class (or its paragraph's) call it a divider
    ("scene-break.png", alt="ornament", class="divider"; front_pages.names_divider), and, with
    ``decorative`` (an EPUB's chapter, where an empty alt marks decoration), any image alone in its
    paragraph with an empty alt: a "[Image: scene break]" line, or nothing, with no break."""
    dividers: list[tuple[Tag, str]] = []
    for image in body.find_all("img", limit=_IMAGES_MOST):
        alt = str(image.get("alt") or "").strip()
        if alt and len(alt) <= _DIVIDER_ALT_CHARS and _WORDLESS.fullmatch(alt):
            dividers.append((image, alt))
        elif _alone_in_block(image) and ((decorative and "alt" in image.attrs and not alt) or _named_divider(image)):
            dividers.append((image, "* * *"))
        if len(dividers) >= _DIVIDERS_MOST:
            break
    if not dividers:
        return
    prose = body.find(string=lambda text: len(text.strip()) >= _PROSE_CHARS)
    over = prose.find_all_previous("img") if prose is not None else body.find_all("img")
    over_text = {id(image) for image in over}
    for image, marks in dividers:
        if id(image) in over_text:
            image.decompose()
        else:
            line = Tag(name="p")
            line.string = marks
            image.replace_with(line)  # a line of marks alone: a scene break, as in a text file


_IMAGES_MOST = 2000  # images looked at on a page for its dividers
_BLOCKS = frozenset(["p", "div", "center", "figure", "section", "blockquote", "body", "td"])


def _named_divider(image: Tag) -> bool:
    names = [str(image.get("src") or "").rsplit("/", 1)[-1], str(image.get("alt") or ""), " ".join(_names(image))]
    parent = image.parent
    if isinstance(parent, Tag) and parent.name != "body":
        names.append(" ".join(_names(parent)))
    return names_divider(*names)


_INLINE_DEPTH = 8  # inline elements around an image looked through for its paragraph


def _alone_in_block(image: Tag) -> bool:
    """Whether an image stands alone in its paragraph: no words beside it up to the nearest block
    (a <p> or <div> of it alone, or the body with blocks either side)."""
    node: Tag = image
    for _ in range(_INLINE_DEPTH):
        if not isinstance(node.parent, Tag) or node.parent.name in _BLOCKS:
            break
        node = node.parent
    else:
        return False  # (inside inline elements this deep, no paragraph of its own)
    for step in ("previous_sibling", "next_sibling"):
        sibling = getattr(node, step)
        while isinstance(sibling, NavigableString) and not sibling.strip():
            sibling = getattr(sibling, step)
        if sibling is not None and (not isinstance(sibling, Tag) or sibling.name not in _BESIDE_ALONE):
            return False
    return True


_BESIDE_ALONE = _BLOCKS | {"br", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}


# A hand-made page's lines under its story: its visitor counter, "best viewed in 800x600", "last updated".
_SITE_LINE = re.compile(
    r"^\W*(?:best[ \t]+viewed[ \t]+(?:in|with|at)\b|last[ \t]+updated?\b|(?:you[ \t]+are[ \t]+)?visitor[ \t]+(?:no\.?|number|#)?"
    r"|hits?[ \t]+since\b|(?:©|\(c\)|copyright)\b)",
    re.IGNORECASE,
)
_COUNTER = re.compile(r"\b(?:visitor|hit|web)?[ \t-]*counter\b|\bcounter\d*\.", re.IGNORECASE)
_LINK_SEPARATORS = re.compile(r"[\s|·•~\-–—/]*")


def closing_site_block(body: Tag) -> None:
    """The block closing a hand-made page (Neocities, GeoCities), under the story, when each of its
    lines is the site's: links back ("<< back to stories | home"), a visitor counter's image, "best
    viewed in 800x600 ~ last updated 2/2/2024". Read as text, it was the story's last paragraph. One
    line of words the site's lines do not say keeps the block."""
    block = next((child for child in reversed(body.contents) if isinstance(child, Tag)), None)
    while isinstance(block, Tag) and block.name in ("div", "center", "p") and _only_child(block) is not None:
        block = _only_child(block)
    if not isinstance(block, Tag) or block is body or not block.find("a"):
        return
    lines: list[list[PageElement]] = [[]]
    for child in block.contents:
        if isinstance(child, Tag) and child.name == "br":
            lines.append([])
        else:
            lines[-1].append(child)
    kinds = [_site_line(line) for line in lines]
    if all(kinds) and any(kind == "site" for kind in kinds):
        block.decompose()  # (links alone may be the story's: "one two", a list of its sources)


def _only_child(block: Tag) -> Tag | None:
    children = [child for child in block.contents if not (isinstance(child, NavigableString) and not child.strip())]
    return children[0] if len(children) == 1 and isinstance(children[0], Tag) and children[0].name != "a" else None


def _site_line(line: list[PageElement]) -> str | None:
    """What a line of a page's closing block is: "site" for a counter's image or a site's own line
    ("best viewed in ..."), "links" for links and their separators only, None for anything else."""
    rest: list[str] = []
    kind = "links"
    for node in line:
        if isinstance(node, Tag) and node.name == "a":
            continue
        if isinstance(node, Tag) and node.name == "img":
            if not _COUNTER.search(f"{node.get('alt') or ''} {node.get('src') or ''}"):
                return None
            kind = "site"
            continue
        rest.append(node.get_text(" ") if isinstance(node, Tag) else str(node))
    text = " ".join(" ".join(rest).split())
    if not text or _LINK_SEPARATORS.fullmatch(text) is not None:
        return kind
    return "site" if _SITE_LINE.match(text) is not None else None
