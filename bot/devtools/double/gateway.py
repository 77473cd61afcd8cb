"""The ``/gateway`` websocket: HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeats, dispatches, RESUME.

Sharding as on Discord: IDENTIFY may carry ``shard: [id, count]``; that session gets READY
and GUILD_CREATE for the servers on its shard (``(guild_id >> 22) % count``) and only their
events; events without a server (DMs) go to shard 0. A bad shard array closes with 4010, a
shard holding more than 2,500 servers with 4011 ("sharding required").

Events are numbered per session and kept, so a client that lost its connection and RESUMEs
gets what it missed, as on Discord. ``compress=zlib-stream`` is honoured (one zlib context per
connection, each message ending in a sync flush); without it frames are plain text.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import zlib
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from bot.devtools.double.state import MAX_GUILDS_PER_SHARD, DoubleState
from bot.shards import shard_of

log = logging.getLogger(__name__)

DISPATCH, HEARTBEAT, IDENTIFY, RESUME, RECONNECT, INVALID_SESSION, HELLO, HEARTBEAT_ACK = 0, 1, 2, 6, 7, 9, 10, 11
HEARTBEAT_INTERVAL_MS = 41250
REPLAY_LIMIT = 2000


@dataclass
class Connection:
    ws: web.WebSocketResponse
    compressor: Any | None
    queue: asyncio.Queue[dict[str, Any] | None] = field(default_factory=asyncio.Queue)
    dropped: bool = False

    async def send(self, payload: dict[str, Any]) -> None:
        text = json.dumps(payload)
        if self.compressor is not None:
            frame = self.compressor.compress(text.encode()) + self.compressor.flush(zlib.Z_SYNC_FLUSH)
            await self.ws.send_bytes(frame)
        else:
            await self.ws.send_str(text)


@dataclass
class Session:
    session_id: str
    seq: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    connection: Connection | None = None
    closed: bool = False
    shard: tuple[int, int] = (0, 1)

    def receives(self, guild_id: int | None) -> bool:
        """Whether an event about ``guild_id`` (None: not about a server) belongs to this session's shard."""
        shard_id, shard_count = self.shard
        if guild_id is None:
            return shard_id == 0
        return shard_of(guild_id, shard_count) == shard_id

    def push(self, event: str, data: dict[str, Any]) -> None:
        self.seq += 1
        payload = {"op": DISPATCH, "t": event, "s": self.seq, "d": data}
        self.events.append(payload)
        del self.events[:-REPLAY_LIMIT]
        if self.connection is not None:
            self.connection.queue.put_nowait(payload)


def parse_shard(value: Any) -> tuple[int, int] | None:
    """IDENTIFY's ``shard`` field: absent means ``[0, 1]``; otherwise two ints, id below count."""
    if value is None:
        return (0, 1)
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and 0 <= value[0] < value[1]
    ):
        return (value[0], value[1])
    return None


def event_guild_id(event: str, data: dict[str, Any]) -> int | None:
    """The server an event is about: ``guild_id``, or ``id`` for the GUILD_CREATE/UPDATE/DELETE family."""
    raw = data.get("guild_id")
    if raw is None and event in ("GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE"):
        raw = data.get("id")
    return None if raw is None else int(raw)


class Gateway:
    def __init__(self, state: DoubleState) -> None:
        self.state = state
        self.sessions: dict[str, Session] = {}
        self.identifies = 0
        self.resumes = 0
        self.heartbeats = 0
        self.connections: list[Connection] = []
        self.compressed = 0
        self.identified_shards: list[tuple[int, int]] = []
        self.last_guild_sent: int | None = None  # the last server whose GUILD_CREATE went out at IDENTIFY
        state.dispatcher = self.broadcast

    @property
    def url(self) -> str:
        return self.state.base_url.replace("http://", "ws://", 1) + "/gateway"

    def broadcast(self, event: str, data: dict[str, Any]) -> None:
        guild_id = event_guild_id(event, data)
        for session in list(self.sessions.values()):
            if not session.closed and session.receives(guild_id):
                session.push(event, data)

    async def drop(self, code: int = 4000, *, resumable: bool = True) -> int:
        """Close every live connection the way a network blip or Discord restart would; the client resumes.
        ``resumable=False``: Discord lost the sessions too, so a RESUME gets INVALID_SESSION and the
        client must IDENTIFY afresh (READY again, every server's GUILD_CREATE again)."""
        dropped = 0
        for connection in list(self.connections):
            if not connection.ws.closed:
                dropped += 1
                connection.dropped = True
                if not resumable:
                    for session in self.sessions.values():
                        if session.connection is connection:
                            session.closed = True
                connection.queue.put_nowait(None)
                await connection.ws.close(code=code, message=b"double: connection dropped")
        return dropped

    def ask_reconnect(self) -> int:
        """Send RECONNECT (op 7) on every live connection, as Discord does before moving a session:
        the client closes the connection and resumes on a new one."""
        asked = 0
        for connection in self.connections:
            if not connection.ws.closed:
                asked += 1
                connection.queue.put_nowait({"op": RECONNECT, "d": None, "s": None, "t": None})
        return asked

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await ws.prepare(request)
        compressor = zlib.compressobj() if request.query.get("compress") == "zlib-stream" else None
        if compressor is not None:
            self.compressed += 1
        connection = Connection(ws=ws, compressor=compressor)
        self.connections.append(connection)
        sender = asyncio.create_task(self._sender(connection), name="double-gateway-sender")
        session: Session | None = None
        try:
            connection.queue.put_nowait(
                {"op": HELLO, "d": {"heartbeat_interval": HEARTBEAT_INTERVAL_MS}, "s": None, "t": None}
            )
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                op, data = frame.get("op"), frame.get("d")
                if op == HEARTBEAT:
                    self.heartbeats += 1
                    connection.queue.put_nowait({"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None})
                elif op == IDENTIFY:
                    if data.get("token") != self.state.token:
                        await ws.close(code=4004, message=b"Authentication failed.")
                        break
                    shard = parse_shard(data.get("shard"))
                    if shard is None:
                        await ws.close(code=4010, message=b"Invalid shard.")
                        break
                    if len(self.state.guilds_on_shard(*shard)) > MAX_GUILDS_PER_SHARD:
                        await ws.close(code=4011, message=b"Sharding required.")
                        break
                    self.identifies += 1
                    self.identified_shards.append(shard)
                    session = self._identify(connection, shard)
                elif op == RESUME:
                    session = self._resume(connection, data)
                    if session is None:
                        connection.queue.put_nowait({"op": INVALID_SESSION, "d": False, "s": None, "t": None})
        finally:
            if session is not None and session.connection is connection:
                session.connection = None
                # The client closing with 1000 ends its session; anything else may be resumed.
                if ws.close_code in (1000, 1001) and not connection.dropped:
                    session.closed = True
            connection.queue.put_nowait(None)
            with contextlib.suppress(asyncio.CancelledError):
                await sender
            self.connections.remove(connection)
        return ws

    def _identify(self, connection: Connection, shard: tuple[int, int] = (0, 1)) -> Session:
        session = Session(session_id=secrets.token_hex(16), shard=shard)
        self.sessions[session.session_id] = session
        session.connection = connection
        session.push("READY", self.state.ready_payload(session.session_id, self.url, shard))
        for guild in self.state.guilds_on_shard(*shard):
            if guild.outage:
                session.push("GUILD_CREATE", {"id": str(guild.id), "unavailable": True})
                continue
            session.push("GUILD_CREATE", self.state.guild_payload(guild))
            self.last_guild_sent = guild.id
        return session

    def _resume(self, connection: Connection, data: dict[str, Any]) -> Session | None:
        session = self.sessions.get(data.get("session_id", ""))
        if session is None or session.closed or data.get("token") != self.state.token:
            return None
        self.resumes += 1
        last = int(data.get("seq") or 0)
        for payload in session.events:
            if payload["s"] > last:
                connection.queue.put_nowait(payload)
        session.connection = connection
        session.push("RESUMED", {"_trace": ["dogear-double"]})
        return session

    async def _sender(self, connection: Connection) -> None:
        while True:
            payload = await connection.queue.get()
            if payload is None or connection.ws.closed:
                return
            try:
                await connection.send(payload)
            except (ConnectionResetError, RuntimeError):
                return
