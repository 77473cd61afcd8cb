"""Errors a member can act on, and the one way a failed connection is told in a few words.

Raising :class:`UserError` anywhere under a command ends it with the message shown
ephemerally to the member; anything else is logged with a reference they can quote.
"""

from __future__ import annotations

import os
import socket


class UserError(Exception):
    """A mistake in what the member asked for; the message says what to fix."""


def connection_problem(error: BaseException, *, timeout: float | None = None) -> str:
    """Connection refused, no route, DNS failure, no answer: in a few words, never a traceback.

    ``timeout``: the seconds an attempt was given, named when it ran out.
    """
    cause = getattr(error, "os_error", error)  # aiohttp wraps the socket's error
    number = getattr(cause, "errno", None)
    if isinstance(cause, socket.gaierror):
        return f"the host name could not be resolved ({cause.strerror})"
    if isinstance(number, int) and number > 0:
        return os.strerror(number).lower()
    if isinstance(error, TimeoutError):
        return f"no answer within {timeout:g} s" if timeout is not None else "no answer in time"
    if not str(error).strip():  # raised bare (``ConnectionResetError()``): its kind, in words
        return _WORDLESS.get(type(error), "the connection failed")
    return " ".join(str(error).split())


# What a connection error raised without a message means, as a host or an admin reads it.
_WORDLESS: dict[type[BaseException], str] = {
    ConnectionResetError: "the connection was reset",
    ConnectionRefusedError: "the connection was refused",
    ConnectionAbortedError: "the connection was aborted",
    BrokenPipeError: "the connection was closed",
}
