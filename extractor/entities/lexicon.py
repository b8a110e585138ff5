"""Word lists of the entities stage: the Dutch (and some English) words that type a name
or a noun phrase. Decisions over them live in :mod:`.classify`; this module only lists.

Kept compact on purpose (``fmt: off``): one list per purpose, alphabetised where order
does not matter, so a reviewer can scan a whole list at a glance.
"""

from __future__ import annotations

# fmt: off

# Head nouns of non-commercial organisations (SPEC: INSTITUTE). A compound ending in
# one of them ("onderzoeksinstituut", "defensieministerie") is one as well.
INSTITUTE_HEADS: tuple[str, ...] = (
    "instituut", "instituten", "institute", "institut", "universiteit", "university",
    "hogeschool", "ministerie", "ministry", "agentschap", "agency", "regering", "overheid",
    "kabinet", "leger", "krijgsmacht", "marine", "luchtmacht", "landmacht", "omroep", "kamer",
    "parlement", "senaat", "congres", "commissie", "raad", "rechtbank", "gerechtshof", "hof",
    "autoriteit", "toezichthouder", "inspectie", "laboratorium", "academie", "politie",
    "douane", "kustwacht", "inlichtingendienst", "veiligheidsdienst", "belastingdienst",
    "gemeente", "provincie", "waterschap", "navo", "unie", "centrale bank", "nationale bank",
    "onderzoekscentrum", "kenniscentrum", "academy", "institute", "university", "ministry",
    "commission", "council", "authority", "agentschap", "regulator", "energieregulator",
    "ambassade", "consulaat", "loket", "vakbond", "branchevereniging", "brancheorganisatie",
    "werkgeversorganisatie", "denktank", "ziekenhuis", "umc", "stichting", "organisatie",
    "regulator", "ontwikkelingsmaatschappij", "verbond", "werkgeversverbond",
    "ondernemersvereniging", "brancheclub",
    "beroepsvereniging", "consumentenbond", "federatie", "sectorfederatie", "vereniging",
    "omgevingsdienst", "rijksdienst", "overheidsdienst", "inspectiedienst",
    "opsporingsdienst", "geheime dienst", "immigratiedienst", "rekenkamer", "ombudsman",
)

# Words that mark a commercial company: legal forms and business descriptors.
LEGAL_FORMS: frozenset[str] = frozenset({
    "ab", "aerospace", "ag", "airlines", "asa", "b.v.", "bhd", "bv", "bv.", "capital", "co.",
    "company", "corp", "corp.", "corporation", "electronics", "energy", "gmbh", "groep",
    "group", "holding", "holdings", "inc", "inc.", "industries", "kk", "limited", "llc",
    "logistics", "lp", "ltd", "ltd.", "motors", "n.v.", "nv", "nv.", "oyj", "partners",
    "pharma", "pharmaceutica", "pharmaceuticals", "plc", "pte", "s.a.", "s.a.s.", "s.p.a.",
    "sa", "sas", "se", "semiconductor", "semiconductors", "shipping", "spa", "systems",
    "technologies", "telecom", "therapeutics", "ventures",
})

FIRM_DESCRIPTOR_HEADS: tuple[str, ...] = (
    "fabrikant", "maker", "bouwer", "producent", "leverancier", "bedrijf", "onderneming",
    "divisie", "dochteronderneming", "batterijdochter",
    "concern", "gigant", "groep", "firma", "multinational", "start-up", "startup", "scale-up",
    "dochter", "rederij", "maatschappij", "verzekeraar", "uitgever", "exploitant", "operator",
    "netbeheerder", "retailer", "keten", "handelaar", "ontwikkelaar", "investeerder",
    "durfinvesteerder", "bank", "reus", "conglomeraat", "werf", "scheepswerf", "chipmaker",
    "persbureau", "krant", "dagblad",
    # trades and businesses by what they do: "brouwerij Duvel Moortgat", "chocolatier
    # Callebaut", "telecomaanbieder Odido", "vervoerder Arriva"
    "brouwerij", "drukkerij", "uitgeverij", "bakkerij", "raffinaderij", "chocolatier",
    "coöperatie", "supermarkt", "supermarktketen", "aanbieder", "vervoerder", "transporteur",
    "distributeur", "importeur", "exporteur", "advocatenkantoor", "accountantskantoor",
    "adviesbureau", "ingenieursbureau", "webwinkel", "autobouwer", "farmaceut", "zuivelgroep",
    "telecombedrijf", "energieleverancier", "luchtvaartmaatschappij", "touroperator",
)

# Descriptors that are too general to name an organisation when alone after
# "de"/"het" but fine as heads of a description ("het bedrijf" -> the last firm).
GENERIC_DESCRIPTIONS: frozenset[str] = frozenset({
    "bedrijf", "chipmaker", "concern", "dochter", "dochterbedrijf", "fabrikant", "firma",
    "groep", "instituut", "leverancier", "maker", "ministerie", "onderneming", "organisatie",
    "producent", "staatsbedrijf", "universiteit",
})

# Government heads: with a nationality adjective they name that state's government,
# and all of them are one entity ("Chinese overheid" = "Chinese staat").
GOVERNMENT_HEADS: frozenset[str] = frozenset({
    "autoriteiten", "kabinet", "overheid", "regering", "regime", "rijksoverheid", "staat",
})

# Last parts of compounds that name goods or technology (SPEC: PRODUCT).
PRODUCT_HEADS: tuple[str, ...] = (
    "machine", "machines", "chip", "chips", "systeem", "systemen", "toestel", "toestellen",
    "onderdeel", "onderdelen", "drone", "drones", "raket", "raketten", "vaccin", "vaccins",
    "technologie", "technologieën", "apparatuur", "installatie", "installaties", "halfgeleider",
    "halfgeleiders", "processor", "processors", "processoren", "vliegtuig", "vliegtuigen",
    "straaljager", "straaljagers", "helikopter", "helikopters", "fregat", "fregatten",
    "onderzeeër", "onderzeeërs", "onderzeeboot", "onderzeeboten", "tank", "tanks", "wapen",
    "wapens", "munitie", "granaten", "satelliet", "satellieten", "medicijn", "medicijnen",
    "geneesmiddel", "geneesmiddelen", "smartphone", "smartphones", "telefoon", "telefoons",
    "batterij", "batterijen", "accu", "accu's", "turbine", "turbines", "software", "scanner",
    "scanners", "laser", "lasers", "ruimtestation", "sensor", "sensoren", "module", "modules",
    "componenten", "component", "lithografiemachine", "wafers", "wafer", "schip", "schepen",
    "radar", "radars", "reactor", "reactoren", "ruimtevaartprogramma", "programma", "computer",
    "computers", "laptop", "laptops", "transistor", "transistors", "diode", "diodes",
    "controller", "controllers", "elektronica", "koeler", "koelers", "kabelbomen", "kabelboom",
    "server", "servers", "camera", "camera's", "robot", "robots", "apparaat", "apparaten",
    "voertuig", "voertuigen", "vrachtwagen", "vrachtwagens", "trein", "treinen", "zonnepaneel",
    "zonnepanelen", "windturbine", "windturbines", "lng", "aardgas", "gas", "waterstof",
    "ammoniak", "olie", "ruwe olie", "kolen", "staal", "aluminium", "lithium", "uranium",
    "kerosine", "diesel", "benzine", "stroom", "elektriciteit", "brandstof", "brandstoffen",
    "kunstmest", "graan", "tarwe", "geweren", "kanonnen", "howitzers", "pantservoertuigen",
    "gevechtsvliegtuig", "gevechtsvliegtuigen", "lanceerinstallatie", "lanceerinstallaties",
    "onderdeel", "staartdelen", "vleugelkleppen", "landingsgestel", "landingsgestellen",
    "motoren", "motor", "vliegtuigmotoren", "microchips", "geheugenchips", "plaatjes",
    "materialen", "grondstoffen", "metalen", "zeldzame aardmetalen", "gallium", "germanium",
    "insuline", "antibiotica", "pillen", "tabletten", "implantaten", "lenzen", "lens",
    "spiegels", "lichtbron", "lichtbronnen", "antenne", "antennes", "basisstation",
    "basisstations", "modem", "modems", "kraan", "kranen", "havenkranen", "defibrillator",
    "defibrillatoren", "airfryer", "airfryers", "mijnenjager", "mijnenjagers", "goederen",
    "koffiemachines", "lpg", "aed's", "aed", "chipapparatuur", "microcontroller", "auto",
    "auto's", "ev's", "waferhandler", "waferhandlers", "geschutskoepel", "geschutskoepels",
    "wagen", "cel", "cellen", "wagens", "nikkel", "mangaan", "kobalt", "zink", "ijzererts",
    "edelmetalen", "kathodes", "anodes", "grafiet", "polysilicium",
    # goods of the wider economy (trade and tariff news): food, consumer goods, materials,
    # vehicles, energy equipment, munitions, medicines
    "bier", "wijn", "whisky", "whiskey", "kaas", "zuivel", "vlees", "varkensvlees",
    "rundvlees", "kippenvlees", "maïs", "soja", "sojabonen", "rijst", "suiker", "cacao",
    "koffie", "chocolade", "aardappelen", "bloemen", "tulpen", "groenten", "eieren",
    "kleding", "schoenen", "textiel", "meubels", "speelgoed", "cosmetica", "sigaretten",
    "tabak", "fietsen", "e-bikes", "motorfietsen", "scooters", "televisies", "tv's",
    "koelkasten", "wasmachines", "warmtepompen", "cv-ketels", "horloges", "chemicaliën",
    "ethyleen", "propyleen", "plastic", "plastics", "kunststof", "kunststoffen", "polymeren",
    "papier", "karton", "cement", "glas", "kabels", "meststoffen", "pesticiden",
    "bussen", "tractoren", "jachten", "bommen", "kogels", "explosieven", "mortieren",
    "raketwerpers", "pantserwagens", "printers", "tablets", "routers", "windmolens",
    "elektrolysers", "elektrolyzers", "omvormers", "transformatoren", "generatoren",
    "pompen", "pacemakers", "antilichamen", "medicatie",
    # chip technology and advanced materials
    "gpu", "gpu's", "cpu", "cpu's", "procedé", "procedés", "bonder", "bonders",
    "composiet", "composieten", "vezels", "kleefstoffen", "coatings", "soda", "peroxide",
    "artillerie", "geheugen",
)

# Compounds with a product head that are no goods ("ecosysteem", "denktank").
NOT_PRODUCTS: frozenset[str] = frozenset({
    "belastingsysteem", "bloedgas", "brandstof", "broeikasgas", "denktank", "ecosysteem",
    "elektriciteit", "elektronica", "gasprijs", "gasveld", "huisarts", "investeringsprogramma",
    "kansspelautomaat", "kiessysteem", "landcomponent", "luchtcomponent", "marinecomponent",
    "materialen", "medische component", "metalen", "motor", "olieprijs", "onderwijssysteem",
    "onderzoekscomputer", "onderzoeksprogramma", "partijprogramma", "pensioensysteem", "pillen",
    "prijsplafond", "programma", "programmacomputer", "propagandamachine", "rechtssysteem",
    "regeerprogramma", "stemmachine", "stroom", "stroomnet", "stroomprijs", "subsidieprogramma",
    "tankstation", "televisieprogramma", "tijdmachine", "traangas", "tv-programma",
    "uitlaatgas", "verkiezingsprogramma", "verschepen", "zenuwgas", "zorgsysteem",
    # compounds of the wider goods heads that are no goods
    "vergrootglas", "waardepapier", "waardepapieren", "glas-in-lood", "stormbussen",
    "brievenbussen", "collectebussen",
})

# Product heads too general to be a product alone: "de machines" refers back to
# "duv-lithografiemachines"; "huishoudelijke apparaten" is no product line.
GENERIC_PRODUCT_HEADS: frozenset[str] = frozenset({
    "apparaat", "auto", "component", "goederen", "installatie", "machine", "module", "product",
    "schip", "systeem", "toestel", "voertuig", "wagen",
    # the number-neutral keys (classify.head_key) of "goederen", "apparaten"
    "goeder", "apparat",
    # "de technologie", "Amerikaanse technologie": know-how in general, not goods
    "technologie",
})

# Heads that stay an entity of their own even when a compound of them is around
# ("chips" beside "nfc-chips").
STANDALONE_PRODUCTS: frozenset[str] = frozenset({
    "chip", "elektronica", "gas", "onderdeel", "software", "wapen",
})

# Descriptors that introduce a product name: "ruimtevaartprogramma Shenzhou",
# "het model Twinscan NXT:2000i", "straaljager F-35".
PRODUCT_NAME_DESCRIPTORS: tuple[str, ...] = (
    "programma", "model", "type", "merk", "systeem", "machine", "vaccin", "medicijn", "toestel",
    "jager", "raket", "drone", "chip", "processor", "satelliet", "station", "vliegtuig",
    "serie", "platform", "smartphone", "telefoon", "tank", "schip", "fregat",
)

# Evaluative adjectives that SPEC strips from spans ("de geavanceerdste euv-machines").
EVALUATIVE_PREFIXES: tuple[str, ...] = (
    "geavanceerd", "modern", "nieuw", "belangrijk", "groot", "grootst", "klein", "kleinst",
    "essentieel", "hoogwaardig", "krachtig", "snel", "duur", "goedkoop", "beste", "best",
    "geduchte", "cruciaal", "strategisch", "gevoelig", "populair", "bekend", "innovatief",
    "zogenoemd", "zogenaamd", "opvallend", "eigen", "ander", "enig", "veel", "verschillend",
    "oud", "ouder", "oudst", "meest", "allernieuwst", "laatst", "vorig", "huidig", "zeer",
    "extra",
    # ordinals and completeness count, they do not say what kind: "de eerste toestellen",
    # "complete modules" are the goods named before
    "eerst", "tweede", "derde", "vierde", "vijfde", "volgend", "compleet", "complete",
    "volledig",
)

PLACE_DESCRIPTORS: tuple[str, ...] = (
    "provincie", "gemeente", "stad", "regio", "deelstaat", "dorp", "streek", "eiland",
    "havenstad", "hoofdstad", "miljoenenstad", "wijk", "plaats", "land",
)

# Plural nouns of nationality ("de Amerikanen") are no names of anything we type.
DEMONYMS: frozenset[str] = frozenset({
    "amerikanen", "australiërs", "belgen", "brabanders", "brabants", "brazilianen", "britten",
    "canadezen", "chinezen", "denen", "duitsers", "engelsen", "europeanen", "finnen", "fransen",
    "fries", "gronings", "indiërs", "iraniërs", "israëliërs", "italianen", "japanners",
    "koreanen", "limburgers", "limburgs", "mexicanen", "nederlanders", "noren", "oekraïners",
    "oostenrijkers", "polen", "russen", "spanjaarden", "taiwanezen", "turken", "twents",
    "vlaams", "vlamingen", "walen", "zeeuws", "zweden", "zwitsers",
})

# Ministerial portfolios: "minister Sander Wijnberg (Buitenlandse Handel)".
PORTFOLIO_WORDS: frozenset[str] = frozenset({
    "asiel", "binnenlandse", "buitenlandse", "cultuur", "defensie", "digitale", "economie",
    "economische", "en", "energie", "financiën", "groei", "groene", "handel", "infrastructuur",
    "innovatie", "justitie", "klimaat", "koninkrijksrelaties", "landbouw", "migratie", "milieu",
    "nationale", "natuur", "onderwijs", "ontwikkelingshulp", "ontwikkelingssamenwerking",
    "ordening", "ruimtelijke", "sociale", "sport", "veiligheid", "visserij", "voedselkwaliteit",
    "volksgezondheid", "waterstaat", "welzijn", "werkgelegenheid", "wetenschap", "wonen",
    "zaken",
})

# Role nouns that introduce a person ("staatssecretaris Mark Verhoef", "topman Zhang");
# compounds count too ("FNV-bestuurder", "ondernemingsraadslid").
ROLE_HEADS: tuple[str, ...] = (
    "minister", "premier", "president", "staatssecretaris", "topman", "topvrouw", "ceo", "cfo",
    "cto", "directeur", "bestuurder", "voorzitter", "woordvoerder", "woordvoerster",
    "onderzoeker", "onderzoekster", "hoogleraar", "professor", "analist", "econoom",
    "wethouder", "burgemeester", "commissaris", "oprichter", "advocaat", "journalist",
    "correspondent", "generaal", "commandant", "kamerlid", "europarlementariër", "ambassadeur",
    "bondskanselier", "koning", "koningin", "prins", "prinses", "paus", "dr.", "prof.", "ir.",
    "mr.", "drs.", "mevrouw", "meneer", "heer", "baas", "chef", "manager", "lid",
    "topbestuurder", "kanselier", "ondernemer", "miljardair", "specialist", "expert",
    "deskundige", "politicus", "leider", "topambtenaar", "ambtenaar", "diplomaat", "medewerker",
    "werknemer", "piloot", "minister-president", "vicepremier", "secretaris-generaal",
    "directrice", "eigenaresse", "collega", "partijleider", "fractievoorzitter", "staatshoofd",
    "dictator", "hoofdeconoom", "strateeg", "adviseur", "ingenieur", "wetenschapper", "auteur",
    "schrijver", "lector", "docent", "promovendus", "student", "arts", "zakenman",
    "zakenvrouw", "hoofdredacteur", "redacteur", "verslaggever", "fotograaf", "rechter",
    "aanklager", "officier van justitie", "curator", "notaris", "consultant", "historicus",
    "sinoloog", "politicoloog", "socioloog", "jurist", "gedeputeerde", "statenlid",
    "raadslid", "senator", "parlementslid", "volksvertegenwoordiger", "vakbondsman",
    "vakbondsleider", "kenner", "insider", "econome", "onderzoeksleider", "bewindsman",
    "bewindsvrouw", "staatssecretaresse", "minister-president", "gouverneur", "ceo's",
)

NAME_PARTICLES: frozenset[str] = frozenset({
    "al", "bin", "da", "de", "del", "den", "der", "di", "dos", "du", "el", "ibn", "la", "le",
    "ten", "ter", "van", "vom", "von",
})

# English heads of institute names ("Joint Program Office", "Harbin Institute ...").
ENGLISH_INSTITUTE_WORDS: frozenset[str] = frozenset(
    """academy institute institution university college school council foundation commission
    authority agency department bureau office court parliament army navy ministry laboratory
    laboratories centre center society""".split()
)
# fmt: on
