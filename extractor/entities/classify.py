"""Pure decisions on words and names: what type does a name or a head noun point to?

Every rule of the FIRM / INSTITUTE / PRODUCT typing sits here as a small function
over strings, so it can be read, tested with tables and changed in one place.
Dutch compounds carry their meaning in the last part ("chipmachinefabrikant" is a
fabrikant, "onderzoeksinstituut" an instituut), so most tests look at suffixes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ..schema import EntityType

# The word lists are re-exported: callers read them as classify.X next to the rules.
from .lexicon import (  # noqa: F401
    DEMONYMS,
    ENGLISH_INSTITUTE_WORDS,
    EVALUATIVE_PREFIXES,
    FIRM_DESCRIPTOR_HEADS,
    GENERIC_DESCRIPTIONS,
    GENERIC_PRODUCT_HEADS,
    GOVERNMENT_HEADS,
    INSTITUTE_HEADS,
    LEGAL_FORMS,
    NAME_PARTICLES,
    NOT_PRODUCTS,
    PLACE_DESCRIPTORS,
    PORTFOLIO_WORDS,
    PRODUCT_HEADS,
    PRODUCT_NAME_DESCRIPTORS,
    ROLE_HEADS,
    STANDALONE_PRODUCTS,
)


def ends_with_head(word: str, heads: Sequence[str]) -> str | None:
    """The head in ``heads`` that ``word`` (a possible compound) ends with, longest first.

    "chipmachinefabrikant" -> "fabrikant"; "quantum-instituut" -> "instituut".
    """
    return _ends_with_head(word.lower(), _head_set(heads))


@lru_cache(maxsize=131072)
def _ends_with_head(low: str, heads: frozenset[str]) -> str | None:
    # Cached: the same words are typed many times per article, against a few fixed lists.
    # The longest head it ends with is its longest suffix in the set of heads: one set
    # lookup per suffix instead of an endswith per head (the lists hold hundreds).
    for i in range(len(low) + 1):
        if low[i:] in heads:
            return low[i:]
    return None


# id(heads) -> (heads, its frozenset). A tuple's hash is not stored, so a cache keyed by the
# list itself would hash hundreds of heads per call; a frozenset keeps its hash. The entry
# holds the list, so its id is not reused while the entry lives.
_HEAD_SETS: dict[int, tuple[Sequence[str], frozenset[str]]] = {}


def _head_set(heads: Sequence[str]) -> frozenset[str]:
    if isinstance(heads, frozenset):
        return heads
    hit = _HEAD_SETS.get(id(heads))
    if hit is not None and hit[0] is heads:
        return hit[1]
    if len(_HEAD_SETS) >= 256:  # lists built per call ("A + B") would pile up
        _HEAD_SETS.clear()
    found = frozenset(heads)
    _HEAD_SETS[id(heads)] = (heads, found)
    return found


@lru_cache(maxsize=65536)
def is_institute_word(word: str) -> bool:
    """Does the (compound) noun name a non-commercial organisation?"""
    low = word.lower()
    if low in {"hof", "raad", "kamer", "unie"}:
        return True
    if low.endswith(("leger", "marine", "marinecomponent", "luchtcomponent", "landcomponent")):
        return True  # "Volksbevrijdingsleger", "Marinecomponent" (Belgian armed forces)
    if low in {"bureau", "douane"} or low.endswith(
        ("planbureau", "geneesmiddelenbureau", "statistiekbureau", "octrooibureau")
    ):
        return True
    # short heads only as whole words: "hof" in "kerkhof", "raad" in "voorraad" are none
    head = ends_with_head(low, INSTITUTE_HEADS)
    if head is None:
        return False
    if head in {"hof", "raad", "kamer", "unie"} and low != head:
        return low.endswith(
            (
                "gerechtshof",
                "ondernemingskamer",
                "adviesraad",
                "toezichtraad",
                "gemeenteraad",
                "veiligheidsraad",
                "ondernemingsraad",
                "handelskamer",
                "douane-unie",
                "douaneunie",
            )
        )
    return True


@lru_cache(maxsize=65536)
def is_firm_word(word: str) -> bool:
    """Does the (compound) noun describe a commercial company ("chipfabrikant")?"""
    low = word.lower()
    if low in {"bank"}:
        return True
    if low.endswith(("en", "s")) and head_key(low) != low and is_firm_word(head_key(low)):
        return True  # plurals: "autotoeleveranciers", "defensiebedrijven"
    head = ends_with_head(low, FIRM_DESCRIPTOR_HEADS)
    if head is None:
        return False
    if head in {"keten", "werf", "reus", "bank"} and low == head:
        return head == "bank"
    if low in {
        "voedselbank",
        "databank",
        "kennisbank",
        "zitbank",
        "partijgroep",
        "doelgroep",
        "werkgroep",
        "leeftijdsgroep",
        "beroepsgroep",
        "bevolkingsgroep",
        "actiegroep",
        "lobbygroep",
        "belangengroep",
        "dochter",
        "plaatsmaker",
    }:
        return False
    return True


@lru_cache(maxsize=65536)
def is_product_word(word: str) -> bool:
    """Does the (compound) noun name goods or technology ("euv-machines", "drones")?"""
    low = word.lower()
    if low in NOT_PRODUCTS:
        return False
    head = ends_with_head(low, PRODUCT_HEADS)
    if head is None:
        return False
    if head == "stroom":
        return False  # "walstroom", "kasstroom", "vluchtelingenstroom": flows, not goods
    if head in {"lens", "cel"}:
        return low == head or low.endswith(("batterijcel", "zonnecel", "brandstofcel"))
    if head in {"tank", "tanks"}:
        return low in {"tank", "tanks"}  # "brandstoftank", "denktank" are none
    if head in {"auto", "auto's"}:
        return low in {"auto", "auto's"} or low.endswith(
            ("personenauto", "vrachtauto", "personenauto's", "vrachtauto's")
        )
    if head == "programma":
        return low.endswith(
            (
                "ruimtevaartprogramma",
                "wapenprogramma",
                "raketprogramma",
                "kernwapenprogramma",
                "droneprogramma",
            )
        )
    return True


@lru_cache(maxsize=65536)
def is_place_word(word: str) -> bool:
    """Does the noun introduce a place ("de provincie Brabant", "de miljoenenstad X")?"""
    low = word.lower()
    return low in PLACE_DESCRIPTORS or low.endswith(("stad", "provincie", "regio", "dorp"))


# Last parts of Dutch and Flemish place names: "-drecht" (Dordrecht), "-hoven"
# (Veldhoven), "-huizen", "-veen", "-wijk", "-broek", "-zijl", "-kerke", "-gem"
# (Wevelgem), "-zele", "-ingen" (Vlissingen). Company names rarely end so (four of the
# gazetteer's thousands of organisation names do), surnames often ("Verhoeven"), so
# this is evidence only for a name nothing marks as a person or organisation.
_PLACE_SUFFIXES = (
    "dam", "drecht", "hoven", "horst", "huizen", "veen", "wijk", "broek", "dorp", "rode",
    "zijl", "woude", "kerke", "kapelle", "gem", "zele", "voorde", "ingen", "mond", "stad",
    "burg", "beek", "donk", "hout", "loo", "sloot", "geest", "sluis", "haven",
    # German: "Taufkirchen", "Oberhausen", "Düsseldorf", "Mannheim"
    "hausen", "kirchen", "dorf", "heim", "furt", "bach",
)  # fmt: skip
_COMPASS_PREFIXES = (
    "noord-", "zuid-", "oost-", "west-", "midden-", "centraal-", "noordoost-", "noordwest-",
    "zuidoost-", "zuidwest-", "noord-oost-", "zuid-oost-", "noord-west-", "zuid-west-",
)  # fmt: skip


@lru_cache(maxsize=65536)
def looks_like_place_name(name: str) -> bool:
    """Does a one-word proper name have the shape of a place name?

    "Noord-Nederland", "West-Brabant", "Oost-Europa" (a compass prefix before a
    capitalised name); "Zwijndrecht", "Oosterhout", "Wevelgem" (a place-name ending).
    Country names ("Zuid-Korea") are for :func:`countries.country_iso` to catch first.
    """
    if " " in name or len(name) < 4 or not name[:1].isupper() or name.isupper():
        return False
    if has_compass_prefix(name):
        return True
    low = name.lower()
    if "-" in name or any(ch.isdigit() for ch in name) or not name[1:].islower():
        return False  # "Sint-Niklaas" is in the list; "BioNTech" is no place
    return low.endswith(_PLACE_SUFFIXES) and len(low) >= 6


def has_compass_prefix(name: str) -> bool:
    """ "Noord-Nederland", "Oost-Europa", "West-Brabant": a region by its compass point."""
    low = name.lower()
    return any(
        low.startswith(prefix) and name[len(prefix) : len(prefix) + 1].isupper()
        for prefix in _COMPASS_PREFIXES
    )


# Political parties are non-commercial organisations (INSTITUTE): "oppositiepartij
# Groen", "regeringspartij VVD". "partij" alone is also a lot of goods ("een partij
# chips") and a side in a deal, so only compounds that say politics count.
_PARTY_COMPOUNDS = (
    "oppositiepartij", "regeringspartij", "coalitiepartij", "regeerpartij", "volkspartij",
    "arbeiderspartij", "boerenpartij", "milieupartij", "centrumpartij", "zusterpartij",
    "moederpartij", "partijgenoot", "partijleiding", "politieke partij", "regionale partij",
    "communistische partij", "kamerfractie", "fractie",
)  # fmt: skip


@lru_cache(maxsize=65536)
def is_party_word(word: str) -> bool:
    """Does the noun name a political party or its group in parliament?"""
    low = word.lower()
    return low.endswith(_PARTY_COMPOUNDS) and not low.endswith(("partijgenoot", "partijleiding"))


# Heads of names of events, programmes, schemes, laws and treaties: no organisation
# ("de beurs Eurosatory", "de Chipwet", "Web Summit", "het programma Horizon Europe").
_EVENT_HEADS = (
    "beurs", "vakbeurs", "congres", "conferentie", "klimaatconferentie", "top",
    "topontmoeting", "summit", "festival", "evenement", "toernooi", "kampioenschap",
    "spelen", "week", "dag", "expo", "show", "programma", "regeling", "wet", "verdrag",
    "akkoord", "richtlijn", "verordening", "project", "campagne", "operatie", "missie",
    "oefening", "plan", "actieplan", "strategie", "agenda", "act", "award", "prijs",
)  # fmt: skip
_NOT_EVENTS = frozenset(
    {"stop", "laptop", "desktop", "beursvloer", "handelsprijs", "kiwi", "zondag"}
)


# Nouns that introduce the name of a thing that is no organisation: "de zenuwziekte
# CIDP", "het virus H5N1", "de standaard USB-C", "de munt Tether".
_NON_ORG_DESCRIPTORS = (
    "ziekte", "virus", "aandoening", "syndroom", "standaard", "norm", "index", "munt",
    "cryptomunt", "valuta", "methode", "techniek", "taal", "algoritme", "orkaan", "storm",
)  # fmt: skip

# Capitalised first words of a scheme's name: "Project One", "Operatie Aspides".
_SCHEME_OPENERS = frozenset(
    {"project", "programma", "operatie", "missie", "plan", "regeling", "campagne"}
)


@lru_cache(maxsize=65536)
def is_event_word(word: str) -> bool:
    """Does the noun (or a name's last word) name an event, programme, scheme or law?

    "vakbeurs", "klimaattop", "Chipwet", "Prinsjesdag", "subsidieregeling"; not
    "laptop" or a product compound like "ruimtevaartprogramma" (a product line).
    """
    low = word.lower()
    if low in _NOT_EVENTS or is_product_word(low) or len(low) < 2:
        return False
    head = ends_with_head(low, _EVENT_HEADS)
    if head is None:
        return False
    if head in {"act", "show", "expo"}:
        return low == head  # English words: "contract" is none
    if head in {"top", "dag", "week", "wet", "plan", "prijs"}:
        # short heads only as whole words or clear compounds ("klimaattop", "Chipwet",
        # "Prinsjesdag")
        return low == head or len(low) - len(head) >= 3
    return True


@lru_cache(maxsize=65536)
def is_product_name_descriptor(word: str) -> bool:
    """Does the noun introduce a product name ("ruimtevaartprogramma Shenzhou")?"""
    low = word.lower()
    return is_product_word(low) or ends_with_head(low, PRODUCT_NAME_DESCRIPTORS) is not None


def is_evaluative(adjective: str) -> bool:
    """Evaluative adjectives are left out of spans ("geavanceerdste", "essentieel")."""
    low = adjective.lower()
    return low.startswith(EVALUATIVE_PREFIXES)


def org_type_from_name(tokens: Sequence[str]) -> EntityType | None:
    """The type a proper name's own words give: a legal form, or an institute head.

    "ASML Holding N.V." -> FIRM; "Technische Universiteit Eindhoven" -> INSTITUTE;
    "24e Onderzoeksinstituut van CETC" -> INSTITUTE (the head before "van").
    """
    lowered = [t.lower() for t in tokens]
    # The head of "X van Y" is in X: "Ministerie van Defensie", "Instituut van CETC".
    if "van" in lowered[1:]:
        lowered = lowered[: lowered.index("van", 1)]
    if (
        lowered[0] in {"tu", "ku", "vu", "uva", "ugent", "vub", "ulb", "wur", "umc"}
        and len(lowered) > 1
    ):
        return "INSTITUTE"  # "TU Delft", "KU Leuven"
    if "port" in lowered or any(t.startswith("havenbedrijf") for t in lowered):
        return "FIRM"  # port companies are commercial ("Port of Antwerp-Bruges")
    if any(t in LEGAL_FORMS for t in lowered[1:]) or (
        len(lowered) == 1 and lowered[0] in {"n.v.", "b.v."}
    ):
        return "FIRM"
    if any(is_institute_word(t) or t in ENGLISH_INSTITUTE_WORDS for t in lowered) or (
        "ontwikkelingsmaatschappij" in "".join(lowered)
    ):
        return "INSTITUTE"  # regional development agencies too ("Ontwikkelings Maatschappij")
    if any(t.startswith(("universit", "hogeschool", "instit", "ministerie")) for t in lowered):
        return "INSTITUTE"
    if any(is_firm_word(t) and t not in {"groep"} for t in lowered[1:]):
        return "FIRM"
    if len(lowered) >= 2 and lowered[-1].endswith(("technology", "tech")):
        return "FIRM"  # "Vishay Intertechnology"
    return None


@lru_cache(maxsize=65536)
def org_type_from_descriptor(word: str) -> EntityType | None:
    """The type a descriptor noun gives the name it introduces ("chipfabrikant X" -> FIRM)."""
    if is_institute_word(word) or is_party_word(word):
        return "INSTITUTE"
    if is_firm_word(word):
        return "FIRM"
    return None


@lru_cache(maxsize=65536)
def head_key(word: str) -> str:
    """A number-neutral key for a noun, to group "chipmachine" with "chipmachines".

    Dutch plurals: -en (onderdelen -> onderdeel, systemen -> systeem,
    raketten -> raket), -s / -'s (drones, auto's).
    """
    low = word.lower().replace("’", "'")
    irregular = {
        "onderdelen": "onderdeel",
        "systemen": "systeem",
        "technologieën": "technologie",
        "schepen": "schip",
        "processoren": "processor",
        "bedrijven": "bedrijf",
    }
    for plural, singular in irregular.items():
        if low.endswith(plural):
            return low[: -len(plural)] + singular
    if low.endswith("'s"):
        return low[:-2]
    if re.search(r"(ten|ken|pen|gen|len|nen|ren|sen|den)$", low) and len(low) > 5:
        stem = low[:-2]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            stem = stem[:-1]  # raketten -> raket
        return stem
    if low.endswith("en") and len(low) > 5:
        return low[:-2]
    if low.endswith("s") and len(low) > 3 and not low.endswith(("ss", "us", "is", "as", "os")):
        return low[:-1]
    return low


def decide_name_type(
    *,
    label: str | None,
    tokens: Sequence[str],
    descriptor: str | None = None,
    given: EntityType | None = None,
    gazetteer_type: str | None = None,
    iso: str | None = None,
    person: bool | None = None,
    place: bool = False,
    before: str | None = None,
    text: str | None = None,
) -> EntityType | None:
    """The type of a proper name, from the strongest evidence available.

    Order: the gazetteer; a country name; a type the finder already knew (PRODUCT
    after "ruimtevaartprogramma", PERSON/LOCATION from NER) unless the name's own
    words say organisation; the name's own words (legal form, institute head); the
    glued descriptor; and for organisations of unknown kind, FIRM (the common case in
    business news). ``label`` is the NER label (ORG/PER/LOC/MISC) or None for rules.
    """
    if gazetteer_type in {"FIRM", "INSTITUTE", "PRODUCT"}:
        return gazetteer_type  # type: ignore[return-value]
    if given == "COUNTRY" or iso is not None:
        return "COUNTRY"
    from .countries import country_iso

    if country_iso(" ".join(tokens)) is not None:
        return "COUNTRY"
    by_name = org_type_from_name(tokens)
    if by_name is None and descriptor is None and " ".join(tokens).casefold() in known_places():
        return "LOCATION"
    by_descriptor: EntityType | None = None
    if descriptor is not None:
        by_descriptor = org_type_from_descriptor(descriptor)
        if by_descriptor is None and (
            is_product_word(descriptor) or ends_with_head(descriptor, PRODUCT_NAME_DESCRIPTORS)
        ):
            by_descriptor = "PRODUCT"
    if given == "PRODUCT":
        return by_name if by_name == "INSTITUTE" else "PRODUCT"
    if person is not None and (label == "PER" or given == "PERSON"):
        # The CoNLL-2002 model calls most firm names in business news PER: a PER span
        # is a person only with evidence (given name, particle, role noun before it).
        if not person:
            label, given = "ORG", None
    if person and label in {None, "MISC", "ORG"} and by_name is None and given is None:
        return "PERSON"
    if (
        place
        and not person
        and label in {None, "MISC", "PER"}
        and by_name is None
        and (by_descriptor is None)
        and given in {None, "PERSON"}
    ):
        return "LOCATION"  # "uit Veldhoven", "in Helmond"
    if label in {"PER", "LOC"} or given in {"PERSON", "LOCATION"}:
        fallback: EntityType = "PERSON" if (label == "PER" or given == "PERSON") else "LOCATION"
        if by_descriptor == "INSTITUTE" or (descriptor and is_place_word(descriptor)):
            by_descriptor = None  # "de provincie Brabant" stays a place
        return by_name or by_descriptor or fallback
    if by_name is not None:
        return by_name
    if given in {"FIRM", "INSTITUTE"}:
        return given  # a rule knew ("het Waalse Gewest", "Port of Antwerp-Bruges")
    if descriptor is not None and is_place_word(descriptor):
        return "LOCATION"
    if by_descriptor is not None:
        return by_descriptor
    # Nothing says organisation: first rule out the other things news names.
    # the mention's own text: "CSC" of "CSC-beurs" is no scholarship, "NAVO" of "NAVO-top"
    # no summit
    words = (text or " ".join(tokens)).split()
    tail = words[-1].rsplit("-", 1)[-1] if words else ""
    if is_event_word(tail) or (
        before is not None
        and before.islower()
        and (is_event_word(before) or ends_with_head(before, _NON_ORG_DESCRIPTORS))
    ):
        return None  # "de Chipwet", "Web Summit", "de vakbeurs Eurosatory", "ziekte CIDP"
    if len(tokens) > 1 and tokens[0].lower() in _SCHEME_OPENERS:
        return None  # "Project One", "Operatie Aspides"
    if len(tokens) == 1 and is_role_word(tokens[0]):
        return None  # "Eurocommissaris" after a person's name: an office, not a name
    if len(tokens) == 1 and (
        has_compass_prefix(tokens[0]) or (label != "ORG" and looks_like_place_name(tokens[0]))
    ):
        return "LOCATION"  # "Noord-Nederland"; "Zwijndrecht" unless NER said ORG
    return "FIRM"


# --- persons ----------------------------------------------------------------------------

_FIRST_NAMES_FILE = Path(__file__).resolve().parent / "data" / "first_names.txt"
_PLACES_FILE = Path(__file__).resolve().parent / "data" / "places.txt"


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Cities and regions (``data/places.txt``), case-folded."""
    lines = _PLACES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().casefold() for line in lines if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Common given names (``data/first_names.txt``)."""
    names: set[str] = set()
    for line in _FIRST_NAMES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            names.update(line.split())
    return frozenset(names)


@lru_cache(maxsize=65536)
def is_role_word(word: str) -> bool:
    """Does the noun name a person's role ("staatssecretaris", "FNV-bestuurder")?"""
    low = word.lower()
    head = ends_with_head(low, ROLE_HEADS)
    if head == "arts" and low not in ROLE_HEADS:
        # "huisarts", "bedrijfsarts"; not surnames like "Bogaarts"
        return low.endswith(("huisarts", "bedrijfsarts", "dierenarts", "tandarts", "oogarts"))
    return low in ROLE_HEADS or (
        head is not None and not is_firm_word(low) and not is_institute_word(low)
    )


def person_evidence(
    tokens: Sequence[str], before: Sequence[str], after: Sequence[str] = ()
) -> bool:
    """Is the name a person's? A known given name first ("Mark Verhoef"), a particle
    inside ("Marieke de Groot", "Saad al-Kaabi"), a role noun right before it
    ("topman Zhang Xuezheng"), or a two-word name with a role or an age in apposition
    ("Martien Visser, lector aan ...", "Els Bakker (54)"); never with a legal form or
    organisation word in it.

    ``before`` are the (up to two) words before the name, nearest last; ``after`` the
    (up to three) words after it.
    """
    if not tokens or org_type_from_name(tokens) is not None:
        return False
    if any(is_role_word(w) for w in before[-2:]):
        return True
    if len(tokens) >= 2 and len(after) >= 2 and all(t[:1].isupper() for t in tokens):
        if after[0] == "," and (
            is_role_word(after[1])
            or (len(after) >= 3 and after[1].lower() in {"de", "het"} and is_role_word(after[2]))
        ):
            return True  # "Martien Visser, lector energietransitie"
        if after[0] == "(" and after[1].isdigit() and 15 < int(after[1]) < 100:
            return True  # "Els Bakker (54)"
    if len(tokens) >= 2 and tokens[0] in first_names():
        return True
    if len(tokens) >= 3 and any(t in NAME_PARTICLES for t in tokens[1:-1]):
        return True
    return len(tokens) >= 2 and tokens[-1].lower().startswith(("al-", "el-", "bin-"))
