"""Part of stage 3 (model/catalog): the ids an editor may choose from, per id list of the schemas.

load → validate → **model/catalog** → check → render → write → mkdocs build → pagefind

A field that names another record says so in the schema (``x-ids``, see `generator.schemawalk`):
the kind folders it may name, or one of the area lists (``@gebied``, ``@gemeente`` …) that live
inside ``partners/gebieden``. This module answers "which ids are there?" for each of those lists
from the catalogue, for the scaffold (ids next to the fields that need them) and for the id lists
of editors' schemas (`generator.editorschema`). Sorted, so the output is the same on every run.
"""

from __future__ import annotations

from generator.catalog import Catalog
from generator.kinds import ACTOR_ROLES, KINDS, LANDELIJK


def id_lists(catalog: Catalog) -> dict[str, list[str]]:
    """Every id list by its name in ``x-ids``: kind folders and the ``@`` area and role lists."""
    lists = {folder: sorted(catalog.of(folder)) for folder in KINDS}
    regios = sorted(catalog.of("gebieden"))
    lists["@regio"] = [*regios, LANDELIJK]
    lists["@subregio"] = sorted(catalog.subregios)
    lists["@gemeente"] = sorted(catalog.gemeenten)
    lists["@gebied"] = [*regios, *lists["@subregio"], *lists["@gemeente"], LANDELIJK]
    lists["@rol"] = list(ACTOR_ROLES)
    return lists


def choices(lists: dict[str, list[str]], kinds: tuple[str, ...]) -> list[str]:
    """The ids a field annotated with ``kinds`` may hold, without repeats, in list order."""
    return list(dict.fromkeys(rid for kind in kinds for rid in lists.get(kind, ())))
