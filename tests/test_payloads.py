"""The payload corpus against `check`: every field is covered, every refusal says where (no browser needed).

The browser half, which builds what `check` accepts and opens it in Chromium without the CSP, is
`tests/browser/test_payloads.py`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from generator.kinds import KINDS
from generator.load import load_project
from generator.validate import _bundle, load_schemas
from tests.payload_project import Attribution, attribute, covered_paths, payload_base, schema_paths, text_fields
from tests.payloads import PAYLOADS


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return payload_base(tmp_path_factory.mktemp("payloads") / "basis")


@pytest.fixture(scope="module")
def attribution(base: Path) -> Attribution:
    return attribute(base)


def test_the_fixture_fills_every_text_and_url_field_of_every_kind(base: Path) -> None:
    schemas = load_schemas(base / "schema")
    definitions = schemas.documents["definitions.schema.json"]["definitions"]
    records = load_project(base).records
    for folder, kind in KINDS.items():
        bundle = _bundle(schemas.documents[kind.schema], definitions)
        wanted = schema_paths(bundle, bundle)
        have = set().union(*(covered_paths(text_fields(r.data, bundle, bundle)) for r in records if r.kind == folder))
        assert wanted, folder
        assert not wanted - have, f"vul deze velden in tests/fixtures/payload/partners/{folder} in: {sorted(wanted - have)}"


def test_every_refusal_points_at_the_field_it_refuses(attribution: Attribution) -> None:
    assert attribution.unexpected == []
    assert attribution.refused
    for payload, (path, where), issue in attribution.refused:
        assert issue.path == path, payload.marker
        assert issue.line >= 1, payload.marker
        assert issue.column >= 1, payload.marker
        assert issue.message.strip(), payload.marker
        assert where  # the key was found from issue.field, so the field named is the injected one


def test_each_payload_is_refused_or_accepted_in_each_field(attribution: Attribution) -> None:
    refused = Counter((key, payload.marker) for payload, key, _ in attribution.refused)
    accepted = Counter((key, payload.marker) for key, payloads in attribution.accepted.items() for payload in payloads)
    assert not refused & accepted
    assert sum(refused.values()) + sum(accepted.values()) == len(attribution.fields) * len(PAYLOADS)


@pytest.mark.parametrize(
    ("field", "marker"),
    [
        (("naam",), "xss01"),  # </title><script>
        (("naam",), "xss10"),  # {: onclick }
        (("naam",), "xss11"),  # *[HTML]:
        (("naam",), "xss13"),  # ???
        (("website",), "xss06"),  # https://…![x](data:,){onerror}
        (("contact", "email"), "xss35"),  # ?bcc=
        (("beschrijving",), "xss56"),  # bidirectional override
    ],
)
def test_grammars_refuse_what_the_issue_names(attribution: Attribution, field: tuple[str, ...], marker: str) -> None:
    key = ("partners/organisaties/volledige-organisatie.yaml", field)
    assert marker not in {p.marker for p in attribution.accepted.get(key, [])}


def test_a_secret_voorziening_refuses_an_address_in_every_text(attribution: Attribution) -> None:
    confidential = "partners/voorzieningen/geheime-voorziening.yaml"
    fields = [key for key in attribution.fields if key[0] == confidential]
    refused = {
        key
        for payload, key, issue in attribution.refused
        if payload.marker == "xss53" and issue.code == "adres-in-geheime-voorziening"
    }
    open_fields = {key for key in fields if "xss53" in {p.marker for p in attribution.accepted.get(key, [])}}
    assert refused
    assert not open_fields


def test_free_text_keeps_what_only_looks_dangerous(attribution: Attribution) -> None:
    key = ("partners/organisaties/volledige-organisatie.yaml", ("beschrijving",))
    accepted = {p.marker for p in attribution.accepted[key]}
    assert {"xss01", "xss03", "xss25", "xss26", "xss53"} <= accepted  # shown as text, proven in the browser test
