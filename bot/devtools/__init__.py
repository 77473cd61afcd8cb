"""Tools for trying Dogear and for testing it, shipped with the package.

* ``bot.devtools.double``: a local double of Discord's REST API and gateway (aiohttp on
  127.0.0.1). The real bot reaches it through ``DISCORD_API_BASE`` and ``DISCORD_GATEWAY_URL``;
  nothing in the bot is patched.
* ``bot.devtools.driver``: drives the real bot through the double the way members do (slash
  commands, autocomplete, buttons, forms), with a clock the test controls.

``dogear demo`` uses both to play a club evening without a Discord token, and the end-to-end
tests use them the same way (see ``tests/e2e/README.md`` in the repository). Nothing here is
imported by the bot itself.
"""
