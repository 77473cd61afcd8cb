"""Confirm / Dismiss for a chapter's warning: persistent buttons and the texts around them.

The buttons carry the story, chapter and warning in their custom id (``DynamicItem``), so a
review list or a report posted in the moderation channel keeps working after a restart. Each
press checks Manage Server in code: a button can be seen by anyone who sees the message.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord

from bot.client import report_error, send_ephemeral
from bot.errors import UserError
from bot.limits import BUTTON_LABEL_CHARS
from bot.text import clip, escape_clipped, escape_markdown, page_blocks, plural, visible_line
from bot.warnings import reviews
from bot.warnings.service import category_label
from cogs._checks import carried_id
from cogs.warnings.texts import named

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)

BUTTON_ROWS = 5  # Discord allows five rows of components; one item (Confirm + Dismiss) per row
NOTE_PREVIEW_CHARS = 200
TITLE_CHARS = 90  # a story's title in a review line: escaped within a fixed width, so five items fit a page
HIDDEN_PER_LINE = 10
# Why a possible warning waits for a decision, in the words /warnings story heads its list with.
POSSIBLE_WHY = "possible: some evidence, too little to show members"


def _bot(interaction: discord.Interaction) -> DogearBot:
    return interaction.client  # type: ignore[return-value]


class Decide(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"dogear:warn:(?P<action>[cd]):(?P<story>\d{1,20}):(?P<chapter>\d{1,7}):(?P<warning>[a-z0-9-]{1,40})",
):
    """Confirm (``c``) or dismiss (``d``) one warning on one chapter."""

    def __init__(
        self,
        action: str,
        story_id: int,
        chapter: int,
        warning_id: str,
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
                custom_id=f"dogear:warn:{action}:{story_id}:{chapter}:{warning_id}",
            )
        )
        self.action = action
        self.story_id = story_id
        self.chapter = chapter
        self.warning_id = warning_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Decide:
        return cls(match["action"], carried_id(match["story"]), carried_id(match["chapter"]), match["warning"])

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
        decide = reviews.confirm_warning if self.action == "c" else reviews.dismiss_warning
        closed = await decide(
            bot.db,
            interaction.guild_id,
            self.story_id,
            self.chapter,
            self.warning_id,
            user_id=interaction.user.id,
            now=bot.clock.now().timestamp(),
        )
        reports = f" Closed {plural(closed, 'open report')}." if closed else ""
        label = await category_label(bot.db, interaction.guild_id, self.warning_id)
        what = f"{named(label, self.warning_id)} for chapter {self.chapter}"
        if self.action == "c":
            text = f"Confirmed {what}: everyone sees it there now.{reports}"
        else:
            text = f"Dismissed {what}: it will not be offered again.{reports}"
        await send_ephemeral(interaction, text)


Item = tuple[int, int, str, str]  # (story id, chapter, warning id, its label): what a pair of buttons decides


def confirm_label(item: str, label: str, chapter: int) -> str:
    """``1. Confirm Vomiting · ch. 2``: the category's label, clipped so the button keeps Discord's limit."""
    suffix = f" · ch. {chapter}"
    room = BUTTON_LABEL_CHARS - len(item) - len("Confirm ") - len(suffix)
    return f"{item}Confirm {clip(visible_line(label) or label, room)}{suffix}"


def decision_view(items: Sequence[Item], numbers: Sequence[int] | None = None) -> discord.ui.View:
    """Confirm and Dismiss for up to five (story, chapter, warning) items, one row each; ``numbers``
    are the items' numbers in the list shown, put on the Confirm buttons so each row says its item."""
    view = discord.ui.View(timeout=None)
    for row, (story_id, chapter, warning_id, label) in enumerate(items[:BUTTON_ROWS]):
        for action in ("c", "d"):
            number = numbers[row] if numbers else None
            button = Decide(action, story_id, chapter, warning_id, number=number, label=label)
            button.item.row = row
            view.add_item(button)
    return view


@dataclass(frozen=True, slots=True)
class DecisionPage:
    """One page of a list of things to decide: its text, and the items on it that get buttons."""

    text: str
    items: list[Item]
    numbers: list[int]


async def send_with_buttons(interaction: discord.Interaction, shown: DecisionPage) -> None:
    """An ephemeral follow-up with Confirm/Dismiss rows for the items on the page."""
    view = decision_view(shown.items, shown.numbers)
    await send_ephemeral(interaction, shown.text, view=view, allowed_mentions=discord.AllowedMentions.none())
    view.stop()  # no view has to wait: a press is routed to Decide, also after a restart


def decision_page(
    head: str, blocks: Sequence[tuple[Sequence[str], Item | None]], page: int, next_page: str, *, more: bool = False
) -> DecisionPage:
    """Page ``page`` of ``blocks`` (lines, and the item they offer or ``None``): at most one item per
    button row on a page, so every item is on some page with its buttons."""
    counted = [item is not None for _, item in blocks]
    paged = page_blocks(
        head, [lines for lines, _ in blocks], page, next_page, most=BUTTON_ROWS, counted=counted, more=more
    )
    numbers = [sum(counted[: index + 1]) for index in paged.shown if counted[index]]
    items = [item for index in paged.shown if (item := blocks[index][1]) is not None]
    return DecisionPage(paged.text, items, numbers)


def evidence_lines(evidence: Sequence[Any], limit: int = 2) -> list[str]:
    return [f"  ↳ ¶{item.paragraph}: ||{escape_markdown(item.text)}||" for item in evidence[:limit]]


def review_page(queue: reviews.ReviewQueue, page: int) -> DecisionPage:
    """``/warnings review``: every open report and possible warning, a page at a time, each with its buttons."""
    if not queue.items:
        return DecisionPage("Nothing to review: no open reports and no possible warnings waiting.", [], [])
    count = f"{len(queue.items):,} in all" if queue.complete else f"at least {len(queue.items):,}"
    head = f"**To review** ({count}):"
    blocks = [(item_lines(number, item), (item.story_id, item.chapter, item.warning_id, item.label))
              for number, item in enumerate(queue.items, start=1)]  # fmt: skip
    return decision_page(head, blocks, page, "/warnings review page:{page}", more=not queue.complete)


def item_lines(number: int, item: reviews.ReviewItem) -> list[str]:
    why = f"reported by {plural(item.reports, 'member')}" if item.reports else POSSIBLE_WHY
    lines = [
        f"{number}. {named(item.label, item.warning_id)} in chapter {item.chapter} of "
        f"**{escape_clipped(item.story_title, TITLE_CHARS)}**: {why}"
    ]
    lines += [f"  › “{escape_clipped(note, NOTE_PREVIEW_CHARS)}”" for note in item.notes[:2]]
    return lines + evidence_lines(item.evidence)


def story_overview_page(overview: reviews.StoryOverview, page: int) -> DecisionPage:
    """``/warnings story``: what members see, what admins hid, then every possible warning, paged."""
    labels = overview.labels
    changed = ", ".join(
        f"{'added' if action == 'add' else 'removed'} {named(labels.get(wid, wid), wid)}"
        for action, wid in overview.changed
    )
    head = f"**{escape_markdown(overview.title)}**" + (f": {changed}." if changed else "")
    lines = []
    if overview.warnings:
        lines.append("Warnings members see (strongest first):")
        lines += [
            f"⚠️ **{escape_markdown(w.label)}** (`{w.id}`{', ' * bool(w.source_note)}{w.source_note})"
            for w in overview.warnings
        ]
    else:
        lines.append("No warnings.")
    hidden = overview.hidden
    lines += [
        "Hidden by an admin: "
        + ", ".join(named(labels.get(wid, wid), wid) for wid in hidden[start : start + HIDDEN_PER_LINE])
        for start in range(0, len(hidden), HIDDEN_PER_LINE)
    ]
    blocks: list[tuple[Sequence[str], Item | None]] = [([line], None) for line in lines]
    if overview.possible:
        blocks.append((["**Possible warnings** (some evidence, too little to show members; they see these only "
                        "if you confirm):"], None))  # fmt: skip
    for item in overview.possible:
        line = f"❔ {named(item.label, item.id)} in chapter {item.chapter}, score {item.score:g}"
        blocks.append(([line, *evidence_lines(item.evidence)], (item.story_id, item.chapter, item.id, item.label)))
    return decision_page(head, blocks, page, f"/warnings story story:{overview.story_id} page:{{page}}")


async def post_to_mod_channel(guild: discord.Guild, new: reviews.NewReport) -> bool:
    """The report in the moderation channel, if one is set; the reporter only as mention text, no pings."""
    if new.mod_channel_id is None:
        return False
    channel = guild.get_channel(new.mod_channel_id)
    if not isinstance(channel, discord.TextChannel):
        log.warning("guild %s: moderation channel %s is gone", guild.id, new.mod_channel_id)
        return False
    report = new.report
    lines = [
        f"📣 **Warning report**: {named(new.label, report.warning_id)} in chapter "
        f"{report.chapter} of **{escape_markdown(new.story_title)}**, reported by <@{report.reporter_id}>."
    ]
    if report.note:
        lines.append(f"Note: “{escape_markdown(report.note)}”")
    try:
        view = decision_view([(report.story_id, report.chapter, report.warning_id, new.label)])
        await channel.send("\n".join(lines), view=view, allowed_mentions=discord.AllowedMentions.none())
        view.stop()  # the buttons are registered dynamic items; no view needs to wait
    except discord.HTTPException as error:
        log.warning("guild %s: could not post a report to the moderation channel: %s", guild.id, error)
        return False
    return True
