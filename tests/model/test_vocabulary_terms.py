"""A field of a vocabulary takes its own terms, as members or as text, and no other
vocabulary's member, though a member is text with its term's spelling."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import rightsdata
from rightsdata import FieldError
from rightsdata.vocab import Level, OrgStatus, Role


def test_another_vocabularys_member_is_refused_not_taken_for_its_spelling() -> None:
    """(``Organization(status=Level.CLOSED)`` was held as ``OrgStatus.CLOSED``: a rating's
    level passed for an organisation's status.)"""
    org = next(o for o in rightsdata.load().organizations if o.status is not None)
    level: Any = Level.CLOSED  # (a type checker refuses it already)
    with pytest.raises(FieldError) as info:
        attrs.evolve(org, status=level)
    assert info.value.field == "status"
    assert info.value.message.endswith("got a level, Level.CLOSED")
    wrong: Any = Role.VICTIM
    with pytest.raises(FieldError, match=r"got a role, Role\.VICTIM"):
        attrs.evolve(org, status=wrong)
    text: Any = "closed"
    assert attrs.evolve(org, status=text).status is OrgStatus.CLOSED
    assert attrs.evolve(org, status=OrgStatus.BANNED).status is OrgStatus.BANNED
