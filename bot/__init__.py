"""Dogear: a Discord bot for reading clubs.

The packages under ``bot`` hold the core (story parsing, warnings, rendering, schedules,
progress rules) and storage. Nothing here imports Discord except ``bot.client`` and the
``bot.cli`` entry point, so the core stays testable without a connection.
"""
