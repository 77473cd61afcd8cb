"""The Discord client: dependencies in, cogs loaded, errors turned into short answers.

Modelled on discord.py's ``examples/advanced_startup.py``: everything the bot needs is
built in ``main()`` and handed to the constructor, so tests build the same bot.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import pkgutil
import re
import secrets
import time
from collections.abc import Iterable, Sequence
from typing import Any

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.ext import commands

from bot.clock import Clock
from bot.db import Database, damaged, database_damaged, storage_refused
from bot.errors import UserError, connection_problem
from bot.launch import SHIPPED_RULES
from bot.leases import Lease
from bot.limits import MESSAGE_CHARS
from bot.settings import Settings
from bot.shards import ShardScope
from bot.text import and_list, clip, missing_permissions_answer, plural, quote_input, utf16_len
from bot.warnings.declared import default_mapping
from bot.warnings.rules import default_ruleset
from bot.worker import Workers, in_thread_a_stop_leaves

log = logging.getLogger(__name__)


def discover_extensions() -> list[str]:
    """Every module or package in ``cogs`` is an extension; a new one needs no registration."""
    import cogs

    return sorted(
        f"cogs.{module.name}" for module in pkgutil.iter_modules(cogs.__path__) if not module.name.startswith("_")
    )


def point_discord_at(settings: Settings) -> None:
    """Route REST and gateway traffic to a proxy or double when configured.

    discord.py has no public option for this; ``Route.BASE`` and ``DEFAULT_GATEWAY`` are the
    documented places (see shared/docs/discord-platform.md beside the checkout). Unset means Discord itself.
    """
    discord.http.Route.BASE = settings.api_base or "https://discord.com/api/v10"
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(settings.gateway_url or "wss://gateway.discord.gg/")


def bot_intents() -> discord.Intents:
    """Slash commands need no privileged intent; keep it that way.

    Intents nothing reads are dropped too: with ``emojis_and_stickers`` on, discord.py keeps
    every server's custom emojis and stickers (up to hundreds per server, for every server),
    and voice states are cached per member in voice.
    Typing, invite, webhook and integration events would only be parsed and thrown away.
    """
    intents = discord.Intents.default()
    intents.message_content = False
    intents.members = False
    intents.presences = False
    intents.emojis_and_stickers = False
    intents.voice_states = False
    intents.typing = False
    intents.invites = False
    intents.webhooks = False
    intents.integrations = False
    return intents


def fit_answer(content: str) -> str:
    """An answer within Discord's message limit, whatever built it: the last resort, logged.

    Every answer should fit already (a member's value is repeated through ``quote_input``, lists
    are clipped); a longer one would be refused by Discord (400) and the member left with no
    answer, so it is clipped here and the warning names the answer to fix at its source.
    """
    if utf16_len(content) <= MESSAGE_CHARS:
        return content
    log.warning("an answer of %d characters was clipped to fit one message: %.80r", len(content), content)
    fitted = clip(content, MESSAGE_CHARS)
    while utf16_len(fitted) > MESSAGE_CHARS:  # characters outside the BMP count twice
        fitted = clip(fitted, len(fitted) - (utf16_len(fitted) - MESSAGE_CHARS))
    return fitted


async def send_ephemeral(interaction: discord.Interaction, content: str | None = None, **kwargs: Any) -> None:
    """Answer privately whether or not the interaction was already responded to or deferred.

    The one place answers are sent: mentions off unless the caller says otherwise, and the text
    fitted to Discord's limit (:func:`fit_answer`).
    """
    kwargs.setdefault("allowed_mentions", discord.AllowedMentions.none())
    if content is not None:
        content = fit_answer(content)
    if interaction.response.is_done():
        await interaction.followup.send(content, ephemeral=True, **kwargs)
    else:
        await interaction.response.send_message(content, ephemeral=True, **kwargs)


def _permission_names(missing: Sequence[str]) -> str:
    return ", ".join(name.replace("_", " ").replace("guild", "server").title() for name in missing)


def _transform_refused(error: app_commands.TransformerError) -> str:
    """An option's value discord.py could not turn into what the command takes, said so it can be fixed.

    A member option given someone who is not in the server (a mention pasted from elsewhere, a
    member who left) arrives as a bare user: "not a valid value" would not say what to pick instead.
    """
    if error.type is discord.AppCommandOptionType.user and isinstance(error.value, discord.abc.User):
        return f"{quote_input(error.value.display_name)} is not a member of this server; pick someone who is."
    return f"{quote_input(str(error.value))} is not a valid value for that option."


def describe_error(error: app_commands.AppCommandError, *, admin: bool = False) -> str | None:
    """The known-error ladder: a short sentence for what a member can fix, else ``None``.

    ``admin`` says the person asking can fix Dogear's permissions (Manage Server or Administrator):
    they are told what to give, where a member is told to ask an admin."""
    original = getattr(error, "original", None)
    if isinstance(error, app_commands.CommandInvokeError) and isinstance(original, UserError):
        return str(original)
    if isinstance(error, app_commands.MissingPermissions):
        return f"You need the {_permission_names(error.missing_permissions)} permission to use this command."
    if isinstance(error, app_commands.BotMissingPermissions):
        names = [_permission_names([name]) for name in error.missing_permissions]
        fix = missing_permissions_answer(names, "this channel", admin=admin)
        return f"I need {and_list(names)} in this channel for that. {fix}"
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works inside a server, not in direct messages."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down a little: try again in {error.retry_after:.0f} seconds."
    if isinstance(error, app_commands.TransformerError):
        return _transform_refused(error)
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use this command here."
    if isinstance(error, app_commands.CommandInvokeError) and isinstance(original, discord.Forbidden):
        if admin:
            return (
                "Discord refused that action: Dogear is missing a permission in that channel. Check what Dogear's "
                "role may do there (Edit Channel → Permissions), then try again."
            )
        return "Discord refused that action: Dogear is missing a permission in that channel. Ask an admin to check it."
    return None


CANNOT_SAVE = "Dogear can't save right now (its database cannot be written); try again later."
DATA_NEEDS_ATTENTION = (
    "Dogear's data needs attention (its database file is damaged), so nothing was done. "
    "Tell whoever runs Dogear; its log says what to do."
)


def _log_damage(interaction: discord.Interaction, original: BaseException, what: str) -> None:
    """The damaged file and what to do, once per bot (``DogearBot.damage_explained``); each later
    command adds one short line."""
    client = interaction.client
    path = getattr(getattr(client, "db", None), "path", None)
    explained: set[str] | None = getattr(client, "damage_explained", None)
    if path is None or (explained is not None and str(path) in explained):
        log.error("%s could not read its data: the database is damaged (%s)", what, " ".join(str(original).split()))
        return
    if explained is not None:
        explained.add(str(path))
    log.error("%s could not read its data: %s", what, damaged(path, original, running=True))


async def report_error(interaction: discord.Interaction, error: BaseException, *, what: str) -> None:
    """The one place an interaction's failure becomes an answer: commands, buttons and forms alike.

    A mistake the member can fix is shown as is; anything else is logged with a reference the
    member can quote, and never shown as a traceback.
    """
    original = getattr(error, "original", None) or error
    refused = storage_refused(original)
    if isinstance(error, UserError):
        message: str | None = str(error)
    elif refused is not None:
        # The disk or the database file refused the write (full, read-only): it passes, the member
        # can only try again, and one line says so to the host; a traceback per command would bury it.
        log.error(
            "%s could not save: %s (%s)", what, refused, " ".join(str(original).split()) or type(original).__name__
        )
        message = CANNOT_SAVE
    elif database_damaged(original):
        # Not a bug to quote a reference for, and no retry helps: the member is told the data needs
        # attention, the host once what to do (a traceback per command buried it).
        _log_damage(interaction, original, what)
        message = DATA_NEEDS_ATTENTION
    elif (unreached := discord_failed(original)) is not None:
        # Discord failed on its side or a connection to it was lost (an answer's callback too): it
        # passes, and is no bug to quote a reference for; one line, not a traceback.
        log.warning("%s: %s", what, unreached)
        message = f"{unreached[0].upper()}{unreached[1:]}, so I could not finish; try again in a minute."
    elif isinstance(error, app_commands.AppCommandError):
        granted = interaction.permissions
        message = describe_error(error, admin=granted.administrator or granted.manage_guild)
    else:
        message = None
    if message is None:
        reference = secrets.token_hex(4).upper()
        log.error("%s failed (reference %s)", what, reference, exc_info=error)
        message = f"Something went wrong on my side. If it keeps happening, tell an admin the reference {reference}."
    try:
        await send_ephemeral(interaction, message)
    except discord.HTTPException as failed:
        if failed.code == ALREADY_ANSWERED:  # the answer whose reply was lost had reached Discord
            log.info("%s: its answer had reached Discord; not told about the error", what)
            return
        log.warning("could not tell the member about an error in %s", what, exc_info=True)


ALREADY_ANSWERED = 40060  # "Interaction has already been acknowledged."


def discord_failed(error: BaseException) -> str | None:
    """Discord failing on its side past discord.py's own tries (a 5xx), or a connection to it lost
    (reset, closed unanswered, timed out), in a few words; None for every other error."""
    if isinstance(error, discord.DiscordServerError):
        return f"Discord failed on its side ({error.status})"
    if isinstance(error, aiohttp.ClientError | OSError):
        return f"Discord could not be reached ({connection_problem(error)})"
    return None


# Every custom id the bot answers itself starts here (buttons that outlive a restart, forms);
# discord.py's views held in memory use ids of their own and answer their own presses.
OWN_CUSTOM_ID_PREFIX = "dogear:"
UNROUTED_ANSWER = "Nothing was done: I don't know that button or form. It may be from an older version of Dogear."


def carries_component(message: discord.Message | None, custom_id: str) -> bool:
    """Whether the message has a component with this custom id (discord.py drops a press of one it lacks)."""
    pending: list[Any] = list(message.components) if message is not None else []
    while pending:
        component = pending.pop()
        if getattr(component, "custom_id", None) == custom_id:
            return True
        pending += getattr(component, "children", None) or []
    return False


class RunningInteractions:
    """The commands, presses and forms this bot is handling now, each with the task that handles it.

    Dogear's own bookkeeping, filled by the handlers themselves (:class:`Tracked`, the tree's
    ``interaction_check``) as they start and emptied as their tasks end: a stop lets them finish, then
    cancels those still running and tells their members it is restarting (:meth:`DogearBot.close`),
    without reading discord.py's task names or its coroutines' frames to find them.
    """

    def __init__(self) -> None:
        self._running: dict[asyncio.Task[Any], discord.Interaction] = {}

    def started(self, interaction: discord.Interaction) -> None:
        """The current task handles ``interaction`` until it ends. Autocomplete is left out: it
        answers in milliseconds, and cannot be told anything."""
        task = asyncio.current_task()
        if task is None or interaction.type is discord.InteractionType.autocomplete:
            return
        self._running[task] = interaction
        task.add_done_callback(self._ended)

    def _ended(self, task: asyncio.Task[Any]) -> None:
        self._running.pop(task, None)

    def tasks(self) -> list[asyncio.Task[Any]]:
        """The tasks still running (the caller's own aside)."""
        current = asyncio.current_task()
        return [task for task in self._running if task is not current and not task.done()]

    def interaction(self, task: asyncio.Task[Any]) -> discord.Interaction | None:
        return self._running.get(task)


def track(interaction: discord.Interaction) -> None:
    """Record that the current task handles ``interaction``, on the bot that received it."""
    running = getattr(interaction.client, "interactions", None)
    if isinstance(running, RunningInteractions):
        running.started(interaction)


class Tracked:
    """Mixed in (first) by every button and form class Dogear defines: its ``interaction_check``,
    which discord.py awaits in the handling task before the callback, records the interaction
    (:class:`RunningInteractions`), so a stop finds it; a class without it is refused at registration."""

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        track(interaction)
        return bool(await super().interaction_check(interaction))  # type: ignore[misc]


class DogearTree(app_commands.CommandTree):
    """Known errors become a short ephemeral answer; the rest are logged with a reference."""

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        track(interaction)  # every command passes here first, in the task that runs it
        return True

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        command = interaction.command.qualified_name if interaction.command else "?"
        await report_error(interaction, error, what=f"command /{command}")


# Imported once by the workers' fork server: parsers and the compiled default rules, warm in every worker.
WORKER_PRELOAD = ("bot.story.preload",)


def lean_cache_options() -> dict[str, Any]:
    """What the client keeps per server: channels and roles (for permissions), nothing more.

    Slash commands carry the invoking member, so no member list is cached or requested
    (chunking a 10,000-server bot at start costs minutes and gigabytes). No cog reads a
    cached message (history and edits go through REST), so messages are not cached either.
    Everything else per server lives in SQLite and is read when a command needs it.
    """
    return {
        "member_cache_flags": discord.MemberCacheFlags.none(),
        "chunk_guilds_at_startup": False,
        "max_messages": None,
    }


IDENTIFY_WINDOW = 5.0  # seconds: Discord allows max_concurrency IDENTIFYs per window
# A shard that cannot reach the gateway at start is tried this many times, this far apart, each
# attempt given at most GATEWAY_CONNECT_SECONDS; then the process gives up (discord.py would
# retry forever, a traceback every 5 s). Drops after a shard connected are retried by discord.py.
GATEWAY_START_ATTEMPTS = 3
GATEWAY_RETRY_SECONDS = 5.0
GATEWAY_CONNECT_SECONDS = 30.0


class GatewayUnreachable(Exception):
    """No attempt to open a shard's gateway connection succeeded at start."""

    def __init__(self, gateway: str, shard_id: int, error: BaseException, attempts: int) -> None:
        super().__init__(
            f"shard {shard_id} could not connect to {gateway}: {connection_problem(error, timeout=GATEWAY_CONNECT_SECONDS)}"
        )
        self.gateway = gateway
        self.shard_id = shard_id
        self.error = error
        self.attempts = attempts


class DogearBot(commands.AutoShardedBot):
    """The bot with its dependencies; cogs read them from here.

    One process runs every shard Discord recommends, or the range of shards named by
    ``SHARD_COUNT``/``SHARD_IDS`` (then several processes share the bot). ``shard_scope``
    says which servers this process acts for on its own.
    """

    def __init__(
        self,
        *,
        settings: Settings,
        db: Database,
        clock: Clock,
        workers: Workers,
        shard_scope: ShardScope | None = None,
        extensions: Iterable[str] | None = None,
        sync_globally: bool = False,
    ) -> None:
        shard_scope = shard_scope or settings.shard_scope
        # Dogear never joins voice: no "PyNaCl/davey is not installed" warnings at every start.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=bot_intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=DogearTree,
            help_command=None,
            shard_count=shard_scope.shard_count if shard_scope else None,
            shard_ids=sorted(shard_scope.shard_ids) if shard_scope else None,
            **lean_cache_options(),
        )
        self.settings = settings
        self.db = db
        self.clock = clock
        self.workers = workers
        # The servers this process acts for on its own (timers, resumed posts, retention).
        # Until Discord tells the recommended count this process runs every shard, so the
        # default scope (one shard owning everything) is right until launch_shards sets it.
        self.shard_scope = shard_scope or ShardScope()
        self.identify_concurrency = 1
        self.identify_window = IDENTIFY_WINDOW
        self._identify_windows: dict[int, float] = {}
        self._identify_lock = asyncio.Lock()
        self.initial_extensions = list(discover_extensions() if extensions is None else extensions)
        self.sync_globally = sync_globally
        self.synced = False
        self.db_closed = False
        self.lease: Lease | None = None  # set by the process's entry once it holds its shards (bot.leases)
        self.lease_keeper: asyncio.Task[None] | None = None  # the task renewing it
        # The templates of the bot's own custom ids that something answers (see answer_unrouted).
        self.custom_id_routes: set[re.Pattern[str]] = set()
        self.interactions = RunningInteractions()  # commands, presses and forms being handled now
        # The database files whose damage the log has explained (the path and what to do): once is
        # enough, each later command adds one short line.
        self.damage_explained: set[str] = set()

    def add_dynamic_items(self, *items: type[discord.ui.DynamicItem[Any]]) -> None:
        untracked = [item.__name__ for item in items if not issubclass(item, Tracked)]
        if untracked:  # a stop would cancel its press without telling the member
            raise TypeError(f"buttons must mix in bot.client.Tracked first: {', '.join(untracked)}")
        super().add_dynamic_items(*items)
        self.custom_id_routes.update(item.__discord_ui_compiled_template__ for item in items)

    def remove_dynamic_items(self, *items: type[discord.ui.DynamicItem[Any]]) -> None:
        super().remove_dynamic_items(*items)
        self.custom_id_routes.difference_update(item.__discord_ui_compiled_template__ for item in items)

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        await self.answer_unrouted(interaction)

    async def answer_unrouted(self, interaction: discord.Interaction) -> None:
        """A short private answer to a press or form of the bot's own that nothing else answers.

        A stale button of an unloaded feature, or a custom id a modified client made up (malformed,
        negative, too long, not a number): discord.py would drop it and leave the member with
        "This interaction failed". Presses and forms that a handler takes are left alone.
        """
        if interaction.type not in (discord.InteractionType.component, discord.InteractionType.modal_submit):
            return
        custom_id = str((interaction.data or {}).get("custom_id", ""))
        if not custom_id.startswith(OWN_CUSTOM_ID_PREFIX):
            return
        routed = any(pattern.fullmatch(custom_id) for pattern in self.custom_id_routes)
        if interaction.type is discord.InteractionType.component:
            routed = routed and carries_component(interaction.message, custom_id)
        if not routed:
            log.info("answered an unrouted custom id %.120r in server %s", custom_id, interaction.guild_id)
            await report_error(interaction, UserError(UNROUTED_ANSWER), what="an unrouted custom id")

    async def launch_shards(self) -> None:
        """Ask Discord for the shard count (unless set) and its IDENTIFY concurrency, then connect.

        The gateway URL stays the configured one (``DISCORD_GATEWAY_URL`` or Discord's), so a
        proxy or the double is used for every shard.
        """
        if self.is_closed():
            return
        recommended, _url, limits = await self.http.get_bot_gateway()
        self.identify_concurrency = max(1, int(limits.get("max_concurrency") or 1))
        if self.shard_count is None:
            self.shard_count = recommended
            self.shard_scope = ShardScope.of(recommended)
            log.info("Discord recommends %s; running them all in this process", plural(recommended, "shard"))
        else:
            log.info(
                "running shards %s of %d",
                ", ".join(str(i) for i in sorted(self.shard_scope.shard_ids)),
                self.shard_scope.shard_count,
            )
        await super().launch_shards()

    async def launch_shard(self, gateway: yarl.URL, shard_id: int, *, initial: bool = False) -> None:
        """Open one shard's connection at start: a bounded number of attempts, one log line each.

        discord.py's own version retries forever (even after ``close()``, on a closed session)
        and logs a full traceback every 5 s. Here each failure is one warning line, a closed
        bot stops trying, and the last failure is raised as :class:`GatewayUnreachable`, which
        the entry point reports as one line. The shard is then registered exactly as
        discord.py does it.
        """
        for attempt in range(1, GATEWAY_START_ATTEMPTS + 1):
            if self.is_closed():
                return
            try:
                connecting = discord.gateway.DiscordWebSocket.from_client(
                    self, initial=initial and attempt == 1, gateway=gateway, shard_id=shard_id
                )
                limit = min(self.shard_connect_timeout or GATEWAY_CONNECT_SECONDS, GATEWAY_CONNECT_SECONDS)
                ws = await asyncio.wait_for(connecting, timeout=limit)
                break
            except Exception as error:
                if self.is_closed():
                    return
                if attempt == GATEWAY_START_ATTEMPTS:
                    raise GatewayUnreachable(str(gateway), shard_id, error, attempt) from None
                log.warning(
                    "shard %d could not connect to the gateway at %s (%s); attempt %d of %d, retrying in %g s",
                    shard_id, gateway, connection_problem(error, timeout=GATEWAY_CONNECT_SECONDS), attempt, GATEWAY_START_ATTEMPTS, GATEWAY_RETRY_SECONDS,
                )  # fmt: skip
                await asyncio.sleep(GATEWAY_RETRY_SECONDS)
        shard = discord.shard.Shard(ws, self, self._AutoShardedClient__queue.put_nowait)  # type: ignore[attr-defined]
        self._AutoShardedClient__shards[shard_id] = shard  # type: ignore[attr-defined]
        shard.launch()

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Pace IDENTIFYs as Discord asks: ``max_concurrency`` buckets, one IDENTIFY per bucket per 5 s.

        discord.py's default waits 5 s before every shard but the first; a 10-shard process
        would take 45 s to connect even where Discord (or the double) allows more at once.
        """
        bucket = (shard_id or 0) % self.identify_concurrency
        async with self._identify_lock:
            last = self._identify_windows.get(bucket)
            if last is not None:
                wait = last + self.identify_window - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
            self._identify_windows[bucket] = time.monotonic()

    async def setup_hook(self) -> None:
        for extension in self.initial_extensions:
            await self.load_extension(extension)
        await self.sync_commands()

    async def sync_commands(self) -> None:
        """Sync only when asked: ``dogear sync`` (global), or DEV_GUILD_ID from the process with shard 0.

        Several processes share the bot's shards; one of them syncing is enough, and Discord
        rate-limits command updates.
        """
        if self.sync_globally:
            commands_synced = await self.tree.sync()
            log.info("synced %d commands globally", len(commands_synced))
            self.synced = True
        elif self.settings.dev_guild_id and not self.shard_scope.has_shard_zero:
            log.info("commands are synced by the process running shard 0, not this one")
        elif self.settings.dev_guild_id:
            guild = discord.Object(id=self.settings.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            commands_synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to server %s", len(commands_synced), self.settings.dev_guild_id)
            self.synced = True

    async def on_ready(self) -> None:
        log.info(
            "connected as %s to %s on %s",
            self.user,
            plural(len(self.guilds), "server"),
            plural(len(self.shard_scope.shard_ids), "shard"),
        )

    async def _finish_event_handlers(self) -> None:
        """Let event handlers already running finish before the database closes.

        discord.py runs each event in a task of its own ("discord.py: on_guild_available"); one
        dispatched just before a SIGTERM could otherwise write to a closed database (a traceback in
        the log, and the server's row not updated). They are short; any still running after
        :data:`EVENT_HANDLERS_SECONDS` are cancelled, as are commands still running then.
        """
        await _let_finish(_running(EVENT_TASKS) + self.interactions.tasks(), EVENT_HANDLERS_SECONDS, cancel=True)

    async def close(self) -> None:
        """Close Discord first so no command is writing, then the database the bot owns."""
        try:
            if not hasattr(self, "_AutoShardedClient__queue"):
                # Never logged in (tests, `dogear sync` failing early): AutoShardedClient.close
                # needs the queue that login's setup creates.
                await self._async_setup_hook()
            # The features stop first (posts between two messages, the timers), as commands.Bot.close
            # would; then commands and presses already running answer their member while Discord is
            # still open: closed under them, a member's /story add got no answer at all (and the log
            # two tracebacks: the database closed under the write, the session under the answer).
            await self._unload_features()
            await _let_finish(self.interactions.tasks(), INTERACTIONS_SECONDS, cancel=False)
            await _stop_running_interactions(self.interactions)
            await super().close()
            await self._finish_event_handlers()
        finally:
            if not self.db_closed:
                self.db_closed = True
                try:
                    await self._release_lease()
                finally:
                    # Even when close() itself is cancelled (discord.py may close from the task the
                    # process then cancels): an open database keeps its thread, and the process, alive.
                    await self.db.close()
                    log.info("database closed")
                    self.workers.close()

    async def _unload_features(self) -> None:
        """What ``commands.Bot.close`` does first (its own pass then finds nothing left)."""
        for extension in tuple(self.extensions):
            with contextlib.suppress(Exception):
                await self.unload_extension(extension)
        for cog in tuple(self.cogs):
            with contextlib.suppress(Exception):
                await self.remove_cog(cog)

    async def _release_lease(self) -> None:
        """Stop renewing, then let the next process in at once (bot.leases)."""
        if self.lease is None:
            return
        if self.lease_keeper is not None:  # a renewal must not run into the closing database
            self.lease_keeper.cancel()
            await asyncio.gather(self.lease_keeper, return_exceptions=True)
        try:
            await self.lease.release()
        except Exception:
            log.exception("could not release this process's lease; it runs out by itself")


EVENT_HANDLERS_SECONDS = 5.0  # how long close() lets event handlers already running finish
INTERACTIONS_SECONDS = 5.0  # how long close() lets commands and presses already running answer, Discord still open
# The name discord.py gives the task it runs each event in (commands, presses and forms are
# found through RunningInteractions instead).
EVENT_TASKS = ("discord.py: ",)


RESTARTING = "Dogear is restarting and stopped this before it finished; try again in a minute."
RESTARTING_ANSWER_SECONDS = 3.0  # how long close() gives those answers, all at once


def _running(names: tuple[str, ...]) -> list[asyncio.Task[Any]]:
    """The running tasks (this one aside) whose names start with ``names``."""
    current = asyncio.current_task()
    return [
        task
        for task in asyncio.all_tasks()
        if task is not current and not task.done() and task.get_name().startswith(names)
    ]


async def _stop_running_interactions(interactions: RunningInteractions) -> None:
    """Commands, presses and forms still running after the stop's wait are cancelled (a transaction
    under way is rolled back) and their members told, while Discord is still open, that Dogear is
    restarting: cancelled silently, a member's "Dogear is thinking..." ended in "The application did
    not respond", with nothing saying whether to try again."""
    running = interactions.tasks()
    handling = [(task, interactions.interaction(task)) for task in running]  # read before the tasks end
    for task in running:
        task.cancel()
    if running:
        await asyncio.wait(running, timeout=1.0)
    # One that finished by itself in the meantime has answered: told nothing more.
    interactions = [found for task, found in handling if found is not None and (task.cancelled() or not task.done())]

    async def tell(interaction: discord.Interaction) -> None:
        try:
            await send_ephemeral(interaction, RESTARTING)
        except discord.HTTPException:
            log.warning("could not tell a member the bot was restarting", exc_info=True)

    if interactions:
        log.info(
            "stopped %s still running; told %s", plural(len(running), "command"), plural(len(interactions), "member")
        )
        _, late = await asyncio.wait(
            [asyncio.ensure_future(tell(i)) for i in interactions], timeout=RESTARTING_ANSWER_SECONDS
        )
        for answer in late:
            answer.cancel()


async def _let_finish(running: list[asyncio.Task[Any]], seconds: float, *, cancel: bool) -> None:
    """Wait up to ``seconds`` for the ``running`` tasks; then cancel those still running when
    ``cancel`` (else they go on, the caller's next step stops them)."""
    if not running:
        return
    _, pending = await asyncio.wait(running, timeout=seconds)
    if cancel and pending:
        for task in pending:
            task.cancel()
        await asyncio.wait(pending, timeout=1.0)


def read_shipped_data() -> None:
    """Fill this process's caches of what ships with the code and never changes while it runs: the
    warning rules, and the declared-warning vocabulary (about 80 ms of pattern compiling, that the
    first /prefs avoid menu or excerpt header naming a warning in an author's words paid on the loop)."""
    default_ruleset()
    default_mapping()


async def build_bot(settings: Settings, *, clock: Clock, sync_globally: bool = False) -> DogearBot:
    """The one way to assemble the bot, used by ``python -m bot``, the demo and the tests."""
    from bot.db import open_database

    point_discord_at(settings)
    db = await open_database(settings.database_path)  # (closes the file itself if it stops partway)
    try:
        applied = ", ".join(f"{version:04d}" for version in db.applied_migrations) or "none needed"
        log.info(
            "database %s ready: schema version %d (migrations applied now: %s)",
            settings.database_path, await db.user_version(), applied,
        )  # fmt: skip
        # The shipped warning rules, read once now (a third of a second, seconds on a busy machine)
        # rather than by the first command that needs them, on the event loop; a stop meanwhile
        # does not wait for the read to end.
        await in_thread_a_stop_leaves(SHIPPED_RULES, read_shipped_data)
        workers = Workers(preload=WORKER_PRELOAD)
    except BaseException:
        # Stopped here (a signal while starting cancels the start): an open database keeps its
        # thread, and the process, alive.
        await db.close()
        log.info("database closed")
        raise
    return DogearBot(settings=settings, db=db, clock=clock, workers=workers, sync_globally=sync_globally)
