"""Benchmark (``make bench``): `check` on real records, and synthetic catalogues of N records, measured in one run.

First `check` alone, on the real kaart and on 5,000 copies of real records of each kind (their texts,
contacts and sources, not stubs), each cold (empty cache folder) and warm (an editor's next run); targets
≤ 1 s and ≤ 2 s. Then `make serve`, on a clone and on 5,000 copies of real records (``--serve-records``):
the time to the first preview, with the most memory it held (Pagefind included), and from a save to the
changed page in the preview (target ≤ 10 s). ``--alleen-check`` stops there; ``--alleen-serve`` measures
only `make serve` on the copies. Then the build:

For each N it writes a synthetic project, then measures `check` alone, the full pipeline (render,
write, mkdocs build, Pagefind) and `mkdocs build` alone on the same generated Markdown, each in a
fresh process, plus the pipeline's peak memory and the bytes the first search query downloads.
It prints a table and, as the last line, ``bench: records=N check_s=… pipeline_s=… mkdocs_only_s=…
overhead=…`` for the largest N. Targets: overhead ≤ 1.3 and check ≤ 2 s at 5,000 records, the 5,000
build ≤ 5.5 × the 1,000 build, peak memory ≤ 2 GiB. On the real site it also measures the search's
first-query bytes and, on an emulated slow-4G phone network (tests/telefoonnet.py), the time to the
first search result (target ≤ 2 s) and to a loaded Wie-bel-ik answer page (target ≤ 1.5 s). This is a
measurement, not a test: it never fails.

The synthetic kaart grows the way a real one does: organisaties, voorzieningen and routeertafels
scale with N, while the gemeenten (two regions, 34), the vormen van geweld (25) and the begrippen
(about 200) stay the size of the real ones.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests import telefoonnet
from tests.helpers import MINI, ROOT, make_project

WORDS = [
    "hulp",
    "veiligheid",
    "gezin",
    "melding",
    "advies",
    "signalen",
    "opvang",
    "overleg",
    "regie",
    "jeugd",
    "ouderen",
    "partner",
    "zorg",
    "team",
    "aanpak",
    "preventie",
    "herstel",
    "nazorg",
    "keten",
    "lokaal",
    "regionaal",
    "expertise",
    "casus",
    "risico",
    "bescherming",
]


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def synthesise(root: Path, n: int, seed: int = 7) -> None:
    """Write a synthetic project with about ``n`` records into ``root``."""
    rng = random.Random(seed)  # noqa: S311 - synthetic test data, not security
    make_project(root, MINI)
    partners = root / "partners"
    regions = {"syn-noord": "Synthetisch Noord", "syn-zuid": "Synthetisch Zuid"}
    gemeenten = [f"gemeente-{i:02d}" for i in range(34)]
    lines = [f"id: synthetisch\nnaam: Synthetische regio\ncentrumgemeenten: [{gemeenten[0]}]\nsubregios:\n"]
    for r, (rid, rname) in enumerate(regions.items()):
        lines.append(f"  - id: {rid}\n    naam: {rname}\n    gemeenten:\n")
        for g in gemeenten[r * 17 : (r + 1) * 17]:
            lines.append(f"      - {{id: {g}, naam: {g.replace('-', ' ').title()}, cbs_code: GM{9000 + int(g[-2:]):04d}}}\n")
    lines.append("bronnen: [{document: voorbeeldvisie, regels: 1}]\n")
    (partners / "gebieden" / "synthetisch.yaml").write_text("".join(lines), encoding="utf-8")
    expertise = [f"vorm-{i:02d}" for i in range(25)]
    for i, e in enumerate(expertise):
        (partners / "expertise" / f"{e}.yaml").write_text(
            f"id: {e}\nnaam: Vorm {i}\nsoort: {'vorm-van-geweld' if i < 18 else 'doelgroep'}\nsynoniemen: [V{i}, variant {i}]\n"
            f"uitleg: {sentence(rng, 40)}\nsignalen: ['{sentence(rng, 6)}']\nlet_op: [{{tekst: '{sentence(rng, 8)}', bronnen: [{{document: voorbeeldvisie, regels: 2}}]}}]\n"
            "bronnen: [{document: voorbeeldvisie, regels: 2}]\n",
            encoding="utf-8",
        )
    n_begrip = 200 + n // 50
    for i in range(n_begrip):
        (partners / "begrippen" / f"begrip-{i:04d}.yaml").write_text(
            f"id: begrip-{i:04d}\nterm: Begrip {i} {rng.choice(WORDS)}\nafkortingen: [B{i}X]\ndefinitie: {sentence(rng, 25)}\n"
            "bronnen: [{document: voorbeeldvisie, regels: 3}]\n",
            encoding="utf-8",
        )
    rest = n - len(expertise) - n_begrip
    kinds = rng.choices(["organisaties", "voorzieningen", "routeertafels"], weights=[70, 18, 12], k=rest)
    orgs: list[str] = []
    for i, kind in enumerate(kinds):
        rid = f"{kind[:3]}-{i:05d}"
        area = rng.choice([*gemeenten, *regions, "synthetisch", "landelijk"])
        exp = ", ".join(rng.sample(expertise, 2))
        common = (
            f"id: {rid}\nnaam: {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {i}\nwerkgebied: [{area}]\n"
            f"expertise: [{exp}]\nbronnen: [{{document: voorbeeldvisie, regels: 2-3}}]\n"
        )
        if kind == "organisaties":
            orgs.append(rid)
            phone = (
                "contact:\n  telefoon:\n    - {doel: algemeen, nummer: '+31433509200', weergave: 043 350 9200, "
                "beschikbaarheid: {altijd: true}, geverifieerd: {op: 2026-10-01, door: bench, bron: 'https://example.org'}}\n"
                if i % 3 == 0
                else ""
            )
            body = (
                f"soort: welzijn\nbeschrijving: {sentence(rng, 60)}\nrol: {sentence(rng, 20)}\nook_bekend_als: [Oud {i}]\n{phone}"
            )
        elif kind == "voorzieningen":
            body = f"soort: ambulante-hulp\nbeschrijving: {sentence(rng, 50)}\nvertrouwelijk_adres: {str(i % 2 == 0).lower()}\ntoegang: {sentence(rng, 10)}\n"
        else:
            deelnemers = ", ".join(rng.sample(orgs, min(3, len(orgs))))
            body = f"doel: {sentence(rng, 30)}\ninstroomcriteria: ['{sentence(rng, 8)}']\ndeelnemers: [{deelnemers}]\n"
        (partners / kind / f"{rid}.yaml").write_text(common + body, encoding="utf-8")


# Kinds whose records are copied to make a large realistic kaart; gebieden, documenten and the agenda
# stay as they are (a copy would repeat gemeente ids, document files and activity ids).
ID_LINE = re.compile(r"^id: .*$", re.MULTILINE)
COPIED = (
    "organisaties",
    "voorzieningen",
    "routeertafels",
    "ketenroutes",
    "begrippen",
    "expertise",
    "beslissingen",
    "beroepsgroepen",
)
# For a built site: the kinds a larger region has more of. It does not have nine times the vormen van
# geweld, beslissingen or beroepsgroepen; copying those would multiply every Wie-bel-ik answer page
# (vormen x urgenties x gemeenten) with the square of the copies, which no real kaart does.
GROWING = ("organisaties", "voorzieningen", "routeertafels", "ketenroutes", "begrippen")


def copy_real(root: Path, n: int, kinds: tuple[str, ...] = COPIED) -> int:
    """A project of about ``n`` records made of copies of the real records of each kind, in the real proportions.

    Each copy gets its own id (and file name); its text, contact data, sources and references stay those of
    the real record, so `check` does the same work per record as on the real kaart. Returns the record count.
    """
    for part in ("partners", "content", "schema", "overrides", "mkdocs.yml"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, root / part)
    files = {kind: sorted((ROOT / "partners" / kind).glob("*.yaml")) for kind in kinds}
    total = sum(1 for _ in (ROOT / "partners").glob("*/*.yaml"))
    copies = max(0, -(-(n - total) // sum(len(f) for f in files.values())))  # rounds up
    for kind, paths in files.items():
        for path in paths:
            text = path.read_text(encoding="utf-8")
            for k in range(1, copies + 1):
                rid = f"{path.stem}-kopie-{k}"
                (root / "partners" / kind / f"{rid}.yaml").write_text(ID_LINE.sub(f"id: {rid}", text, count=1), encoding="utf-8")
    return sum(1 for _ in (root / "partners").glob("*/*.yaml"))


def check_times(work: Path, n: int) -> list[tuple[str, int, float, float, float, float]]:
    """`check` on the real kaart and on ``n`` copies of real records.

    Per project: (what, records, cold wall s, cold CPU s, warm wall s, warm CPU s). Cold is the first run with
    an empty cache folder (a fresh clone, or a changed schema or parser); warm is the best of the next two, an
    editor's loop of edit and check. CPU time is the better figure on a busy machine.
    """
    out = []
    for label, root in (("echt", ROOT), (f"{n} kopieën", work / "kopie")):
        count = copy_real(root, n) if root != ROOT else sum(1 for _ in (ROOT / "partners").glob("*/*.yaml"))
        env = {**os.environ, "XDG_CACHE_HOME": str(work / f"cache-{len(out)}")}
        args = [sys.executable, "-m", "generator", "--root", str(root), "check"]
        cold = timed_cpu(args, ROOT, env)
        warm = min(timed_cpu(args, ROOT, env) for _ in range(2))
        out.append((label, count, *cold, *warm))
    return out


def timed_cpu(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one command in a fresh process; CPU time says more on a busy machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def tree_rss_mb(pid: int) -> int:
    """Resident memory of a process and all its descendants (Pagefind runs as a child), in MiB; 0 once gone."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text(encoding="utf-8")
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text(encoding="utf-8").split())
        except (OSError, ValueError):
            continue  # ended between listing and looking
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total // 1024


def cpu_s(pid: int) -> float:
    """CPU seconds a process used so far, with its children that ended (Pagefind)."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


Served = tuple[float, float, float, float, int]


def serve_loop(root: Path, record: Path, old: str, new: str, page: Path, shows: str) -> Served:
    """`make serve` on project ``root``: seconds to the first preview (wall, CPU), from a save to its page (wall,
    CPU), and peak MiB.

    The save replaces ``old`` by ``new`` in ``record``, as an editor would; the time runs until ``page`` (in the
    preview) shows ``shows``. Peak memory is the most the serve process and its children (Pagefind) held at once,
    sampled five times a second over the first build and the save.
    """
    import socket
    import threading

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = [sys.executable, "-m", "generator", "--root", str(root), "serve", "--port", str(port)]
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], tree_rss_mb(proc.pid))

    lines: list[str] = []
    serving = threading.Event()

    def read() -> None:  # all of stderr, so a long list of warnings never blocks the serve process on a full pipe
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line)
            if "Het voorbeeld draait op" in line:
                serving.set()

    threads = [threading.Thread(target=sample, daemon=True), threading.Thread(target=read, daemon=True)]
    for thread in threads:
        thread.start()
    try:
        while not serving.wait(0.5):
            if proc.poll() is not None:
                raise RuntimeError("make serve stopte voor het eerste voorbeeld klaar was:\n" + "".join(lines[-20:]))
        first, first_cpu = time.perf_counter() - start, cpu_s(proc.pid)
        if not page.is_file():
            raise RuntimeError("het eerste voorbeeld mislukte:\n" + "".join(lines[-20:]))
        text = record.read_text(encoding="utf-8")
        assert old in text, f"{old!r} staat niet in {record}"
        record.write_text(text.replace(old, new, 1), encoding="utf-8")
        saved = time.perf_counter()
        while shows not in page.read_text(encoding="utf-8"):
            if time.perf_counter() - saved > 600:
                raise RuntimeError("het voorbeeld toonde de wijziging niet binnen 10 minuten")
            time.sleep(0.1)
        return first, first_cpu, time.perf_counter() - saved, cpu_s(proc.pid) - first_cpu, peak[0]
    finally:
        done.set()
        proc.terminate()
        proc.wait(timeout=120)
        for thread in threads:
            thread.join()


def save_to_page(work: Path) -> Served:
    """`make serve` on a clone of this repository; the save renames the politie (its page, and ~800 that name it).

    A clone, so the history (wijzigingen page) is read as in the real loop.
    """
    clone = work / "serve"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    return serve_loop(
        clone,
        clone / "partners" / "organisaties" / "politie.yaml",
        "naam: Politie\n",
        "naam: Politie Bench\n",
        clone / ".build" / "voorbeeld" / "organisaties" / "politie" / "index.html",
        "Politie Bench",
    )


def save_to_page_copies(work: Path, n: int) -> tuple[int, Served]:
    """`make serve` on about ``n`` records, copies of real records of the `GROWING` kinds, in a git repository.

    The save renames the politie, as on the real data. Returns the record count and the `serve_loop` figures.
    """
    root = work / "serve-kopie"
    count = copy_real(root, n, GROWING)
    git = ["git", "-C", str(root), "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "kopieën"], check=True)
    served = serve_loop(
        root,
        root / "partners" / "organisaties" / "politie.yaml",
        "naam: Politie\n",
        "naam: Politie Bench\n",
        root / ".build" / "voorbeeld" / "organisaties" / "politie" / "index.html",
        "Politie Bench",
    )
    return count, served


def serve_line(what: str, served: Served) -> str:
    """One bench line for `make serve`."""
    first, first_cpu, save, save_cpu, peak = served
    return (
        f"make serve ({what}): eerste voorbeeld na {first:.1f} s, cpu {first_cpu:.1f} s, piekgeheugen {peak} MiB; "
        f"opslaan → pagina {save:.1f} s, cpu {save_cpu:.1f} s (doel ≤ 10 s)"
    )


def timed(args: list[str], cwd: Path) -> tuple[float, int]:
    """Run a command in a fresh process; return (seconds, peak RSS of that process in MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    if proc.returncode != 0:
        raise RuntimeError(err[-3000:])
    return seconds, usage


def search_bytes(site: Path, query: str) -> tuple[int, int]:
    """Bytes the first search on ``site`` downloads: (index data, WASM), in real Chromium.

    Index data is everything Pagefind fetches except its scripts and its WebAssembly engine, which a
    browser loads once and caches: the entry file, metadata, index chunks, filters and fragments.
    """
    import threading

    from playwright.sync_api import sync_playwright

    from generator.serve import make_server
    from tests.browser.support import CHROMIUM, CHROMIUM_ARGS

    server = make_server(site, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sizes: dict[str, int] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on(
                "requestfinished", lambda r: sizes.__setitem__(r.url, len(r.response().body())) if "/pagefind/" in r.url else None
            )
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/zoeken/?q={query}")
            page.wait_for_selector(".gia-resultaat, .gia-zoekstatus:has-text('Geen')")
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    index = sum(size for url, size in sizes.items() if not url.endswith(".js") and "wasm" not in url)
    wasm = sum(size for url, size in sizes.items() if "wasm" in url)
    return index, wasm


def measure(n: int, work: Path) -> dict[str, float]:
    root = work / f"n{n}"
    synthesise(root, n)
    py = sys.executable
    env_root = ["--root", str(root)]
    check_s, _ = timed([py, "-m", "generator", *env_root, "check"], ROOT)
    pipeline_s, peak = timed([py, "-m", "generator", *env_root, "build"], ROOT)
    mkdocs_s, _ = timed(
        [py, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(work / "only")], root
    )
    pages = sum(1 for _ in (root / ".build" / "docs").rglob("*.md"))
    index_bytes, wasm_bytes = search_bytes(root / "site", "preventie veiligheid")
    return {
        "search_kb": index_bytes / 1024,
        "wasm_kb": wasm_bytes / 1024,
        "records": n,
        "pages": pages,
        "check_s": check_s,
        "pipeline_s": pipeline_s,
        "mkdocs_only_s": mkdocs_s,
        "overhead": pipeline_s / mkdocs_s,
        "peak_mb": peak,
    }


REAL_QUERIES = (
    "eergerelateerd geweld",
    "AMHK",
    "wie bel ik bij huwelijksdwang",
    "MEE Zuid Limburg",
    "Raad voor de Kinderbescherming",
    "Veilig Thuis",
)


def real_site_search(work: Path) -> list[tuple[str, float]]:
    """First-query index bytes on the real site (built from a copy of this repository), per query."""
    root = work / "echt"
    for part in ("partners", "content", "schema", "overrides", "mkdocs.yml"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, root / part)
    timed([sys.executable, "-m", "generator", "--root", str(root), "build"], ROOT)
    return [(q, search_bytes(root / "site", q.replace(" ", "+"))[0] / 1024) for q in REAL_QUERIES]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000])
    parser.add_argument(
        "--alleen-check", action="store_true", help="meet alleen check en de lus van make serve (echte records en 5.000 kopieën)"
    )
    parser.add_argument(
        "--serve-records", type=int, default=5000, help="aantal records voor de lus van make serve op kopieën (standaard 5000)"
    )
    parser.add_argument("--alleen-serve", action="store_true", help="meet alleen de lus van make serve op kopieën")
    args = parser.parse_args()
    if args.alleen_serve:
        with tempfile.TemporaryDirectory() as tmp:
            count, served = save_to_page_copies(Path(tmp), args.serve_records)
        print(serve_line(f"{count} records, kopieën", served))
        return
    with tempfile.TemporaryDirectory() as tmp:
        for label, count, cold, cold_cpu, warm, warm_cpu in check_times(Path(tmp), 5000):
            goal = 1.0 if label == "echt" else 2.0
            print(
                f"check {label} ({count} records): {warm:.2f} s, cpu {warm_cpu:.2f} s (doel ≤ {goal:.0f} s); "
                f"eerste keer, lege cache: {cold:.2f} s, cpu {cold_cpu:.2f} s"
            )
        print(serve_line("echte records", save_to_page(Path(tmp))))
        count, served = save_to_page_copies(Path(tmp), args.serve_records)
        print(serve_line(f"{count} records, kopieën", served))
    if args.alleen_check:
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            rows.append(measure(n, Path(tmp)))
    print(
        f"{'records':>8} {'pages':>7} {'check_s':>8} {'pipeline_s':>11} {'mkdocs_only_s':>14} {'overhead':>9} {'peak_MiB':>9} "
        f"{'zoek_KB':>8} {'wasm_KB':>8}"
    )
    for r in rows:
        print(
            f"{r['records']:>8} {r['pages']:>7} {r['check_s']:>8.2f} {r['pipeline_s']:>11.2f} {r['mkdocs_only_s']:>14.2f} "
            f"{r['overhead']:>9.2f} {r['peak_mb']:>9} {r['search_kb']:>8.0f} {r['wasm_kb']:>8.0f}"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        ratio = last["pipeline_s"] / first["pipeline_s"]
        print(
            f"schaal: {last['records']}/{first['records']} records → build {ratio:.2f}× (doel ≤ {5.5 * last['records'] / 5000 / (first['records'] / 1000):.1f}×)"
        )
    with tempfile.TemporaryDirectory() as tmp:
        real = real_site_search(Path(tmp))
        phone = telefoonnet.report(Path(tmp) / "echt" / "site")
    print(
        "zoeken op de echte site, eerste vraag (index-KB, zonder scripts en WASM): "
        + ", ".join(f"{q!r} {kb:.0f}" for q, kb in real)
        + f"; hoogste {max(kb for _, kb in real):.0f} (doel ≤ 150)"
    )
    print(phone)
    last = rows[-1]
    print(
        f"bench: records={last['records']} check_s={last['check_s']:.2f} pipeline_s={last['pipeline_s']:.2f} "
        f"mkdocs_only_s={last['mkdocs_only_s']:.2f} overhead={last['overhead']:.2f}"
    )


if __name__ == "__main__":
    main()
