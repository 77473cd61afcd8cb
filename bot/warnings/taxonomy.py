"""The warning categories: the fixed defaults from ``data/warnings/taxonomy.json`` plus a
server's own additions.

Ids of the defaults never change (stories, settings and rules refer to them), so a server can
add categories but never remove or rename these.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources.abc import Traversable

from bot.limits import AUTOCOMPLETE_CHOICES
from bot.paths import shipped
from bot.text import escape_markdown
from bot.warnings.declared import alias_id

TAXONOMY_FILE = shipped("warnings", "taxonomy.json")
CATEGORY_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_SHOWN_CHOICE = re.compile(r".*\((?P<id>[a-zA-Z0-9-]+)\)")  # "Self-harm (self-harm)", as menus show it
_NOT_WORD = re.compile(r"[\W_]+")
ALIAS_CHARS = 80  # a warning typed by what authors call it is a few words


def _loose(text: str) -> str:
    """A name with only its letters and digits, lower case: "Self Harm", "self-harm" and "SELF_HARM" meet."""
    return _NOT_WORD.sub("", text.lower())


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    label: str
    description: str
    group: str
    ao3_warning: str | None = None
    custom: bool = False


@dataclass(frozen=True, slots=True)
class Taxonomy:
    categories: tuple[Category, ...]
    _by_id: dict[str, Category] = field(default_factory=dict, compare=False, repr=False)
    # Each category by its id's and its label's letters (:func:`_loose`), made at the first
    # :meth:`find`: a reminder or an excerpt header asks it of every word a story or a member
    # names, and searching every category's names again each time held the event loop.
    _by_loose: dict[str, Category] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({category.id: category for category in self.categories})

    def __iter__(self) -> Iterator[Category]:
        return iter(self.categories)

    def __contains__(self, category_id: object) -> bool:
        return category_id in self._by_id

    def __len__(self) -> int:
        return len(self.categories)

    def find(self, typed: str) -> Category | None:
        """The category a member typed or picked: its id, its label, or a menu's "Label (id)", in
        any letter case, with spaces, hyphens and slashes alike ("Self Harm" is ``self-harm``).
        A member types what they read, not the id; defaults win over a server's own categories."""
        text = typed.strip()
        shown = _SHOWN_CHOICE.fullmatch(text)
        if shown and shown["id"].lower() in self._by_id:
            return self._by_id[shown["id"].lower()]
        key = _loose(text)
        if not key:
            return None
        if not self._by_loose:
            for category in self.categories:  # the first category in order that has the name wins
                self._by_loose.setdefault(_loose(category.id), category)
                self._by_loose.setdefault(_loose(category.label), category)
        named = self._by_loose.get(key)
        if named is not None:
            return named
        # What authors and archives call it, as /warnings categories lists: "MCD", "Major Character Death".
        alias = alias_id(text) if len(text) <= ALIAS_CHARS else None
        return self._by_id.get(alias) if alias else None

    @property
    def ids(self) -> list[str]:
        return [category.id for category in self.categories]

    def get(self, category_id: str) -> Category | None:
        return self._by_id.get(category_id)

    def label(self, category_id: str) -> str:
        category = self._by_id.get(category_id)
        return category.label if category else category_id

    def with_custom(self, extra: Iterable[Category]) -> Taxonomy:
        """The defaults first, then the server's categories; an extra id never shadows a default."""
        added = [replace(category, custom=True) for category in extra if category.id not in self._by_id]
        return Taxonomy(self.categories + tuple(added))

    def did_you_mean(self, typed: str) -> str:
        """ " Did you mean **Self-harm**?" for a category name typed with a slip ("slef harm"), naming
        at most two, or '' when none is close: the refusal then says only to pick from the list."""
        names = {_loose(name): c for c in self.categories for name in (c.id, c.label)}
        close = difflib.get_close_matches(_loose(typed), list(names), n=4, cutoff=0.75)
        labels = list(dict.fromkeys(names[name].label for name in close))[:2]
        return f" Did you mean {' or '.join(f'**{escape_markdown(label)}**' for label in labels)}?" if labels else ""

    def search(self, typed: str, limit: int = AUTOCOMPLETE_CHOICES) -> list[Category]:
        """Autocomplete: ids or labels starting with what was typed first, then containing it."""
        needle = typed.strip().lower()
        starts = [c for c in self.categories if c.id.startswith(needle) or c.label.lower().startswith(needle)]
        contains = [c for c in self.categories if c not in starts and (needle in c.id or needle in c.label.lower())]
        return (starts + contains)[:limit]


def parse_taxonomy(raw: dict) -> Taxonomy:
    categories = []
    for entry in raw["categories"]:
        categories.append(
            Category(
                id=entry["id"],
                label=entry["label"],
                description=entry["description"],
                group=entry["group"],
                ao3_warning=entry.get("ao3_warning"),
            )
        )
    return Taxonomy(tuple(categories))


@cache
def default_taxonomy(path: Traversable = TAXONOMY_FILE) -> Taxonomy:
    """Read once per process: the file ships with the code and does not change while running."""
    return parse_taxonomy(json.loads(path.read_text(encoding="utf-8")))
