"""The open-data export: the catalogue as files others can reuse (HSDS JSON, CSV, vCard).

load → validate → model/catalog → check → render → **export** → write → mkdocs build → pagefind

`export_open_data` is pure: it reads only the `Catalog` and the export date it is given and returns
every file as bytes by path (``open-data/…``); the caller writes them into the site. No clock, no
disk, no randomness inside, so the same records and date always give byte-identical files.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

from generator.catalog import Catalog
from generator.export.common import json_bytes
from generator.export.hsds import HsdsData, export_hsds
from generator.export.tabular import export_tabular
from generator.export.vcard import export_vcards

PREFIX = "open-data/"
INDEX = PREFIX + "index.json"
# The data are public domain: no conditions, so any sociale kaart or app can take them over (REUSE.toml).
LICENCE = {
    "naam": "CC0 1.0 Universeel (geen rechten voorbehouden)",
    "spdx": "CC0-1.0",
    "url": "https://creativecommons.org/publicdomain/zero/1.0/",
}


def export_date_from(source_date_epoch: str | None, today: date) -> date:
    """The export date: SOURCE_DATE_EPOCH (reproducible builds) when set, else ``today``."""
    if source_date_epoch:
        return datetime.fromtimestamp(int(source_date_epoch), tz=UTC).date()
    return today


def _counts(catalog: Catalog, data: HsdsData, vcards: int) -> dict[str, int]:
    services = data.services
    return {
        "organisaties": len(catalog.of("organisaties")),
        "voorzieningen": len(catalog.of("voorzieningen")),
        "routeertafels": len(catalog.of("routeertafels")),
        "hsds_organizations": len(data.organizations),
        "hsds_services": len(services),
        "hsds_services_zonder_organisatie": sum(1 for s in services if "organization_id" not in s),
        "hsds_phones": sum(len(s.get("phones", ())) for s in services),
        "hsds_schedules": sum(len(s.get("schedules", ())) for s in services),
        "hsds_service_areas": sum(len(s.get("service_areas", ())) for s in services),
        "hsds_taxonomies": len(data.taxonomies),
        "hsds_taxonomy_terms": len(data.terms),
        "vcards": vcards,
    }


def export_open_data(catalog: Catalog, export_date: date) -> dict[str, bytes]:
    """Every open-data file, path (starting with ``open-data/``) → content, plus an ``index.json`` manifest."""
    hsds_files, data = export_hsds(catalog, export_date)
    vcards = export_vcards(catalog)
    files = {PREFIX + path: content for path, content in sorted({**hsds_files, **export_tabular(catalog), **vcards}.items())}
    manifest = {
        "titel": "GIA Wegwijzer: open data",
        "exportdatum": export_date.isoformat(),
        "licentie": LICENCE,
        "formaten": {
            "hsds": "Open Referral Human Services Data Specification (HSDS) 3.0, JSON",
            "csv": "CSV (RFC 4180), UTF-8, kolomnamen gelijk aan de veldnamen van de records",
            "vcard": "vCard 4.0 (RFC 6350), één kaart per organisatie",
        },
        "aantallen": _counts(catalog, data, len(vcards)),
        "bestanden": [
            {"pad": path, "bytes": len(content), "sha256": hashlib.sha256(content).hexdigest()} for path, content in files.items()
        ],
    }
    return {INDEX: json_bytes(manifest), **files}
