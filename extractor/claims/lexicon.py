"""The Dutch trigger lexicon: which words signal which predicate, and where the arguments sit.

Forms are listed explicitly (not produced by a stemmer) because Dutch strong verbs change their
vowel ("kopen/kocht", "ontwerpen/ontwierp") and the lemmatizer of a small model is not to be
trusted. Separable verbs ("neemt ... over", "werkt ... samen") are a base verb plus a particle;
the particle may stand apart in a main clause or be glued on in participles and sub-clauses.

A verb frame says, per syntactic slot, which claim role the filler takes:
``subj`` (nsubj), ``obj`` (obj), or a preposition ("aan", "bij", ...) for an oblique. The roles are
``S`` (claim subject), ``O`` (claim object), ``P`` (product qualifier) and ``T`` (target).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class VerbFrame:
    """How one trigger verb maps its slots onto a claim."""

    lemma: str
    predicate: str
    slots: dict[str, str]  # slot -> role; slot is "subj", "obj" or a preposition
    particle: str | None = None  # separable particle ("over" in "overnemen")
    # predicate to use instead when the direct object is an organisation ("X kocht Y" = owns)
    obj_org_predicate: str | None = None
    obj_org_slots: dict[str, str] = field(default_factory=dict)
    negates: bool = False  # "bouwt vaccins af": the verb itself says it stops


def _forms(*words: str) -> frozenset[str]:
    return frozenset(words)


# Lemma -> every surface form we accept (lower case). For separable verbs only the forms of the
# base verb are listed; the glued forms ("overgenomen", "samenwerkt") are listed under GLUED.
VERB_FORMS: dict[str, frozenset[str]] = {
    "leveren": _forms("lever", "levert", "leveren", "leverde", "leverden", "geleverd", "leverend"),
    "verkopen": _forms(
        "verkoop", "verkoopt", "verkopen", "verkocht", "verkochten", "verkopend"
    ),
    "exporteren": _forms(
        "exporteer", "exporteert", "exporteren", "exporteerde", "exporteerden", "geëxporteerd",
        "geexporteerd",
    ),
    "verschepen": _forms("verscheept", "verschepen", "verscheepte", "verscheepten"),
    "kopen": _forms("koop", "koopt", "kopen", "kocht", "kochten", "gekocht"),
    "inkopen": _forms("ingekocht", "inkopen", "inkoopt"),
    "bestellen": _forms("bestel", "bestelt", "bestellen", "bestelde", "bestelden", "besteld"),
    "betrekken": _forms("betrekt", "betrekken", "betrok", "betrokken"),
    "krijgen": _forms("krijg", "krijgt", "krijgen", "kreeg", "kregen", "gekregen"),
    "ontvangen": _forms("ontvang", "ontvangt", "ontvangen", "ontving", "ontvingen"),
    "binden": _forms("bindt", "binden", "bond", "bonden", "gebonden"),
    "nemen": _forms("neem", "neemt", "nemen", "nam", "namen", "genomen"),
    "stoten": _forms("stoot", "stoten", "stootte", "stootten"),
    "splitsen": _forms("splitst", "splitsen", "splitste", "splitsten"),
    # only in "van de hand doen" (to sell off a business): see patterns.trigger_lemma
    "doen": _forms("doet", "doen", "deed", "deden", "gedaan"),
    "produceren": _forms(
        "produceer", "produceert", "produceren", "produceerde", "produceerden", "geproduceerd"
    ),
    "maken": _forms("maak", "maakt", "maken", "maakte", "maakten", "gemaakt"),
    "bouwen": _forms("bouw", "bouwt", "bouwen", "bouwde", "bouwden", "gebouwd"),
    "ontwerpen": _forms("ontwerp", "ontwerpt", "ontwerpen", "ontwierp", "ontwierpen", "ontworpen"),
    "ontwikkelen": _forms(
        "ontwikkel", "ontwikkelt", "ontwikkelen", "ontwikkelde", "ontwikkelden", "ontwikkeld"
    ),
    "fabriceren": _forms("fabriceert", "fabriceren", "fabriceerde", "gefabriceerd"),
    "vervaardigen": _forms("vervaardigt", "vervaardigen", "vervaardigde", "vervaardigd"),
    "werken": _forms("werk", "werkt", "werken", "werkte", "werkten", "gewerkt"),
    "leggen": _forms("leg", "legt", "leggen", "legde", "legden", "gelegd"),
    "beperken": _forms("beperk", "beperkt", "beperken", "beperkte", "beperkten"),
    "verbieden": _forms("verbiedt", "verbieden", "verbood", "verboden"),
    "sanctioneren": _forms("sanctioneert", "sanctioneren", "sanctioneerde", "gesanctioneerd"),
    "blokkeren": _forms("blokkeert", "blokkeren", "blokkeerde", "blokkeerden", "geblokkeerd"),
    "zetten": _forms("zet", "zetten", "zette", "gezet"),
    "weigeren": _forms("weiger", "weigert", "weigeren", "weigerde", "weigerden", "geweigerd"),
    "vestigen": _forms("vestigt", "vestigen", "vestigde", "gevestigd"),
    "overnemen": _forms(),  # only via particle / GLUED
    "samenwerken": _forms(),
    "meewerken": _forms(),
    "opleggen": _forms(),
    "afnemen": _forms(),
    "bezitten": _forms("bezit", "bezitten", "bezat", "bezaten", "bezeten"),
    "weren": _forms("weert", "weren", "weerde", "weerden", "geweerd"),
    "trekken": _forms("trekt", "trekken", "trok", "trokken", "getrokken"),
    "assembleren": _forms("assembleert", "assembleren", "assembleerde", "geassembleerd"),
    "intrekken": _forms(),
    "afbouwen": _forms(),
    "houden": _forms("houdt", "houden", "hield", "hielden", "gehouden"),
    "tegenhouden": _forms(),
    "vallen": _forms("valt", "vallen", "viel", "vielen", "gevallen"),
    "dwingen": _forms("dwingt", "dwingen", "dwong", "dwongen", "gedwongen"),
    "grijpen": _forms("grijpt", "grijpen", "greep", "grepen", "gegrepen"),
    "ingrijpen": _forms(),
    "uitsluiten": _forms(),
}

# Glued forms of separable verbs (particle attached): form -> lemma.
GLUED: dict[str, str] = {
    **{f: "overnemen" for f in ("overnemen", "overneemt", "overgenomen", "overnam", "overnamen")},
    **{f: "samenwerken" for f in ("samenwerken", "samenwerkt", "samengewerkt", "samenwerkte",
                                  "samenwerkten", "samenwerkend")},
    **{f: "meewerken" for f in ("meewerken", "meewerkt", "meegewerkt", "meewerkte", "meewerkten")},
    **{f: "opleggen" for f in ("opleggen", "oplegt", "opgelegd", "oplegde", "oplegden")},
    **{f: "afnemen" for f in ("afnemen", "afneemt", "afgenomen", "afnam", "afnamen")},
    **{f: "intrekken" for f in ("intrekken", "intrekt", "ingetrokken", "introk", "introkken")},
    **{f: "afbouwen" for f in ("afbouwen", "afgebouwd", "afbouwt")},
    # "stoot zijn divisie af aan KKR", "werd afgesplitst van Solvay"
    **{f: "afstoten" for f in ("afstoten", "afgestoten", "afstoot", "afstootte")},
    **{f: "afsplitsen" for f in ("afsplitsen", "afgesplitst", "afsplitst", "afsplitste")},
    **{f: "ingrijpen" for f in ("ingrijpen", "ingegrepen", "ingrijpt")},
    **{f: "tegenhouden" for f in ("tegenhouden", "tegengehouden", "tegenhoudt", "tegenhield")},
    **{f: "uitsluiten" for f in ("uitsluiten", "uitsluit", "uitgesloten", "uitsloot")},
}

# Separable verbs: (base lemma, particle) -> lemma.
SEPARABLE: dict[tuple[str, str], str] = {
    ("nemen", "over"): "overnemen",
    ("werken", "samen"): "samenwerken",
    ("werken", "mee"): "meewerken",
    ("leggen", "op"): "opleggen",
    ("nemen", "af"): "afnemen",
    ("maken", "uit"): "uitmaken",  # "maakt deel uit van"
    ("trekken", "in"): "intrekken",  # "trok de licenties in"
    ("houden", "tegen"): "tegenhouden",
    ("bouwen", "af"): "afbouwen",  # "bouwt de productie af": phases it out
    ("grijpen", "in"): "ingrijpen",  # "het ministerie greep in bij Nexperia"
    ("stoten", "af"): "afstoten",  # "Syensqo stoot zijn divisie af aan KKR": sells it
    ("splitsen", "af"): "afsplitsen",  # "Solvay splitste Syensqo af": a subsidiary no more
}

_S_OBJ_P = {"subj": "S", "obj": "P"}
FRAMES: dict[str, VerbFrame] = {
    # X levert (P) aan Y / X levert Y (P)
    "leveren": VerbFrame("leveren", "supplies", {**_S_OBJ_P, "aan": "O", "naar": "O"}),
    # "Philips verkoopt zijn divisie X aan Y": with a firm as object, Y comes to own X
    "verkopen": VerbFrame("verkopen", "supplies",
                          {**_S_OBJ_P, "aan": "O", "naar": "O", "in": "O"},
                          obj_org_predicate="owns", obj_org_slots={"aan": "S", "obj": "O"}),
    "exporteren": VerbFrame("exporteren", "supplies", {**_S_OBJ_P, "naar": "O", "aan": "O"}),
    "verschepen": VerbFrame("verschepen", "supplies", {**_S_OBJ_P, "naar": "O", "aan": "O"}),
    # inverse: Y kocht (P) bij/van X  -> X supplies Y; "X kocht Y" with Y a firm = owns
    "kopen": VerbFrame(
        "kopen", "supplies", {"subj": "O", "obj": "P", "bij": "S", "van": "S"},
        obj_org_predicate="owns", obj_org_slots={"subj": "S", "obj": "O"},
    ),
    "inkopen": VerbFrame("inkopen", "supplies", {"subj": "O", "obj": "P", "bij": "S", "van": "S"}),
    # inverse: "Hua Hong krijgt geen machines meer van ASML" (only with goods named: see
    # GOODS_ONLY_LEMMAS; "kreeg een boete van de rechtbank" is no supply)
    "krijgen": VerbFrame("krijgen", "supplies", {"subj": "O", "obj": "P", "van": "S"}),
    "ontvangen": VerbFrame("ontvangen", "supplies", {"subj": "O", "obj": "P", "van": "S"}),
    "bestellen": VerbFrame("bestellen", "supplies", {"subj": "O", "obj": "P", "bij": "S"}),
    "betrekken": VerbFrame("betrekken", "supplies",
                           {"subj": "O", "obj": "P", "van": "S", "bij": "S"}),
    "afnemen": VerbFrame("afnemen", "supplies", {"subj": "O", "obj": "P", "van": "S", "bij": "S"}),
    "produceren": VerbFrame("produceren", "produces", {"subj": "S", "obj": "O"}),
    "maken": VerbFrame("maken", "produces", {"subj": "S", "obj": "O"}),
    "bouwen": VerbFrame("bouwen", "produces", {"subj": "S", "obj": "O"}),
    "ontwerpen": VerbFrame("ontwerpen", "produces", {"subj": "S", "obj": "O"}),
    "ontwikkelen": VerbFrame("ontwikkelen", "produces", {"subj": "S", "obj": "O"}),
    "fabriceren": VerbFrame("fabriceren", "produces", {"subj": "S", "obj": "O"}),
    "vervaardigen": VerbFrame("vervaardigen", "produces", {"subj": "S", "obj": "O"}),
    "overnemen": VerbFrame("overnemen", "owns", {"subj": "S", "obj": "O"}),
    # the spun-off unit (object, or passive subject) is no longer the parent's subsidiary
    "afsplitsen": VerbFrame("afsplitsen", "subsidiary_of", {"subj": "O", "obj": "S", "van": "O"},
                            negates=True),
    # "X koopt zich in bij Y": X buys a stake in Y (reflexive; see patterns.trigger_lemma)
    "zich_inkopen": VerbFrame("zich_inkopen", "owns", {"subj": "S", "bij": "O", "in": "O"}),
    "bezitten": VerbFrame("bezitten", "owns", {"subj": "S", "obj": "O"}),
    "samenwerken": VerbFrame("samenwerken", "partner_of", {"subj": "S", "met": "O"}),
    # "Met de Universiteit Twente werkt Thales aan een opleiding" (organisations only)
    "werken": VerbFrame("werken", "partner_of", {"subj": "S", "met": "O"}),
    "meewerken": VerbFrame("meewerken", "partner_of", {"subj": "S", "aan": "O"}),
    # restricts: X beperkt de export van Y naar Z; X legt sancties op aan Y; X verbiedt Y
    "beperken": VerbFrame("beperken", "restricts",
                          {"subj": "S", "obj": "O", "van": "O", "naar": "T", "aan": "T"}),
    "verbieden": VerbFrame("verbieden", "restricts",
                           {"subj": "S", "obj": "O", "van": "O", "naar": "T", "aan": "T"}),
    "opleggen": VerbFrame("opleggen", "restricts", {"subj": "S", "aan": "O", "tegen": "O"}),
    "sanctioneren": VerbFrame("sanctioneren", "restricts", {"subj": "S", "obj": "O"}),
    "blokkeren": VerbFrame("blokkeren", "restricts",
                           {"subj": "S", "obj": "O", "van": "O", "naar": "T"}),
    "assembleren": VerbFrame("assembleren", "produces", {"subj": "S", "obj": "O"}),
    "weren": VerbFrame("weren", "restricts", {"subj": "S", "obj": "O", "van": "O"}),
    "uitsluiten": VerbFrame("uitsluiten", "restricts", {"subj": "S", "obj": "O", "van": "O"}),
    "intrekken": VerbFrame("intrekken", "restricts",
                           {"subj": "S", "van": "O", "aan": "T", "naar": "T"}),
    "afbouwen": VerbFrame("afbouwen", "produces", {"subj": "S", "obj": "O"}, negates=True),
    "dwingen": VerbFrame("dwingen", "restricts", {"subj": "S", "obj": "O"}),
    "ingrijpen": VerbFrame("ingrijpen", "restricts", {"subj": "S", "bij": "O"}),
    # "De NUDT valt rechtstreeks onder de Centrale Militaire Commissie"
    "vallen": VerbFrame("vallen", "subsidiary_of", {"subj": "S", "onder": "O"}),
    "tegenhouden": VerbFrame("tegenhouden", "restricts", {"subj": "S", "obj": "O"}),
    "uitmaken": VerbFrame("uitmaken", "subsidiary_of", {"subj": "S", "van": "O"}),
    "vestigen": VerbFrame("vestigen", "located_in",
                          {"subj": "S", "obj": "S", "in": "O", "te": "O"}),
}

# Verbs that state a supply only when the goods are named (a PRODUCT object).
GOODS_ONLY_LEMMAS = frozenset({"krijgen", "ontvangen"})

# Nouns inside the object of "beperken/verbieden" that make it an export restriction
# ("de export van ASML naar China"), so "van" and "naar" under the noun fill the frame.
RESTRICTED_TRADE_NOUNS = frozenset({
    "export", "uitvoer", "levering", "leveringen", "verkoop", "handel", "import", "invoer",
})

# Nouns of restriction: "sancties tegen X", "een exportverbod voor X", "op de zwarte lijst".
RESTRICTION_NOUNS = frozenset({
    "sancties", "sanctie", "exportverbod", "exportbeperkingen", "exportbeperking",
    "exportrestricties", "handelsbeperkingen", "handelsverbod", "invoerverbod", "importverbod",
    "boycot", "embargo", "wapenembargo", "sanctiepakket", "strafmaatregelen", "heffingen",
    "importheffingen", "exportcontroles", "exportregels", "exportvergunning",
    "exportvergunningen", "zwarte", "lijst", "entity",
})
# Words that turn "exportvergunning" etc. into a restriction: weigeren, intrekken.
LICENCE_DENIAL = frozenset({"weigert", "weigerde", "weigerden", "geweigerd", "weigeren",
                            "ingetrokken", "trekt", "trok", "intrekken"})

# Relational nouns: "X is een dochter van Y", "X, klant van Y". Value: (predicate, inverted):
# inverted=False -> claim(X, Y); inverted=True -> claim(Y, X).
RELATION_NOUNS: dict[str, tuple[str, bool]] = {
    **{n: ("subsidiary_of", False) for n in (
        "dochter", "dochterbedrijf", "dochteronderneming", "dochtermaatschappij",
        "dochterfirma", "onderdeel", "tak", "divisie", "afdeling", "zusterbedrijf",
        "werkmaatschappij", "deelneming", "joint-venturepartner",
    )},
    **{n: ("subsidiary_of", True) for n in ("moederbedrijf", "moedermaatschappij", "moederconcern",
                                            "holding")},
    **{n: ("supplies", True) for n in ("klant", "klanten", "afnemer", "afnemers", "opdrachtgever")},
    **{n: ("supplies", False) for n in ("leverancier", "leveranciers", "toeleverancier",
                                        "toeleveranciers")},
    "eigendom": ("owns", True),  # "X is eigendom van Y"
    **{n: ("owns", False) for n in ("eigenaar", "eigenaren", "aandeelhouder",
                                    "grootaandeelhouder", "hoofdaandeelhouder", "overnemer")},
    **{n: ("partner_of", False) for n in ("partner", "partners", "samenwerkingspartner",
                                          "bondgenoot", "partnerbedrijf")},
}
# "in handen van Y": X is owned by Y.
IN_HANDS = ("in", "handen", "van")

# Descriptor compounds: "chipmachinefabrikant ASML" -> produces(ASML, chipmachine).
PRODUCER_SUFFIXES: tuple[str, ...] = (
    "fabrikanten", "fabrikant", "makers", "maker", "bouwers", "bouwer", "producenten",
    "producent", "leveranciers", "leverancier", "ontwerpers", "ontwerper", "ontwikkelaars",
    "ontwikkelaar", "fabriek",
)
# Bare producer nouns that take a "van" complement: "fabrikant van drones".
PRODUCER_NOUNS = frozenset({
    "fabrikant", "maker", "bouwer", "producent", "ontwerper", "ontwikkelaar", "leverancier",
    "fabrikanten", "makers", "bouwers", "producenten",
})

# "staatsbedrijf": the state of the firm's country owns it.
STATE_FIRM_NOUNS = frozenset({
    "staatsbedrijf", "staatsbedrijven", "staatsconcern", "staatsconcerns", "staatsfirma",
    "staatsonderneming", "staatsholding", "staatsbedrijfje", "overheidsbedrijf",
})

# Location triggers: "X uit Y", "gevestigd in Y", "hoofdkantoor in Y", "fabriek in Y".
LOCATION_PREPS = frozenset({"uit"})
LOCATION_NOUNS = frozenset({
    "hoofdkantoor", "hoofdzetel", "zetel", "fabriek", "fabrieken", "vestiging", "vestigingen",
    "kantoor", "kantoren", "hoofdvestiging", "campus", "productielocatie", "vestigingsplaats",
})
LOCATION_VERBS = frozenset({"gevestigd", "zetelt", "zetelde", "gehuisvest", "actief"})

# Nationality wording without an adjective: "één van China's defensiebedrijven, CETC".
ORG_HEAD_SUFFIXES: tuple[str, ...] = (
    "bedrijf", "bedrijven", "concern", "concerns", "onderneming", "ondernemingen", "firma",
    "groep", "instituut", "instituten", "fabrikant", "fabrikanten", "maker", "makers",
    "producent", "producenten", "reus", "reuzen", "gigant", "giganten", "leverancier",
    "leveranciers", "universiteit", "universiteiten", "laboratorium", "agentschap", "bank",
    "banken", "maatschappij", "maatschappijen",
)

# Pronouns that can stand for an organisation as a clause subject.
PRONOUNS = frozenset({"het", "hij", "zij", "ze", "dat", "die", "deze", "dit"})
RELATIVE_PRONOUNS = frozenset({"dat", "die", "welke", "wat"})

# Role nouns that point back to the recipients of earlier supplies ("deze Chinese klanten").
CLIENT_NOUNS = frozenset({"klant", "klanten", "afnemer", "afnemers"})

# Adjectives of nationality -> ISO code; used when the entity stage gives no adjective mention.
NATIONALITY_ADJECTIVES: dict[str, str] = {}
for _iso, _stems in {
    "CN": ("chinees", "chinese"), "NL": ("nederlands", "nederlandse"),
    "US": ("amerikaans", "amerikaanse"), "DE": ("duits", "duitse"), "FR": ("frans", "franse"),
    "GB": ("brits", "britse"), "JP": ("japans", "japanse"), "KR": ("zuid-koreaans",
                                                                    "zuid-koreaanse"),
    "TW": ("taiwanees", "taiwanese"), "RU": ("russisch", "russische"), "BE": ("belgisch",
                                                                           "belgische"),
    "IT": ("italiaans", "italiaanse"), "ES": ("spaans", "spaanse"), "SE": ("zweeds", "zweedse"),
    "IN": ("indiaas", "indiase"), "IL": ("israëlisch", "israëlische"), "CA": ("canadees",
                                                                           "canadese"),
    "CH": ("zwitsers", "zwitserse"), "FI": ("fins", "finse"), "DK": ("deens", "deense"),
    "NO": ("noors", "noorse"), "PL": ("pools", "poolse"), "UA": ("oekraïens", "oekraïense"),
    "IR": ("iraans", "iraanse"), "TR": ("turks", "turkse"), "AU": ("australisch",
                                                                   "australische"),
}.items():
    for _s in _stems:
        NATIONALITY_ADJECTIVES[_s] = _iso

# Words that separate clauses for the surface (linear-order) fallback.
CLAUSE_BREAKS = frozenset({";", ":", "(", ")", "maar", "terwijl", "omdat", "nadat", "waarna",
                           "hoewel", "want", "zodat", "waardoor", "toen"})


def _lemma_index() -> dict[str, str]:
    # form -> lemma, GLUED first, then the first lemma of VERB_FORMS that lists the form
    # (the order a scan of the tables would find it in)
    index: dict[str, str] = {}
    for lemma, forms in VERB_FORMS.items():
        for form in forms:
            index.setdefault(form, lemma)
    index.update(GLUED)
    return index


# Built once: verb_lemma is asked for every token by several patterns.
_LEMMA_OF_FORM = _lemma_index()


def verb_lemma(form: str) -> str | None:
    """The trigger lemma of a surface form, or None: ``verb_lemma("kocht") == "kopen"``."""
    return _LEMMA_OF_FORM.get(form.lower())


def separable_lemma(base: str, particle: str) -> str | None:
    """The separable verb a base lemma forms with a particle: ("nemen", "over") -> "overnemen"."""
    return SEPARABLE.get((base, particle.lower()))


@lru_cache(maxsize=65536)  # pure over the word; asked for every token
def producer_stem(word: str) -> str | None:
    """The product part of a producer compound: "chipmachinefabrikant" -> "chipmachine".

    Returns None for a bare producer noun ("fabrikant") or a word that is no such compound.
    A hyphen or a linking -s- stays out of the stem ("drone-maker" -> "drone").
    """
    low = word.lower()
    for suffix in PRODUCER_SUFFIXES:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            stem = low[: -len(suffix)].rstrip("-")
            return stem or None
    return None


@lru_cache(maxsize=65536)  # pure over the word; asked for every token
def relation_noun(word: str) -> tuple[str, bool] | None:
    """(predicate, inverted) for a relational noun, also inside compounds ("ASML-dochter",
    "havendochter", "meerderheidsaandeelhouder")."""
    low = word.lower()
    if low in RELATION_NOUNS:
        return RELATION_NOUNS[low]
    if subsidiary_noun(low):
        return ("subsidiary_of", False)
    if low.endswith("aandeelhouder") or low.endswith("eigenaar"):
        return ("owns", False)
    if "-" in low:
        tail = low.rsplit("-", 1)[1]
        if tail in RELATION_NOUNS:
            return RELATION_NOUNS[tail]
    return None


@lru_cache(maxsize=65536)  # pure over the word; asked for every token
def is_state_firm_noun(word: str) -> bool:
    """True for "staatsbedrijf" and its kin (compounds such as "staatschipbedrijf" too)."""
    low = word.lower()
    return low in STATE_FIRM_NOUNS or (low.startswith("staats") and len(low) > 9 and low.endswith(
        ("bedrijf", "bedrijven", "concern", "concerns", "onderneming", "holding", "rederij",
         "bank", "fonds", "maatschappij", "reus", "groep", "conglomeraat")))


@lru_cache(maxsize=65536)  # pure over the word; asked for every token
def is_org_head(word: str) -> bool:
    """True for nouns that name a kind of organisation ("defensiebedrijven", "chipreus")."""
    return word.lower().endswith(ORG_HEAD_SUFFIXES)


@lru_cache(maxsize=65536)  # pure over the word; asked for every token
def is_restriction_noun(word: str) -> bool:
    """True for nouns of restriction, compounds included ("exportrestricties", "sancties")."""
    low = word.lower()
    if low.endswith(("exportstop", "invoerstop", "leveringsstop", "exportverbod", "invoerverbod",
                     "handelsembargo", "wapenembargo", "exportban")):
        return True  # "wapenexportstop", "chipexportverbod"
    return low in RESTRICTION_NOUNS or low.startswith((
        "sanctie", "exportverbod", "exportbeperk", "exportrestrict", "handelsbeperk",
        "importtarie", "invoerheffing", "importheffing", "invoertarie", "strafheffing",
        "heffing", "handelstarie", "vergunningplicht", "vergunningsplicht"))


@lru_cache(maxsize=65536)  # pure over the word; asked for every token
def subsidiary_noun(word: str) -> bool:
    """Compounds of subsidiary nouns: "havendochter", "standaardchipdivisie"."""
    return word.lower().endswith(("dochter", "dochterbedrijf", "dochteronderneming", "divisie",
                                  "dochtermaatschappij", "dochters", "dochterbedrijven"))
