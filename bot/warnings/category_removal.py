"""Removing one of a server's own warning categories with everything of the server that refers to it.

A category goes by itself with its last rule only while nothing else names it (a story's warning
change, a chapter's review, a report, a member's avoided warnings, its switch-off): without this an
admin could never be rid of one, and a server whose 50 categories were all referred to could never
create another. The admin is shown what goes (:func:`plan_removal`) and confirms; the confirmation
carries :attr:`CategoryRemoval.key`, so what is removed is what was shown: if anything changed in
between (a new rule, a new report, the category removed and made again) nothing is removed and the
admin is asked again. The category and every reference go in one transaction, with a rules version
bump so stored scans naming it are made again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

from bot.db import Database
from bot.errors import UserError
from bot.limits import AUTOCOMPLETE_CHOICES
from bot.text import quote_input, visible_line
from bot.warnings import store
from bot.warnings.rules import default_ruleset
from bot.warnings.store import CategoryUses
from bot.warnings.taxonomy import Taxonomy

KEY_CHARS = 8  # what a confirmation button carries of the key (custom ids are at most 100 characters)


@dataclass(frozen=True, slots=True)
class CategoryRemoval:
    """One custom category and what would go with it."""

    category_id: str
    label: str
    uses: CategoryUses

    @property
    def key(self) -> str:
        """A short digest of the category's creation and what refers to it: equal only for the same removal."""
        uses = self.uses
        rules = ",".join(str(rule.id) for rule in uses.rules)
        parts = (
            self.category_id, repr(uses.created_at), rules, uses.overrides, uses.confirmed, uses.dismissed,
            uses.open_reports, uses.closed_reports, uses.avoiding, uses.switched_off,
        )  # fmt: skip
        return hashlib.sha256(repr(parts).encode()).hexdigest()[:KEY_CHARS]

    @property
    def nothing_else(self) -> bool:
        uses = self.uses
        return not (
            uses.rules or uses.overrides or uses.confirmed or uses.dismissed or uses.open_reports
            or uses.closed_reports or uses.avoiding or uses.switched_off
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Removed:
    """What pressing Remove did: ``removed`` (``removal`` is what went), ``changed`` (nothing removed;
    ``removal`` is what would go now, to ask again) or ``gone`` (it was removed already)."""

    outcome: Literal["removed", "changed", "gone"]
    removal: CategoryRemoval | None = None


def _category_id(category: str) -> str:
    if not visible_line(category):
        raise UserError("Pick one of this server's own categories from the list, or see `/warnings categories`.")
    return category.strip().lower()


async def _read(conn: store.Connection, guild_id: int, category_id: str) -> CategoryRemoval | None:
    uses = await store.category_uses(conn, guild_id, category_id)
    if uses is None:
        return None
    labels = {category.id: category.label for category, _ in await store.custom_categories(conn, guild_id)}
    return CategoryRemoval(category_id, labels.get(category_id, category_id), uses)


async def plan_removal(db: Database, guild_id: int, category: str) -> CategoryRemoval:
    """What removing the server's category ``category`` would take with it (nothing is changed)."""
    category_id = _category_id(category)
    if category_id in default_ruleset().taxonomy:
        raise UserError(
            f"`{category_id}` is one of Dogear's own categories, which cannot be removed. "
            f"`/warnings rules disable target:{category_id}` switches its detection off."
        )
    found = await _read(db, guild_id, category_id)
    if found is None:
        raise UserError(
            f"This server has no category of its own called {quote_input(category)}; `/warnings categories` lists them."
        )
    return found


async def remove_category(db: Database, guild_id: int, category_id: str, key: str) -> Removed:
    """Remove the category and everything of the server naming it, in one transaction, if what
    refers to it is still what the admin was shown (``key``); else nothing changes."""
    async with db.transaction() as tx:
        found = await _read(tx, guild_id, category_id)
        if found is None:
            return Removed("gone")
        if found.key != key:
            return Removed("changed", found)
        await store.delete_category(tx, guild_id, category_id)
        await store.bump_version(tx, guild_id)
    return Removed("removed", found)


async def own_category_choices(
    db: Database, guild_id: int, typed: str, limit: int = AUTOCOMPLETE_CHOICES
) -> list[tuple[str, str]]:
    """Autocomplete: the server's own categories only (Dogear's cannot be removed)."""
    own = Taxonomy(tuple(category for category, _ in await store.custom_categories(db, guild_id)))
    return [(f"{c.label} ({c.id})", c.id) for c in own.search(typed, limit)]


__all__ = ["CategoryRemoval", "Removed", "own_category_choices", "plan_removal", "remove_category"]
