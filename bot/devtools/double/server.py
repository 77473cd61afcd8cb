"""The double as one object: an aiohttp app on an ephemeral loopback port, REST plus gateway."""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from bot.devtools.double.gateway import Gateway
from bot.devtools.double.limits import RateLimitRules
from bot.devtools.double.models import InteractionRecord
from bot.devtools.double.rest import RestApi
from bot.devtools.double.state import DoubleState


class DiscordDouble:
    """Start with ``await double.start()``; point the bot at ``api_base`` and ``gateway_url``."""

    def __init__(self, *, rate_rules: RateLimitRules | None = None, interaction_deadline: float | None = None) -> None:
        self.state = DoubleState(rate_rules=rate_rules or RateLimitRules())
        if interaction_deadline is not None:
            self.state.interaction_deadline = interaction_deadline
        self.rest = RestApi(self.state)
        self.gateway = Gateway(self.state)
        self.app = web.Application(middlewares=[self.rest.middleware], client_max_size=30 * 1024 * 1024)
        self.app.router.add_get("/gateway", self.gateway.handle)
        self.rest.install(self.app)
        self._runner: web.AppRunner | None = None
        self._deadlines: set[asyncio.TimerHandle] = set()
        self.port = 0

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._runner = web.AppRunner(self.app, handle_signals=False, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        server = site._server
        assert server is not None and server.sockets  # type: ignore[attr-defined]
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
        self.state.base_url = f"http://{host}:{self.port}"

    async def stop(self) -> None:
        for handle in self._deadlines:
            handle.cancel()
        await self.gateway.drop(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def api_base(self) -> str:
        return f"{self.state.base_url}/api/v10"

    @property
    def gateway_url(self) -> str:
        return self.gateway.url

    def env(self, **extra: str) -> dict[str, str]:
        """The settings a bot needs to talk to this double, as environment variables."""
        return {
            "DISCORD_TOKEN": self.state.token,
            "DISCORD_API_BASE": self.api_base,
            "DISCORD_GATEWAY_URL": self.gateway_url,
            **extra,
        }

    def dispatch_interaction(self, record: InteractionRecord) -> None:
        """Send INTERACTION_CREATE and start the 3-second clock."""
        loop = asyncio.get_running_loop()
        self.state.dispatch("INTERACTION_CREATE", record.payload)
        handle = loop.call_later(self.state.interaction_deadline, self.state.check_deadline, record)
        self._deadlines.add(handle)

    # Convenience views for tests.
    @property
    def requests(self) -> list[Any]:
        return self.state.requests

    @property
    def rate_limited(self) -> list[Any]:
        return self.state.rate_limited

    @property
    def failed_interactions(self) -> list[InteractionRecord]:
        return self.state.failed_interactions
