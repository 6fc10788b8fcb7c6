"""The site's own address: where it comes from (environment, forge CI, mkdocs.yml) and the links made from it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from generator.siteaddress import REPORT_FORM, REPORT_QUESTIONS, SiteAddress, resolve
from tests.helpers import ROOT

GITHUB_CI = {"GITHUB_ACTIONS": "true", "GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "gemeente/gia"}
GITLAB_CI = {
    "GITLAB_CI": "true",
    "CI_PAGES_URL": "https://gemeente.gitlab.io/gia",
    "CI_PROJECT_URL": "https://gitlab.com/gemeente/gia",
    "CI_DEFAULT_BRANCH": "hoofd",
}


def _mkdocs(tmp_path: Path, extra: str = "") -> Path:
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8") + extra, encoding="utf-8")
    return tmp_path


def test_a_local_build_knows_no_address(tmp_path: Path) -> None:
    address = resolve(_mkdocs(tmp_path), {})
    assert address == SiteAddress()
    assert address.page_url("organisaties/x.md") is None
    assert address.edit_url("partners/organisaties/x.yaml") is None
    assert address.report_url("X", None, None) is None


def test_github_actions_gives_the_repository_and_the_deploy_job_the_site(tmp_path: Path) -> None:
    root = _mkdocs(tmp_path)
    pr = resolve(root, GITHUB_CI)
    assert (pr.site_url, pr.repo_url, pr.forge, pr.branch) == (None, "https://github.com/gemeente/gia", "github", "main")
    deploy = resolve(root, {**GITHUB_CI, "GIA_SITE_URL": "https://gemeente.github.io/gia", "GIA_BRANCH": "hoofd"})
    assert deploy.site_url == "https://gemeente.github.io/gia/"
    assert (
        deploy.edit_url("partners/organisaties/politie.yaml")
        == "https://github.com/gemeente/gia/edit/hoofd/partners/organisaties/politie.yaml"
    )


def test_gitlab_ci_gives_site_repository_and_default_branch(tmp_path: Path) -> None:
    address = resolve(_mkdocs(tmp_path), GITLAB_CI)
    assert address == SiteAddress("https://gemeente.gitlab.io/gia/", "https://gitlab.com/gemeente/gia", "gitlab", "hoofd")
    assert address.page_url("index.md") == "https://gemeente.gitlab.io/gia/"
    assert address.page_url("organisaties/index.md") == "https://gemeente.gitlab.io/gia/organisaties/"
    assert address.page_url("wie-bel-ik/partnergeweld/acuut/sittard-geleen.md") == (
        "https://gemeente.gitlab.io/gia/wie-bel-ik/partnergeweld/acuut/sittard-geleen/"
    )
    assert (
        address.edit_url("partners/organisaties/x.yaml")
        == "https://gitlab.com/gemeente/gia/-/edit/hoofd/partners/organisaties/x.yaml"
    )


def test_explicit_environment_wins_over_ci_and_ci_over_mkdocs_yml(tmp_path: Path) -> None:
    root = _mkdocs(tmp_path, "site_url: https://kaart.example.nl/\nrepo_url: https://git.example.nl/gia\n")
    assert resolve(root, {}).site_url == "https://kaart.example.nl/"
    assert resolve(root, {}).forge is None  # unknown host: no edit links rather than wrong ones
    assert resolve(root, GITLAB_CI).site_url == "https://gemeente.gitlab.io/gia/"
    explicit = resolve(root, {**GITLAB_CI, "GIA_SITE_URL": "https://gia.example.nl", "GIA_FORGE": "gitlab"})
    assert explicit.site_url == "https://gia.example.nl/"
    assert resolve(root, {"GIA_REPO_URL": "https://git.example.nl/gia", "GIA_FORGE": "gitlab"}).can_edit


def test_a_value_that_is_no_web_address_is_ignored(tmp_path: Path) -> None:
    root = _mkdocs(tmp_path)
    assert resolve(root, {"GIA_SITE_URL": "javascript:alert(1)"}).site_url is None
    assert resolve(root, {"GIA_SITE_URL": "/gia/"}).site_url is None
    assert resolve(root, {"GIA_VOORBEELD": "ja"}).preview


def test_report_link_prefills_the_github_issue_form_by_field_id() -> None:
    address = SiteAddress("https://s.example/", "https://github.com/gemeente/gia", "github")
    url = address.report_url("Politie & zo", "https://s.example/organisaties/politie/", "partners/organisaties/politie.yaml")
    assert url is not None
    query = parse_qs(urlsplit(url).query)
    assert urlsplit(url).path == "/gemeente/gia/issues/new"
    assert query["template"] == [REPORT_FORM]
    assert query["title"] == ["Fout op de pagina ‘Politie & zo’"]
    assert query["pagina"] == ["https://s.example/organisaties/politie/"]
    assert query["bestand"] == ["partners/organisaties/politie.yaml"]
    form = (ROOT / ".github" / "ISSUE_TEMPLATE" / REPORT_FORM).read_text(encoding="utf-8")
    assert "id: pagina" in form
    assert "id: bestand" in form


def test_report_link_on_gitlab_carries_the_whole_form_in_the_description() -> None:
    address = SiteAddress("https://s.example/", "https://gitlab.com/gemeente/gia", "gitlab")
    url = address.report_url("Begrippen", "https://s.example/begrippen/", None)
    assert url is not None
    query = parse_qs(urlsplit(url).query)
    assert urlsplit(url).path == "/gemeente/gia/-/issues/new"
    description = query["issue[description]"][0]
    assert description.startswith("Pagina: https://s.example/begrippen/\n")
    assert "Bestand" not in description
    template = (ROOT / ".gitlab" / "issue_templates" / "fout-melden.md").read_text(encoding="utf-8")
    for heading in (line for line in REPORT_QUESTIONS.splitlines() if line.startswith("## ")):
        assert heading in template  # the link and the template ask the same questions
