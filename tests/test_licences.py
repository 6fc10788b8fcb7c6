"""Licences, stated: the code under EUPL-1.2, records, texts and open data under CC0 1.0, in every place a reuser looks."""

from __future__ import annotations

import json
import tomllib
from typing import Any

import yaml

from generator.catalog import Catalog
from generator.export import INDEX, export_open_data
from generator.render import render_site
from tests.helpers import ROOT, TODAY


def test_licence_files_hold_the_full_texts() -> None:
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\n")
    assert (ROOT / "LICENSE").read_bytes() == (ROOT / "LICENSES" / "EUPL-1.2.txt").read_bytes()
    cc0 = (ROOT / "LICENSES" / "CC0-1.0.txt").read_text(encoding="utf-8")
    assert "CC0 1.0 Universal" in cc0
    assert "Statement of Purpose" in cc0


def test_reuse_file_gives_data_and_texts_cc0_and_the_rest_eupl() -> None:
    reuse = tomllib.loads((ROOT / "REUSE.toml").read_text(encoding="utf-8"))
    annotations = reuse["annotations"]
    # REUSE: when several annotations match, the last one applies; the data comes last.
    assert annotations[0]["path"] == ["**"]
    assert annotations[0]["SPDX-License-Identifier"] == "EUPL-1.2"
    assert annotations[-1]["path"] == ["partners/**", "content/**"]
    assert annotations[-1]["SPDX-License-Identifier"] == "CC0-1.0"


def test_publiccode_yml_describes_this_software() -> None:
    code: dict[str, Any] = yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert code["publiccodeYmlVersion"] == "0.4"
    assert code["legal"]["license"] == "EUPL-1.2"
    assert code["softwareVersion"] == project["version"]
    nl = code["description"]["nl"]
    assert len(nl["shortDescription"]) <= 150  # limits of the standard
    assert 150 <= len(nl["longDescription"]) <= 10000
    assert json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["license"] == "EUPL-1.2"


def test_open_data_says_cc0_in_its_metadata_and_on_its_page(mini_catalog: Catalog) -> None:
    manifest = json.loads(export_open_data(mini_catalog, TODAY)[INDEX])
    assert manifest["licentie"]["spdx"] == "CC0-1.0"
    page = render_site(mini_catalog, [], None, TODAY).pages["open-data.md"]
    assert "[CC0 1.0 Universeel](https://creativecommons.org/publicdomain/zero/1.0/)" in page
    assert "EUPL-1.2" in page
