"""Mutation testing (`make mutate`): how many small bugs in generator/ do the fast tests catch?

mutmut (configured under [tool.mutmut] in pyproject.toml) copies the project to mutants/, makes
one small change at a time inside a function (a flipped comparison, a dropped argument, another
string) and runs the fast non-browser tests that reach that function. A mutant the tests do not
notice "survives": a bug the suite would let through. Run outside `make test`; it takes long on
two cores, so pick modules:

    make mutate                          # the core set below (the checks and exports professionals rely on)
    make mutate MODULES="graph export"   # whole modules, by path below generator/ without .py
    make mutate MODULES=alle             # every module configured in pyproject.toml (hours)
    python -m tests.mutation --rapport   # the score per module of the last run, with the survivors
    make mutate MODULES=sjablonen        # templates: drop each escaping filter in the record-page templates

mutmut runs a mutant's tests with -x, so a caught mutant costs the tests before the one that catches it.
Each test that catches a mutant is noted (mutants/mutmut-gevangen/, per function) and, for the next mutant
of that function, moved to the front (tests/conftest.py): the same tests, in a better order; a surviving
mutant still meets every one of them.

A module name reruns every mutant of that module (mutmut reruns what it is asked for by name or pattern);
to retry only the survivors after adding a test, pass their names: `.venv/bin/mutmut run NAAM …`.
Changing the test selection in pyproject.toml makes mutmut forget all earlier verdicts in mutants/.

mutmut knows Python only. For the Jinja2 templates this module makes the mutants itself: each escaping
filter (`md`, `md_inline`, `md_paragraphs`, `attr`) in the templates of record pages is removed in
turn, in a copy of the project, and the fast golden, render and text-fidelity tests run against it.

Module-level constants (such as `CRISIS_DOELEN` or the HSDS `STATUS` table) are not mutated by
mutmut; the hand-made bugs of issue 15 cover those.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from tests.helpers import ROOT, SHARED

MUTANTS = ROOT / "mutants"

# The functions professionals rely on most: route checks, contact checks, hours, exports of phones and addresses.
KERN = (
    "generator.graph.x_route_issues__mutmut_*",
    "generator.graph.x_starts_with_emergency__mutmut_*",
    "generator.graph.x_check_routes__mutmut_*",
    "generator.check_contact.*",
    "generator.check.x_check_content__mutmut_*",
    "generator.render.context.x__days__mutmut_*",
    "generator.render.context.xǁPageContextǁbereikbaar__mutmut_*",
    "generator.export.common.x_public_address__mutmut_*",
    "generator.export.common.x_hours_text__mutmut_*",
    "generator.export.tabular.x__phone_rows__mutmut_*",
)

TEMPLATES = ("_contact", "_bronnen", "_keten", "_lijsten", "organisatie", "voorziening", "routeertafel", "expertise")
TEMPLATES += ("ketenroute", "begrip")
TEMPLATE_TESTS = ("tests/test_golden.py", "tests/test_render.py", "tests/test_text_fidelity.py")
FILTER = re.compile(r"\s*\|\s*(md_paragraphs|md_inline|md|attr)\b")

STATUS = {1: "gedood", 3: "gedood", 0: "overleefd", 5: "geen test", 33: "geen test", 36: "tijdslimiet", 37: "type"}
STATUS |= {-24: "tijdslimiet", 24: "tijdslimiet", 152: "tijdslimiet", 255: "tijdslimiet", None: "niet gedraaid"}


def _caught_file(mutant: str) -> Path:
    # Under mutmut this file runs from its copy in mutants/, so ROOT is mutants/ itself.
    return ROOT / "mutmut-gevangen" / (mutant.split("__mutmut_")[0] + ".txt")


def catching_tests_first(nodeids: list[str], mutant: str) -> list[int]:
    """Positions of ``nodeids`` in run order for ``mutant``: the tests that caught most mutants of its function first.

    The sort is stable, so the other tests keep the order pytest chose (it groups tests by shared fixtures).
    """
    path = _caught_file(mutant)
    caught = Counter(path.read_text(encoding="utf-8").splitlines()) if path.exists() else Counter()
    return sorted(range(len(nodeids)), key=lambda i: -caught[nodeids[i]])


def note_catch(nodeid: str, mutant: str) -> None:
    """Remember that test ``nodeid`` caught ``mutant`` (one short appended line: safe with two workers)."""
    path = _caught_file(mutant)
    path.parent.mkdir(exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.write(nodeid + "\n")


def patterns(modules: list[str]) -> list[str]:
    """mutmut name patterns for module names ('graph', 'export', 'render/context') or the presets."""
    if not modules or modules == ["kern"]:
        return list(KERN)
    if modules == ["alle"]:
        return []
    return [f"generator.{m.strip('/').replace('/', '.').removesuffix('.py')}.*" for m in modules]


def module_of(mutant: str) -> str:
    """'generator.export.hsds.xǁ_Builderǁservice__mutmut_3' → 'export/hsds'."""
    dotted = mutant.split("__mutmut_")[0].rsplit(".", 1)[0]
    return dotted.removeprefix("generator.").replace(".", "/")


def results(selected: list[str]) -> dict[str, dict[str, str]]:
    """Module → {mutant: status} for every mutant matching ``selected`` (all when empty)."""
    out: dict[str, dict[str, str]] = {}
    for meta in sorted((MUTANTS / "generator").rglob("*.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for mutant, code in codes.items():
            if selected and not any(fnmatch.fnmatch(mutant, p) for p in selected):
                continue
            out.setdefault(module_of(mutant), {})[mutant] = STATUS.get(code, "verdacht")
    return out


def report(selected: list[str], survivors: bool = True) -> str:
    """Score per module: caught (killed, timed out) out of all mutants that were run."""
    lines = [f"{'module':<24} {'gedood':>7} {'overleefd':>9} {'geen test':>9} {'overig':>6} {'score':>7}"]
    for module, statuses in sorted(results(selected).items()):
        count = Counter(statuses.values())
        caught = count["gedood"] + count["tijdslimiet"] + count["type"]
        run = sum(n for status, n in count.items() if status != "niet gedraaid")
        other = run - caught - count["overleefd"] - count["geen test"]
        score = f"{100 * caught / run:.1f}%" if run else "-"
        lines.append(f"{module:<24} {caught:>7} {count['overleefd']:>9} {count['geen test']:>9} {other:>6} {score:>7}")
    if survivors:
        for module, statuses in sorted(results(selected).items()):
            alive = sorted(m for m, s in statuses.items() if s in {"overleefd", "geen test"})
            if alive:
                lines.append(f"\n{module}: {len(alive)} niet gevangen (bekijk met: .venv/bin/mutmut show NAAM)")
                lines.extend(f"  {m}" for m in alive)
    return "\n".join(lines)


def template_mutants() -> list[tuple[str, int, str]]:
    """(template file, offset, filter name) of every escaping filter in the record-page templates."""
    out = []
    for name in TEMPLATES:
        path = f"generator/templates/{name}.md.j2"
        for match in FILTER.finditer((ROOT / path).read_text(encoding="utf-8")):
            out.append((path, match.start(), match.group(1)))
    return out


def run_templates() -> str:
    """Remove each escaping filter in turn and run the fast template tests against it, in this process.

    The templates are read from a copy (mutants-sjablonen/); the Jinja2 environment is pointed there
    and rebuilt for every mutant, so a run costs only the tests, not a new interpreter.
    """
    import pytest

    from generator.render import environment

    work = ROOT / "mutants-sjablonen"
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(environment.TEMPLATES, work)
    tests = [str(ROOT / t) for t in TEMPLATE_TESTS if (ROOT / t).exists()]
    lines, caught, mutants = [], 0, template_mutants()
    original_dir = environment.TEMPLATES
    try:
        environment.TEMPLATES = work
        for path, offset, name in mutants:
            original = (ROOT / path).read_text(encoding="utf-8")
            end = FILTER.match(original, offset)
            assert end is not None
            line = original.count("\n", 0, offset) + 1
            target = work / Path(path).name
            target.write_text(original[:offset] + original[end.end() :], encoding="utf-8")
            environment.make_env.cache_clear()
            code = pytest.main(["-x", "-q", "-p", "no:cacheprovider", "-m", "not slow", "--no-header", "-rN", *tests])
            target.write_text(original, encoding="utf-8")
            killed = code == pytest.ExitCode.TESTS_FAILED
            caught += killed
            lines.append(f"  {'gedood   ' if killed else 'overleefd'} {path}:{line} zonder | {name}")
            print(lines[-1], flush=True)
    finally:
        environment.TEMPLATES = original_dir
        environment.make_env.cache_clear()
    score = f"{100 * caught / len(mutants):.1f}%" if mutants else "-"
    names = " ".join(Path(t).name for t in tests)
    head = f"sjablonen: {caught} van {len(mutants)} weggelaten filters gevangen ({score}) door {names}"
    return "\n".join([head, *lines])


def main(argv: list[str]) -> int:
    """Run mutmut on the chosen modules (or only report with --rapport), then print the scores."""
    if argv == ["sjablonen"]:
        print(run_templates())
        return 0
    only_report = "--rapport" in argv
    selected = patterns([a for a in argv if not a.startswith("--")])
    if not only_report:
        mutmut = Path(sys.executable).with_name("mutmut")
        # The tests run inside mutants/, one level deeper: point them at the sources next to this checkout.
        env = {**os.environ, "GIA_SHARED": str(SHARED)}
        subprocess.run([str(mutmut), "run", "--max-children", "2", *selected], cwd=ROOT, check=False, env=env)
    print(report(selected))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
