"""A dataset's redirects as its files and documents list them (internal): ``[{"id": old,
"to": new}, ...]``, each retired ID and the ID that replaces it checked as IDs, located where
they were read. Every reader of redirects (a folder's ``redirects.json``, a JSON document's or
JSON Lines file's, ``load_documents``' and ``Dataset``'s ``redirects=``) tells them in these
words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rightsdata._values.errors import Problem, ProblemCode, describe_json
from rightsdata._values.ids import is_valid_id
from rightsdata._values.spelling import unknown_field

__all__ = ["check_redirects", "redirect_form_problems"]


def redirect_form_problems(redirects: Mapping[str, str], where: str) -> list[Problem]:
    """The problems of the redirects given as a mapping (to :class:`~rightsdata.Dataset`) as
    :func:`~rightsdata.load_documents` finds them in its ``redirects``: each retired ID and
    the ID that replaces it must be an ID, told at ``where[i].id`` and ``where[i].to``
    (``i`` its place in the mapping).

    >>> [str(p) for p in redirect_form_problems({"Kozlov, V.": "person:a"}, "redirects")]
    ["redirects[0].id: expected an id, got text ('Kozlov, V.')"]
    """
    listed = [{"id": old, "to": new} for old, new in redirects.items()]
    return check_redirects(listed, where)[1]


def check_redirects(
    raw: object, where: str, lines: Sequence[int] | None = None, *, limit: int | None = None
) -> tuple[dict[str, str], list[Problem]]:
    """``[{"id": old, "to": new}, ...]`` -> {old: new}, each located under ``where``
    (``redirects.json[0]``), or, given the ``lines`` they were read from (a JSON Lines file's,
    ``where`` then its name), at its line (``data.jsonl:11 redirects``). Why an ID was
    retired belongs in the dataset's changelog. ``limit`` (``max_problems``): stop after the
    redirect with which the problems reach that many."""
    if type(raw) is not list:
        return {}, [
            Problem(
                where, f"expected a list of redirects, got {describe_json(raw)}", ProblemCode.TYPE
            )
        ]
    redirects: dict[str, str] = {}
    problems: list[Problem] = []
    for index, item in enumerate(raw):
        if limit is not None and len(problems) >= limit:
            break
        line = None if lines is None else lines[index]
        at = f"{where}[{index}]" if line is None else f"{where}:{line} redirects"
        file = None if line is None else where
        if type(item) is not dict:
            problems.append(
                Problem(
                    at,
                    f"expected an object, got {describe_json(item)}",
                    ProblemCode.TYPE,
                    file=file,
                    line=line,
                )
            )
            continue
        extra = sorted(set(item) - {"id", "to"})
        problems += [
            Problem(
                f"{at}.{k}" if k else at,  # (an empty key is told at its redirect, as a record's)
                unknown_field(k, ("id", "to")),
                ProblemCode.UNKNOWN_FIELD,
                file=file,
                line=line,
            )
            for k in extra
        ]
        for key in ("id", "to"):
            value = item.get(key)
            if not isinstance(value, str) or not is_valid_id(value):
                problems.append(
                    Problem(
                        f"{at}.{key}",
                        f"expected an id, got {describe_json(value)}",
                        ProblemCode.VALUE,
                        file=file,
                        line=line,
                    )
                )
        old, new = item.get("id"), item.get("to")
        if isinstance(old, str) and isinstance(new, str):
            if old in redirects:
                problems.append(
                    Problem(
                        f"{at}.id",
                        f"{old!r} is redirected twice",
                        ProblemCode.INTEGRITY,
                        file=file,
                        line=line,
                    )
                )
            redirects[old] = new
    return redirects, problems
