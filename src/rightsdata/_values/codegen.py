"""Compiling generated code so that tracebacks and pdb show it (internal).

rightsdata generates a few functions per record class (its checks, the fast path's walks,
integrity's reference collectors). As attrs does for its generated methods, the source of each
is registered in :mod:`linecache` under a unique file name, so a traceback through generated
code shows the line that failed, and ``pdb`` can list it.

>>> add = compile_function("def add(a, b):\\n    return a + b\\n", "example", {}, "add")
>>> add(2, 3)
5
>>> import inspect
>>> print(inspect.getsource(add), end="")
def add(a, b):
    return a + b
"""

from __future__ import annotations

import itertools
import linecache
from typing import Any

__all__ = ["compile_function"]

_serial = itertools.count(1)


def compile_function(source: str, title: str, namespace: dict[str, Any], name: str) -> Any:
    """Compile ``source`` in ``namespace`` and return the function it defines as ``name``.

    ``title`` says what the code is (``"checks of Event"``); the registered file name is
    ``<rightsdata generated N: title>``, unique per call.
    """
    if not source.endswith("\n"):
        source += "\n"
    filename = f"<rightsdata generated {next(_serial)}: {title}>"
    exec(compile(source, filename, "exec"), namespace)
    # (size, mtime, lines, fullname): an mtime of None keeps linecache.checkcache from
    # dropping the entry, as there is no file to compare with.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    return namespace[name]
