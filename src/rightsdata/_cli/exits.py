"""How a run of the command line ends: its exit codes (:mod:`rightsdata._cli.main` says
what each means), the error of a command line that cannot be run as given, and the
interrupt that SIGTERM raises."""

from __future__ import annotations

from typing import Final

from rightsdata._values.errors import RightsdataError

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_OUTPUT",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "Terminated",
    "UsageError",
]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2
#: Standard output could not be written (closed, or a write failed: a full disk).
EXIT_OUTPUT: Final = 3
#: Interrupted (Ctrl-C, SIGINT): 128 and the signal's number, as a shell gives it.
EXIT_INTERRUPTED: Final = 130
#: Terminated (SIGTERM): 128 and the signal's number.
EXIT_TERMINATED: Final = 143


class UsageError(RightsdataError):
    """A command line that cannot be run as given (exit code 2); the message says why."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the run is, as Ctrl-C raises KeyboardInterrupt: what catches
    an interrupt to undo or finish its work (an export's renames, its temporary files)
    does so for it too, before the run ends with :data:`EXIT_TERMINATED`."""
