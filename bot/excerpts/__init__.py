"""Excerpts: chapters posted into a channel as crash-proof jobs, or read privately (no Discord here).

``store`` holds the SQL for post jobs; ``service`` the use cases. The cog in ``cogs/excerpts``
turns them into slash commands and buttons.
"""
