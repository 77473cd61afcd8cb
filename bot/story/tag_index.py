"""A parsed page's tags by name and by attribute, built once and kept across the readers' searches.

The HTML readers search the whole tree some forty times (``find_all("a", href=True)``, ``find(id=
"preface")`` ...), and each search walked every element of it: at 50,000 elements, those walks
were a third of the time a file took. Here one walk notes every tag's place in document order,
the places of the tags of each name and of each attribute, and where each tag's inside ends; a
search then reads only the tags it could match, found by bisection in those lists, and asks the
same :class:`~bs4.SoupStrainer` about each. The answer is the walk's, in the same order.

The readers change the tree as they go, so the index follows it:

* a tag taken out (``extract``, ``decompose``, or the readers' own in-place removals) marks itself
  and all inside it as gone, in the index, without a new walk;
* a tag put in (``insert`` and everything built on it: ``append``, ``replace_with`` ...) or an
  attribute added or taken away makes every index stale (one count, :data:`_changes`): the next
  search of a whole page walks it again; a search inside a part of a page walks that part, as before.

A tree whose links disagree with its parents (nothing Beautiful Soup or the readers build) gets no
index, and every search walks it.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from bs4 import BeautifulSoup, PageElement, SoupStrainer, Tag

# Walks of one page to build its index: a reader that puts a tag in and then searches the whole page,
# over and over, has the page walked by each search, as before, past these.
MOST_BUILDS = 16


class _Changes:
    """How many times any tree has had a tag put in or an attribute added or removed."""

    count = 0


_changes = _Changes()


def tags_changed() -> None:
    """A tag was put into a tree, or a tag's attribute added or removed: every index is stale."""
    _changes.count += 1


class TagIndex:
    """One page's tags in document order, by name and by attribute, with where each one's inside ends."""

    __slots__ = ("alive", "by_attribute", "by_name", "ends", "prefixed", "stamp", "tags")

    def __init__(self, stamp: int) -> None:
        self.stamp = stamp
        self.tags: list[Tag] = []
        self.ends: list[int] = []  # the place after a tag's last descendant tag
        self.alive = bytearray()  # 0 once the tag has left the tree
        self.by_name: dict[str, list[int]] = {}  # tags without a namespace prefix, by name
        self.prefixed: list[int] = []  # tags with one: every name search reads them, as the walk did
        self.by_attribute: dict[str, list[int]] = {}

    def fresh(self) -> bool:
        return self.stamp == _changes.count


def _build(page: BeautifulSoup) -> TagIndex | None:
    """One walk of ``page``: every tag's place; None when an element's parent is not among the tags
    open around it (links and parents disagree: only the walk itself can say what a search finds)."""
    index = TagIndex(_changes.count)
    tags, ends, by_name, by_attribute, prefixed = (
        index.tags,
        index.ends,
        index.by_name,
        index.by_attribute,
        index.prefixed,
    )
    open_tags: list[PageElement] = [page]
    open_places: list[int] = [-1]
    for element in page.descendants:
        parent = element.parent
        while open_tags[-1] is not parent:
            open_tags.pop()
            place = open_places.pop()
            if place < 0:
                return None
            ends[place] = len(tags)
        if not isinstance(element, Tag):
            continue
        place = len(tags)
        tags.append(element)
        ends.append(place + 1)
        if element.prefix:
            prefixed.append(place)
        else:
            by_name.setdefault(element.name, []).append(place)
        for attribute in element.attrs:
            by_attribute.setdefault(attribute, []).append(place)
        element._index_place = (index, place)  # type: ignore[attr-defined]
        open_tags.append(element)
        open_places.append(place)
    for place in open_places[1:]:
        ends[place] = len(tags)
    index.alive = bytearray(b"\x01") * len(tags)
    page._tag_index = index  # type: ignore[attr-defined]
    return index


def tag_removed(tag: Tag) -> None:
    """``tag`` and all inside it have left their tree: a fresh index stops finding them."""
    found = getattr(tag, "_index_place", None)
    if found is None:
        return
    index, place = found
    if index.fresh() and index.tags[place] is tag:
        end = index.ends[place]
        index.alive[place:end] = bytes(end - place)


def _range(root: Tag) -> tuple[TagIndex, int, int] | None:
    """A fresh index holding ``root``, and the places of the tags inside it; None when there is none
    (then the search walks). A page's stale index is built again only for a search of all of it (from
    the page, its ``<html>`` or its ``<body>``), which would have walked it all anyway, and at most
    :data:`MOST_BUILDS` times a page: a search inside a part of it walks that part, as before."""
    found = getattr(root, "_index_place", None)
    if found is not None and found[0].fresh():
        index, place = found
        if index.tags[place] is root and index.alive[place]:
            return index, place + 1, index.ends[place]
        return None
    page = _page_of(root)
    if page is None:
        return None
    index = page._tag_index
    if index is None or not index.fresh():
        if page._index_builds >= MOST_BUILDS:
            return None
        page._index_builds += 1
        index = _build(page)
    if index is None:
        return None
    if root is page:
        return index, 0, len(index.tags)
    found = root._index_place
    if found is None or found[0] is not index:
        return None
    return index, found[1] + 1, index.ends[found[1]]


def _page_of(root: Tag) -> BeautifulSoup | None:
    """The page ``root`` is all of: the page itself, its ``<html>`` or its ``<body>``; else None."""
    element: PageElement | None = root
    for _ in range(3):
        if isinstance(element, BeautifulSoup):
            return element
        if element is None or element.name not in ("html", "body"):
            return None
        element = element.parent
    return None


class Subtree:
    """What a search of all inside ``root`` reads: ``root.descendants``, with ``root`` kept, so the search
    can answer from the index instead (:class:`Indexed`'s searches)."""

    __slots__ = ("_walk", "root")

    def __init__(self, root: Tag) -> None:
        self.root = root
        self._walk: Iterator[PageElement] | None = None

    def __iter__(self) -> Iterator[PageElement]:
        return self

    def __next__(self) -> PageElement:
        if self._walk is None:
            self._walk = self.root.descendants
        return next(self._walk)


class Indexed:
    """The page's and its tags' side of the index (mixed into their classes before Beautiful Soup's):
    a recursive search names its root, a tag taken out marks itself gone, and a tag put in or an
    attribute added or taken away makes every index stale."""

    # Class defaults: Beautiful Soup reads an attribute a tag lacks as a search for a tag of that name.
    _index_place: tuple[TagIndex, int] | None = None
    _tag_index: TagIndex | None = None
    _index_builds = 0

    def _generator_for_recursive(self, recursive: bool) -> Iterator[PageElement]:
        if recursive:
            return Subtree(self)  # type: ignore[arg-type]
        return super()._generator_for_recursive(recursive)  # type: ignore[misc]

    def extract(self, _self_index: int | None = None):  # type: ignore[no-untyped-def]
        tag_removed(self)  # type: ignore[arg-type]
        return super().extract(_self_index)  # type: ignore[misc]

    def insert(self, position: int, *new_children):  # type: ignore[no-untyped-def]
        if any(not isinstance(child, str) for child in new_children):  # a tag (strings are not indexed)
            tags_changed()
        return super().insert(position, *new_children)  # type: ignore[misc]

    def __setitem__(self, key: str, value: object) -> None:
        if key not in self.attrs:  # type: ignore[attr-defined]
            tags_changed()
        super().__setitem__(key, value)  # type: ignore[misc]

    def __delitem__(self, key: str) -> None:
        tags_changed()
        super().__delitem__(key)  # type: ignore[misc]


def search_rules(strainer: SoupStrainer) -> tuple[frozenset[str] | None, list[str]]:
    """What a tag must have for ``strainer`` to be asked about it at all: one of these names (None:
    any; a tag with a namespace prefix is always asked), and these attributes (an absent attribute
    fails every rule but a function or ``False``)."""
    rules = strainer.name_rules
    names = frozenset(rule.string for rule in rules) if rules and all(rule.string for rule in rules) else None
    needed = [
        attribute
        for attribute, attribute_rules in strainer.attribute_rules.items()
        if all(rule.function is None and rule.present is not False for rule in attribute_rules)
    ]
    return names, needed


def matching_tags(
    strainer: SoupStrainer, elements: Iterable[PageElement], limit: int | None, root: Tag | None = None
) -> list[Tag]:
    """The tags among ``elements`` (all inside ``root``, when given) that ``strainer`` matches, at most
    ``limit`` (None: all), in document order: from the index when there is one, else by the walk."""
    names, needed = search_rules(strainer)
    plain = _plain_rules(strainer, names)
    matches = _only_function(strainer) or plain or strainer.matches_tag
    span = _range(root) if root is not None else None
    if span is None:
        candidates: Iterable[PageElement] = elements
    else:
        candidates = _candidates(*span, names, needed)
        if plain is not None:  # the index's tags are of the names asked; the rules ask the attributes
            return _first(filter(plain, candidates), limit)
    found: list[Tag] = []
    for element in candidates:
        if not isinstance(element, Tag):
            continue
        if names is not None and element.name not in names and not element.prefix:
            continue
        if needed and not all(attribute in element.attrs for attribute in needed):
            continue
        if matches(element):
            found.append(element)
            if limit is not None and len(found) >= limit:
                break
    return found


def _first(tags: Iterator[Tag], limit: int | None) -> list[Tag]:
    """The first ``limit`` of ``tags`` (None: all)."""
    return list(tags) if limit is None else list(islice(tags, limit))


def _only_function(strainer: SoupStrainer) -> Callable[[Tag], object] | None:
    """The function a search by a function alone (``find_all(is_footnotes)``) asks of each tag: the
    strainer's answer is the function's (its one name rule has nothing else to match, and no other
    rule is there), without the strainer's own steps around it, a few microseconds a tag."""
    rules = strainer.name_rules
    if len(rules) != 1 or strainer.attribute_rules or strainer.string_rules:
        return None
    rule = rules[0]
    if rule.function is None or rule.string is not None or rule.pattern is not None:
        return None
    if rule.present is not None or rule.exclude_everything:
        return None
    return rule.function


def _plain_rules(strainer: SoupStrainer, names: frozenset[str] | None) -> Callable[[Tag], bool] | None:
    """The strainer's answer for a tag that has passed :func:`matching_tags`' checks of its name and
    needed attributes, when its rules are plain (names, and attribute values by string, pattern or
    presence): the attribute rules asked directly, as ``SoupStrainer.matches_tag`` asks them, without
    its generic steps (some 3 us a tag, and the readers search the page's 50,000 ``<a>`` two dozen
    times: a paragraph of tag links at the element limit spent 1.3 s of its 3.3 s there). A name
    rule passed the name check already, unless the tag has a namespace prefix: that one is asked whole.
    None for any other strainer (a function, a string rule, a name rule the name check cannot answer)."""
    if strainer.string_rules or (strainer.name_rules and names is None):
        return None
    checks: list[tuple[str, tuple[tuple[bool | None, str | None, re.Pattern[str] | None], ...]]] = []
    for attribute, rules in strainer.attribute_rules.items():
        if any(rule.function is not None or rule.exclude_everything for rule in rules):
            return None
        checks.append((attribute, tuple((rule.present, rule.string, rule.pattern) for rule in rules)))
    if not checks and not strainer.name_rules:
        return None  # no rule at all: matches_tag's own answer (nothing)
    whole = strainer.matches_tag

    def matches(tag: Tag) -> bool:
        if tag.prefix:
            return whole(tag)
        attrs = tag.attrs
        for attribute, rules in checks:
            value = attrs.get(attribute)
            if isinstance(value, list):  # a multi-valued attribute: any value, else all of them joined
                if not (_any_value(rules, value) or (len(value) != 1 and _any_value(rules, [" ".join(value)]))):
                    return False
            elif not _any_value(rules, [value]):
                return False
        return True

    return matches


def _any_value(rules: tuple[tuple[bool | None, str | None, re.Pattern[str] | None], ...], values: list) -> bool:
    """Whether a rule (present, string, pattern: the one given) matches a value, as ``MatchRule`` has it."""
    for present, string, pattern in rules:
        for value in values:
            if present is not None:
                if (value is not None) is present:
                    return True
            elif string is not None:
                if string == value:
                    return True
            elif pattern is not None and value is not None and pattern.search(value) is not None:
                return True
    return False


def _candidates(
    index: TagIndex, start: int, stop: int, names: frozenset[str] | None, needed: list[str]
) -> Iterator[Tag]:
    """The tags still in the tree between places ``start`` and ``stop`` that could match, in order."""
    if names is not None:
        lists = [index.by_name.get(name, []) for name in names]
        lists.append(index.prefixed)
    elif needed:
        lists = [min((index.by_attribute.get(attribute, []) for attribute in needed), key=len)]
    else:
        lists = []
    alive, tags = index.alive, index.tags
    if names is None and not needed:
        places: Iterable[int] = range(start, stop)
    else:
        slices = [places[bisect_left(places, start) : bisect_left(places, stop)] for places in lists]
        slices = [piece for piece in slices if piece]
        places = slices[0] if len(slices) == 1 else heapq.merge(*slices)
    return (tags[place] for place in places if alive[place])
