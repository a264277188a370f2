"""The example files here are checked by mypy (tests/test_typing.py), not run by pytest."""

collect_ignore_glob = ["*_access.py"]
