"""The parse tree's changes cost by the elements changed: a paragraph of thousands of ``<br>``,
comments, hidden lines or images is not read again from its first child for each of them."""

from __future__ import annotations

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from bot.story.htmltext import _swap, make_soup, new_soup, take_out


class _Counting(list):  # type: ignore[type-arg]
    """A parent's children that count how many of them are read, and how often the list is cut."""

    reads = 0
    moves = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        _Counting.reads += 1
        return super().__getitem__(key)

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            _Counting.reads += 1
            yield item

    def insert(self, index, item):  # type: ignore[no-untyped-def]
        _Counting.moves += 1
        super().insert(index, item)

    def __delitem__(self, key):  # type: ignore[no-untyped-def]
        _Counting.moves += 1
        super().__delitem__(key)


def _counted(markup: str) -> tuple[BeautifulSoup, Tag]:
    soup = new_soup(markup)
    paragraph = soup.p
    assert paragraph is not None
    paragraph.contents = _Counting(paragraph.contents)
    _Counting.reads = _Counting.moves = 0
    return soup, paragraph


def _chain(soup: BeautifulSoup) -> None:
    """The elements' links give the order their children lists give, both ways, siblings too."""
    expected: list[object] = []

    def visit(tag: Tag) -> None:
        for position, child in enumerate(tag.contents):
            assert child.parent is tag
            assert child.previous_sibling is (tag.contents[position - 1] if position else None)
            assert child.next_sibling is (tag.contents[position + 1] if position + 1 < len(tag.contents) else None)
            expected.append(child)
            if isinstance(child, Tag):
                visit(child)

    visit(soup)
    walked, node = [], soup.contents[0] if soup.contents else None
    while node is not None:
        walked.append(node)
        assert node.next_element is None or node.next_element.previous_element is node
        node = node.next_element
    assert walked == expected


def test_each_child_is_found_from_the_last_one_found() -> None:
    _, paragraph = _counted("<p>" + "a<br>" * 3000 + "</p>")
    children = list(paragraph.contents)
    _Counting.reads = 0
    assert [paragraph.index(child) for child in children] == list(range(len(children)))
    assert _Counting.reads <= 3 * len(children)  # one at a time from the first: 18 million


def test_breaks_are_swapped_in_place() -> None:
    soup, paragraph = _counted("<p>" + "a<br>" * 3000 + "</p>")
    for br in paragraph.find_all("br"):
        _swap(br, NavigableString("\u2028"))
    assert _Counting.moves == 0 and _Counting.reads <= 3 * 6000
    assert paragraph.get_text() == "a\u2028" * 3000
    _chain(soup)


def test_what_is_taken_out_goes_in_one_pass_and_the_tree_stays_whole() -> None:
    markup = "<p>" + "a<!--c--><span hidden>h<i>i</i></span>" * 2000 + "z</p><p>after</p>"
    soup, paragraph = _counted(markup)
    take_out(paragraph.find_all("span"))
    take_out([node for node in paragraph.contents if isinstance(node, Comment)])
    assert _Counting.moves == 0 and _Counting.reads <= 3 * 6001
    expected = BeautifulSoup(markup, "lxml")
    for node in expected.find_all("span") + expected.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    assert str(soup) == str(expected)
    _chain(soup)


def test_an_element_inside_one_taken_out_is_passed_over() -> None:
    soup = new_soup("<p>a<span hidden>b<b hidden>c</b>d</span>e</p>")
    outer, inner = soup.find_all(hidden=True)
    take_out([outer, inner])
    assert str(soup.p) == "<p>ae</p>"
    _chain(soup)


def test_make_soup_still_marks_breaks_and_drops_the_unseen() -> None:
    soup = make_soup(
        "<style>.x{display:none}</style><p>one<br>two<!-- note --><span class='x'>hidden</span>"
        "<script>bad()</script><span style='display: none'>gone</span>three<br/>four</p>"
    )
    assert soup.p is not None and soup.p.get_text() == "one\u2028twothree\u2028four"
    _chain(soup)
