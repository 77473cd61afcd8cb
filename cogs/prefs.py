"""``/prefs``: the warnings a member prefers to avoid; reading asks before showing them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import send_ephemeral
from bot.discussions.reminder_choices import choose_reminders, describe_reminder_prefs
from bot.limits import CHOICE_NAME_CHARS
from bot.progress import prefs
from bot.text import clip, escape_markdown, page_lines
from bot.warnings.avoided_words import avoided_words
from cogs._checks import guild_id_of

if TYPE_CHECKING:
    from bot.client import DogearBot


NOT_LOOKED_FOR = (
    "Note: this server switched off looking for it in story text, so only chapters whose author "
    "declares it, or where an admin adds or confirms it, are marked with it."
)


WORDS_NOTE = "no category: the words an author or admin wrote"


def _choice(key: str, label: str, covered: str | None = None) -> app_commands.Choice[str]:
    if avoided_words(key) is not None:
        note = f"your words, now the {covered} category" if covered else WORDS_NOTE
        name = clip(label, CHOICE_NAME_CHARS - len(note) - 3) + f" ({note})"
    else:
        name = label if label.lower() == key else f"{label} ({key})"
    return app_commands.Choice(name=clip(name, CHOICE_NAME_CHARS), value=key)


def _avoided_line(key: str, label: str | None, strict: bool, undetected: bool, covered: str | None = None) -> str:
    """One line of ``/prefs show``; a warning the server does not look for says so, or the member
    would take its silence for safety. Words a category was created for since say it covers them."""
    if covered is not None:
        return (
            f"• **{escape_markdown(label or '')}** (your words; the **{escape_markdown(covered)}** category "
            "covers them now: I ask before chapters whose header names either)"
        )
    if avoided_words(key) is not None:
        return f"• **{escape_markdown(label or '')}** (an author's or admin's words, no category: I ask before chapters whose header names them)"
    if label is None:
        return f"• `{key}` (this server no longer defines it)"
    line = f"• **{escape_markdown(label)}** (`{key}`{', strict' if strict else ''})"
    return line + (" · not looked for in story text here: only authors and admins mark it" if undetected else "")


@app_commands.guild_only()
class PrefsCog(commands.GroupCog, group_name="prefs", group_description="Warnings you prefer to avoid in this server"):
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(name="avoid", description="Ask before showing you chapters with this warning")
    @app_commands.describe(
        warning="The warning to avoid",
        strict="Also ask about chapters where it is only possible (not confirmed by an admin)",
    )
    async def avoid(self, interaction: discord.Interaction, warning: str, strict: bool | None = None) -> None:
        guild_id = guild_id_of(interaction)
        key, added, restricted = await prefs.avoid(
            self.bot.db,
            guild_id,
            interaction.user.id,
            warning,
            now=self.bot.clock.now().timestamp(),
            display_name=interaction.user.display_name,
            strict=strict,
        )
        label = escape_markdown(prefs.label(await prefs.server_taxonomy(self.bot.db, guild_id), key))
        words = avoided_words(key) is not None
        if added:
            message = (
                f'Noted: you avoid **{label}**. Before `/excerpt read` or "Read privately" shows a chapter '
                "with it, I will ask you to confirm, and its header marks it for you."
            )
            if words:
                message += (
                    " No category matches these words: I ask wherever an author or admin warns of them "
                    "(“The admin also warns of: ...”), and reminders to read on to such a chapter leave you out."
                )
        elif restricted:
            message = f"You avoid **{label}** {'strictly now' if strict else 'still, but no longer strictly'}."
        else:
            message = f"You already avoid **{label}**."
        if strict and words:
            message += " (Strict does not apply to words: only authors and admins give them, never as *possible*.)"
        elif strict:
            message += " Strict: I also ask before chapters where it is only *possible*."
        elif strict is False and not added and not words:
            message += " Only chapters where it is declared, detected or confirmed ask you, not possible ones."
        if key in await prefs.undetected(self.bot.db, guild_id):
            message += f" {NOT_LOOKED_FOR}"
        await send_ephemeral(interaction, message)

    @avoid.autocomplete("warning")
    async def avoid_warning(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        guild_id = interaction.guild_id
        if guild_id is None:  # an autocomplete offers nothing outside a server; the command says why
            return []
        found = await prefs.search_warnings(self.bot.db, guild_id, current)
        return [_choice(key, label) for key, label in found]

    @app_commands.command(name="allow", description="Stop asking before chapters with this warning")
    @app_commands.describe(warning="A warning you avoid now")
    async def allow(self, interaction: discord.Interaction, warning: str) -> None:
        guild_id = guild_id_of(interaction)
        key, removed = await prefs.allow(self.bot.db, guild_id, interaction.user.id, warning)
        label = escape_markdown(prefs.label(await prefs.server_taxonomy(self.bot.db, guild_id), key))
        if removed:
            message = f"Done: chapters with **{label}** no longer ask you to confirm."
        else:
            message = f"You were not avoiding **{label}**; nothing changed. See `/prefs show`."
        await send_ephemeral(interaction, message)

    @allow.autocomplete("warning")
    async def allow_warning(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        guild_id = interaction.guild_id
        if guild_id is None:  # an autocomplete offers nothing outside a server; the command says why
            return []
        found = await prefs.search_avoided(self.bot.db, guild_id, interaction.user.id, current)
        taxonomy = await prefs.server_taxonomy(self.bot.db, guild_id)
        return [_choice(key, label, prefs.covered_by(taxonomy, key)) for key, label in found]

    @app_commands.command(name="show", description="The warnings you avoid in this server")
    @app_commands.describe(page="Which page of the list")
    async def show(self, interaction: discord.Interaction, page: app_commands.Range[int, 1, 10_000] = 1) -> None:
        guild_id = guild_id_of(interaction)
        avoided = await prefs.describe_avoided(self.bot.db, guild_id, interaction.user.id)
        strict = await prefs.strictly_avoided(self.bot.db, guild_id, interaction.user.id)
        off = await prefs.undetected(self.bot.db, guild_id)
        if not avoided:
            message = "You avoid no warnings in this server. Add one with `/prefs avoid`."
        else:
            taxonomy = await prefs.server_taxonomy(self.bot.db, guild_id)
            lines = [
                _avoided_line(key, label, key in strict, key in off, prefs.covered_by(taxonomy, key))
                for key, label in avoided
            ]
            # Whole lines only (a cut inside one could leave its bold or code open), paged so none is left out.
            message = page_lines(
                "You avoid these warnings in this server; chapters with them ask you to confirm first:",
                lines, page, "/prefs show page:{page}", self.bot.settings.message_budget,
            )  # fmt: skip
        await send_ephemeral(interaction, message)

    @app_commands.command(name="reminders", description="Whether discussion reminders name you, and a private DM copy")
    @app_commands.describe(
        dm="Also send me a private DM copy of reminders for stories I have started",
        off="Never name me in reminders (and no DM copies)",
    )
    async def reminders(
        self, interaction: discord.Interaction, dm: bool | None = None, off: bool | None = None
    ) -> None:
        guild_id = guild_id_of(interaction)
        changed, chosen = await choose_reminders(
            self.bot.db, guild_id, interaction.user.id, dm=dm, off=off, now=self.bot.clock.now()
        )
        await send_ephemeral(interaction, describe_reminder_prefs(changed, chosen))


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(PrefsCog(bot))
