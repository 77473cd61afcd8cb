"""Content warnings: the taxonomy, rules as data, one matcher per server, and the scan.

Nothing here knows about Discord; cogs and tools call :mod:`bot.warnings.service` and
:func:`bot.warnings.engine.scan`.
"""
