"""The open-data export (generator/export): valid HSDS 3.0, deterministic, no secret addresses, vCard, CSV."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.catalog import Catalog
from generator.export import export_date_from, export_open_data
from generator.export.common import stable_id
from generator.export.hsds import build_hsds
from generator.export.vcard import escape, fold, vcard
from generator.model import Adres, Beschikbaarheid, Contact, Tijdvak
from tests.helpers import MINI, ROOT, SHARED, catalog_of, catalog_with_planted_addresses

# The official schemas are not ours to copy: developers and CI have them next to the checkout.
HSDS = SHARED / "hsds-3.0"
EXPORT_DATE = date(2026, 12, 1)
ADDRESS_KEYS = {"locations", "location", "addresses", "service_at_locations", "address_1", "latitude", "longitude"}


@pytest.fixture(scope="module", params=["mini", "echt"])
def catalog(request: pytest.FixtureRequest) -> Catalog:
    return catalog_of(MINI if request.param == "mini" else ROOT)


@pytest.fixture(scope="module")
def files(catalog: Catalog) -> dict[str, bytes]:
    return export_open_data(catalog, EXPORT_DATE)


def hsds(files: dict[str, bytes], name: str) -> Any:
    return json.loads(files[f"open-data/hsds/{name}.json"])


def _format_checker() -> FormatChecker:
    checker = FormatChecker()  # uuid, email, date… as jsonschema knows them

    # jsonschema checks "uri" only with an optional package; check the shape ourselves rather than not at all.
    @checker.checks("uri")
    def is_uri(value: object) -> bool:
        parts = urlsplit(value) if isinstance(value, str) else None
        return parts is None or bool(parts.scheme and (parts.netloc or parts.path))

    return checker


@cache
def validator(name: str) -> Draft202012Validator:
    assert (HSDS / "compiled").is_dir(), f"De HSDS 3.0-schema's ontbreken in {HSDS} (zet GIA_SHARED op de map met hsds-3.0/)."
    # The HSDS 3.0 schemas carry no $schema: they are published for OpenAPI 3.1, whose dialect is JSON Schema 2020-12.
    documents = {p.relative_to(HSDS).as_posix(): json.loads(p.read_text(encoding="utf-8")) for p in HSDS.rglob("*.json")}
    registry: Registry[Any] = Registry().with_resources(
        (path, Resource.from_contents(doc, default_specification=DRAFT202012)) for path, doc in documents.items()
    )
    return Draft202012Validator(documents[name], registry=registry, format_checker=_format_checker())


def schema_errors(name: str, objects: list[Any]) -> list[str]:
    v = validator(name)
    return [
        f"{obj.get('name')}: {'/'.join(map(str, e.absolute_path))}: {e.message}" for obj in objects for e in v.iter_errors(obj)
    ]


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object inside ``node``."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


# --- HSDS -----------------------------------------------------------------------------------------


def test_organizations_valid_against_compiled_hsds_schema(files: dict[str, bytes]) -> None:
    assert schema_errors("compiled/organization.json", hsds(files, "organizations")) == []


def test_services_valid_against_compiled_hsds_schema(files: dict[str, bytes]) -> None:
    assert schema_errors("compiled/service.json", hsds(files, "services")) == []


def test_taxonomy_valid_against_hsds_schemas(files: dict[str, bytes]) -> None:
    taxonomy = hsds(files, "taxonomy")
    assert schema_errors("taxonomy.json", taxonomy["taxonomies"]) == []
    assert schema_errors("taxonomy_term.json", taxonomy["taxonomy_terms"]) == []


def test_every_record_is_exported_once(catalog: Catalog, files: dict[str, bytes]) -> None:
    organizations, services = hsds(files, "organizations"), hsds(files, "services")
    assert len(organizations) == len(catalog.of("organisaties"))
    kinds = ("organisaties", "voorzieningen", "routeertafels")
    assert len(services) == sum(len(catalog.of(k)) for k in kinds)
    # A location is written in full under its organisation and again under each service offered there
    # (HSDS nests it both ways): one id may recur, but only for the very same object.
    by_id: dict[str, list[dict[str, Any]]] = {}
    for obj in walk([*organizations, *(s for s in services if "organization_id" not in s)]):
        by_id.setdefault(obj["id"], []).append(obj)
    assert len(by_id) > len(organizations)
    assert [i for i, objs in by_id.items() if any(o != objs[0] for o in objs)] == [], "an id is used for two objects"
    assert all(s["status"] in {"active", "inactive", "defunct"} for s in services)


def test_references_resolve(files: dict[str, bytes]) -> None:
    organizations, services = hsds(files, "organizations"), hsds(files, "services")
    terms = {t["id"]: t for t in hsds(files, "taxonomy")["taxonomy_terms"]}
    org_ids = {o["id"] for o in organizations}
    assert {s["organization_id"] for s in services if "organization_id" in s} <= org_ids
    assert {o["parent_organization_id"] for o in organizations if "parent_organization_id" in o} <= org_ids
    attributes = [a for obj in walk([organizations, services]) for a in obj.get("attributes", [])]
    assert attributes
    assert {a["taxonomy_term_id"] for a in attributes} <= set(terms)
    assert {t["parent_id"] for t in terms.values() if "parent_id" in t} <= set(terms)
    for service in services:
        for phone in service.get("phones", []):
            assert phone["service_id"] == service["id"]
        assert all(s["service_id"] == service["id"] for s in service.get("schedules", []))


def test_dates_and_times_are_well_formed(files: dict[str, bytes]) -> None:
    for obj in walk(hsds(files, "services")):
        for key in ("assured_date", "last_action_date"):
            if key in obj:
                date.fromisoformat(obj[key])
        for key in ("opens_at", "closes_at"):
            if key in obj:
                assert re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", obj[key]), obj[key]


def test_hsds_mapping_of_the_fixture() -> None:
    files = export_open_data(catalog_of(MINI), EXPORT_DATE)
    services = {s["id"]: s for s in hsds(files, "services")}
    politie = services[stable_id("organisaties", "politie", "dienst")]
    assert [p["number"] for p in politie["phones"]] == ["112", "+319008844"]
    assert all(p["type"] == "voice" for p in politie["phones"])
    assert "Spoed" in politie["phones"][0]["description"]
    spoed, geen_spoed = politie["schedules"]
    assert (spoed["byday"], spoed["opens_at"], spoed["closes_at"]) == ("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59")
    assert (geen_spoed["byday"], geen_spoed["opens_at"], geen_spoed["closes_at"]) == ("MO,TU,WE,TH,FR", "08:00", "20:00")
    meldpunt = services[stable_id("organisaties", "meldpunt-voorbeeld", "dienst")]
    assert meldpunt["assured_date"] == "2026-11-01"
    assert meldpunt["status"] == "active"
    tafel = services[stable_id("routeertafels", "casusoverleg-voorbeeld")]
    assert tafel["organization_id"] == stable_id("organisaties", "meldpunt-voorbeeld")
    assert "GM9901" in tafel["service_areas"][0]["description"]  # subregio noord: its gemeenten with CBS codes
    noordstad = services[stable_id("organisaties", "lokaal-team-noordstad", "dienst")]
    assert noordstad["service_areas"][0]["description"].startswith("Gemeente Noordstad, CBS-gemeentecode GM9901")
    opvang = services[stable_id("voorzieningen", "opvang-voorbeeld")]
    assert "organization_id" not in opvang  # no aanbieder in the sources
    assert opvang["application_process"] == "Via het Meldpunt Voorbeeld."
    values = [a.get("value") for a in opvang["attributes"]]
    assert "Voorbeeldvisie, regels 5" in values
    assert "true" in values  # vertrouwelijk-adres
    terms = {t["id"]: t for t in hsds(files, "taxonomy")["taxonomy_terms"]}
    assert {terms[a["taxonomy_term_id"]]["code"] for a in tafel["attributes"]} >= {"eergerelateerd-geweld", "bron"}
    egg = next(t for t in terms.values() if t["code"] == "eergerelateerd-geweld")
    assert terms[egg["parent_id"]]["code"] == "groep-vorm-van-geweld"
    organizations = hsds(files, "organizations")
    assert sum(len(o["services"]) for o in organizations) == len(services) - 1  # all but the opvang


def test_hsds_keeps_every_name_mail_and_criterion_and_links_only_to_exported_organisations() -> None:
    catalog = catalog_of(MINI)
    meldpunt = catalog.of("organisaties")["meldpunt-voorbeeld"]
    catalog.of("organisaties")[meldpunt.id] = dataclasses.replace(meldpunt, ook_bekend_als=("AMHK Voorbeeld", "Meldpunt VR"))
    tafel = catalog.of("routeertafels")["casusoverleg-voorbeeld"]
    criteria = ("Structureel onveilig", "Meer dan een hulpverlener betrokken")
    catalog.of("routeertafels")[tafel.id] = dataclasses.replace(tafel, instroomcriteria=criteria, deelnemers=())
    opvang = catalog.of("voorzieningen")["opvang-voorbeeld"]
    # An aanbieder the export does not hold (the check reports it; the export must still not point nowhere).
    opvang = dataclasses.replace(opvang, contact=Contact(email="opvang@voorbeeld.example"), aanbieder="bestaat-niet")
    catalog.of("voorzieningen")[opvang.id] = opvang
    data = build_hsds(catalog, EXPORT_DATE)
    organization = next(o for o in data.organizations if o["id"] == stable_id("organisaties", meldpunt.id))
    services = {s["id"]: s for s in data.services}
    assert organization["alternate_name"] == "AMHK Voorbeeld; Meldpunt VR"
    assert services[stable_id("organisaties", meldpunt.id, "dienst")]["alternate_name"] == "AMHK Voorbeeld; Meldpunt VR"
    overleg = services[stable_id("routeertafels", tafel.id)]
    assert overleg["eligibility_description"] == "Instroomcriteria: Structureel onveilig. Meer dan een hulpverlener betrokken."
    assert overleg["description"] == "Complexe zaken bespreken."  # no "Deelnemers:" without deelnemers
    shelter = services[stable_id("voorzieningen", opvang.id)]
    assert shelter["email"] == "opvang@voorbeeld.example"
    assert "organization_id" not in shelter
    assert "organization" not in shelter
    assert schema_errors("compiled/service.json", list(services.values())) == []


def test_schedules_for_evening_hours_and_text_only_availability() -> None:
    catalog = catalog_of(MINI)
    politie = catalog.of("organisaties")["politie"]
    avond = Beschikbaarheid(tijden=(Tijdvak(dagen=("zo", "za"), van="18:00", tot="24:00"),), toelichting="Niet op feestdagen.")
    alleen_tekst = Beschikbaarheid(toelichting="Wisselende tijden, zie de website")
    spoed, geen_spoed = politie.contact.telefoon
    phones = (dataclasses.replace(spoed, beschikbaarheid=avond), dataclasses.replace(geen_spoed, beschikbaarheid=alleen_tekst))
    catalog.of("organisaties")["politie"] = dataclasses.replace(politie, contact=Contact(telefoon=phones))
    files = export_open_data(catalog, EXPORT_DATE)
    service = next(s for s in hsds(files, "services") if s["id"] == stable_id("organisaties", "politie", "dienst"))
    evening, text_only = service["schedules"]
    assert (evening["byday"], evening["opens_at"], evening["closes_at"]) == ("SA,SU", "18:00", "23:59")
    assert evening["notes"].endswith("Niet op feestdagen.")
    assert "opens_at" not in text_only
    # Ids are a promise to consumers (see test_ids_never_change): the key of a text-only schedule stays the same.
    key = ("organisaties", "politie", "telefoon", "+319008844", "geen-spoed", "rooster", "toelichting")
    assert text_only["id"] == stable_id(*key)
    assert text_only["description"] == "Telefoon 0900-8844 (Geen spoed): Wisselende tijden, zie de website."
    assert schema_errors("compiled/service.json", [service]) == []


def test_ids_never_change() -> None:
    # The namespace and key scheme are a promise to consumers: a changed id means a "new" organisatie to them.
    assert stable_id("organisaties", "politie") == "19212384-b625-511a-8058-d999161a05d5"


# --- determinism and purity -----------------------------------------------------------------------


def test_export_is_deterministic(catalog: Catalog, files: dict[str, bytes]) -> None:
    assert export_open_data(catalog, EXPORT_DATE) == files
    assert list(files) == list(export_open_data(catalog, EXPORT_DATE))


def test_export_date_is_a_parameter(catalog: Catalog, files: dict[str, bytes]) -> None:
    other = export_open_data(catalog, date(2030, 1, 2))
    assert json.loads(other["open-data/index.json"])["exportdatum"] == "2030-01-02"
    assert other["open-data/hsds/organizations.json"] == files["open-data/hsds/organizations.json"]


def test_export_code_reads_no_clock_and_no_disk() -> None:
    for module in (ROOT / "generator" / "export").glob("*.py"):
        code = module.read_text(encoding="utf-8")
        for forbidden in ("now(", "today(", "open(", "Path(", "read_text", "write_"):
            assert forbidden not in code, f"{module.name} uses {forbidden}"


def test_export_date_from_source_date_epoch() -> None:
    assert export_date_from("1767225600", date(2000, 1, 1)) == date(2026, 1, 1)
    assert export_date_from(None, date(2000, 1, 1)) == date(2000, 1, 1)


def test_manifest_lists_every_file(files: dict[str, bytes]) -> None:
    manifest = json.loads(files["open-data/index.json"])
    assert [f["pad"] for f in manifest["bestanden"]] == [p for p in files if p != "open-data/index.json"]
    assert all(path.startswith("open-data/") for path in files)
    counts = manifest["aantallen"]
    assert counts["hsds_organizations"] == len(hsds(files, "organizations"))
    assert counts["hsds_taxonomy_terms"] == len(hsds(files, "taxonomy")["taxonomy_terms"])


# --- confidential addresses -----------------------------------------------------------------------


def assert_no_secret_address(catalog: Catalog, files: dict[str, bytes]) -> None:
    """No word of a secret address anywhere, and no address or location object on such a voorziening."""
    text = b"\n".join(files.values()).decode("utf-8")
    services = {s["id"]: s for s in hsds(files, "services")}
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(files["open-data/csv/voorzieningen.csv"].decode("utf-8")))}
    confidential = [v for v in catalog.of("voorzieningen").values() if v.vertrouwelijk_adres]
    for vz in confidential:
        adres = vz.contact.adres if vz.contact else None
        for word in (adres.straat, adres.postcode, adres.plaats) if adres else ():
            assert word not in text
        service = services[stable_id("voorzieningen", vz.id)]
        assert not {k for obj in walk(service) for k in obj} & ADDRESS_KEYS
        assert (rows[vz.id]["straat"], rows[vz.id]["postcode"], rows[vz.id]["plaats"]) == ("", "", "")
        assert rows[vz.id]["vertrouwelijk_adres"] == "ja"
    assert not re.search(r'"(latitude|longitude)"', text)


def test_confidential_voorzieningen_export_no_address(catalog: Catalog, files: dict[str, bytes]) -> None:
    assert_no_secret_address(catalog, files)


def test_secret_address_is_dropped_even_if_present_in_the_data() -> None:
    # The schema forbids an address on a confidential voorziening; the export is the second lock.
    catalog = catalog_with_planted_addresses(MINI)
    files = export_open_data(catalog, EXPORT_DATE)
    assert_no_secret_address(catalog, files)
    for word in ("Schuilplaatsweg", "9999 ZZ", "9999ZZ", "Verborgenhoven"):
        assert word.encode() not in b"".join(files.values())
    # A public address is exported, so the scan above would have seen a secret one.
    holding = sorted(path for path, content in files.items() if b"Openbaarplein 1" in content)
    assert holding == [
        "open-data/csv/organisaties.csv",
        "open-data/hsds/organizations.json",
        "open-data/hsds/services.json",
        "open-data/vcard/lokaal-team-noordstad.vcf",
    ]
    card = files["open-data/vcard/lokaal-team-noordstad.vcf"].decode("utf-8")
    assert "\nADR;TYPE=work:;;Openbaarplein 1;Noordstad;;1234 AB;Nederland\r\n" in card
    team_service = next(
        s for s in hsds(files, "services") if s["id"] == stable_id("organisaties", "lokaal-team-noordstad", "dienst")
    )
    # One office, one location: the organization's entry and its service's entry name the same location, linked
    # to the organization, so a consumer joining the flat tables finds one place, not two.
    team_org = next(o for o in hsds(files, "organizations") if o["id"] == stable_id("organisaties", "lokaal-team-noordstad"))
    (office,) = team_org["locations"]
    assert office["id"] == team_service["service_at_locations"][0]["location_id"]
    assert office["id"] == stable_id("organisaties", "lokaal-team-noordstad", "locatie")
    assert office["organization_id"] == team_org["id"]
    address = team_service["service_at_locations"][0]["location"]["addresses"][0]
    assert (address["address_1"], address["postal_code"], address["city"], address["country"]) == (
        "Openbaarplein 1",
        "1234 AB",
        "Noordstad",
        "NL",
    )
    assert schema_errors("compiled/organization.json", hsds(files, "organizations")) == []


def test_a_shelter_with_a_secret_address_does_not_carry_its_providers_address() -> None:
    # services.json nests each service's organization. A shelter run by an organisation with a public office
    # must not lead there: a reader of the shelter's entry would take the office for the shelter.
    catalog = catalog_of(MINI)
    team = catalog.of("organisaties")["lokaal-team-noordstad"]
    office = Adres(straat="Openbaarplein 1", postcode="1234 AB", plaats="Noordstad")
    catalog.of("organisaties")[team.id] = dataclasses.replace(team, contact=Contact(adres=office))
    opvang = catalog.of("voorzieningen")["opvang-voorbeeld"]
    catalog.of("voorzieningen")[opvang.id] = dataclasses.replace(opvang, aanbieder=team.id)
    services = {s["id"]: s for s in hsds(export_open_data(catalog, EXPORT_DATE), "services")}
    shelter = services[stable_id("voorzieningen", opvang.id)]
    assert shelter["organization"]["name"] == "Lokaal team Noordstad"
    assert shelter["organization"]["description"].startswith("Het lokale team van Noordstad biedt hulp dichtbij.")
    assert not {k for obj in walk(shelter) for k in obj} & ADDRESS_KEYS
    assert "Openbaarplein" not in json.dumps(shelter)
    # The provider's own service still shows its office: the address is left out only where it misleads.
    own = services[stable_id("organisaties", team.id, "dienst")]
    assert own["organization"]["locations"][0]["addresses"][0]["address_1"] == "Openbaarplein 1"


# --- vCard ----------------------------------------------------------------------------------------


def test_vcard_escapes_text_values() -> None:
    assert escape("Hulp, advies; en\\of\nmeer") == "Hulp\\, advies\\; en\\\\of\\nmeer"
    catalog = catalog_of(MINI)
    org = dataclasses.replace(catalog.of("organisaties")["politie"], naam="Politie, eenheid Limburg; team Zuid")
    card = vcard(catalog, org)
    assert "\r\nFN:Politie\\, eenheid Limburg\\; team Zuid\r\n" in card
    assert "\r\nORG:Politie\\, eenheid Limburg\\; team Zuid\r\n" in card


def test_vcard_folds_lines_at_75_octets_without_splitting_characters() -> None:
    line = "NOTE:" + "Hulp bij geweld in afhankelijkheidsrelaties — één loket, € 0 " * 6
    folded = fold(line)
    physical = folded.split("\r\n")
    assert len(physical) > 1
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    assert folded.replace("\r\n ", "") == line
    assert fold("FN:kort") == "FN:kort"


def test_vcard_content_of_the_fixture() -> None:
    files = export_open_data(catalog_of(MINI), EXPORT_DATE)
    # Lokaal team Noordstad has no phone, e-mail or address: a card would hold its name alone (issue 14).
    assert sorted(p for p in files if p.startswith("open-data/vcard/")) == [
        "open-data/vcard/meldpunt-voorbeeld.vcf",
        "open-data/vcard/politie.vcf",
    ]
    meldpunt = files["open-data/vcard/meldpunt-voorbeeld.vcf"].decode("utf-8")
    assert meldpunt.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert meldpunt.endswith("END:VCARD\r\n")
    assert "\nTEL;VALUE=uri;TYPE=voice;PREF=1:tel:+318002000\r\n" in meldpunt
    assert "\nREV:20261101T000000Z\r\n" in meldpunt
    assert f"\nUID:urn:uuid:{stable_id('organisaties', 'meldpunt-voorbeeld')}\r\n" in meldpunt
    assert "\nNICKNAME:AMHK Voorbeeld\r\n" in meldpunt
    assert "tel:112;phone-context=+31" in files["open-data/vcard/politie.vcf"].decode("utf-8")


def test_a_card_without_a_phone_number_says_so() -> None:
    # An e-mail address alone is contact data: the card exists and its note says the number is unverified.
    catalog = catalog_of(MINI)
    team = catalog.of("organisaties")["lokaal-team-noordstad"]
    catalog.of("organisaties")[team.id] = dataclasses.replace(team, contact=Contact(email="team@noordstad.example"))
    card = export_open_data(catalog, EXPORT_DATE)["open-data/vcard/lokaal-team-noordstad.vcf"].decode("utf-8")
    assert "nog niet geverifieerd" in card.replace("\r\n ", "")
    assert "\nEMAIL;TYPE=work:team@noordstad.example\r\n" in card
    assert "TEL" not in card
    assert "REV" not in card
    assert "\nFN:Lokaal team Noordstad\r\n" in card


def test_vcard_of_a_part_names_the_whole_and_every_other_name() -> None:
    # A team that belongs to a larger organisatie: ORG lists the whole, then the part (RFC 6350 §6.6.4), so an
    # address book files it under the organisatie a professional knows; every other name is its own NICKNAME value.
    catalog = catalog_of(MINI)
    team = catalog.of("organisaties")["lokaal-team-noordstad"]
    part = dataclasses.replace(
        team,
        onderdeel_van="meldpunt-voorbeeld",
        ook_bekend_als=("Team Noord", "Wijkteam Noordstad"),
        contact=Contact(email="team@noordstad.example"),
    )
    card = vcard(catalog, part).replace("\r\n ", "")
    assert "\r\nORG:Meldpunt Voorbeeld;Lokaal team Noordstad\r\n" in card
    assert "\r\nNICKNAME:Team Noord,Wijkteam Noordstad\r\n" in card
    assert "\r\nORG:Lokaal team Noordstad\r\n" in vcard(catalog, dataclasses.replace(part, onderdeel_van=None))


def test_every_vcard_is_well_formed(catalog: Catalog, files: dict[str, bytes]) -> None:
    cards = {p: c.decode("utf-8") for p, c in files.items() if p.startswith("open-data/vcard/")}
    with_contact = [
        o for o in catalog.of("organisaties").values() if o.contact and (o.contact.telefoon or o.contact.email or o.contact.adres)
    ]
    assert len(cards) == len(with_contact) > 0
    for card in cards.values():
        assert card.endswith("\r\n")
        assert "\n" not in card.replace("\r\n", "")
        assert all(len(line.encode("utf-8")) <= 75 for line in card.split("\r\n"))


# --- CSV ------------------------------------------------------------------------------------------


def read_csv(files: dict[str, bytes], name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(files[f"open-data/csv/{name}.csv"].decode("utf-8"), newline="")))


def test_csv_row_counts_equal_record_counts(catalog: Catalog, files: dict[str, bytes]) -> None:
    for kind in ("organisaties", "voorzieningen", "routeertafels"):
        rows = read_csv(files, kind)
        assert len(rows) == len(catalog.of(kind))
        assert [r["id"] for r in rows] == sorted(catalog.of(kind))
    phones = sum(len(r.contact.telefoon) for k in ("organisaties", "voorzieningen") for r in catalog.of(k).values() if r.contact)
    assert len(read_csv(files, "telefoonnummers")) == phones


def test_csv_has_dutch_headers_and_round_trips_text() -> None:
    catalog = catalog_of(MINI)
    files = export_open_data(catalog, EXPORT_DATE)
    header = files["open-data/csv/organisaties.csv"].decode("utf-8").split("\r\n", 1)[0]
    assert header.startswith("id,naam,ook_bekend_als,soort,beschrijving")
    rows = {r["id"]: r for r in read_csv(files, "organisaties")}
    team = rows["lokaal-team-noordstad"]
    assert team["beschrijving"] == catalog.of("organisaties")["lokaal-team-noordstad"].beschrijving  # newlines kept
    assert team["werkgebied"] == "noordstad"
    assert rows["meldpunt-voorbeeld"]["expertise"] == "eergerelateerd-geweld | partnergeweld"
    phone = read_csv(files, "telefoonnummers")[0]
    assert (phone["record_id"], phone["nummer"], phone["gratis"], phone["geverifieerd_op"]) == (
        "meldpunt-voorbeeld",
        "+318002000",
        "ja",
        "2026-11-01",
    )


def test_schema_validation_is_not_vacuous(files: dict[str, bytes]) -> None:
    # Guard against a validator that accepts anything (wrong draft, unresolved refs, formats not checked).
    broken = json.loads(json.dumps(hsds(files, "organizations")[0]))
    broken["id"] = "politie"
    del broken["description"]
    broken["services"][0]["status"] = "open"
    broken["services"][0]["service_areas"][0]["service_id"] = 42
    assert len(schema_errors("compiled/organization.json", [broken])) == 4
