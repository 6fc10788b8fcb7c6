"""Command line: ``python -m generator check|build|serve|nieuw|verschil|handleiding|ids|koppen``. The only place that exits.

Prints what each stage did (counts, problems, time) in one summary and decides the exit code:
1 when there is any `fout`, 0 otherwise (a `waarschuwing` never blocks). Python tracebacks are never
shown to editors; ``--debug`` shows them for developers.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import traceback
from datetime import UTC, date, datetime
from pathlib import Path

from generator.headers import FORMATS
from generator.issues import Report, clean
from generator.pipeline import Run, build_project, check_project
from generator.siteaddress import resolve

ROOT = Path(__file__).resolve().parent.parent


def today() -> date:
    """The date checks compare against; SOURCE_DATE_EPOCH makes builds reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def print_report(report: Report, fmt: str) -> None:
    """Print every issue, sorted by file and line, in text, GitHub or GitLab format."""
    if fmt == "gitlab":
        print(gitlab_report(report))
        return
    for issue in report.sorted():
        print(issue.format_github() if fmt == "github" else issue.format_text())


def gitlab_report(report: Report) -> str:
    """A GitLab code-quality report (JSON), so a merge request shows each problem at its line."""
    items = [
        {
            "description": clean(f"[{issue.code}] {issue.field + ': ' if issue.field else ''}{issue.message}"),
            "check_name": issue.code,
            "fingerprint": hashlib.sha256(
                f"{issue.path}:{issue.line}:{issue.column}:{issue.code}:{issue.field}".encode()
            ).hexdigest(),
            "severity": "major" if issue.is_error else "minor",
            "location": {"path": clean(issue.path), "lines": {"begin": max(issue.line, 1)}},
        }
        for issue in report.sorted()
    ]
    return json.dumps(items, ensure_ascii=False, indent=2)


def print_summary(run: Run, *, built: bool = False) -> None:
    """One summary block: per stage what it did and how long it took; counts per kind.

    Args:
        built: The command tried to build the site (`check` never does, so it says nothing about the site).
    """
    print("\nSamenvatting", file=sys.stderr)
    for name, seconds, detail in run.timings:
        print(f"  {name:<13} {seconds:6.2f} s  {detail}", file=sys.stderr)
    if run.catalog is not None:
        counts = ", ".join(f"{len(items)} {kind}" for kind, items in run.catalog.records.items() if items)
        print(f"  records: {counts}", file=sys.stderr)
    errors, warnings = len(run.report.errors), len(run.report.warnings)
    print(
        f"  {errors} {'fout' if errors == 1 else 'fouten'}, {warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}",
        file=sys.stderr,
    )
    if errors and built:
        print("  De site is NIET bijgewerkt; de vorige versie blijft staan.", file=sys.stderr)
    elif errors:
        print("  Los eerst de fouten op; pas dan kan de site gebouwd worden (make build).", file=sys.stderr)
    elif run.published:
        print("  De site staat klaar in site/.", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m generator", description="GIA Wegwijzer: controleren en bouwen.")
    parser.add_argument("--debug", action="store_true", help="toon technische details bij een onverwachte fout")
    parser.add_argument("--root", type=Path, default=ROOT, help="projectmap (standaard: deze repository)")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="controleer alle records")
    build = sub.add_parser("build", help="controleer en bouw de site in site/")
    for command in (check, build):
        command.add_argument("--format", choices=("text", "github", "gitlab"), default="text")
        command.add_argument("--verslag", type=Path, help="voeg een verslag in Markdown toe aan dit bestand (pull/merge request)")
        command.add_argument(
            "--basis",
            help="de git-versie waar het werk van uitging (standaard HEAD): het verslag noemt wat er sindsdien in de records "
            "veranderde, en een verwijderd of hernoemd record dat nog genoemd wordt, heet zo",
        )
    serve = sub.add_parser(
        "serve", help="bouw een voorbeeld, toon het op http://127.0.0.1:8000 en werk het bij zodra je een bestand opslaat"
    )
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--map", type=Path, help="toon deze al gebouwde site (bijvoorbeeld een uitgepakte voorbeeld-site)")
    koppen = sub.add_parser("koppen", help="print de beveiligingskoppen (security headers) voor een webserver")
    koppen.add_argument("--formaat", choices=sorted(FORMATS), default="nginx")
    nieuw = sub.add_parser("nieuw", help="maak een nieuw record vanuit een sjabloon")
    nieuw.add_argument("soort")
    nieuw.add_argument("id")
    verschil = sub.add_parser("verschil", help="beschrijf in zinnen wat er in de records veranderde sinds een git-versie")
    verschil.add_argument("ref", help="de git-versie om mee te vergelijken, bijvoorbeeld HEAD of origin/main")
    sub.add_parser("handleiding", help="schrijf content/handleiding/velden.md opnieuw uit de schema's")
    sub.add_parser("ids", help="schrijf de lijsten met ids voor VS Code (.vscode/ids) en CODEOWNERS opnieuw uit de records")
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except Exception:  # the CLI is the one place that turns surprises into a message
        if args.debug:
            traceback.print_exc()
        else:
            print(
                "Er ging iets onverwachts mis in de generator (geen fout in je YAML). "
                "Draai het commando opnieuw met --debug en geef de uitvoer door aan de beheerders.",
                file=sys.stderr,
            )
        return 2


def _run(args: argparse.Namespace) -> int:
    root: Path = args.root.resolve()
    progress = (lambda text: print(text, file=sys.stderr)) if sys.stderr.isatty() else None
    if args.command == "check":
        run = check_project(root, today(), progress, base=args.basis or "HEAD")
        print_report(run.report, args.format)
        print_summary(run)
        _write_verslag(root, args, run, built=None)
        return 1 if run.report.has_errors() else 0
    if args.command == "nieuw":
        from generator.scaffold import new_record

        return new_record(root, args.soort, args.id)
    if args.command == "verschil":
        return _verschil(root, args.ref)
    if args.command == "ids":
        return _ids(root)
    if args.command == "handleiding":
        from generator.handbook import write_handbook

        return write_handbook(root)
    if args.command == "koppen":
        print(FORMATS[args.formaat](), end="")
        return 0
    if args.command == "serve" and args.map is not None:
        from generator.serve import serve

        if not (args.map / "index.html").is_file():
            print(f"In {args.map} staat geen gebouwde site (index.html ontbreekt).", file=sys.stderr)
            return 1
        serve(args.map.resolve(), args.port)
        return 0
    if args.command == "serve":
        from generator.watch import watch

        watch(root, args.port, today)
        return 0
    run = build_project(root, today(), progress, address=resolve(root, os.environ), base=getattr(args, "basis", None) or "HEAD")
    print_report(run.report, getattr(args, "format", "text"))
    print_summary(run, built=True)
    _write_verslag(root, args, run, built=run.published)
    return 1 if run.report.has_errors() else 0


def _write_verslag(root: Path, args: argparse.Namespace, run: Run, *, built: bool | None) -> None:
    """Append the Dutch report for a pull or merge request to ``--verslag`` (and warn about ⚠ changes)."""
    target: Path | None = getattr(args, "verslag", None)
    ref: str | None = getattr(args, "basis", None)
    changes: list[str] | None = None
    if ref:
        from generator.history import GitError, describe_since

        try:
            changes = describe_since(root, ref)
        except GitError as exc:
            changes = [f"⚠ Vergelijken met {ref} lukte niet: {exc}"]
        if args.format == "github":
            for sentence in changes:
                if sentence.startswith("⚠"):
                    print(f"::warning title=Wat verandert er::{sentence.removeprefix('⚠').strip()}")
    if target is None:
        return
    from generator.verslag import preview_text, report_markdown

    address = resolve(root, os.environ)
    text = report_markdown(run.report, built=built, changes=changes, preview=preview_text(os.environ, address))
    with target.open("a", encoding="utf-8") as out:
        out.write(text)


def _ids(root: Path) -> int:
    """Write the id lists for editors from the records that pass the schema."""
    from generator.catalog import build_catalog
    from generator.editorschema import FOLDER, write_editor_schemas
    from generator.load import load_project
    from generator.owners import page_owners, write_codeowners
    from generator.validate import load_schemas, validate_records

    schemas = load_schemas(root / "schema")
    loaded = load_project(root)
    valid, _ = validate_records(loaded.records, schemas)
    catalog = build_catalog(valid)
    changed = write_editor_schemas(root, catalog, schemas.documents)
    changed += write_codeowners(root, catalog, page_owners(loaded.content))
    print(
        f"{FOLDER.as_posix()}, .github/CODEOWNERS en .gitlab/CODEOWNERS: {changed} bestand(en) bijgewerkt. "
        "Zet ze mee in je commit.",
        file=sys.stderr,
    )
    return 0


def _verschil(root: Path, ref: str) -> int:
    """Print one Markdown list item per change, ready to paste into a pull request."""
    from generator.history import GitError, describe_since

    try:
        sentences = describe_since(root, ref)
    except GitError as exc:
        print(exc, file=sys.stderr)
        return 1
    for sentence in sentences:
        print(f"- {sentence}")
    if not sentences:
        print("Geen wijzigingen in de records.")
    return 0
