"""One lock per key (a server, a channel) that lives only while someone holds it or waits for it.

One process serves thousands of servers: a dict of ``asyncio.Lock`` filled with ``setdefault``
keeps a lock for every server that ever used a command, for as long as the bot runs. Here a
key's lock is dropped when its last user leaves, so the map holds the keys in use right now.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager
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
