"""The README's command lists stay current: every slash command and every command-line subcommand is in it."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest

from bot.cli import SUBCOMMANDS, TOOLS, main
from bot.client import DogearBot
from bot.settings import SETTING_NAMES, load_settings
from tests.conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


async def test_every_slash_command_is_in_the_readme(loaded_bot: DogearBot) -> None:
    names = sorted(
        command.qualified_name for command in loaded_bot.tree.walk_commands() if not hasattr(command, "walk_commands")
    )
    assert len(names) > 30
    missing = [name for name in names if f"`/{name}" not in README]
    assert missing == [], f"commands missing from the README: {missing}"


def test_every_subcommand_is_in_the_readme() -> None:
    for name, _ in SUBCOMMANDS:
        word = name.split()[0]
        command = f"`dogear {word}"  # `dogear run` too: `dogear --help` lists it, so the README names it
        assert command in README, f"{command} is missing from the README's command line table"
    assert "| `dogear` / `dogear run` |" in README


def test_every_option_of_a_tool_is_in_the_help_list_and_the_readme(capsys: pytest.CaptureFixture[str]) -> None:
    """``dogear --help`` and the README's table show each tool's options, as its own ``--help`` has them."""
    for name, _ in SUBCOMMANDS:
        word = name.split()[0]
        if word not in TOOLS:
            continue
        with contextlib.suppress(SystemExit):  # argparse's own --help
            main([word, "--help"])
        options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", capsys.readouterr().out)) - {"--help"}
        assert options, word
        for option in options:
            assert option in name, f"`dogear --help` shows {word} without {option}"
        assert f"`dogear {name}`" in README, f"the README's command line table does not show `dogear {name}`"


# The README's tables, read as a member or an admin reads them, against what the code registers.

_SETTINGS_ROW = re.compile(r"^\| `([A-Z_]+)` \| (.+?) \| (.+) \|$", re.MULTILINE)
_RANGE = re.compile(r"\((?:[^()]*?\b)?([\d,]+) to ([\d,]+)\b")
_PERMISSIONS = {"Manage Server": "manage_guild", "Manage Messages": "manage_messages", "Manage Events": "manage_events"}


def _section(title: str, end: str) -> str:
    return README.split(title, 1)[1].split(end, 1)[0]


def _settings_rows() -> dict[str, tuple[str, str]]:
    return {
        name: (default, meaning) for name, default, meaning in _SETTINGS_ROW.findall(_section("## Settings", "## "))
    }


class _Recording(dict[str, str]):
    """An environment that remembers which names the settings asked for."""

    def __init__(self, values: dict[str, str]) -> None:
        super().__init__(values)
        self.asked: set[str] = set()

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        self.asked.add(key)
        return super().get(key, default)


def test_every_setting_read_is_in_the_readme_table_and_env_example(tmp_path: Path) -> None:
    env = _Recording({})
    load_settings(env, root=tmp_path)
    example = (REPO_ROOT / ".env.example").read_text(encoding="utf-8")
    rows = _settings_rows()
    assert sorted(env.asked) == sorted(rows), "the README's settings table and load_settings read different names"
    assert sorted(SETTING_NAMES) == sorted(rows), "SETTING_NAMES (what a misspelt name in .env is matched to) drifted"
    for name in rows:
        assert re.search(rf"^{name}=", example, re.MULTILINE), f"{name} is missing from .env.example"


def test_the_readme_defaults_are_the_defaults(tmp_path: Path) -> None:
    """A number in the default column is what an empty environment gives."""
    settings = load_settings({}, root=tmp_path)
    values = {name.lower(): value for name, value in _settings_values(settings).items()}
    checked = 0
    for name, (default, _) in _settings_rows().items():
        number = re.fullmatch(r"`(\d+)`(?: \(.*\))?", default)
        if number is None:
            continue
        assert values[name.lower()] == int(number.group(1)), f"{name}: the README says {default}"
        checked += 1
    assert checked >= 6
    assert settings.database_path == tmp_path / "data" / "dogear.sqlite3"
    assert "`data/dogear.sqlite3`" in _settings_rows()["DATABASE_PATH"][0]


def _settings_values(settings: object) -> dict[str, object]:
    """Settings fields under their setting's name (``message_budget`` is ``MESSAGE_BUDGET``)."""
    return {
        "MAX_UPLOAD_BYTES": settings.max_upload_bytes,  # type: ignore[attr-defined]
        "MAX_CHAPTERS": settings.max_chapters,  # type: ignore[attr-defined]
        "MESSAGE_BUDGET": settings.message_budget,  # type: ignore[attr-defined]
        "DISCUSSION_GRACE_HOURS": settings.discussion_grace_hours,  # type: ignore[attr-defined]
        "DATA_RETENTION_DAYS": settings.data_retention_days,  # type: ignore[attr-defined]
        "MAX_POST_MESSAGES": settings.max_post_messages,  # type: ignore[attr-defined]
        "SHARD_COUNT": settings.shard_count,  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize(
    "name",
    [
        "MAX_UPLOAD_BYTES",
        "MAX_CHAPTERS",
        "MESSAGE_BUDGET",
        "DISCUSSION_GRACE_HOURS",
        "DATA_RETENTION_DAYS",
        "MAX_POST_MESSAGES",
        "SHARD_COUNT",
    ],
)
def test_the_readme_ranges_are_the_accepted_ranges(tmp_path: Path, name: str) -> None:
    """The range in the README's meaning column is accepted at both ends and refused just outside them."""
    from bot.settings import SettingsError

    match = _RANGE.search(_settings_rows()[name][1])
    assert match, f"the README's settings table gives no range for {name}"
    low, high = (int(bound.replace(",", "")) for bound in match.groups())
    for good in (low, high):
        assert _settings_values(load_settings({name: str(good)}, root=tmp_path))[name] == good
    for bad in (low - 1, high + 1):
        with pytest.raises(SettingsError, match=rf"^{name} .*from {low} to {high}$"):
            load_settings({name: str(bad)}, root=tmp_path)


def _readme_commands() -> dict[str, tuple[set[str], set[str], str]]:
    """Each slash command of the README's tables: its required and optional options, and who may use it."""
    commands: dict[str, tuple[set[str], set[str], str]] = {}
    for line in _section("## Slash commands", "## How it is built").splitlines():
        if not line.startswith("| `/"):
            continue
        usage, who = line.split(" | ")[:2]
        for span in re.findall(r"`/([^`]+)`", usage):
            words = span.split()
            name = " ".join(word for word in words if re.fullmatch(r"[a-z]+(?:-[a-z]+)*", word))  # remove-category
            required = {word.split(":")[0] for word in words if ":" in word}
            optional = {word.strip("[]") for word in words if word.startswith("[")}
            if name in commands:  # a second row (a file, or a book without one): required only where both require it
                old_required, old_optional, _ = commands[name]
                optional |= old_optional | (old_required ^ required)
                required &= old_required
            commands[name] = (required, optional, who)
    return commands


async def test_the_readme_command_tables_match_the_registered_commands(loaded_bot: DogearBot) -> None:
    """Options, which of them are required, and who may use each command, as the README's tables say.

    ``/story add`` and ``/story update`` have two rows each (a file, or a book without one): an option
    is required only when both rows require it.
    """
    registered = [c for c in loaded_bot.tree.walk_commands() if not hasattr(c, "walk_commands")]
    hidden = sorted(c.name for c in loaded_bot.tree.get_commands() if c.default_permissions is not None)
    documented = _readme_commands()
    assert sorted(c.qualified_name for c in registered) == sorted(documented)
    for command in registered:
        required, optional, who = documented[command.qualified_name]
        options = {p.name: p.required for p in command.parameters}
        assert set(options) == required | optional, f"/{command.qualified_name}: options differ from the README"
        assert {n for n, r in options.items() if r} == required, f"/{command.qualified_name}: required options differ"
        _assert_who(command, who)
    assert "`/config`, `/discussion` and `/vote` are therefore hidden from members as a whole" in README
    assert hidden == ["config", "discussion", "vote"], "the README names the wrong commands hidden from members"


def _assert_who(command: object, who: str) -> None:
    """ "everyone" has no permission anywhere; an admin command is checked in code and says so in its description."""
    name = command.qualified_name  # type: ignore[attr-defined]
    root = command.root_parent or command  # type: ignore[attr-defined]
    if who == "everyone":
        assert not command.checks, f"/{name} is for everyone in the README but checks a permission"  # type: ignore[attr-defined]
        assert root.default_permissions is None, f"/{name} is for everyone in the README but hidden from members"
        return
    needed = [flag for label, flag in _PERMISSIONS.items() if label in who]
    assert needed, f"/{name}: the README names no known permission ({who})"
    assert command.checks, f"/{name} needs {who} in the README but nothing checks it in code"  # type: ignore[attr-defined]
    assert f"({who.split(' or ')[0]})" in command.description, f"/{name}: its description does not name {who}"  # type: ignore[attr-defined]


def test_the_readme_log_levels_are_the_ones_the_error_names(tmp_path: Path) -> None:
    from bot.settings import SettingsError

    levels = re.findall(r"`([A-Z]+)`", _settings_rows()["LOG_LEVEL"][1])
    assert "CRITICAL" in levels
    for level in levels:
        load_settings({"LOG_LEVEL": level.lower()}, root=tmp_path)
    with pytest.raises(SettingsError) as refused:
        load_settings({"LOG_LEVEL": "loud"}, root=tmp_path)
    assert str(refused.value).endswith("use one of " + ", ".join(levels))


def _row(command: str) -> str:
    return next(line for line in README.splitlines() if line.startswith(f"| `/{command}"))


def test_every_when_the_readme_offers_is_read() -> None:
    """Each example in the ``when`` list of ``/discussion schedule`` is a time, ``12/04`` once the date order is set."""
    from datetime import UTC, datetime

    from bot.discussions.when import parse_when

    examples = re.findall(r"`([^`]+)`", _row("discussion schedule").split("`when` takes", 1)[1].split("; in the")[0])
    assert len(examples) >= 10 and "12/04 19:00" in examples
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    for example in examples:
        assert parse_when(example, now=now, default_zone="UTC", date_order="mdy") > now, example


def test_the_readme_rhythms_and_reminders_are_read() -> None:
    """Every rhythm the ``/discussion plan`` row offers is read, and every rhythm read is offered there."""
    from datetime import timedelta

    from bot.discussions.cadence import _NAMED, MAX_STEP_DAYS, parse_every
    from bot.discussions.remind import parse_remind

    row = _row("discussion plan").split(" | ")[2]
    offered = re.findall(r"`([^`]+)`", row)
    for rhythm in offered:
        parse_every(rhythm.replace("N ", "3 "))
    assert {"daily", "weekdays", "weekly", "N days", "N weeks"} <= set(offered)
    days = {parse_every(name).days for name in _NAMED}
    assert days <= {parse_every(rhythm).days for rhythm in offered if "N " not in rhythm}, "a named rhythm is left out"
    assert f"at most {MAX_STEP_DAYS} days apart" in row
    assert "`remind` like `24h,1h` (the default)" in _row("discussion schedule")
    assert parse_remind("24h,1h") == parse_remind(None) == (timedelta(hours=24), timedelta(hours=1))


def test_the_healthy_start_names_the_schema_version_this_release_has() -> None:
    """The example log line is what a fresh start of this release prints."""
    migrations = sorted((REPO_ROOT / "bot" / "migrations").glob("[0-9][0-9][0-9][0-9]_*.sql"))
    latest = int(migrations[-1].name[:4])
    assert f"ready: schema version {latest} (migrations applied now: none needed)" in README


def test_the_upgrade_backup_can_be_taken_at_every_upgrade() -> None:
    """``dogear backup`` refuses a file that exists (exit 2): the README's upgrade step names a new file each time."""
    [line] = [line for line in README.splitlines() if "dogear backup backups/before-upgrade" in line]
    assert "$(date " in line, line


async def test_every_choice_is_named_as_discord_shows_it(loaded_bot: DogearBot) -> None:
    """An option with fixed choices: the README's row names each one as the member picks it.

    Discord shows a choice's name, never its value: the README saying ``dmy`` sent admins
    looking for a choice their menu calls "day/month (12/04 is 12 April)".
    """
    checked = 0
    for command in loaded_bot.tree.walk_commands():
        for option in getattr(command, "parameters", []):
            for choice in option.choices:
                shown = choice.name.split(" (")[0]
                assert f"`{shown}`" in _row(command.qualified_name), f"/{command.qualified_name} {option.name}: {shown}"
                checked += 1
    assert checked >= 8


def test_the_cogs_the_readme_says_load_are_the_ones_that_load() -> None:
    """Every module and package under ``cogs/`` is an extension but the ``_`` helpers, as the README says."""
    import pkgutil

    import cogs
    from bot.client import discover_extensions

    names = [module.name for module in pkgutil.iter_modules(cogs.__path__)]
    helpers = [name for name in names if name.startswith("_")]
    assert helpers and discover_extensions() == sorted(f"cogs.{name}" for name in names if name not in helpers)
    assert "loaded at start, except the\n  shared helpers whose names start with `_`" in README
