"""How a run of the command line ends: its exit codes (:mod:`rightsdata._cli.main` says
what each means), and the error of a command line that cannot be run as given."""

from __future__ import annotations

from typing import Final

from rightsdata._values.errors import RightsdataError

__all__ = ["EXIT_INVALID", "EXIT_OK", "EXIT_OUTPUT", "EXIT_USAGE", "UsageError"]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2
#: Standard output could not be written (closed, or a write failed: a full disk).
EXIT_OUTPUT: Final = 3


class UsageError(RightsdataError):
    """A command line that cannot be run as given (exit code 2); the message says why."""
