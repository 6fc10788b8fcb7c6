"""Caches that keep `check` fast between runs give exactly what computing afresh gives."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.load import load_project
from generator.loadcache import RecordCache
from generator.pipeline import check_project
from tests.helpers import ROOT


def test_the_parse_cache_gives_what_parsing_gives(tmp_path: Path) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
        first = load_project(ROOT)  # parses every file and fills the cache
        assert len(RecordCache(ROOT).old) == len(first.records)
        second = load_project(ROOT)  # every record from the cache
    assert [(r.kind, r.path, r.data) for r in second.records] == [(r.kind, r.path, r.data) for r in first.records]
    assert second.records[0].data is not first.records[0].data
    # Positions are not cached: the first message about a record parses its file again, with the same answer.
    for old, new in zip(first.records, second.records, strict=True):
        assert not new.values
        for where in list(old.values)[:: max(1, len(old.values) // 5)]:
            assert new.locate(where) == old.locate(where)
            assert new.locate(where, key=True) == old.locate(where, key=True)


def test_a_changed_file_is_parsed_again_and_a_broken_one_never_cached(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(ROOT / "partners", root / "partners")  # large enough to get a cache (MIN_RECORDS)
    path = root / "partners" / "organisaties" / "politie.yaml"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
        load_project(root)
        assert RecordCache.key(path.read_bytes()) in RecordCache(root).old
        path.write_text(
            path.read_text(encoding="utf-8").replace("naam: Politie\n", "naam: Politie Nederland\n"), encoding="utf-8"
        )
        assert next(r for r in load_project(root).records if r.path.endswith("/politie.yaml")).data["naam"] == "Politie Nederland"
        path.write_text("id: politie\nnaam: 'Politie\n", encoding="utf-8")
        for _ in range(2):
            assert [i.code for i in load_project(root).issues] == ["yaml-syntax"]
        assert RecordCache.key(path.read_bytes()) not in RecordCache(root).old


def test_citation_warnings_from_the_cache_equal_a_fresh_reading(tmp_path: Path) -> None:
    root = tmp_path / "project"
    for part in ("partners", "content", "schema"):
        shutil.copytree(ROOT / part, root / part)
    # A description sentence its sources do not speak about: the check must warn, cached or not.
    record = root / "partners" / "begrippen" / "amhk.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("definitie: >-\n", "definitie: >-\n  Zebra's grazen op savannes in grote kuddes.\n", 1))

    def warnings() -> list[str]:
        issues = check_project(root, date(2026, 12, 7)).report.sorted()
        return [i.format_text() for i in issues if i.code == "bron-lijkt-niet-te-kloppen"]

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
        first = warnings()
        assert list((tmp_path / "cache" / "gia-wegwijzer").glob("citations-*.marshal"))
        assert warnings() == first
        (tmp_path / "cache" / "gia-wegwijzer").rename(tmp_path / "cache" / "weg")
        assert warnings() == first  # read afresh, without the cache
    assert any("amhk.yaml" in w and "Zebra" in w for w in first)


def test_compiled_schemas_from_the_cache_judge_as_freshly_compiled_ones(tmp_path: Path) -> None:
    import fastjsonschema

    from generator.validate import load_schemas

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
        fresh = load_schemas(ROOT / "schema").fast
        assert list((tmp_path / "cache" / "gia-wegwijzer").glob("schemas-*.marshal"))
        cached = load_schemas(ROOT / "schema").fast
    good = next(r for r in load_project(ROOT).records if r.kind == "organisaties").data
    bad_date = {**good, "bronnen": [{"url": "https://example.org", "bekeken_op": "2026-02-30"}]}
    for validators in (fresh, cached):
        validators["organisaties"](good)
        with pytest.raises(fastjsonschema.JsonSchemaException):
            validators["organisaties"](bad_date)  # the date check runs from the cache too
