"""The hand-written "Wie bel ik?" scenarios, judged on the computed answer without building the site.

tests/data/wiebelik_scenarios.yaml holds the expected answers, written by hand from the sources
(tests/browser/test_wiebelik.py checks that every cited line says what the scenario claims, and reads
the same expectations from the built HTML). Here the same expectations judge `generator.wiebelik.answer`
on the real catalogue directly: seconds instead of a site build, so `make mutate` can use them as its
oracle. The browser test stays the final word on what a reader sees.

Also here, over every vorm × urgentie × gemeente: the rules a professional relies on for each answer
(112 first at acute danger, the region's Veilig Thuis at zorgen and advies, only callable entries,
never a measure to call). The expected sets are written down from the sources, not from the code.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from generator.catalog import Catalog
from generator.relations import Relations, build_relations
from generator.wiebelik import Answer, answer
from tests.helpers import ROOT, CallRules, catalog_of

SCENARIOS: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / "tests" / "data" / "wiebelik_scenarios.yaml").read_text(encoding="utf-8")
)
# Measures someone decides (the burgemeester, the kinderrechter), written down by hand: never someone to call.
MEASURES = {"tijdelijk-huisverbod", "kinderbeschermingsmaatregel"}
# The regional Veilig Thuis per gemeente is checked against the werkgebied of each advies- en meldpunt;
# its number is the national 0800-2000 that every Veilig Thuis shares (as in tests/browser/test_wiebelik.py).
VEILIG_THUIS_NUMBER = "+318002000"


@pytest.fixture(scope="module")
def real() -> tuple[Catalog, Relations]:
    catalog = catalog_of(ROOT)
    return catalog, build_relations(catalog)


def _id(s: dict[str, Any]) -> str:
    return "/".join(x for x in (s.get("rol"), s["vorm"], s["urgentie"], s["gemeente"]) if x)


def mentioned(a: Answer) -> set[str]:
    """Every record the answer names: the call list, what follows, 'Ook deskundig' and the roles' next steps."""
    ids = {c.record.id for c in a.call} | {n.record.id for n in a.then} | {x.record.id for x in a.experts}
    ids |= {c.via.id for c in a.call if c.via is not None}
    return ids | {rec.id for r in a.roles for rec, _, _ in r.next}


def role_text(a: Answer, rol: str) -> tuple[str, set[str]]:
    """The words of 'Wat doe jij nu?' for one beroepsgroep, and the records it names."""
    (section,) = [r for r in a.roles if r.rol.id == rol]
    words = [section.rol.wie, section.rol.deskundige_collega or ""]
    words += [advies.tekst for advies in section.adviezen]
    words += [f"{rec.naam} {voorwaarde or ''}" for rec, _, voorwaarde in section.next]
    return " ".join(" ".join(words).split()), {rec.id for rec, _, _ in section.next}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[_id(s) for s in SCENARIOS])
def test_scenario_answer(scenario: dict[str, Any], real: tuple[Catalog, Relations]) -> None:
    catalog, rel = real
    a = answer(catalog, rel, scenario["vorm"], scenario["urgentie"], scenario["gemeente"])
    call = [c.record.id for c in a.call]
    then = {n.record.id for n in a.then}
    if "eerst" in scenario:
        assert call[:1] == [scenario["eerst"]], call
    wanted = scenario.get("bellen", [])
    assert [c for c in call if c in wanted] == wanted, f"{call} moet {wanted} in deze volgorde bevatten"
    assert set(scenario.get("ook_bellen", [])) <= set(call), call
    assert not set(call) & set(scenario.get("niet_bellen", [])), call
    assert not mentioned(a) & set(scenario.get("nergens", []))
    assert set(scenario.get("daarna", [])) <= then, then
    let_op = " ".join(p.tekst for p in a.let_op)
    for text in scenario.get("let_op_niet_bevat", []):
        assert text not in let_op
    if scenario.get("rol"):
        text, named = role_text(a, scenario["rol"])
        for wanted_text in scenario.get("rol_bevat", []):
            assert wanted_text in text, text
        for unwanted in scenario.get("rol_niet_bevat", []):
            assert unwanted not in text, text
        assert set(scenario.get("rol_noemt", [])) <= named, named


def test_every_answer_keeps_the_rules_professionals_rely_on(real: tuple[Catalog, Relations]) -> None:
    catalog, rel = real
    rules = CallRules(catalog)
    problems: list[str] = []
    for vorm in catalog.vormen():
        for urgentie in ("acuut", "zorgen", "advies"):
            for gemeente in catalog.gemeenten:
                a = answer(catalog, rel, vorm.id, urgentie, gemeente)
                where = f"{vorm.id}/{urgentie}/{gemeente}"
                problems += [f"{where}: {c.record.id} zonder nummer" for c in a.call if not c.phones]
                problems += [f"{where}: maatregel {c.record.id}" for c in a.call if c.record.id in MEASURES]
                problems += [f"{where}: {c.record.id} niet gedekt" for c in a.call if not rules.may_call(vorm.id, c.record.id)]
                problems += [f"{where}: maatregel {x.record.id} deskundig" for x in a.experts if x.record.id in MEASURES]
                if urgentie == "acuut":
                    if not a.call or a.call[0].phones[0].nummer != "112":
                        problems.append(f"{where}: niet eerst 112")
                elif not any(
                    c.record.id in rules.region_vt[gemeente] and VEILIG_THUIS_NUMBER in {t.nummer for t in c.phones}
                    for c in a.call
                ):
                    problems.append(f"{where}: geen Veilig Thuis van de regio")
    assert problems == []


# Where open contact with the family can put the victim at risk, the school and the huisarts first consult an expert
# or Veilig Thuis (LKHA and meldcode.nu on eergerelateerd geweld; for VGV the meldcode puts that consultation before
# the talk, regiovisie Zuid-Limburg 2019 lines 648-651). Written down by hand, not read from the records.
FAMILY_RISK = {"eergerelateerd-geweld", "huwelijksdwang", "achterlating", "vrouwelijke-genitale-verminking"}
# Per role, the words of the ordinary rule 'discuss a melding first with the people concerned' (Augeo, Signalenkaart).
TALK_FIRST = {"onderwijs": "in principe eerst met de ouders", "huisarts-medisch": "in principe eerst met je patiënt"}


@pytest.mark.parametrize("rol", sorted(TALK_FIRST))
@pytest.mark.parametrize("urgentie", ["zorgen", "advies"])
def test_never_talk_to_the_family_first_where_the_family_may_be_the_danger(
    rol: str, urgentie: str, real: tuple[Catalog, Relations]
) -> None:
    catalog, rel = real
    talk_first = TALK_FIRST[rol]
    problems: list[str] = []
    for vorm in catalog.vormen():
        for gemeente in ("maastricht", "leiden"):
            a = answer(catalog, rel, vorm.id, urgentie, gemeente)
            (section,) = [r for r in a.roles if r.rol.id == rol]
            texts = [" ".join(advies.tekst.split()) for advies in section.adviezen]
            where = f"{rol}/{vorm.id}/{urgentie}/{gemeente}"
            if vorm.id in FAMILY_RISK:
                if not texts or "niet" not in texts[0] or "ouders" not in texts[0]:
                    problems.append(f"{where}: begint niet met de waarschuwing: {texts[:1]}")
                problems += [f"{where}: {t}" for t in texts if talk_first in t]
            elif urgentie == "zorgen" and not any(talk_first in t for t in texts):
                # Every other vorm keeps the ordinary rule: a new vorm must be placed on one side or the other.
                problems.append(f"{where}: zegt niet wanneer je met de betrokkenen praat")
    assert problems == []
