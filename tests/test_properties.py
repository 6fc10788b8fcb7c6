"""Property tests: any schema-valid record renders, and renders the same way twice."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.catalog import build_catalog
from generator.load import RawRecord
from generator.render import render_site
from generator.render.environment import md_inline
from generator.validate import load_schemas, validate_record
from tests.helpers import ROOT

SCHEMAS = load_schemas(ROOT / "schema")
TEXT = st.text(alphabet=string.ascii_letters + string.digits + " *_[]<>&#|`!-.:;'\"éë€\n", min_size=1, max_size=40).filter(
    lambda s: s.strip() != ""
)
# Names are plain text on one line: no < > \ ` { } and none of the Markdown that changes a page.
NAME = st.text(alphabet=string.ascii_letters + string.digits + " *_[]&#|!-.:;'\"éë€", min_size=1, max_size=40).filter(
    lambda s: s.strip() != "" and not any(seq in s for seq in ("???", "!!!", "*[", "](", "]:"))
)
SOORTEN = SCHEMAS.documents["organisatie.schema.json"]["properties"]["soort"]["enum"]


def base_records() -> list[RawRecord]:
    gebied = {
        "id": "r",
        "naam": "R",
        "subregios": [{"id": "s", "naam": "S", "gemeenten": [{"id": "g", "naam": "G", "cbs_code": "GM0001"}]}],
        "bronnen": [{"document": "d"}],
    }
    return [
        RawRecord("documenten", "partners/documenten/d.yaml", {"id": "d", "titel": "D", "soort": "publieke-bron"}),
        RawRecord("gebieden", "partners/gebieden/r.yaml", gebied),
    ]


organisaties = st.fixed_dictionaries(
    {
        "id": st.just("org"),
        "naam": NAME,
        "soort": st.sampled_from(SOORTEN),
        "beschrijving": TEXT,
        "werkgebied": st.sampled_from([["r"], ["s"], ["g"], ["landelijk"]]),
        "bronnen": st.just([{"document": "d"}]),
    },
    optional={
        "ook_bekend_als": st.lists(NAME, max_size=3, unique=True),
        "rol": TEXT,
        "zoektermen": st.lists(NAME, max_size=2, unique=True),
        "status": st.sampled_from(["bestaand", "gepland", "opgeheven", "onbekend"]),
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(organisaties)
def test_any_valid_organisatie_renders_deterministically(data: dict[str, object]) -> None:
    record = RawRecord("organisaties", "partners/organisaties/org.yaml", data)
    assert validate_record(record, SCHEMAS.validators["organisaties"]) == []
    catalog = build_catalog([*base_records(), record])
    first = render_site(catalog, []).pages
    second = render_site(catalog, []).pages
    assert first == second
    page = first["organisaties/org.md"]
    assert f"# {md_inline(data['naam'])} {{ data-pagefind-weight" in page  # the name shows, escaped, as the title
    SCHEMAS.fast["organisaties"](data)  # the fast validator agrees with jsonschema
