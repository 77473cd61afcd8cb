"""Which servers this process acts for when several processes share the bot's shards.

Discord assigns a server to shard ``(guild_id >> 22) % shard_count``. Every background job
(discussions falling due, resumed posts, reminders, data retention) asks ``owns`` before
acting, so two processes never act for the same server.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def shard_of(guild_id: int, shard_count: int) -> int:
    return (guild_id >> 22) % shard_count


@dataclass(frozen=True, slots=True)
class ShardScope:
    """The shards one process serves; the default (one shard, shard 0) owns every server."""

    shard_count: int = 1
    shard_ids: frozenset[int] = frozenset({0})

    @classmethod
    def of(cls, shard_count: int, shard_ids: Iterable[int] | None = None) -> ShardScope:
        ids = frozenset(range(shard_count) if shard_ids is None else shard_ids)
        return cls(shard_count, ids)

    @property
    def everything(self) -> bool:
        return len(self.shard_ids) == self.shard_count

    def owns(self, guild_id: int) -> bool:
        return self.everything or shard_of(guild_id, self.shard_count) in self.shard_ids

    def sql(self, column: str = "guild_id") -> tuple[str, list[int]]:
        """A SQL condition (and its parameters) that keeps only this process's servers.

        ``((guild_id >> 22) % count) IN (...)`` is portable to PostgreSQL; "1 = 1" when this
        process serves every shard.
        """
        if self.everything:
            return "1 = 1", []
        marks = ", ".join("?" for _ in self.shard_ids)
        return f"(({column} >> 22) % ?) IN ({marks})", [self.shard_count, *sorted(self.shard_ids)]

    def describe(self) -> str:
        """For the log: "every server", or "shards 0, 2 of 4"."""
        if self.shard_count == 1:
            return "every server"
        ids = ", ".join(str(shard) for shard in sorted(self.shard_ids))
        return (
            f"shard {ids} of {self.shard_count}" if len(self.shard_ids) == 1 else f"shards {ids} of {self.shard_count}"
        )

    @property
    def has_shard_zero(self) -> bool:
        """The process with shard 0 is the one that syncs commands."""
        return 0 in self.shard_ids
