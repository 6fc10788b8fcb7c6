"""The record kinds of the kaart: folder, schema, labels and URL prefix, in one table.

Every stage looks kinds up here, so adding a kind means one new row, one schema, one model class
and one template. Folder names and labels are Dutch because editors see them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of record.

    Attributes:
        folder: Sub-folder of ``partners/`` holding one YAML file per record.
        schema: File name of its JSON Schema in ``schema/``.
        singular: Dutch label for one record ("organisatie").
        plural: Dutch label for many records ("organisaties").
        url: URL folder of its pages on the site, or "" when records have no page of their own.
    """

    folder: str
    schema: str
    singular: str
    plural: str
    url: str


KINDS: dict[str, Kind] = {
    k.folder: k
    for k in (
        Kind("documenten", "document.schema.json", "brondocument", "brondocumenten", "bronnen"),
        Kind("gebieden", "gebied.schema.json", "gebied", "gebieden", "gemeenten"),
        Kind("expertise", "expertise.schema.json", "expertise", "expertise", "expertise"),
        Kind("organisaties", "organisatie.schema.json", "organisatie", "organisaties", "organisaties"),
        Kind("routeertafels", "routeertafel.schema.json", "routeertafel", "routeertafels", "routeertafels"),
        Kind("voorzieningen", "voorziening.schema.json", "voorziening", "voorzieningen", "voorzieningen"),
        Kind("ketenroutes", "ketenroute.schema.json", "ketenroute", "ketenroutes", "ketenroutes"),
        Kind("begrippen", "begrip.schema.json", "begrip", "begrippen", "begrippen"),
        Kind(
            "uitvoeringsagenda", "uitvoeringsagenda.schema.json", "uitvoeringsagenda", "uitvoeringsagenda's", "uitvoeringsagenda"
        ),
        # "Wie bel ik?" only: no pages of their own, they shape the answers.
        Kind("beslissingen", "beslissing.schema.json", "beslissing", "beslissingen", ""),
        Kind("beroepsgroepen", "beroepsgroep.schema.json", "beroepsgroep", "beroepsgroepen", ""),
        # Who keeps which record current: the beheer page and CODEOWNERS, no page of their own.
        Kind("eigenaars", "eigenaar.schema.json", "eigenaar", "eigenaars", ""),
    )
}

# Kinds whose ids share one namespace: a ketenroute actor or a begrip's `verwijst_naar` names an id
# without saying its kind, so two records of these kinds may not carry the same id.
SHARED_ID_KINDS = ("organisaties", "routeertafels", "voorzieningen", "expertise", "ketenroutes")

# Kinds a ketenroute step may name as its actor.
ACTOR_KINDS = ("organisaties", "routeertafels", "voorzieningen")

# Generic roles a ketenroute step may name instead of a record.
ACTOR_ROLES = ("professional", "burger", "slachtoffer", "pleger", "omstander", "kind", "gezin", "melder")

# Werkgebied value meaning "the whole country".
LANDELIJK = "landelijk"
