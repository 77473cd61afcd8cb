"""The ``/gateway`` websocket: HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeats, dispatches, RESUME.

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

from bot.devtools.double.state import DoubleState

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

    def push(self, event: str, data: dict[str, Any]) -> None:
        self.seq += 1
        payload = {"op": DISPATCH, "t": event, "s": self.seq, "d": data}
        self.events.append(payload)
        del self.events[:-REPLAY_LIMIT]
        if self.connection is not None:
            self.connection.queue.put_nowait(payload)


class Gateway:
    def __init__(self, state: DoubleState) -> None:
        self.state = state
        self.sessions: dict[str, Session] = {}
        self.identifies = 0
        self.resumes = 0
        self.heartbeats = 0
        self.connections: list[Connection] = []
        self.compressed = 0
        state.dispatcher = self.broadcast

    @property
    def url(self) -> str:
        return self.state.base_url.replace("http://", "ws://", 1) + "/gateway"

    def broadcast(self, event: str, data: dict[str, Any]) -> None:
        for session in self.sessions.values():
            if not session.closed:
                session.push(event, data)

    async def drop(self, code: int = 4000) -> int:
        """Close every live connection the way a network blip or Discord restart would; the client resumes."""
        dropped = 0
        for connection in list(self.connections):
            if not connection.ws.closed:
                dropped += 1
                connection.dropped = True
                connection.queue.put_nowait(None)
                await connection.ws.close(code=code, message=b"double: connection dropped")
        return dropped

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
                    self.identifies += 1
                    session = self._identify(connection)
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

    def _identify(self, connection: Connection) -> Session:
        session = Session(session_id=secrets.token_hex(16))
        self.sessions[session.session_id] = session
        session.connection = connection
        session.push("READY", self.state.ready_payload(session.session_id, self.url))
        for guild in self.state.guilds.values():
            if guild.bot_in_guild:
                session.push("GUILD_CREATE", self.state.guild_payload(guild))
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
