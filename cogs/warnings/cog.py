"""``/warnings``: the categories, a try-out scan, this server's own rules and overrides,
members' reports and the admins' review of them.

Discord applies default permissions per top-level command only, so ``/warnings`` stays
visible to everyone (members need ``categories``, ``test`` and ``report``); ``rules ...``,
``story`` and ``review`` check Manage Server in code, and a server can restrict ``/warnings``
further in its integration settings. Every rule change re-scans the server's stories (the
answer says how many), so headers and reminders follow the new rules at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import send_ephemeral
from bot.errors import UserError
from bot.limits import AUTOCOMPLETE_CHOICES, CHOICE_VALUE_CHARS, MODAL_INPUT_CHARS
from bot.text import escape_markdown
from bot.warnings import category_removal, reviews, service
from bot.warnings.patterns import RULE_KINDS
from cogs._checks import guild_id_of, guild_of, needs_permissions
from cogs._options import choices, story_autocomplete
from cogs.warnings import review as decisions
from cogs.warnings import texts
from cogs.warnings.category_remove import CategoryRemoveChoice, ask_to_remove
from cogs.warnings.refresh import StaleScanPass
from cogs.warnings.reports import ReportDesk
from cogs.warnings.story_page import story_overview_page

if TYPE_CHECKING:
    from bot.client import DogearBot

MAX_TEST_TEXT = MODAL_INPUT_CHARS
Page = app_commands.Range[int, 1, 10_000]


@app_commands.guild_only()
class WarningsCog(commands.GroupCog, group_name="warnings", group_description="Content warnings for this server"):
    rules = app_commands.Group(name="rules", description="This server's warning rules (Manage Server)")

    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot
        self.reports = ReportDesk(bot)  # new reports to the moderation channel, retried until they are there
        self.stale_scans = StaleScanPass(bot)  # stories scanned again after an upgrade, before members ask
        super().__init__()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(decisions.Decide, decisions.Browse, CategoryRemoveChoice)
        self.reports.start()
        service.use_workers(self.bot.db, self.bot.workers)  # headers and reminders scan off the loop too
        self.stale_scans.start()

    async def cog_unload(self) -> None:
        await self.stale_scans.stop()
        await self.reports.stop()
        self.bot.remove_dynamic_items(decisions.Decide, decisions.Browse, CategoryRemoveChoice)
        service.use_workers(self.bot.db, None)

    # --- everyone -------------------------------------------------------------------------

    @app_commands.command(name="categories", description="The warning categories, with this server's changes")
    @app_commands.describe(page="Which page of the list")
    async def categories(self, interaction: discord.Interaction, page: Page = 1) -> None:
        overview = await service.category_overview(self.bot.db, guild_id_of(interaction))
        await send_ephemeral(interaction, embed=texts.category_embed(overview, page))

    @app_commands.command(name="test", description="Show what this server's rules detect in a piece of text")
    @app_commands.describe(text="The text to check (it is not stored)", page="Which page of what was found")
    async def test(
        self, interaction: discord.Interaction, text: app_commands.Range[str, 1, MAX_TEST_TEXT], page: Page = 1
    ) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        report = await service.test_text(self.bot.db, guild_id, text, workers=self.bot.workers)
        await send_ephemeral(interaction, texts.describe_report(report, page))

    # --- Manage Server --------------------------------------------------------------------

    @rules.command(name="add", description="Add a rule for a warning category (Manage Server)")
    @app_commands.describe(
        category="The warning category the rule detects",
        pattern="Words to find (`~word` for its forms, `...` for a gap) or an RE2 regex",
        kind="Phrase (default) or regex",
        new_category="Create the category if this server does not have it yet",
    )
    @app_commands.choices(kind=[app_commands.Choice(name=kind, value=kind) for kind in RULE_KINDS])
    @needs_permissions(manage_guild=True)
    async def rules_add(
        self,
        interaction: discord.Interaction,
        category: app_commands.Range[str, 1, 60],
        pattern: app_commands.Range[str, 1, 600],
        kind: app_commands.Choice[str] | None = None,
        new_category: bool = False,
    ) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        rule = await service.add_rule(
            self.bot.db,
            guild_id,
            category=category,
            pattern=pattern,
            kind=kind.value if kind else "phrase",
            user_id=interaction.user.id,
            now=self.bot.clock.now().timestamp(),
            new_category=new_category,
            rescan=False,
            workers=self.bot.workers,
        )
        rescanned = await self._rescan(guild_id)
        off = await service.category_switched_off(self.bot.db, guild_id, rule.category)
        label = await service.category_label(self.bot.db, guild_id, rule.category)
        await send_ephemeral(interaction, texts.added_text(rule, label, rescanned, switched_off=off))

    async def _rescan(self, guild_id: int) -> str:
        """Every rule change re-scans the server's stories; the sentence says how many."""
        return texts.rescanned_text(await service.rescan_guild_report(self.bot.db, guild_id, workers=self.bot.workers))

    @rules.command(name="remove", description="Remove one of this server's rules (Manage Server)")
    @app_commands.describe(rule="The rule to remove")
    @needs_permissions(manage_guild=True)
    async def rules_remove(
        self, interaction: discord.Interaction, rule: app_commands.Range[str, 1, CHOICE_VALUE_CHARS]
    ) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        removed = await service.remove_rule(self.bot.db, guild_id, rule, rescan=False)
        rescanned = await self._rescan(guild_id)
        await send_ephemeral(interaction, texts.removed_text(removed, rescanned))

    @rules.command(name="list", description="This server's rules and what it switched off (Manage Server)")
    @app_commands.describe(page="Which page of the list")
    @needs_permissions(manage_guild=True)
    async def rules_list(self, interaction: discord.Interaction, page: Page = 1) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)  # its rules' cost is measured in a worker
        overview = await service.rules_overview(self.bot.db, guild_id, workers=self.bot.workers)
        await send_ephemeral(interaction, texts.rules_list_text(overview, page))

    @rules.command(name="disable", description="Switch off a default rule or a whole category (Manage Server)")
    @app_commands.describe(target="A category, or a default rule such as death/die")
    @needs_permissions(manage_guild=True)
    async def rules_disable(
        self, interaction: discord.Interaction, target: app_commands.Range[str, 1, CHOICE_VALUE_CHARS]
    ) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        kind, name = await service.disable(
            self.bot.db,
            guild_id,
            target,
            user_id=interaction.user.id,
            now=self.bot.clock.now().timestamp(),
            rescan=False,
        )
        rescanned = await self._rescan(guild_id)
        await send_ephemeral(
            interaction,
            f"Switched off the {kind} `{name}`. {rescanned}.\n"
            "Warnings the author declared, and those an admin added with `/warnings story`, still show.",
        )

    @rules.command(name="enable", description="Switch a default rule or category back on (Manage Server)")
    @app_commands.describe(target="A switched-off category or default rule")
    @needs_permissions(manage_guild=True)
    async def rules_enable(
        self, interaction: discord.Interaction, target: app_commands.Range[str, 1, CHOICE_VALUE_CHARS]
    ) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        kind, name = await service.enable(self.bot.db, guild_id, target, rescan=False)
        rescanned = await self._rescan(guild_id)
        await send_ephemeral(
            interaction,
            f"Switched the {kind} `{name}` back on. {rescanned}.",
        )

    @rules.command(name="remove-category", description="Remove a category this server added (Manage Server)")
    @app_commands.describe(category="One of this server's own categories")
    @needs_permissions(manage_guild=True)
    async def rules_remove_category(self, interaction: discord.Interaction, category: str) -> None:
        removal = await category_removal.plan_removal(self.bot.db, guild_id_of(interaction), category)
        await ask_to_remove(interaction, removal)  # what goes with it, and Remove / Cancel

    @app_commands.command(name="story", description="See or correct one story's warnings (Manage Server)")
    @app_commands.describe(
        story="The story",
        add="A warning to show on this story even if it is not detected",
        remove="A warning to hide on this story even if it is detected or declared",
        page="Which page of its warnings and possible warnings",
    )
    @needs_permissions(manage_guild=True)
    async def story(
        self,
        interaction: discord.Interaction,
        story: app_commands.Range[str, 1, 200],
        add: app_commands.Range[str, 1, 60] | None = None,
        remove: app_commands.Range[str, 1, 60] | None = None,
        page: Page = 1,
    ) -> None:
        guild_id = guild_id_of(interaction)
        if page > 1 and (add or remove):  # refused before anything is written
            raise UserError("Give `add:` or `remove:` without `page:`; the answer starts on page 1.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        overview = await reviews.story_overview(
            self.bot.db, guild_id, story, add=add, remove=remove,
            user_id=interaction.user.id, now=self.bot.clock.now().timestamp(), page=page,
        )  # fmt: skip
        await decisions.send_with_buttons(interaction, story_overview_page(overview))

    @app_commands.command(name="report", description="Tell the admins a chapter has a warning Dogear does not show")
    @app_commands.describe(
        story="The story",
        chapter="The chapter number",
        warning="The warning it needs",
        note=f"What you noticed, in a few words (up to {reviews.MAX_NOTE_CHARS} characters)",
    )
    async def report(
        self,
        interaction: discord.Interaction,
        story: app_commands.Range[str, 1, 200],
        chapter: app_commands.Range[int, 1, 1_000_000],
        warning: app_commands.Range[str, 1, CHOICE_VALUE_CHARS],
        note: app_commands.Range[str, 1, reviews.MAX_NOTE_CHARS] | None = None,
    ) -> None:
        guild = guild_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        new = await reviews.report_warning(
            self.bot.db,
            guild.id,
            interaction.user.id,
            story=story,
            chapter=chapter,
            warning=warning,
            note=note or "",
            now=self.bot.clock.now().timestamp(),
        )
        await self.reports.deliver(guild.id, new)
        await send_ephemeral(
            interaction,
            f"Thank you. Your report that chapter {new.report.chapter} of **{escape_markdown(new.story_title)}** "
            f"needs **{escape_markdown(new.label)}** is with the admins. Nobody else is told who sent it.",
            allowed_mentions=discord.AllowedMentions.none(),
        )

    @app_commands.command(name="review", description="Open reports and possible warnings to decide on (Manage Server)")
    @app_commands.describe(page="Which page of the list")
    @needs_permissions(manage_guild=True)
    async def review(self, interaction: discord.Interaction, page: Page = 1) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        shown = await reviews.review_slice(self.bot.db, guild_id, page=page)
        await decisions.send_with_buttons(interaction, decisions.review_page(shown))

    # --- autocomplete ---------------------------------------------------------------------

    @rules_add.autocomplete("category")
    @story.autocomplete("add")
    @story.autocomplete("remove")
    @report.autocomplete("warning")
    async def category_option(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await self._choices(service.category_choices, interaction, current)

    @rules_remove.autocomplete("rule")
    async def rule_option(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await self._choices(service.rule_choices, interaction, current, admin=True)

    @rules_remove_category.autocomplete("category")
    async def removable_option(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await self._choices(category_removal.own_category_choices, interaction, current, admin=True)

    @rules_disable.autocomplete("target")
    async def disable_option(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await self._choices(service.disable_choices, interaction, current, admin=True)

    @rules_enable.autocomplete("target")
    async def enable_option(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await self._choices(service.enable_choices, interaction, current, admin=True)

    async def _choices(
        self, find: service.ChoiceFinder, interaction: discord.Interaction, typed: str, *, admin: bool = False
    ) -> list[app_commands.Choice[str]]:
        """Choices for an option; an admin command's (``admin``: a rule's pattern) only for who may run it."""
        if interaction.guild_id is None or (admin and not interaction.permissions.manage_guild):
            return []
        found = await find(self.bot.db, interaction.guild_id, typed, AUTOCOMPLETE_CHOICES)
        return choices(found)

    @story.autocomplete("story")
    @report.autocomplete("story")
    async def story_option(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await story_autocomplete(self.bot, interaction.guild_id, current)
