"""A path as a word of a command to paste into a POSIX shell (``rightsdata validate PATH``).

``shlex.quote`` keeps a path with a space or a quote one word, but a path starting with
``-`` would still be read as an option (``rightsdata validate -x``: exit code 2); as
``./-x`` it is a path to every command. Windows shells quote otherwise: such a path is
shown for POSIX shells alone.

A message marks a command by backticks around it, so a backtick in the path is written
outside the quotes, escaped (``'my d'\\`'x'``): the command's span ends at the one backtick
no backslash precedes (``textcard.wrap``). A path holding a control character (a tab, ESC,
a line feed) or a character a terminal does not show (:mod:`~rightsdata._values.controls`),
or bytes that are no UTF-8, cannot be pasted in single quotes (the terminal would act on
it, or show another character): it is written in ``$'...'`` quotes (bash, zsh, ksh, and
POSIX sh since 2024), its characters as escapes (``$'tab\\there'``).

>>> shell_path("my data"), shell_path("-x"), shell_path("/tmp/-x")
("'my data'", './-x', '/tmp/-x')
>>> print(shell_path("my d`x"), shell_path("tab\\there"))
'my d'\\`'x' $'tab\\there'
"""

from __future__ import annotations

import shlex
from typing import Final

from rightsdata._values.controls import CONTROLS, HIDDEN

__all__ = ["command_line", "python_call", "python_literal", "shell_path", "shell_word"]

#: What a ``$'...'`` word writes as an escape: controls, the invisible characters, the line
#: and paragraph separators, a tab and a line feed (lone surrogates, a path's bytes that are
#: no UTF-8, are written as those bytes).
_ESCAPED: Final = CONTROLS | HIDDEN | frozenset("\t\n\u2028\u2029")
_NAMED: Final = {"\t": "\\t", "\n": "\\n", "\\": "\\\\", "'": "\\'", "`": "\\x60"}


def shell_path(path: str) -> str:
    """``path`` quoted for a POSIX shell, and led by ``./`` if it starts with ``-``; a
    backtick escaped outside the quotes, a control character in ``$'...'``.

    >>> print(shell_path("my data"), shell_path("-x"), shell_path("it's"))
    'my data' ./-x 'it'"'"'s'
    >>> print(shell_path("esc\\x1b[31m"), shell_path("caf\\udce9"))
    $'esc\\x1b[31m' $'caf\\xe9'
    """
    return shell_word(f"./{path}" if path.startswith("-") else path)


def shell_word(text: str) -> str:
    """``text`` as one word of a command a message prints (an option's value, an argument
    as typed), quoted as :func:`shell_path` quotes a path, but never led by ``./``.

    >>> print(shell_word("--strict"), shell_word("my d`x"), command_line(["validate", "a b"]))
    --strict 'my d'\\`'x' rightsdata validate 'a b'
    """
    if any(c in _ESCAPED or "\udc80" <= c <= "\udcff" for c in text):
        return "$'" + "".join(map(_escaped, text)) + "'"
    return shlex.quote(text).replace("`", "'\\`'")


def command_line(arguments: list[str]) -> str:
    """``rightsdata`` and ``arguments`` (as typed), each a word of the command
    (:func:`shell_word`): a command line given, rebuilt for a message to print."""
    return " ".join(["rightsdata", *map(shell_word, arguments)])


def _escaped(character: str) -> str:
    """``character`` as a ``$'...'`` word writes it."""
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # (a byte that is no UTF-8, as os.fsdecode keeps it)
        return f"\\x{code - 0xDC00:02x}"
    if character in _ESCAPED:
        return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"  # (\\x80: a byte)
    return character


def python_literal(text: str) -> str:
    """``text`` as a Python string literal (its ``repr``), a backtick written ``\\x60``: a
    message marks a Python call by backticks around it, as a command.

    >>> print(python_literal("my d`x"))
    'my d\\x60x'
    """
    return repr(text).replace("`", "\\x60")


def python_call(code: str) -> str:
    """``code``, a Python call a message advises (``rightsdata.load_path(path)``), marked as
    a message marks it, and a command: in backticks, so that it reads as code to copy and
    :func:`~rightsdata.textcard.wrap` keeps it whole on a line. A string in it is written
    by :func:`python_literal` (a backtick as ``\\x60``): a backtick in ``code`` would end
    the span early, and is a ValueError.

    >>> print(python_call("rightsdata.load_path(path)"))
    `rightsdata.load_path(path)`
    >>> print(python_call(f"rightsdata.validate({python_literal('my d`x')})"))
    `rightsdata.validate('my d\\x60x')`
    """
    if "`" in code:
        raise ValueError(f"a call a message advises holds no backtick: {code!r}")
    return f"`{code}`"
