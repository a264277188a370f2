"""One source of rightsdata's version: every report of it names the code that runs."""

from __future__ import annotations

import json
import pickle

import pytest

import rightsdata
from rightsdata._cli.exits import EXIT_OK
from rightsdata._cli.main import main


def test_every_report_of_the_version_reads_rightsdata_version(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # As in a checkout newer than its installed metadata (an editable install after a pull):
    # `rightsdata.__version__` read the metadata, `--version` and the pickles the code.
    monkeypatch.setattr("rightsdata._version.__version__", "9.8.7")
    assert rightsdata.__version__ == "9.8.7"
    assert main(["--version"]) == EXIT_OK
    assert capsys.readouterr().out.strip() == "rightsdata 9.8.7"
    assert main(["info"]) == EXIT_OK
    assert "(rightsdata 9.8.7)" in capsys.readouterr().out.splitlines()[0]
    assert main(["info", "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["rightsdata"] == "9.8.7"
    assert main(["cite"]) == EXIT_OK
    assert "rightsdata 9.8.7 " in " ".join(capsys.readouterr().out.split())
    dataset = rightsdata.load()
    assert dataset.__getstate__()["rightsdata"] == "9.8.7"
    assert pickle.loads(pickle.dumps(dataset)) == dataset  # (checked against the same value)
