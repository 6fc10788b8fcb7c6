"""After the pipeline: the Dutch report a pull or merge request shows the editor who made it.

load → … → mkdocs build → pagefind, then **this report** (``--verslag FILE`` on check and build)

One Markdown text for both forges: GitHub shows it as the job summary ($GITHUB_STEP_SUMMARY),
GitLab links it in the merge request (an exposed artifact). It says whether the change can go on
the site, every problem with file and line, what changed in the records in sentences (`verschil`),
and how to look at the result. Pure: the run, the sentences and the CI environment are handed in.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.issues import Report
from generator.siteaddress import SiteAddress

MAX_ROWS = 200  # a broken import can give thousands of problems; the annotations carry them all


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _problems(report: Report) -> list[str]:
    issues = report.sorted()
    if not issues:
        return []
    lines = ["", "### Wat moet er nog gebeuren?", "", "| | Bestand | Regel | Melding |", "| --- | --- | ---: | --- |"]
    for issue in issues[:MAX_ROWS]:
        mark = "❌ fout" if issue.is_error else "⚠ waarschuwing"
        field = f"{issue.field}: " if issue.field else ""
        lines.append(f"| {mark} | `{_cell(issue.path)}` | {issue.line or ''} | {_cell(field + issue.message)} |")
    if len(issues) > MAX_ROWS:
        lines.append(f"\nEn nog {len(issues) - MAX_ROWS} meldingen; ze staan allemaal in het logboek van deze controle.")
    return lines


def preview_text(env: Mapping[str, str], address: SiteAddress) -> str:
    """How to look at the built site, for the forge this runs on."""
    local = "Of bekijk het op je eigen computer: haal de branch op (`git switch {branch}`), draai `make serve` en open http://127.0.0.1:8000."
    if env.get("GITHUB_ACTIONS") == "true":
        run = f"{env.get('GITHUB_SERVER_URL', 'https://github.com')}/{env.get('GITHUB_REPOSITORY', '')}/actions/runs/{env.get('GITHUB_RUN_ID', '')}"
        return (
            f"Download **voorbeeld-site** onder *Artifacts* op [de pagina van deze controle]({run}) en pak het zip-bestand uit. "
            + local.format(branch=env.get("GITHUB_HEAD_REF") or "jouw-branch")
        )
    if env.get("GITLAB_CI") == "true":
        branch = env.get("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME") or env.get("CI_COMMIT_REF_NAME") or "jouw-branch"
        if address.preview and address.site_url:
            return f"Het voorbeeld staat op {address.site_url} (zolang de merge request openstaat). " + local.format(
                branch=branch
            )
        return "Open **voorbeeld-site** bij de artefacten van deze merge request en pak het uit. " + local.format(branch=branch)
    return local.format(branch="jouw-branch")


def report_markdown(report: Report, *, built: bool | None, changes: list[str] | None, preview: str | None) -> str:
    """The whole report.

    Args:
        built: True/False after a build (site made or not), None after a check only.
        changes: Sentences from `verschil` (None: not asked for).
        preview: How to open the result (only shown when the site was built).
    """
    errors, warnings = len(report.errors), len(report.warnings)
    counts = f"{errors} {'fout' if errors == 1 else 'fouten'}, {warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}"
    if errors:
        verdict = f"❌ **Nog niet klaar** ({counts}). Zolang er fouten zijn, komt deze wijziging niet op de site."
    elif built is False:
        verdict = f"❌ **De site kon niet gebouwd worden** ({counts})."
    else:
        done = "de site is gebouwd" if built else "de records zijn in orde"
        verdict = f"✅ **In orde**: {done} ({counts}). Waarschuwingen houden een wijziging niet tegen."
    lines = ["## GIA Wegwijzer: controle van deze wijziging", "", verdict]
    if changes is not None:
        lines += ["", "### Wat verandert er in de records?", ""]
        lines += [f"- {c}" for c in changes] or ["Geen wijzigingen in de records."]
    lines += _problems(report)
    if built and preview:
        lines += ["", "### Bekijk het resultaat", "", preview]
    return "\n".join(lines) + "\n"
