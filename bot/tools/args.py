"""Argument parsing for the offline tools: a mistake becomes one line, not argparse's usage dump."""

from __future__ import annotations

import argparse
import os
import stat
from pathlib import Path


class UsageError(Exception):
    """A command-line mistake, reported as one line with exit status 2."""


class OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def input_path(text: str) -> Path:
    """A file named on the command line (an argument's ``type=``): an empty or blank name is refused.

    ``Path("")`` is ``.``, the current folder, so ``dogear scan ""`` answered ". is a folder", and a
    name of spaces "cannot read : No such file": neither says the name was left empty.
    """
    if not text.strip():
        raise argparse.ArgumentTypeError("needs a file name, not an empty one")
    return Path(text)


class InputFileError(Exception):
    """A file named on the command line cannot be read as one; the message is the one line to show."""


def read_input(path: Path, limit: int, *, what: str = "a story file") -> bytes:
    """The bytes of ``path``, at most ``limit + 1`` of them (one more than the limit, so the caller's
    size check can refuse it): a 3 GB file is never read whole, and anything but a regular file
    (a folder, a FIFO, ``/dev/zero``) is refused before it is opened, so nothing waits or grows.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputFileError(f"{path} is a folder; give the path of {what}")
        if not stat.S_ISREG(info.st_mode):
            raise InputFileError(f"{path} is not a regular file (a pipe, socket or device); give the path of {what}")
        with path.open("rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # replaced since the check
                raise InputFileError(f"{path} is not a regular file; give the path of {what}")
            return handle.read(limit + 1)
    except OSError as error:
        raise InputFileError(f"cannot read {path}: {error.strerror or error}") from None
