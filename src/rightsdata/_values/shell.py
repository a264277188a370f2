"""A path as a word of a command to paste into a POSIX shell (``rightsdata validate PATH``).

``shlex.quote`` keeps a path with a space or a quote one word, but a path starting with
``-`` would still be read as an option (``rightsdata validate -x``: exit code 2); as
``./-x`` it is a path to every command. Windows shells quote otherwise: such a path is
shown for POSIX shells alone.

>>> shell_path("my data"), shell_path("-x"), shell_path("/tmp/-x")
("'my data'", './-x', '/tmp/-x')
"""

from __future__ import annotations

import shlex

__all__ = ["shell_path"]


def shell_path(path: str) -> str:
    """``path`` quoted for a POSIX shell, and led by ``./`` if it starts with ``-``.

    >>> print(shell_path("my data"), shell_path("-x"), shell_path("it's"))
    'my data' ./-x 'it'"'"'s'
    """
    return shlex.quote(f"./{path}" if path.startswith("-") else path)
