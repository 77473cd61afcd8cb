"""Scheduled chapter discussions: parsing times, plans, reminders, storage, the timer and posting.

Nothing here imports discord.py; ``cogs/discussions.py`` supplies the Discord poster.
"""
