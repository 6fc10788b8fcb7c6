"""What editors get from the repository itself: id lists for VS Code, line endings, editor settings."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

from jsonschema import Draft7Validator
from referencing import Registry, Resource

from generator.catalog import Catalog
from generator.cli import main
from generator.editorschema import LISTS_FILE, editor_schemas
from generator.kinds import KINDS
from generator.pipeline import check_project
from generator.validate import load_schemas
from tests.helpers import ROOT, TODAY, catalog_of

SCHEMAS = load_schemas(ROOT / "schema").documents


def overlay_validator(files: dict[str, str], schema_name: str) -> Draft7Validator:
    """The editor schema of one kind, resolving its $ref to the id lists the way VS Code does."""
    resources = [(name, Resource.from_contents(json.loads(text))) for name, text in files.items()]
    registry: Registry[Any] = Registry().with_resources(resources)
    return Draft7Validator({"$ref": schema_name}, registry=registry)


def test_id_lists_hold_the_ids_of_the_records(mini_catalog: Catalog) -> None:
    files = editor_schemas(mini_catalog, SCHEMAS)
    assert set(files) == {LISTS_FILE, *(kind.schema for kind in KINDS.values())}
    lists = json.loads(files[LISTS_FILE])["definitions"]
    assert lists["organisaties"]["enum"] == ["lokaal-team-noordstad", "meldpunt-voorbeeld", "politie"]
    assert lists["gebied"]["enum"] == ["voorbeeldregio", "noord", "zuid", "noorddorp", "noordstad", "zuidveen", "landelijk"]
    assert lists["documenten"]["enum"] == ["cbs-gemeenten", "landelijke-nummers", "oude-visie", "voorbeeldvisie"]
    organisatie = json.loads(files["organisatie.schema.json"])["properties"]
    assert organisatie["werkgebied"] == {"items": {"$ref": f"{LISTS_FILE}#/definitions/gebied"}}
    assert organisatie["onderdeel_van"] == {"$ref": f"{LISTS_FILE}#/definitions/organisaties"}
    assert organisatie["bronnen"]["items"]["properties"]["document"] == {"$ref": f"{LISTS_FILE}#/definitions/documenten"}
    assert "naam" not in organisatie  # only fields that name records


def test_every_real_reference_is_accepted_and_an_unknown_id_is_flagged() -> None:
    catalog = catalog_of(ROOT)
    files = editor_schemas(catalog, SCHEMAS)
    for (kind, rid), raw in sorted(catalog.raw.items()):
        validator = overlay_validator(files, KINDS[kind].schema)
        assert not list(validator.iter_errors(raw.data)), f"{kind}/{rid}"
    org = catalog.raw[("organisaties", "politie")].data
    validator = overlay_validator(files, "organisatie.schema.json")
    errors = list(validator.iter_errors({**org, "werkgebied": ["zuid-limburgg"], "onderdeel_van": "veilig-thuis"}))
    assert sorted(tuple(e.absolute_path) for e in errors) == [("onderdeel_van",), ("werkgebied", 0)]


def test_check_warns_when_the_lists_lag_behind_and_ids_brings_them_up_to_date(mini: Path) -> None:
    assert main(["--root", str(mini), "ids"]) == 0
    assert not [i for i in check_project(mini, TODAY).report.issues if i.code == "ids-lijst-verouderd"]
    source = mini / "partners" / "organisaties" / "politie.yaml"
    (mini / "partners" / "organisaties" / "politie-oost.yaml").write_text(
        source.read_text(encoding="utf-8").replace("id: politie\n", "id: politie-oost\n"), encoding="utf-8"
    )
    stale = [i for i in check_project(mini, TODAY).report.issues if i.code == "ids-lijst-verouderd"]
    assert [(i.path, i.is_error) for i in stale] == [(".vscode/ids/ids.schema.json", False)]
    assert "nieuw: politie-oost" in stale[0].message
    assert "make ids" in stale[0].message
    assert main(["--root", str(mini), "ids"]) == 0
    assert not [i for i in check_project(mini, TODAY).report.issues if i.code == "ids-lijst-verouderd"]


def test_vscode_pairs_each_record_schema_with_its_id_lists() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    files = editor_schemas(catalog_of(ROOT), SCHEMAS)
    for folder, kind in KINDS.items():
        assert settings[f"./.vscode/ids/{kind.schema}"] == [f"partners/{folder}/*.yaml"]
        assert (ROOT / ".vscode" / "ids" / kind.schema).is_file()
        # The committed editor schema has the shape the generator gives today (the lists may lag; check says so).
        assert (ROOT / ".vscode" / "ids" / kind.schema).read_text(encoding="utf-8") == files[kind.schema]


def git_lines(*args: str) -> list[str]:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.splitlines()


def test_line_endings_are_lf_except_where_a_standard_says_crlf() -> None:
    attributes = (ROOT / ".gitattributes").read_text(encoding="utf-8")
    assert "* text=auto eol=lf" in attributes
    for line in git_lines("ls-files", "--eol"):
        index, _, attr, path = line.split(None, 3)
        if index in ("i/crlf", "i/mixed"):
            assert attr == "attr/-text", path  # kept byte for byte (CSV and vCard golden files)
            assert path.endswith((".csv", ".vcf")), path
    editorconfig = (ROOT / ".editorconfig").read_text(encoding="utf-8")
    assert "end_of_line = lf" in editorconfig
    assert "indent_style = space" in editorconfig
