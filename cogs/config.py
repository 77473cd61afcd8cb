"""``/config``: the server's club channel, discussion channel, club role and time zone."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import send_ephemeral
from bot.errors import UserError
from bot.guild_service import GuildSettings, change_settings, clear_setting, server_settings
from bot.text import and_list, quote_input
from bot.timezones import zone_choices
from cogs._checks import (
    DISCUSSION_PERMISSIONS,
    MEMBER_POSTS,
    POSTING_PERMISSIONS,
    bot_lacks,
    bot_missing_fix,
    guild_id_of,
    needs_permissions,
    posting_needs,
    require_member_reach,
)

if TYPE_CHECKING:
    from bot.client import DogearBot

DATE_ORDER_NAMES = {"dmy": "day/month (12/04 is 12 April)", "mdy": "month/day (12/04 is December 4)"}
# What /config clear puts back: the setting's name as `/config show` calls it, its column, and its
# value before anyone set it.
CLEARABLE: dict[str, tuple[str, str, str | None]] = {
    "club_channel": ("club channel", "club_channel_id", None),
    "discussion_channel": ("discussion channel", "discussion_channel_id", None),
    "club_role": ("club role", "club_role_id", None),
    "mod_channel": ("moderation channel", "mod_channel_id", None),
    "timezone": ("time zone", "timezone", "UTC"),
    "date_order": ("numeric dates", "date_order", None),  # an ambiguous date such as 12/04 is refused again
}
# Members' warning reports are posted to the moderation channel as plain text.
MOD_PERMISSIONS = MEMBER_POSTS
# Each prompt as the settings show it: ten prompts of 300 characters would not fit one answer
# (`/discussion prompts` shows them whole). Quoted as typed (escaped, then clipped): a raw prompt cut
# inside its ||spoiler|| or **emphasis** left the markup half-open over the rest of the answer.
PROMPT_PREVIEW_CHARS = 100
# Under the settings when one of them no longer works.
FIX_NOTE = (
    "⚠️ To fix: `/config set` another channel or role, grant me what is missing, or `/config clear` the setting.\n"
)


def _channel_state(guild: discord.Guild | None, channel_id: int, needed: dict[str, str]) -> str:
    """What is wrong with a saved channel now: deleted since, or a permission the bot lost; "" if nothing."""
    if guild is None or guild.unavailable:
        return ""  # not known here (a server in an outage has no channels cached): say nothing rather than guess
    channel = guild.get_channel(channel_id)
    if channel is None:
        return " ⚠️ deleted"
    if missing := bot_lacks(channel, needed):
        return f" ⚠️ I am missing: {', '.join(missing)}"
    return ""


def _role_state(guild: discord.Guild | None, role_id: int) -> str:
    """A saved club role deleted since, or one a discussion would name without pinging anyone."""
    if guild is None or guild.unavailable:
        return ""
    role = guild.get_role(role_id)
    if role is None:
        return " ⚠️ deleted"
    if not role.mentionable and not (guild.me is not None and guild.me.guild_permissions.mention_everyone):
        return " ⚠️ not mentionable, and I lack Mention @everyone, @here, and All Roles: discussions name it without pinging"
    return ""


def describe(settings: GuildSettings, guild: discord.Guild | None = None) -> str:
    """The settings as an admin reads them; with ``guild``, a channel or role that no longer works is marked.

    Settings are ids: a channel deleted since, or one where the bot lost a permission, would read
    as "#deleted-channel" or look fine while every post there fails.
    """
    marked: list[str] = []

    def channel(channel_id: int | None, needed: dict[str, str]) -> str:
        if not channel_id:
            return "not set"
        state = _channel_state(guild, channel_id, needed)
        marked.append(state)
        return f"<#{channel_id}>{state}"

    def role(role_id: int | None) -> str:
        if not role_id:
            return "not set"
        state = _role_state(guild, role_id)
        marked.append(state)
        return f"<@&{role_id}>{state}"

    prompts = "\n".join(f"  • {quote_input(prompt, PROMPT_PREVIEW_CHARS)}" for prompt in settings.discussion_prompts)
    lines = (
        "**Dogear settings for this server**\n"
        f"Club channel (excerpts): {channel(settings.club_channel_id, POSTING_PERMISSIONS)}\n"
        f"Discussion channel: {channel(settings.discussion_channel_id, DISCUSSION_PERMISSIONS)}\n"
        f"Club role (pinged for discussions): {role(settings.club_role_id)}\n"
        f"Time zone: {settings.timezone}\n"
        f"Moderation channel (warning reports, failed discussions): {channel(settings.mod_channel_id, MOD_PERMISSIONS)}\n"
        f"Numeric dates: {DATE_ORDER_NAMES.get(settings.date_order or '', 'not set (12/04 is refused as ambiguous)')}\n"
    )
    fix = FIX_NOTE if any(marked) else ""
    return lines + fix + f"Discussion prompts:\n{prompts}"


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class ConfigCog(
    commands.GroupCog, group_name="config", group_description="Dogear's settings for this server (Manage Server)"
):
    """Discord applies default permissions per top-level command, so the whole group is for admins."""

    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(name="show", description="Show this server's Dogear settings (Manage Server)")
    @needs_permissions(manage_guild=True)
    async def show(self, interaction: discord.Interaction) -> None:
        guild_id = guild_id_of(interaction)
        settings = await server_settings(self.bot.db, guild_id)
        await send_ephemeral(interaction, describe(settings, interaction.guild))

    @app_commands.command(name="set", description="Change this server's Dogear settings (Manage Server)")
    @app_commands.describe(
        club_channel="Where /excerpt post sends chapters by default",
        discussion_channel="Where scheduled discussions open (a text or forum channel)",
        club_role="The role to ping when a discussion opens",
        timezone="IANA time zone for schedules, e.g. Europe/Berlin",
        mod_channel="Where warning reports and failed discussions are posted for moderators",
        date_order="How members write numeric dates such as 12/04 in schedules",
    )
    @app_commands.choices(
        date_order=[app_commands.Choice(name=name, value=key) for key, name in DATE_ORDER_NAMES.items()]
    )
    @needs_permissions(manage_guild=True)
    async def set_(
        self,
        interaction: discord.Interaction,
        club_channel: discord.TextChannel | None = None,
        discussion_channel: discord.TextChannel | discord.ForumChannel | None = None,
        club_role: discord.Role | None = None,
        timezone: str | None = None,
        mod_channel: discord.TextChannel | None = None,
        date_order: app_commands.Choice[str] | None = None,
    ) -> None:
        guild_id = guild_id_of(interaction)
        # Nobody points the bot at a channel they cannot post in themselves; checked before anything is saved.
        for named in (club_channel, discussion_channel, mod_channel):
            if named is not None:
                require_member_reach(interaction, named, posting_needs(named))
        changes: dict[str, object] = {}
        warnings: list[str] = []

        def lacks(channel: discord.abc.GuildChannel, needed: dict[str, str]) -> None:
            """What the bot lacks there, and what to do, said to the admin in front of it (or to ask one)."""
            if missing := bot_lacks(channel, needed):
                fix = bot_missing_fix(channel, missing, interaction, then=", so posting works there")
                warnings.append(f"In {channel.mention} I am missing: {and_list(missing)}. {fix}")

        if club_channel is not None:
            changes["club_channel_id"] = club_channel.id
            lacks(club_channel, POSTING_PERMISSIONS)
        if discussion_channel is not None:
            changes["discussion_channel_id"] = discussion_channel.id
            lacks(discussion_channel, DISCUSSION_PERMISSIONS)
        if club_role is not None:
            if club_role.is_default():
                raise UserError("Pick a club role other than @everyone; Dogear never pings everyone.")
            if club_role.managed:  # a bot's or an integration's own role: no member can be given it
                raise UserError(
                    f"{club_role.mention} belongs to a bot or an integration, so no member can hold it; "
                    "pick a role your members have."
                )
            changes["club_role_id"] = club_role.id
        if timezone is not None:
            changes["timezone"] = timezone  # checked by the service before anything is saved
        if mod_channel is not None:
            changes["mod_channel_id"] = mod_channel.id
            lacks(mod_channel, MOD_PERMISSIONS)
        if date_order is not None:
            changes["date_order"] = date_order.value
        if not changes:
            raise UserError("Nothing to change: give at least one option, e.g. `/config set timezone:Europe/Berlin`.")
        settings = await change_settings(self.bot.db, guild_id, self.bot.clock.now().timestamp(), **changes)
        # What the admin must fix comes before the settings, so it is read (and never clipped away).
        note = "".join(f"\n⚠️ {warning}" for warning in warnings)
        if mod_channel is not None and mod_channel.permissions_for(mod_channel.guild.default_role).view_channel:
            note += (
                f"\n⚠️ Everyone in the server can read {mod_channel.mention}, so reports posted there do not name "
                "who sent them; pick a channel only moderators see to have them named."
            )
        await send_ephemeral(interaction, "Saved." + note + "\n\n" + describe(settings, interaction.guild))

    @set_.autocomplete("timezone")
    async def timezone_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [
            app_commands.Choice(name=label, value=zone) for label, zone in zone_choices(current, self.bot.clock.now())
        ]

    @app_commands.command(name="clear", description="Put a setting back as it was at first (Manage Server)")
    @app_commands.describe(setting="The setting to unset")
    @app_commands.choices(setting=[app_commands.Choice(name=entry[0], value=key) for key, entry in CLEARABLE.items()])
    @needs_permissions(manage_guild=True)
    async def clear(self, interaction: discord.Interaction, setting: app_commands.Choice[str]) -> None:
        guild_id = guild_id_of(interaction)
        name, column, first = CLEARABLE[setting.value]
        settings, changed = await clear_setting(self.bot.db, guild_id, self.bot.clock.now().timestamp(), column, first)
        if not changed:
            # Said as `/config show` lists it ("Numeric dates: not set"): "the numeric dates is" reads wrong.
            now_is = f"{first} already" if first is not None else "not set"
            await send_ephemeral(interaction, f"{name[:1].upper()}{name[1:]}: {now_is}, so there is nothing to clear.")
            return
        await send_ephemeral(interaction, f"Cleared the {name}.\n\n" + describe(settings, interaction.guild))


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(ConfigCog(bot))
