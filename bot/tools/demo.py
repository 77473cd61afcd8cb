"""``dogear demo``: watch Dogear run a club evening, without a Discord token.

The real bot (built exactly as ``python -m bot`` builds it) talks to the local Discord double
from ``bot/devtools/double`` on 127.0.0.1; a script plays the members. What you read is what the bot
really answered and posted.

Usage: dogear demo [--story PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import inspect
import logging
import re
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from importlib.resources import as_file
from pathlib import Path
from typing import Any, NoReturn

from bot.paths import shipped
from bot.settings import load_settings
from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.model import Story
from bot.text import plural
from bot.tools.args import InputFileError, input_path, read_input

WIDTH = 100
# How much of the story's title the member types before taking the suggestion.
TYPED_CHARS = 30


def driver() -> Any:
    return _import_driver()


def _import_driver() -> Any:
    """The double and its driver ship in ``bot.devtools``; imported late so ``--help`` stays quick."""
    from bot.devtools import driver

    return driver


@dataclass(frozen=True)
class Pick:
    """An autocomplete option: the member types ``typed`` and takes the first suggestion."""

    typed: str


class SkipStep(Exception):
    """Raised by a step's options when the story gives the step nothing to show; the message says why."""


Options = dict[str, Any] | Callable[["Demo"], dict[str, Any] | Awaitable[dict[str, Any]]]


@dataclass
class Step:
    """One thing a member does. ``options`` may be a function (or coroutine function) of what
    earlier steps produced: the story's id exists only once the bot has imported it."""

    actor: str
    command: str
    options: Options = field(default_factory=dict)
    note: str = ""
    advance: timedelta | None = None  # instead of a command: let time pass
    click: str | None = None  # instead of a command: press this button on the last reply
    posts: int = 0  # after letting time pass: wait until Dogear has posted this many messages on its own


class Demo:
    def __init__(self, club: Any, story: Path, out: Callable[[str], None]) -> None:
        self.club = club
        self.story = story
        self.out = out
        self.last_replies: list[Any] = []
        self.picked: dict[str, str] = {}  # option name → the value of the suggestion taken last
        self.driver = _import_driver()
        self.names = self._names()

    def _names(self) -> dict[str, str]:
        club = self.club
        names = {f"<#{c.id}>": f"#{c.name}" for c in club.guild.channels.values()}
        for member in club.guild.members.values():
            names[f"<@{member.user.id}>"] = f"@{member.user.display}"
            names[f"<@!{member.user.id}>"] = f"@{member.user.display}"
        for role in club.guild.roles.values():
            names[f"<@&{role.id}>"] = f"@{role.name}"
        return names

    def readable(self, text: str) -> str:
        for raw, name in self.names.items():
            text = text.replace(raw, name)
        for thread in self.club.threads:
            text = text.replace(f"<#{thread.id}>", f"#{thread.name}")
        now = self.club.clock.now()
        return re.sub(r"<t:(\d+)(:[a-zA-Z])?>", lambda match: _timestamp(match, now), text)

    def member(self, actor: str) -> Any:
        return getattr(self.club, actor)

    def available(self, command: str) -> bool:
        top = command.split()[0]
        return any(c["name"] == top for c in self.club.state.visible_commands(self.club.guild.id))

    # -- printing
    def say(self, who: str, text: str, indent: str = "  ") -> None:
        body = self.readable(text).strip() or "(empty)"
        lines = body.splitlines()
        self.out(f"{indent}{who} › {lines[0]}")
        pad = indent + " " * (len(who) + 3)
        for line in lines[1:]:
            self.out(f"{pad}{line}".rstrip())

    def show_reply(self, reply: Any) -> None:
        if reply.modal:
            self.say("Dogear opens a form", str(reply.modal.get("title", "")))
            return
        who = "Dogear (only you see this)" if reply.ephemeral else "Dogear"
        self.say(who, reply.text)
        if reply.labels:
            self.out(f"    buttons: {' | '.join(reply.labels)}")
        for attachment in reply.attachments:
            self.out(f"    attached: {attachment.filename} ({len(attachment.data)} bytes)")

    def new_posts(self, before: set[int]) -> list[Any]:
        """Messages Dogear posted on its own (not interaction answers) since ``before``."""
        return [
            m
            for m in list(self.club.state.messages.values())
            if m.id not in before and not m.ephemeral and not m.deleted and m.interaction_id is None
            and m.guild_id == self.club.guild.id
        ]  # fmt: skip

    def show_posts(self, before: set[int]) -> None:
        state = self.club.state
        fresh = self.new_posts(before)
        for message in sorted(fresh, key=lambda m: m.id):
            channel = state.channels[message.channel_id]
            where = f"#{channel.name}" + (" (thread)" if channel.is_thread else "")
            self.say(f"posted in {where}", reply_text(message), indent="    ")
            labels = [
                str(c.get("label")) for c in self.driver.walk_components(message.components) if c.get("type") == 2
            ]
            if labels:
                self.out(f"      buttons: {' | '.join(labels)}")
        if fresh:
            pinged = [m for m in fresh if m.pinged_everyone or m.pinged_users or m.pinged_roles]
            if not pinged:
                self.out("    (nobody was pinged by these posts)")
            for message in pinged:
                roles = ", ".join(f"@{self.club.guild.roles[r].name}" for r in message.pinged_roles)
                users = ", ".join(f"@{state.users[u].display}" for u in message.pinged_users)
                everyone = "@everyone" if message.pinged_everyone else ""
                self.out(f"    (this post pinged {', '.join(x for x in (everyone, roles, users) if x)})")

    # -- running
    async def run(self, steps: list[Step]) -> None:
        club = self.club
        self.out("=" * WIDTH)
        self.out("Dogear demo: the real bot against a local Discord double (no token, nothing leaves this machine)")
        self.out(
            f"Server {club.guild.name!r}: #{club.text_channel.name}, #{club.forum_channel.name} (forum); "
            f"{club.admin.user.display} is an admin, {club.member.user.display} and "
            f"{club.other_member.user.display} are members."
        )
        self.out(f"Story file: {self.story.name}")
        self.out("=" * WIDTH)
        for step in steps:
            await self.run_step(step)
        self.out("")
        self.out("=" * WIDTH)
        double = club.double
        failed = double.failed_interactions
        self.out(
            f"{len(club._interactions)} interactions, {len(club.requests)} API requests, "
            f"{len(club.rate_limited)} rate limits hit, {len(failed)} failed interactions."
        )

    def click_target(self, label: str) -> Any | None:
        """The last reply with that button, else the newest post in the server that has it (None: none has)."""
        for reply in reversed(self.last_replies):
            if label in reply.labels:
                return reply
        channels = [c for c in self.club.guild.live_channels()]
        posts = [p for c in channels for p in self.club.messages(c) if label in p.labels]
        return max(posts, key=lambda p: p.id) if posts else None

    async def avoidable(self) -> dict[str, Any]:
        """Options for ``/prefs avoid``: the first warning the bot shows on chapter 1 of the story
        it imported, so that reading chapter 1 asks first, whatever the story file is."""
        from bot.warnings.service import UNWARNED, chapter_warnings

        if "story" not in self.picked:
            raise SkipStep("no story was picked")
        story_id, runtime = int(self.picked["story"]), self.club.runtime
        shown = await runtime.run(chapter_warnings(runtime.bot.db, self.club.guild.id, story_id, 1))
        avoidable = [warning for warning in shown if warning.id != UNWARNED.id]
        if not avoidable:
            raise SkipStep("chapter 1 of this story has no warning to avoid")
        return {"warning": avoidable[0].id}

    async def options(self, step: Step) -> tuple[dict[str, Any], dict[str, str]]:
        """The step's options with every :class:`Pick` taken from the bot's suggestions, and the
        suggestions' names to show; :class:`SkipStep` when there is nothing to pick."""
        found = step.options(self) if callable(step.options) else dict(step.options)
        options = await found if inspect.isawaitable(found) else found
        labels: dict[str, str] = {}
        for key, value in list(options.items()):
            if isinstance(value, Pick):
                choices = await self.club.autocomplete(step.command, key, value.typed, member=self.member(step.actor))
                if not choices:
                    raise SkipStep(f"nothing suggested for {key}:{value.typed!r}")
                options[key] = self.picked[key] = choices[0]["value"]
                labels[key] = choices[0]["name"]
        return options, labels

    async def run_step(self, step: Step) -> None:
        club = self.club
        self.out("")
        if step.note:
            self.out(f"# {step.note}")
        if step.advance is not None:
            before = set(club.state.messages)
            self.out(f"... {_duration(step.advance)} later ...")
            await club.clock.advance(step.advance)
            if step.posts:
                # Timers post from tasks of their own; wait for them rather than guess a delay.
                await club.wait_for(lambda: len(self.new_posts(before)) >= step.posts, "Dogear's posts", limit=20)
                await club.settle()
            self.show_posts(before)
            return
        member = self.member(step.actor)
        name = member.user.display
        if step.click is not None:
            target = self.click_target(step.click)
            if target is None:
                self.out(f"{name} › [{step.click}]   (skipped: no message has this button)")
                return
            where = (
                ""
                if target in self.last_replies
                else f" under the post in #{club.state.channels[target.channel_id].name}"
            )
            self.out(f"{name} presses [{step.click}]{where}")
            before = set(club.state.messages)
            replies = await club.click(target, step.click, member=member)
        else:
            if not self.available(step.command):
                self.out(f"{name} › /{step.command}   (skipped: this build has no /{step.command.split()[0]})")
                return
            try:
                options, labels = await self.options(step)
            except SkipStep as reason:
                self.out(f"{name} › /{step.command}   (skipped: {reason})")
                return
            shown = " ".join(f"{k}:{labels.get(k) or _show(v, self)}" for k, v in options.items())
            self.out(f"{name} › /{step.command}{' ' + shown if shown else ''}")
            before = set(club.state.messages)
            try:
                replies = await club.slash(step.command, member=member, **options)
            except driver().CommandNotVisible:
                self.out(f"  (Discord does not even offer /{step.command.split()[0]} to {name}: it is for admins)")
                return
        for reply in replies:
            self.show_reply(reply)
        self.show_posts(before)
        if replies:
            self.last_replies = replies


def reply_text(message: Any) -> str:
    driver = _import_driver()
    return driver.Reply(message=message).text


def _show(value: Any, demo: Demo) -> str:
    if isinstance(value, Path):
        return value.name
    if isinstance(value, tuple) and len(value) == 2:
        return str(value[0])
    if hasattr(value, "mention") and callable(value.mention):
        return demo.readable(value.mention())
    return str(value)


def _timestamp(match: re.Match[str], now: datetime) -> str:
    """Discord renders ``<t:N:F>`` in the reader's time zone (the transcript says UTC) and ``<t:N:R>``
    as how far off it is ("in 2 days"), so "<F> (<R>)" never reads as the same date twice."""
    moment = datetime.fromtimestamp(int(match.group(1)), UTC)
    if match.group(2) == ":R":
        ahead = moment - now
        if abs(ahead) < timedelta(minutes=1):
            return "just now"
        return f"in {_duration(ahead)}" if ahead >= timedelta(0) else f"{_duration(-ahead)} ago"
    return moment.strftime("%a %d %b %Y %H:%M UTC")


def _duration(delta: timedelta) -> str:
    """A duration as Discord's relative timestamps round it: minutes, hours, then days."""
    minutes = round(delta.total_seconds() / 60)
    if minutes < 60:
        return plural(minutes, "minute")
    hours = round(minutes / 60)
    if hours >= 24:
        return plural(round(hours / 24), "day")
    return plural(hours, "hour")


def typed_title(story: Story) -> str:
    """What a member types to find the story: the title's first words (whole words, so the
    bot's case- and accent-folded search finds them), at most ``TYPED_CHARS`` unless one word is longer."""
    words = story.meta.title.split()
    typed = words[0] if words else ""
    for word in words[1:]:
        if len(typed) + 1 + len(word) > TYPED_CHARS:
            break
        typed += " " + word
    return typed


def script(path: Path, story: Story) -> list[Step]:
    """The evening, in the order a club would do it, for the story ``path`` holds (as the importer read it)."""
    picked = Pick(typed_title(story))
    second = min(2, len(story.chapters))
    return [
        Step("member", "help", note="A new member asks what Dogear does."),
        Step(
            "admin",
            "config set",
            lambda d: {
                "club_channel": d.club.text_channel,
                "discussion_channel": d.club.forum_channel,
                "club_role": d.club.club_role,
                "timezone": "Europe/London",
            },
            note="The admin points Dogear at the club's channels.",
        ),
        Step("member", "config set", {"timezone": "Europe/Paris"}, note="A member tries an admin command."),
        Step("admin", "story add", {"file": path}, note="The admin uploads the club's next read."),
        Step("member", "story list", note="Anyone can see the shelf."),
        Step("member", "story info", {"story": picked}),
        Step("admin", "excerpt post", {"story": picked, "chapter": 1}, note="Chapter 1 goes up, behind spoilers."),
        Step("other_member", "", click="I've read this", note="Ollie reads it and says so."),
        Step(
            "member",
            "prefs avoid",
            Demo.avoidable,
            note="Mel would rather be asked before reading about one of chapter 1's warnings.",
        ),
        Step("member", "excerpt read", {"story": picked, "chapter": 1}, note="Mel reads chapter 1 privately."),
        Step("member", "", click="Show it anyway"),
        *second_post(story, picked),
        Step(
            "member",
            "progress set",
            {"story": picked, "chapter": second},
            note=f"Mel has read {plural(second, 'chapter')}.",
        ),
        Step("other_member", "progress club", {"story": picked}, note="Who is where? Nobody gets spoiled."),
        Step(
            "admin",
            "discussion schedule",
            {"story": picked, "chapter": 1, "when": "in 2 days"},
            note="The admin schedules the chapter 1 discussion.",
        ),
        Step("admin", "discussion list"),
        Step("admin", "", advance=timedelta(days=1, minutes=1), posts=1, note="A day passes: the reminder goes out."),
        Step("admin", "", advance=timedelta(days=1), posts=1, note="The discussion opens on its own."),
    ]


def second_post(story: Story, picked: Pick) -> list[Step]:
    """Chapter 2 goes up too when the story has one; its note says so when its text would ping everyone."""
    if len(story.chapters) < 2:
        return []
    pings = "@everyone" in story.chapters[1].text
    note = "Chapter 2's text contains '@everyone': watch that nobody gets pinged." if pings else "Chapter 2 goes up."
    return [Step("admin", "excerpt post", {"story": picked, "chapter": 2}, note=note)]


class _BadArguments(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """One clear line for bad arguments instead of argparse's usage block."""

    def error(self, message: str) -> NoReturn:
        raise _BadArguments(message)


def main(argv: list[str]) -> int:
    parser = _Parser(prog="dogear demo", description="Watch Dogear run a club evening, without a Discord token.")
    parser.add_argument("--story", type=input_path, default=None, help="story file to use (default: the sample)")
    try:
        args = parser.parse_args(argv)
    except _BadArguments as error:
        print(f"dogear: demo: {error}; usage: dogear demo [--story PATH]", file=sys.stderr)
        return 2
    except SystemExit as exit_:  # --help
        return 0 if exit_.code == 0 else 2
    logging.basicConfig(level=logging.CRITICAL)
    with contextlib.ExitStack() as stack:
        path: Path = args.story or stack.enter_context(as_file(shipped("sample_story.md")))
        try:
            story = read_story(path)
        except (InputFileError, StoryFormatError) as error:
            message = f"{path}: {error}" if isinstance(error, StoryFormatError) else str(error)
            print(f"dogear: demo: {' '.join(message.split())}", file=sys.stderr)
            return 2
        return _run(path, story)


def read_story(path: Path) -> Story:
    """The story file as the demo's bot will import it, read before the double starts, so a file
    the importer refuses is one line, not a transcript that stops halfway.

    The demo's bot takes its settings from the double alone, never the environment, so the
    limits here are the defaults too.
    """
    settings = load_settings({})
    data = read_input(path, settings.max_upload_bytes)
    return import_story(data, path.name, max_bytes=settings.max_upload_bytes, max_chapters=settings.max_chapters)


def _run(path: Path, story: Story) -> int:
    driver = _import_driver()
    with tempfile.TemporaryDirectory(prefix="dogear-demo-") as tmp:
        runtime = driver.ClubRuntime(Path(tmp) / "demo.sqlite3")
        runtime.start()
        try:
            club = runtime.new_club("Harbour Reading Club")
            demo = Demo(club, path, print)
            asyncio.run(demo.run(script(path, story)))
        finally:
            runtime.stop()
    return 0
