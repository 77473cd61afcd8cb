"""A large HTML tree is read at a cost per element the readers can afford: a search passes over
what it is not asked for without the general filter, and the walk does no work for a block with no
text of its own."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup, SoupStrainer

from bot.story import htmltext
from bot.story.htmltext import html_items, new_soup
from bot.story.structure import Para

_PAGE = (
    '<html><body><div id="top" class="Nav main"><p>One <a href="#c1">link</a></p>'
    '<a name="c1"></a><ul><li class="entry">x</li><li>y <a href="/tagged/angst">#angst</a></li></ul>'
    '<section><p class="title">T</p><sup><a href="#fn1" id="r1">1</a></sup><p data-x="">z</p></section>'
    '<ol><li id="fn1">note</li></ol></div></body></html>'
)


def _looked(soup: BeautifulSoup) -> list[list[str]]:
    """What the readers' kinds of searches find in ``soup``, as tag names."""
    body = soup.body
    assert body is not None
    sup = soup.sup
    assert sup is not None
    queries = [
        body.find_all(["p", "li", "div"]),
        body.find_all("a", href=True),
        body.find_all("a", href=True, limit=1),
        body.find_all("a", attrs={"name": True}),
        body.find_all(id=True),
        body.find_all(class_="main"),
        body.find_all(class_="Nav main"),
        body.find_all("div", class_="nav"),
        body.find_all(class_=lambda names: names in {"entry"}),
        body.find_all(lambda tag: tag.name == "sup"),
        body.find_all(re.compile("^s")),
        body.find_all("a", href=re.compile("tagged")),
        body.find_all(True),
        body.find_all("p", attrs={"data-x": True}),
        body.find_all("li", recursive=False),
        [tag for tag in [sup.find_parent(["section", "div"]), sup.find_next_sibling(True)] if tag],
        [tag for tag in [body.find("a", href=True), soup.find("title")] if tag],
    ]
    return [[f"{tag.name}{tag.attrs}" for tag in found] for found in queries]


def test_searches_find_what_beautiful_soups_own_find() -> None:
    assert _looked(new_soup(_PAGE)) == _looked(BeautifulSoup(_PAGE, "lxml"))


def test_a_search_hands_the_filter_only_the_tags_it_names(monkeypatch: pytest.MonkeyPatch) -> None:
    soup = new_soup("<html><body>" + "<p>a<i>b</i></p>" * 2000 + "<a href='#x'>x</a></body></html>")
    matched = 0
    original = SoupStrainer.matches_tag

    def counting(self: SoupStrainer, tag: object) -> bool:
        nonlocal matched
        matched += 1
        return original(self, tag)  # type: ignore[arg-type]

    monkeypatch.setattr(SoupStrainer, "matches_tag", counting)
    assert len(soup.find_all("a", href=True)) == 1
    assert len(soup.find_all(["p", "li"])) == 2000
    assert soup.find_all(id=True) == []
    # At most one tag for the link, 2,000 for the paragraphs, none for the id nobody has (each of the
    # 4,000 tags, and each string, went through the filter). A search by names and attribute values
    # is now answered from the index without the filter at all (none: 284f37f).
    assert matched <= 2001


def test_a_deep_nest_reads_no_empty_text(monkeypatch: pytest.MonkeyPatch) -> None:
    depth = 2000
    soup = new_soup("<html><body>" + "<div><blockquote>" * depth + "text" + "</blockquote></div>" * depth)
    read = 0
    original = htmltext._without_navigation

    def counting(text: str) -> str:
        nonlocal read
        read += 1
        return original(text)

    monkeypatch.setattr(htmltext, "_without_navigation", counting)
    assert soup.body is not None
    assert html_items(soup.body) == [Para("text")]
    assert read <= 2  # twice per element: 8,000
