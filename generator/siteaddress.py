"""Where the site lives and where its data can be changed: the one place that decides both.

Part of loading the project (configuration, not records): the CLI resolves a `SiteAddress` once
and the pipeline passes it on, so MkDocs (``site_url``, ``repo_url``), canonical links, the
sitemap, robots.txt, the feed, the edit links and the "meld een fout" form all agree.

Order, first hit wins per field: explicit environment (``GIA_SITE_URL``, ``GIA_REPO_URL``,
``GIA_FORGE``, ``GIA_BRANCH``, ``GIA_VOORBEELD``), the forge's own CI variables (GitHub Actions:
``GITHUB_SERVER_URL``/``GITHUB_REPOSITORY``; GitLab CI: ``CI_PAGES_URL``, ``CI_PROJECT_URL``,
``CI_DEFAULT_BRANCH``), then ``site_url``/``repo_url`` (and ``extra.forge``/``extra.branch``) in
``mkdocs.yml``. With none of them a local build still works: relative links, no canonical, and the
footer names the file that holds a page's data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import yaml

FORGES = ("github", "gitlab")
# Issue form (GitHub) and description template (GitLab) for "meld een fout"; tests keep them in step.
REPORT_FORM = "fout-melden.yml"
REPORT_TEMPLATE = "fout-melden"
REPORT_QUESTIONS = (
    "\n\n## Wat klopt er niet?\n\n\n\n"
    "## Wat is het juiste gegeven, en waar komt het vandaan?\n\n"
    "Bijvoorbeeld de website van de organisatie (met de datum waarop je keek) of een telefoongesprek.\n\n"
    "Schrijf hier geen namen of gegevens van cliënten of andere betrokkenen.\n"
)
_QUOTED_QUESTIONS = quote(REPORT_QUESTIONS, safe="")  # the same for every page: quoted once


@dataclass(frozen=True, slots=True)
class SiteAddress:
    """The site's own absolute URL and its repository, when known.

    Attributes:
        site_url: Absolute URL of the site root, ending in ``/`` (None: a local build).
        repo_url: Web address of the repository, without trailing ``/``.
        forge: ``github`` or ``gitlab`` (None when unknown: no edit links then).
        branch: Branch that editors change through the web editor.
        preview: A preview build (pull/merge request): every page asks search engines to stay away.
    """

    site_url: str | None = None
    repo_url: str | None = None
    forge: str | None = None
    branch: str = "main"
    preview: bool = False

    def page_url(self, docs_path: str) -> str | None:
        """Absolute URL of a docs page ('organisaties/x.md' → '<site>/organisaties/x/'), None without a site URL."""
        return None if self.site_url is None else _page_url(self.site_url, docs_path)

    def file_url(self, name: str) -> str | None:
        """Absolute URL of a file at the site root ('sitemap.xml'), None without a site URL."""
        return None if self.site_url is None else self.site_url + quote(name)

    def robots_txt(self) -> str:
        """robots.txt: everything may be read (noindex pages must be read to be left out); the sitemap's address."""
        lines = ["# GIA Wegwijzer", "User-agent: *", "Disallow: /" if self.preview else "Allow: /"]
        sitemap = self.file_url("sitemap.xml")
        if sitemap and not self.preview:
            lines.append(f"Sitemap: {sitemap}")
        return "\n".join(lines) + "\n"

    @property
    def can_edit(self) -> bool:
        """True when edit and report links can be made (a known repository on a known forge)."""
        return self.repo_url is not None and self.forge in FORGES

    def edit_url(self, path: str) -> str | None:
        """The forge's web editor for one file of the repository ('partners/organisaties/x.yaml')."""
        if not self.can_edit:
            return None
        middle = "/edit/" if self.forge == "github" else "/-/edit/"
        return f"{self.repo_url}{middle}{quote(self.branch)}/{quote(path)}"

    def report_url(self, title: str, page: str | None, path: str | None) -> str | None:
        """A new-issue form, prefilled with the page's name and address (and its file, for the editors)."""
        if not self.can_edit:
            return None
        where = page or title
        if self.forge == "github":
            # Issue forms take field values by the field's id (see .github/ISSUE_TEMPLATE/fout-melden.yml).
            fields = {"template": REPORT_FORM, "title": f"Fout op de pagina ‘{title}’", "pagina": where}
            if path:
                fields["bestand"] = path
            return f"{self.repo_url}/issues/new?{urlencode(fields, quote_via=quote)}"
        # The description carries the whole form: GitLab versions differ in whether a template or
        # a prefilled description wins when both are given, so only the description is sent.
        head = f"Pagina: {where}" + (f"\nBestand (voor de redactie): {path}" if path else "")
        query = urlencode({"issue[title]": f"Fout op de pagina ‘{title}’"}, quote_via=quote)
        return f"{self.repo_url}/-/issues/new?{query}&issue%5Bdescription%5D={quote(head, safe='')}{_QUOTED_QUESTIONS}"


@cache
def _page_url(site_url: str, docs_path: str) -> str:
    """Cached: every page names its own address and those of the pages above it (breadcrumbs)."""
    stem = docs_path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
    else:
        stem += "/"
    return site_url + quote(stem)


def _absolute(url: str | None, *, slash: bool) -> str | None:
    """``url`` when it is an absolute http(s) address (with or without a trailing slash), else None."""
    if not url:
        return None
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    url = url.rstrip("/")
    return url + "/" if slash else url


def _forge_of(repo_url: str | None) -> str | None:
    host = (urlsplit(repo_url).hostname or "") if repo_url else ""
    if host == "github.com" or host.startswith("github."):
        return "github"
    if "gitlab" in host:
        return "gitlab"
    return None


def _mkdocs_settings(root: Path) -> dict[str, Any]:
    """``site_url``, ``repo_url`` and ``extra`` from mkdocs.yml (MkDocs' own tags are skipped, not run)."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    path = root / "mkdocs.yml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def resolve(root: Path, env: Mapping[str, str]) -> SiteAddress:
    """The site's address from the environment, the forge's CI variables or mkdocs.yml (in that order)."""
    settings = _mkdocs_settings(root)
    found = settings.get("extra")
    extra: dict[str, Any] = found if isinstance(found, dict) else {}
    github = env.get("GITHUB_ACTIONS") == "true" and env.get("GITHUB_REPOSITORY")
    gitlab = env.get("GITLAB_CI") == "true"

    site = _absolute(env.get("GIA_SITE_URL"), slash=True)
    if site is None and gitlab:
        site = _absolute(env.get("CI_PAGES_URL"), slash=True)
    if site is None:
        site = _absolute(str(settings.get("site_url") or ""), slash=True)

    repo = _absolute(env.get("GIA_REPO_URL"), slash=False)
    if repo is None and github:
        repo = _absolute(f"{env.get('GITHUB_SERVER_URL', 'https://github.com')}/{env['GITHUB_REPOSITORY']}", slash=False)
    if repo is None and gitlab:
        repo = _absolute(env.get("CI_PROJECT_URL"), slash=False)
    if repo is None:
        repo = _absolute(str(settings.get("repo_url") or ""), slash=False)

    forge = env.get("GIA_FORGE") or ("github" if github else "gitlab" if gitlab else None)
    forge = forge or _forge_of(repo) or (str(extra.get("forge")) if extra.get("forge") else None)
    branch = env.get("GIA_BRANCH") or (env.get("CI_DEFAULT_BRANCH") if gitlab else None) or str(extra.get("branch") or "main")
    preview = env.get("GIA_VOORBEELD", "").lower() in ("1", "ja", "true")
    return SiteAddress(site, repo, forge if forge in FORGES else None, branch, preview)
