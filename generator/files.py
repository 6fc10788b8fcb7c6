"""Part of stage 1 (load): which files the generator reads at all.

Records and pages come from pull requests, and a pull request can add more than text: a symbolic
link ``content/zz.md → ../.git/config`` would publish the checkout's credentials, one to ``/dev/zero``
would hang the build, and a 20 MB record costs 20 seconds and a gigabyte. So before anything is
read, every file is looked at without following it: only regular files inside the project, no
symbolic links (in the file or in a folder on its way), and no file over its size limit. A refused
file is reported with its own path and never opened, so nothing of its content (or of where a link
points) can reach the report, the logs or the site.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from generator.issues import Issue

# A record is a few kilobytes; the largest real one is ~40 kB. Source texts are whole documents.
MAX_RECORD_BYTES = 1_000_000
MAX_TEXT_BYTES = 10_000_000
# Deepest real record: contact.telefoon[0].beschikbaarheid.tijden[0].dagen[0] (7 levels).
MAX_DEPTH = 20


def refusal(root: Path, path: Path, limit: int) -> Issue | None:
    """Why ``path`` may not be read (an issue at the file), or None when it is a regular file within limits."""
    rel = path.relative_to(root).as_posix()
    info = path.stat(follow_symlinks=False)
    if stat.S_ISLNK(info.st_mode):
        return Issue(
            rel,
            1,
            1,
            "geen-gewoon-bestand",
            "",
            "Dit is een snelkoppeling (symbolische link) naar iets anders. De generator leest alleen gewone "
            "bestanden en mappen en slaat dit over. Zet het bestand zelf in de repository in plaats van een koppeling.",
        )
    if not stat.S_ISREG(info.st_mode):
        return Issue(rel, 1, 1, "geen-gewoon-bestand", "", "Dit is geen gewoon bestand. Zet hier alleen tekstbestanden neer.")
    if info.st_size > limit:
        return Issue(
            rel,
            1,
            1,
            "bestand-te-groot",
            "",
            f"Dit bestand is {info.st_size / 1_000_000:.1f} MB; hier mag een bestand hoogstens "
            f"{limit // 1_000_000} MB zijn. Een record is meestal een paar kilobyte: haal overbodige tekst weg of "
            f"verdeel het over meer records.",
        )
    return None


def project_files(root: Path, folder: Path, suffix: str, *, recursive: bool) -> Iterator[Path]:
    """Paths ending in ``suffix`` in ``folder`` (and below when ``recursive``), sorted, links not followed.

    A symbolically linked folder, ``folder`` itself or one on the way to it from ``root``, is listed as
    an entry (so `refusal` reports it) and never entered.
    """
    for step in (*reversed(folder.relative_to(root).parents[:-1]), folder.relative_to(root)):
        if (root / step).is_symlink():
            yield root / step
            return
    if not folder.is_dir():
        return
    found: list[Path] = []
    for current, dirs, names in os.walk(folder, followlinks=False):
        base = Path(current)
        linked = [d for d in dirs if (base / d).is_symlink()]
        found += [base / d for d in linked if recursive or d.endswith(suffix)]
        dirs[:] = sorted(d for d in dirs if d not in linked) if recursive else []
        found += [base / n for n in names if n.endswith(suffix)]
    yield from sorted(found)


# The source documents are not ours, so they are not in the repository: developers and CI have them next
# to the checkout (../shared/seeds); GIA_BRONTEKSTEN points elsewhere. A build never needs them.
TEXTS_ENV = "GIA_BRONTEKSTEN"
GENERATOR_ROOT = Path(__file__).resolve().parent.parent


def texts_folder(root: Path) -> Path | None:
    """Where the source texts are: $GIA_BRONTEKSTEN, else ../shared/seeds next to the project or this generator."""
    configured = os.environ.get(TEXTS_ENV)
    if configured:
        folder = Path(configured)
        return folder if folder.is_dir() else None
    for base in (root, GENERATOR_ROOT):
        folder = base.parent / "shared" / "seeds"
        if folder.is_dir():
            return folder
    return None
