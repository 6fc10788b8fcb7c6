"""Owners are records: a record names its owner by id, CODEOWNERS is made from them, check keeps it honest."""

from __future__ import annotations

from pathlib import Path

from generator.cli import main
from generator.issues import Issue
from generator.owners import codeowners
from generator.pipeline import check_project
from tests.helpers import TODAY, catalog_of

OWNERS = {
    "redactie": "id: redactie\nnaam: Redactie\nstandaard: true\ngithub: ['@org/redactie']\ngitlab: ['@groep/redactie']\n",
    "team-noord": "id: team-noord\nnaam: Team Noord\ngithub: ['@org/noord', '@beleid-noord']\n",
    "team-zuid": "id: team-zuid\nnaam: Team Zuid\n",
}


def with_owners(root: Path, owners: dict[str, str] = OWNERS) -> Path:
    folder = root / "partners" / "eigenaars"
    folder.mkdir(exist_ok=True)
    for rid, text in owners.items():
        (folder / f"{rid}.yaml").write_text(text, encoding="utf-8")
    return root


def give_owner(root: Path, record: str, owner: str) -> None:
    path = root / "partners" / record
    path.write_text(path.read_text(encoding="utf-8") + f"eigenaar: {owner}\n", encoding="utf-8")


def issues(root: Path, *codes: str) -> list[Issue]:
    return [i for i in check_project(root, TODAY).report.issues if i.code in codes]


def test_codeowners_names_the_standaard_first_and_records_with_their_own_owner_after_it(mini: Path) -> None:
    with_owners(mini)
    give_owner(mini, "organisaties/politie.yaml", "team-noord")
    give_owner(mini, "voorzieningen/opvang-voorbeeld.yaml", "team-zuid")  # no accounts: the standaard reviews it
    github = codeowners(catalog_of(mini), "github")
    rules = [line for line in github.splitlines() if line and not line.startswith("#")]
    # CODEOWNERS: the last matching line wins, so the specific file must come after /partners/.
    assert rules == [
        "/partners/ @org/redactie",
        "/content/ @org/redactie",
        "/partners/organisaties/politie.yaml @org/noord @beleid-noord",
    ]
    assert "# Nog zonder accounts op github: Team Zuid, Testredactie." in github
    gitlab = codeowners(catalog_of(mini), "gitlab")
    assert [line for line in gitlab.splitlines() if line and not line.startswith("#")] == [
        "/partners/ @groep/redactie",
        "/content/ @groep/redactie",
    ]
    assert "Nog zonder accounts op gitlab: Team Noord, Team Zuid, Testredactie." in gitlab


def test_an_unknown_owner_is_an_unknown_id_with_a_suggestion(mini: Path) -> None:
    with_owners(mini)
    give_owner(mini, "organisaties/politie.yaml", "team-nord")
    found = issues(mini, "onbekend-id")
    assert [(i.path, i.field) for i in found] == [("partners/organisaties/politie.yaml", "eigenaar")]
    assert "Er is geen eigenaar met id 'team-nord' (gezocht in partners/eigenaars). Bedoelde je 'team-noord'?" in found[0].message
    line = (mini / "partners" / "organisaties" / "politie.yaml").read_text(encoding="utf-8").splitlines()[found[0].line - 1]
    assert line == "eigenaar: team-nord"


def test_one_standaard_owner_at_most(mini: Path) -> None:
    with_owners(mini, {**OWNERS, "team-zuid": "id: team-zuid\nnaam: Team Zuid\nstandaard: true\n"})
    found = issues(mini, "dubbele-standaard")
    assert [(i.path, i.field, i.line) for i in found] == [("partners/eigenaars/team-zuid.yaml", "standaard", 3)]


def test_check_warns_when_codeowners_lags_behind_and_ids_brings_it_up_to_date(mini: Path) -> None:
    with_owners(mini)
    assert main(["--root", str(mini), "ids"]) == 0
    assert (mini / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == codeowners(catalog_of(mini), "github")
    assert issues(mini, "codeowners-verouderd") == []
    give_owner(mini, "organisaties/politie.yaml", "team-noord")
    stale = issues(mini, "codeowners-verouderd")
    assert [(i.path, i.is_error) for i in stale] == [(".github/CODEOWNERS", False)]  # GitLab's line did not change
    assert "make ids" in stale[0].message
    assert main(["--root", str(mini), "ids"]) == 0
    assert issues(mini, "codeowners-verouderd") == []


def set_page_owner(root: Path, page: str, owner: str) -> Path:
    path = root / "content" / page
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\neigenaar: ", 1)
    path.write_text(f"{head}\neigenaar: {owner}\n{rest.split(chr(10), 1)[1]}", encoding="utf-8")
    return path


def test_a_page_with_its_own_owner_asks_that_owner_to_review_it(mini: Path) -> None:
    with_owners(mini)
    set_page_owner(mini, "onboarding/index.md", "team-noord")
    set_page_owner(mini, "privacy.md", "team-zuid")  # no accounts: the standaard's /content/ line covers it
    assert main(["--root", str(mini), "ids"]) == 0
    github = (mini / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    rules = [line for line in github.splitlines() if line and not line.startswith("#")]
    assert rules[-1] == "/content/onboarding/index.md @org/noord @beleid-noord"
    assert rules.index("/content/ @org/redactie") < len(rules) - 1  # last match wins: the page's own line comes later
    assert not any("privacy.md" in rule for rule in rules)
    assert issues(mini, "codeowners-verouderd") == []
    set_page_owner(mini, "onboarding/index.md", "redactie")
    assert [i.path for i in issues(mini, "codeowners-verouderd")] == [".github/CODEOWNERS"]


def test_an_unknown_page_owner_is_an_unknown_id_at_its_line(mini: Path) -> None:
    with_owners(mini)
    path = set_page_owner(mini, "over.md", "team-nord")
    found = [i for i in issues(mini, "onbekend-id") if i.field == "eigenaar"]
    assert [i.path for i in found] == ["content/over.md"]
    assert "Er is geen eigenaar met id 'team-nord' (gezocht in partners/eigenaars). Bedoelde je 'team-noord'?" in found[0].message
    assert path.read_text(encoding="utf-8").splitlines()[found[0].line - 1] == "eigenaar: team-nord"
