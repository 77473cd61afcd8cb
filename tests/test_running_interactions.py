"""A stop finds the commands, presses and forms still running from Dogear's own bookkeeping.

The "Dogear is restarting" answer (tests/process/test_restarting.py) found them by discord.py's task
names and read the interaction out of each task's coroutine frame: a discord.py release renaming a
task or a local variable would have silently left members unanswered again. Each handler now records
itself (:class:`bot.client.Tracked`, the tree's ``interaction_check``) and the bot keeps the list.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
from types import SimpleNamespace

import discord

from bot.client import RunningInteractions, Tracked, discover_extensions, track


def test_every_button_and_form_dogear_defines_records_its_interaction() -> None:
    for extension in discover_extensions():
        importlib.import_module(extension)
    defined = [
        kind
        for base in (discord.ui.DynamicItem, discord.ui.Modal)
        for kind in _subclasses(base)
        if kind.__module__.startswith("cogs.") and not inspect.isabstract(kind)
    ]
    assert len(defined) >= 9  # the chapter buttons, the forms, the review and removal buttons
    untracked = [f"{kind.__module__}.{kind.__qualname__}" for kind in defined if not issubclass(kind, Tracked)]
    assert untracked == []


def _subclasses(base: type) -> set[type]:
    found: set[type] = set()
    pending = [base]
    while pending:
        for kind in pending.pop().__subclasses__():
            if kind not in found:
                found.add(kind)
                pending.append(kind)
    return found


def interaction(running: RunningInteractions, kind: discord.InteractionType) -> discord.Interaction:
    return SimpleNamespace(type=kind, client=SimpleNamespace(interactions=running))  # type: ignore[return-value]


async def test_a_handler_is_listed_while_it_runs_and_forgotten_when_it_ends() -> None:
    running = RunningInteractions()
    command = interaction(running, discord.InteractionType.application_command)
    typing = interaction(running, discord.InteractionType.autocomplete)
    release = asyncio.Event()

    async def handle(handled: discord.Interaction) -> None:
        track(handled)
        await release.wait()

    tasks = [asyncio.create_task(handle(command)), asyncio.create_task(handle(typing))]
    await asyncio.sleep(0)
    assert running.tasks() == [tasks[0]]  # autocomplete answers at once and cannot be told anything
    assert running.interaction(tasks[0]) is command
    release.set()
    await asyncio.gather(*tasks)
    assert running.tasks() == [] and running.interaction(tasks[0]) is None
