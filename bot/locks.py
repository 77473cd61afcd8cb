"""One lock per key (a server, a channel) that lives only while someone holds it or waits for it.

One process serves thousands of servers: a dict of ``asyncio.Lock`` filled with ``setdefault``
keeps a lock for every server that ever used a command, for as long as the bot runs. Here a
key's lock is dropped when its last user leaves, so the map holds the keys in use right now.
:class:`InFlight` is the set of keys with a try running, for a retry timer that must not start a
second try of an item whose first is still waiting on Discord.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Hashable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field


@dataclass(slots=True)
class _Entry:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0  # holding it or waiting for it


class KeyedLocks:
    """``async with locks.hold(key):`` runs one holder of a key at a time, in the order they came."""

    def __init__(self) -> None:
        self._entries: dict[Hashable, _Entry] = {}

    def __len__(self) -> int:
        """Keys held or waited for now."""
        return len(self._entries)

    @asynccontextmanager
    async def hold(self, key: Hashable) -> AsyncIterator[None]:
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = _Entry()
        entry.users += 1
        try:
            async with entry.lock:
                yield
        finally:  # also when cancelled while waiting
            entry.users -= 1
            if entry.users == 0:
                del self._entries[key]


class InFlight:
    """Keys with a try running now in this process (an owed post being sent), so a retry skips them.

    A first try can wait in discord.py's rate-limit sleep, or on a slow request, past the delay the
    retry timer waits: the retry found nothing in the channel (the first was not sent yet), posted,
    and the first posted too. Whoever tries an item holds its key for the whole try
    (``with in_flight.trying(key):``); the timer leaves an item whose key is held to the try that
    holds it. Keys are dropped when their try ends, so the set holds only what is in flight.
    """

    def __init__(self) -> None:
        self._keys: set[Hashable] = set()

    def __contains__(self, key: Hashable) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    @contextmanager
    def trying(self, key: Hashable) -> Iterator[None]:
        self._keys.add(key)
        try:
            yield
        finally:  # also when cancelled mid-try
            self._keys.discard(key)
