"""What the docs promise of record pickles is what they do: a record's pickle names the
private module that defines its class, so it lasts one version of rightsdata, as a
Dataset's does; its JSON (``unstructure``) lasts across versions."""

from __future__ import annotations

import pickle

import rightsdata

from conftest import ROOT


def test_a_record_pickle_names_private_modules_so_the_docs_limit_it_to_one_version() -> None:
    event = rightsdata.load().events["event:kozlov-verdict-2012-10-08"]
    pickled = pickle.dumps(event)
    assert pickle.loads(pickled) == event
    # the modules a pickle names, which docs/api.md does not promise to keep
    assert b"rightsdata._model.records" in pickled
    assert b"rightsdata._values.dates" in pickle.dumps(event.date)
    # what the docs offer instead: the record's JSON, read back as an equal record
    assert rightsdata.structure("events", rightsdata.unstructure(event)) == event

    api = " ".join((ROOT / "docs" / "api.md").read_text(encoding="utf-8").split())
    assert "A record's, a part's or a date's (`EDTF`, `Duration`) is not checked" in api
    assert "`rightsdata.unstructure(record)`" in api
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "Records, their parts and dates (`EDTF`, `Duration`) pickle too" in readme
    assert "within one version as well" in readme
