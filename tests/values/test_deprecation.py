"""The deprecation helpers (rightsdata._values.deprecation): an old module-level name and an
old keyword argument keep working, each with a ``DeprecationWarning`` at the user's line that
names the release that removes it and what to write instead (docs/api.md). Nothing is
deprecated today, so each is tried on a module and functions made here."""

from __future__ import annotations

import json
import sys
import types
import warnings
from collections.abc import Iterator

import pytest

from rightsdata._values.deprecation import (
    Renamed,
    RenamedNames,
    renamed_keywords,
    renamed_keywords_of,
    warn_deprecated,
)

from conftest import printed_json

MODULE = "rightsdata_made_up_module"


@pytest.fixture
def module() -> Iterator[types.ModuleType]:
    """A module with ``rows`` (its new name), whose old name ``get_rows`` still reads, and
    ``table``, whose old name points to another module's name."""
    made = types.ModuleType(MODULE)
    made.rows = lambda: ["a row"]  # type: ignore[attr-defined]
    made.__getattr__ = RenamedNames(  # type: ignore[method-assign]
        MODULE,
        {
            "get_rows": Renamed("rows", removed_in="0.2.0"),
            "old_dumps": Renamed("json.dumps", removed_in="0.2.0"),
        },
    )
    sys.modules[MODULE] = made
    yield made
    del sys.modules[MODULE]


# (a type checker refuses the old keywords, hence the ignores below: the signatures are the
# new ones)
@renamed_keywords({"dataset": Renamed("name", removed_in="0.2.0")})
def shout(name: str, *, times: int = 1) -> str:
    return name.upper() * times


class Shouter:
    @renamed_keywords({"count": Renamed("times", removed_in="0.2.0")})
    def shout(self, name: str, *, times: int = 1) -> str:
        return shout(name, times=times)


def test_an_old_module_name_warns_at_the_users_line_and_gives_the_new_names_value(
    module: types.ModuleType,
) -> None:
    with pytest.warns(DeprecationWarning, match="get_rows") as caught:
        old, line = module.get_rows, sys._getframe().f_lineno
    (warning,) = caught
    assert warning.category is DeprecationWarning
    assert str(warning.message) == (
        f"{MODULE}.get_rows is deprecated and goes in rightsdata 0.2.0: write {MODULE}.rows"
    )
    assert (warning.filename, warning.lineno) == (__file__, line)
    assert old is module.rows and old() == module.rows() == ["a row"]


def test_an_old_name_imported_from_the_module_warns_at_the_import(
    module: types.ModuleType,
) -> None:
    line = sys._getframe().f_lineno + 2
    with pytest.warns(DeprecationWarning, match=r"get_rows is deprecated") as caught:
        from rightsdata_made_up_module import get_rows  # type: ignore[import-not-found]
    assert (caught[0].filename, caught[0].lineno) == (__file__, line)
    assert get_rows is module.rows


def test_an_old_name_may_point_to_another_modules_name(module: types.ModuleType) -> None:
    with pytest.warns(DeprecationWarning, match=r"old_dumps .* write json\.dumps$"):
        assert module.old_dumps is json.dumps


def test_a_name_that_is_none_is_an_attribute_error_or_goes_to_the_modules_own(
    module: types.ModuleType,
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(AttributeError, match=r"has no attribute 'nothing'") as missing:
            module.nothing  # noqa: B018
        assert missing.value.name == "nothing"
        assert not hasattr(module, "nothing")
        # the module's own __getattr__ (the package's lazy names) still answers the rest
        module.__getattr__ = RenamedNames(  # type: ignore[method-assign]
            MODULE, {"get_rows": Renamed("rows", "0.2.0")}, otherwise=lambda name: name * 2
        )
        assert module.ab == "abab"
    assert "get_rows" not in dir(module)  # nothing offers an old name any more


def test_an_old_keyword_warns_at_the_users_line_and_gives_what_the_new_one_gives() -> None:
    with pytest.warns(DeprecationWarning, match="dataset") as caught:
        said, line = shout(dataset="kz", times=2), sys._getframe().f_lineno  # type: ignore[call-arg]
    (warning,) = caught
    assert warning.category is DeprecationWarning
    assert str(warning.message) == (
        "shout(dataset=...) is deprecated and goes in rightsdata 0.2.0: write shout(name=...)"
    )
    assert (warning.filename, warning.lineno) == (__file__, line)
    assert said == shout(name="kz", times=2) == shout("kz", times=2) == "KZKZ"


def test_an_old_keyword_of_a_method_warns_at_the_users_line() -> None:
    with pytest.warns(DeprecationWarning, match="count") as caught:
        said, line = Shouter().shout("kz", count=3), sys._getframe().f_lineno  # type: ignore[call-arg]
    assert str(caught[0].message).startswith("Shouter.shout(count=...) is deprecated")
    assert str(caught[0].message).endswith("write Shouter.shout(times=...)")
    assert (caught[0].filename, caught[0].lineno) == (__file__, line)
    assert said == Shouter().shout("kz", times=3) == "KZKZKZ"


def test_the_new_keyword_and_positional_arguments_do_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert shout("kz") == shout(name="kz") == "KZ"


def test_an_old_keyword_and_its_new_one_together_are_refused() -> None:
    with pytest.raises(TypeError, match=r"^shout\(\) takes name= \(dataset= is its old name\)"):
        shout(dataset="a", name="b")  # type: ignore[call-arg]


def test_the_function_keeps_its_signature_and_says_its_old_keywords() -> None:
    import inspect

    assert list(inspect.signature(shout).parameters) == ["name", "times"]
    assert renamed_keywords_of(shout) == {"dataset": Renamed("name", "0.2.0")}
    assert renamed_keywords_of(Shouter.shout) == {"count": Renamed("times", "0.2.0")}
    assert renamed_keywords_of(len) == {}


def test_a_rename_that_does_not_fit_the_function_is_refused_as_it_is_made() -> None:
    def f(name: str, /, *, times: int = 1) -> None: ...

    with pytest.raises(ValueError, match=r"'times' is still a parameter"):
        renamed_keywords({"times": Renamed("name", "0.2.0")})(f)
    with pytest.raises(ValueError, match=r"'name' is no keyword parameter"):
        renamed_keywords({"dataset": Renamed("name", "0.2.0")})(f)  # (positional-only)


def test_warn_deprecated_counts_the_stack_from_its_caller() -> None:
    def kept_by_hand() -> None:
        warn_deprecated("Dataset.old()", "Dataset.new()", "0.2.0", stacklevel=2)

    with pytest.warns(DeprecationWarning, match="old") as caught:
        _, line = kept_by_hand(), sys._getframe().f_lineno  # type: ignore[func-returns-value]
    assert (caught[0].filename, caught[0].lineno) == (__file__, line)
    assert str(caught[0].message) == (
        "Dataset.old() is deprecated and goes in rightsdata 0.2.0: write Dataset.new()"
    )


def test_importing_the_helpers_imports_nothing_else() -> None:
    """``import rightsdata`` stays light (tests/project/test_import_cost.py): a module that
    deprecates a name imports these helpers as it is imported."""
    code = (
        "import json, sys, rightsdata\n"
        "before = set(sys.modules)\n"
        "import rightsdata._values.deprecation\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
    )
    assert printed_json(code) == ["rightsdata._values.deprecation"]
