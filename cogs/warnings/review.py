"""Confirm / Dismiss for a chapter's warning: persistent buttons and the texts around them.

The buttons carry the story, chapter and warning in their custom id (``DynamicItem``), so a
review list or a report posted in the moderation channel keeps working after a restart. Each
press checks Manage Server in code: a button can be seen by anyone who sees the message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import discord

from bot.client import Tracked, fit_answer, report_error, send_ephemeral
from bot.errors import UserError
from bot.limits import BUTTON_LABEL_CHARS
from bot.text import clip, page_blocks, plural, visible_line
from bot.warnings import reviews
from bot.warnings.service import category_label
from cogs._checks import carried_id
from cogs.warnings.settled import answered_as_settled, report_post, show_settled
from cogs.warnings.texts import decided_text, item_lines

if TYPE_CHECKING:
    from bot.client import DogearBot


BUTTON_ROWS = 5  # Discord allows five rows of components; one item (Confirm + Dismiss) per row
PAGING_LABELS = {"b": "◀ Previous", "f": "↻ Show again", "a": "Next ▶"}


def _bot(interaction: discord.Interaction) -> DogearBot:
    return interaction.client  # type: ignore[return-value]


class Decide(
    Tracked,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"dogear:warn:(?P<action>[cd]):(?P<story>\d{1,20}):(?P<chapter>\d{1,7}):(?P<warning>[a-z0-9-]{1,40})"
    r"(?::(?P<moved>\d{1,20}))?",
):
    """Confirm (``c``) or dismiss (``d``) one warning on a chapter as numbered after ``moved`` moves (None: an old id)."""

    def __init__(
        self,
        action: str,
        story_id: int,
        chapter: int,
        warning_id: str,
        moved: int | None,
        *,
        number: int | None = None,
        label: str | None = None,
    ) -> None:
        confirm = action == "c"
        item = f"{number}. " if number else ""
        super().__init__(
            discord.ui.Button(
                label=confirm_label(item, label or warning_id, chapter) if confirm else f"{item}Dismiss",
                style=discord.ButtonStyle.success if confirm else discord.ButtonStyle.secondary,
                custom_id=f"dogear:warn:{action}:{story_id}:{chapter}:{warning_id}"
                + (f":{moved}" if moved is not None else ""),
            )
        )
        self.action = action
        self.story_id = story_id
        self.chapter = chapter
        self.warning_id = warning_id
        self.moved = moved

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Decide:
        moved = None if match["moved"] is None else carried_id(match["moved"])
        return cls(match["action"], carried_id(match["story"]), carried_id(match["chapter"]), match["warning"], moved)

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await self._decide(interaction)
        except Exception as error:
            await report_error(interaction, error, what=f"button {self.custom_id}")

    async def _decide(self, interaction: discord.Interaction) -> None:
        if interaction.guild_id is None:
            raise UserError("These buttons work inside the server where they were posted.")
        if not interaction.permissions.manage_guild:
            raise UserError("You need the Manage Server permission to confirm or dismiss warnings.")
        bot = _bot(interaction)
        post = report_post(interaction.message)
        if post is not None and await answered_as_settled(interaction, post):
            return  # decided elsewhere since it was posted: this press must not undo it
        decide = reviews.confirm_warning if self.action == "c" else reviews.dismiss_warning
        decided = await decide(
            bot.db,
            interaction.guild_id,
            self.story_id,
            self.chapter,
            self.warning_id,
            user_id=interaction.user.id,
            now=bot.clock.now().timestamp(),
            moved=self.moved,
        )
        label = await category_label(bot.db, interaction.guild_id, self.warning_id)
        text = decided_text(decided, self.action, label, self.warning_id, self.chapter)
        start = page_start(interaction.message)
        if post is not None:
            await show_settled(
                interaction, post, "confirmed" if self.action == "c" else "dismissed", interaction.user.id
            )
        elif start is not None:  # a review or story page: the same page read again, so what moved up onto it shows
            await interaction.response.defer()
            await show_page(interaction, interaction.guild_id, start, "f")
        await send_ephemeral(interaction, text)


# (story id, chapter, warning id, its label, how many moves the story's chapters had made when the
# chapter was read): what a pair of buttons decides
Item = tuple[int, int, str, str, int]


def confirm_label(item: str, label: str, chapter: int) -> str:
    """``1. Confirm Vomiting · ch. 2``: the category's label, clipped so the button keeps Discord's limit."""
    suffix = f" · ch. {chapter}"
    room = BUTTON_LABEL_CHARS - len(item) - len("Confirm ") - len(suffix)
    return f"{item}Confirm {clip(visible_line(label) or label, room)}{suffix}"


def decision_view(items: Sequence[Item], numbers: Sequence[int] | None = None) -> discord.ui.View:
    """Confirm and Dismiss for up to five (story, chapter, warning) items, one row each; ``numbers``
    are the items' numbers in the list shown, put on the Confirm buttons so each row says its item."""
    view = discord.ui.View(timeout=None)
    for row, (story_id, chapter, warning_id, label, moved) in enumerate(items[:BUTTON_ROWS]):
        for action in ("c", "d"):
            number = numbers[row] if numbers else None
            button = Decide(action, story_id, chapter, warning_id, moved, number=number, label=label)
            button.item.row = row
            view.add_item(button)
    return view


@dataclass(frozen=True, slots=True)
class DecisionPage:
    """A page of things to decide: its text, its items with buttons, the last row's paging (review, story)."""

    text: str
    items: list[Item]
    numbers: list[int]
    nav: list[Browse] = field(default_factory=list)


def page_view(shown: DecisionPage) -> discord.ui.View:
    view = decision_view(shown.items, shown.numbers)
    for button in shown.nav:
        button.item.row = BUTTON_ROWS - 1
        view.add_item(button)
    return view


async def send_with_buttons(interaction: discord.Interaction, shown: DecisionPage) -> None:
    """An ephemeral follow-up with Confirm/Dismiss rows for the items on the page."""
    view = page_view(shown)
    await send_ephemeral(interaction, shown.text, view=view, allowed_mentions=discord.AllowedMentions.none())
    view.stop()  # no view has to wait: a press is routed to Decide or Browse, also after a restart


async def show_again(interaction: discord.Interaction, shown: DecisionPage) -> None:
    """The pressed message replaced by ``shown`` (a review page read again, or another one)."""
    view = page_view(shown)
    await interaction.edit_original_response(content=fit_answer(shown.text), view=view)
    view.stop()


class Browse(
    Tracked,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"dogear:review:(?P<mode>[fab]):(?P<section>[rps]):(?P<first>\d{1,20}):(?P<chapter>\d{1,7}):"
    r"(?P<warning>[a-z0-9-]{0,40})(?::(?P<moved>\d{1,20}))?",
):
    """A review or story page's paging: the items before (``b``) its first, from its first again
    (``f``), after its last (``a``). It carries the item's key, not a page number: deciding items on
    a page moves the rest up, and Next after a key never skips the one that moved up. The key's
    section says which list: the review queue's (``r``, ``p``) or one story's (``s``). A possible
    warning's key also carries how many moves its story's chapters had made (``moved``, left off by
    older buttons), so a press after ``/story update`` moved them goes on from the same item."""

    def __init__(self, mode: str, key: reviews.QueueKey) -> None:
        custom_id = f"dogear:review:{mode}:{key.section}:{key.first}:{key.chapter}:{key.warning_id}"
        custom_id += f":{key.moved}" if key.moved is not None else ""
        super().__init__(
            discord.ui.Button(label=PAGING_LABELS[mode], style=discord.ButtonStyle.primary, custom_id=custom_id)
        )
        self.mode = mode
        self.key = key

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Browse:
        return cls(match["mode"], carried_key(match))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            if interaction.guild_id is None:
                raise UserError("These buttons work inside the server where they were posted.")
            if not interaction.permissions.manage_guild:
                raise UserError("You need the Manage Server permission to review warnings.")
            await interaction.response.defer()
            await show_page(interaction, interaction.guild_id, self.key, self.mode)
        except Exception as error:
            await report_error(interaction, error, what=f"button {self.custom_id}")


async def show_page(interaction: discord.Interaction, guild_id: int, key: reviews.QueueKey, mode: str) -> None:
    """The review or story page from ``key`` read again into the pressed message (deferred already)."""
    db = _bot(interaction).db
    if key.section == reviews.STORY_SECTION:
        from cogs.warnings.story_page import story_overview_page  # it builds on this module

        await show_again(interaction, story_overview_page(await reviews.story_page(db, guild_id, key, mode)))
    else:
        await show_again(interaction, review_page(await reviews.review_slice(db, guild_id, key=key, mode=mode)))


def page_start(message: discord.Message | None) -> reviews.QueueKey | None:
    """The key of the first item of the review or story page a button was pressed on (None elsewhere)."""
    for row in message.components if message is not None else []:
        for component in getattr(row, "children", []):
            match = re.fullmatch(Browse.__discord_ui_compiled_template__, component.custom_id or "")
            if match and match["mode"] == "f":
                return carried_key(match)
    return None


def carried_key(match: re.Match[str]) -> reviews.QueueKey:
    """The key a paging button's custom id carries (its move count None on a button made before keys carried one)."""
    moved = None if match["moved"] is None else carried_id(match["moved"])
    return reviews.QueueKey(
        match["section"], carried_id(match["first"]), int(match["chapter"]), match["warning"], moved
    )


def review_page(shown: reviews.ReviewSlice) -> DecisionPage:
    """``/warnings review``: the items of one slice of the queue that fit a message, numbered by
    their place in the queue, each with its buttons, and the paging buttons after them."""
    if not shown.items:
        return DecisionPage("Nothing to review: no open reports and no possible warnings waiting.", [], [])
    head = f"**To review** ({shown.total:,} in all):"
    blocks = [item_lines(shown.start + number, item) for number, item in enumerate(shown.items[: reviews.PER_PAGE], 1)]
    text, count = keyed_text(head, [], blocks, shown.start, shown.total)
    on_page = shown.items[:count]
    items = [(item.story_id, item.chapter, item.warning_id, item.label, item.moved) for item in on_page]
    keys = [item.key for item in on_page if item.key is not None]  # every item of a review slice has one
    nav = paging_buttons(keys[0], keys[-1], shown.start > 0, shown.start + count < shown.total)
    return DecisionPage(text, items, list(range(shown.start + 1, shown.start + count + 1)), nav)


def keyed_text(
    head: str, lead: Sequence[str], blocks: Sequence[Sequence[str]], start: int, total: int
) -> tuple[str, int]:
    """A keyed page's text: ``head``, the ``lead`` lines, then the first of ``blocks`` (the items
    from position ``start``, at most ``PER_PAGE``) that fit one message, and where they stand in
    the ``total``; with how many items it shows. Next continues after the last one shown.

    Lead lines that would leave no room for the first item give way to it, with a note saying how
    many: a page that offers items always shows one, so Next always moves on.
    """
    blocks = list(blocks[: reviews.PER_PAGE])
    dropped = 0
    while True:
        kept = list(lead[: len(lead) - dropped])
        if dropped:
            kept.append(f"-# {plural(dropped, 'more line')} left off to make room for the list")
        text, count = _fitted_page(head, kept, blocks)
        if count or not blocks or dropped >= len(lead):
            break
        dropped += 1
    if count:
        first, last = start + 1, start + count
        text += f"\n-# {f'Items {first:,}–{last:,}' if last > first else f'Item {first:,}'} of {total:,}"
    return text, count


def _fitted_page(head: str, lead: Sequence[str], blocks: Sequence[Sequence[str]]) -> tuple[str, int]:
    """``head``, ``lead`` and the first ``blocks`` that fit one message; with how many blocks."""
    counted = [False] * len(lead) + [True] * len(blocks)
    paged = page_blocks(head, [*([line] for line in lead), *blocks], 1, "", most=reviews.PER_PAGE, counted=counted)
    text = paged.text if len(paged.shown) == len(counted) else paged.text.rsplit("\n", 1)[0]  # its page note
    return text, sum(1 for index in paged.shown if counted[index])


def paging_buttons(first: reviews.QueueKey, last: reviews.QueueKey, earlier: bool, later: bool) -> list[Browse]:
    """Previous (when items come before), this page again from ``first``, and Next after ``last``
    (when items follow), by key."""
    buttons = [Browse("b", first)] if earlier else []
    buttons.append(Browse("f", first))
    return buttons + ([Browse("a", last)] if later else [])
