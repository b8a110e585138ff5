"""Dutch country names, short forms and nationality adjectives -> ISO 3166-1 alpha-2.

Names come from Babel's CLDR data (``Locale("nl").territories``), so every
sovereign state has its official Dutch name; the hand-written tables below add
what CLDR lacks: short forms and abbreviations ("VS", "VK", "Amerika"),
historical and colloquial names ("Holland", "Engeland", "Wit-Rusland") and the
nationality adjectives ("Chinees", "Chinese", "Brits-Zweedse").

Decisions (documented here because annotators ask):
- SPEC counts sovereign states (Taiwan too). Dependent territories with their
  own ISO code (Hongkong, Groenland, Aruba, ...) are *not* COUNTRY here: news
  treats them as places, so :func:`country_iso` leaves them out and the
  typer makes them LOCATION.
- "Vlaams"/"Waals" (Flanders, Wallonia) are regions of Belgium; a Flemish firm
  is a Belgian firm, so the adjectives give ``BE`` (the entity's country),
  while the *nouns* "Vlaanderen"/"Wallonië" stay LOCATION.
- "Europees"/"Europese" is no nationality (the EU is an INSTITUTE), so it
  gives nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

# CLDR territory codes that are no ISO 3166-1 country, or not a sovereign state
# as SPEC section 1 counts them.
_NOT_COUNTRIES = frozenset(
    """AC AQ AS AI AW AX BL BM BQ BV CC CK CP CQ CW CX DG EA EU EZ FK FO GF GG GI GL GP GS GU
    HK HM IC IM IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR QO RE SH SJ SX TA TC TF TK UM UN
    VG VI WF XA XB YT ZZ EH""".split()
)

# Short forms, abbreviations and colloquial names CLDR does not give.
_EXTRA_NAMES: dict[str, str] = {
    "vs": "US",
    "v.s.": "US",
    "usa": "US",
    "u.s.": "US",
    "amerika": "US",
    "verenigde staten van amerika": "US",
    "de verenigde staten": "US",
    "vk": "GB",
    "v.k.": "GB",
    "groot-brittannië": "GB",
    "brittannië": "GB",
    "engeland": "GB",
    "verenigd koninkrijk": "GB",
    "uk": "GB",
    "holland": "NL",
    "nederland": "NL",
    "volksrepubliek china": "CN",
    "volksrepubliek": "CN",
    "rusland": "RU",
    "russische federatie": "RU",
    "wit-rusland": "BY",
    "belarus": "BY",
    "zuid-korea": "KR",
    "korea": "KR",
    "republiek korea": "KR",
    "noord-korea": "KP",
    "taiwan": "TW",
    "republiek china": "TW",
    "tsjechië": "CZ",
    "tsjechische republiek": "CZ",
    "birma": "MM",
    "myanmar": "MM",
    "saudi-arabië": "SA",
    "saoedi-arabië": "SA",
    "vae": "AE",
    "emiraten": "AE",
    "verenigde arabische emiraten": "AE",
    "congo": "CD",
    "democratische republiek congo": "CD",
    "ivoorkust": "CI",
    "bosnië": "BA",
    "macedonië": "MK",
    "moldavië": "MD",
    "vaticaan": "VA",
    "palestina": "PS",
    "zuid-afrika": "ZA",
    "nieuw-zeeland": "NZ",
    "oost-timor": "TL",
    "kirgizstan": "KG",
    "turkije": "TR",
    "türkiye": "TR",
    "bahama's": "BS",
    "bahamas": "BS",
    "filipijnen": "PH",
    "kaapverdië": "CV",
}

# Dutch nationality adjectives, stem form (the -e inflection is added below).
# Spelled as Dutch news writes them.
_ADJECTIVES: dict[str, str] = {
    "nederlands": "NL",
    "hollands": "NL",
    "belgisch": "BE",
    "vlaams": "BE",
    "waals": "BE",
    "luxemburgs": "LU",
    "duits": "DE",
    "frans": "FR",
    "brits": "GB",
    "engels": "GB",
    "schots": "GB",
    "iers": "IE",
    "amerikaans": "US",
    "canadees": "CA",
    "mexicaans": "MX",
    "braziliaans": "BR",
    "argentijns": "AR",
    "chileens": "CL",
    "colombiaans": "CO",
    "peruaans": "PE",
    "venezolaans": "VE",
    "cubaans": "CU",
    "chinees": "CN",
    "japans": "JP",
    "zuid-koreaans": "KR",
    "koreaans": "KR",
    "noord-koreaans": "KP",
    "taiwanees": "TW",
    "taiwanes": "TW",
    "indiaas": "IN",
    "indisch": "IN",
    "pakistaans": "PK",
    "indonesisch": "ID",
    "maleisisch": "MY",
    "singaporees": "SG",
    "thais": "TH",
    "vietnamees": "VN",
    "filipijns": "PH",
    "australisch": "AU",
    "nieuw-zeelands": "NZ",
    "russisch": "RU",
    "oekraïens": "UA",
    "oekraiens": "UA",
    "wit-russisch": "BY",
    "belarussisch": "BY",
    "pools": "PL",
    "tsjechisch": "CZ",
    "slowaaks": "SK",
    "hongaars": "HU",
    "roemeens": "RO",
    "bulgaars": "BG",
    "grieks": "GR",
    "turks": "TR",
    "italiaans": "IT",
    "spaans": "ES",
    "portugees": "PT",
    "zwitsers": "CH",
    "oostenrijks": "AT",
    "zweeds": "SE",
    "noors": "NO",
    "deens": "DK",
    "fins": "FI",
    "ijslands": "IS",
    "ests": "EE",
    "estisch": "EE",
    "lets": "LV",
    "litouws": "LT",
    "sloveens": "SI",
    "kroatisch": "HR",
    "servisch": "RS",
    "israëlisch": "IL",
    "israelisch": "IL",
    "iraans": "IR",
    "iraaks": "IQ",
    "syrisch": "SY",
    "libanees": "LB",
    "saoedisch": "SA",
    "saudisch": "SA",
    "saoedi-arabisch": "SA",
    "egyptisch": "EG",
    "marokkaans": "MA",
    "algerijns": "DZ",
    "tunesisch": "TN",
    "nigeriaans": "NG",
    "keniaans": "KE",
    "zuid-afrikaans": "ZA",
    "ethiopisch": "ET",
    "qatarees": "QA",
    "koeweits": "KW",
    "emiraats": "AE",
    "emiratisch": "AE",
    "jordaans": "JO",
    "afghaans": "AF",
    "kazachs": "KZ",
    "mongools": "MN",
    "georgisch": "GE",
    "armeens": "AM",
    "azerbeidzjaans": "AZ",
    "maltees": "MT",
    "cypriotisch": "CY",
    "surinaams": "SR",
    "bengaals": "BD",
    "bangladees": "BD",
    "srilankaans": "LK",
    "nepalees": "NP",
    "libisch": "LY",
    "soedanees": "SD",
    "ghanees": "GH",
    "senegalees": "SN",
    "congolees": "CD",
    "angolees": "AO",
    "mozambikaans": "MZ",
    "omaans": "OM",
    "bahreins": "BH",
    "jemenitisch": "YE",
}


def _norm(word: str) -> str:
    return word.strip().lower().replace("’", "'")


def strip_possessive(word: str) -> str:
    """'China's' -> 'China', 'Amerika’s' -> 'Amerika'; other words unchanged."""
    return re.sub(r"['’]s$", "", word)


@lru_cache(maxsize=1)
def _name_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, name in Locale("nl").territories.items():
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
            table[_norm(name)] = code
    table.update(_EXTRA_NAMES)
    return table


@lru_cache(maxsize=1)
def _adjective_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for stem, code in _ADJECTIVES.items():
        table[stem] = code
        # Inflected form: "Chinees" -> "Chinese", "Nederlands" -> "Nederlandse",
        # "Amerikaans" -> "Amerikaanse" (Dutch simplifies the long vowel before -e).
        if stem.endswith(("ees", "aas", "oos", "uus")):
            inflected = stem[:-2] + stem[-1] + "e"
        else:
            inflected = stem + "e"
        table[inflected] = code
    return table


@lru_cache(maxsize=65536)
def country_iso(name: str) -> str | None:
    """ISO code of a Dutch country name or short form ("Verenigde Staten", "VS", "China's").

    A leading article ("de Verenigde Staten") and a possessive ending are ignored;
    a trailing full stop is tolerated ("VS." at the end of a sentence).
    """
    key = _norm(strip_possessive(name.strip()))
    table = _name_table()
    if key in table:
        return table[key]
    if key.endswith(".") and key[:-1] in table and not key[:-1].endswith("."):
        return table[key[:-1]]
    if key.startswith(("de ", "het ")):
        return country_iso(key.split(" ", 1)[1])
    return None


def country_names() -> dict[str, str]:
    """Every known (lower-case) country name and short form -> ISO code."""
    return dict(_name_table())


def country_name(iso: str) -> str:
    """The Dutch CLDR name of a country code ("NL" -> "Nederland")."""
    return Locale("nl").territories.get(iso, iso)


@lru_cache(maxsize=65536)
def nationality_adjective_isos(word: str) -> tuple[str, ...]:
    """All countries a nationality adjective names: "Brits-Zweedse" -> ("GB", "SE").

    Compound adjectives joined by hyphens are split; every part must be a
    nationality adjective, or the word is none ("Zuid-Koreaanse" is one part).
    """
    key = _norm(word)
    table = _adjective_table()
    if key in table:
        return (table[key],)
    parts = key.split("-")
    if len(parts) < 2:
        return ()
    # The parts before the last appear in stem form ("Brits-", "Frans-").
    codes: list[str] = []
    for part in parts:
        code = table.get(part)
        if code is None:
            return ()
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def nationality_adjective_iso(word: str) -> str | None:
    """ISO code of a nationality adjective ("Chinees", "Nederlandse"), else None.

    For a compound adjective ("Brits-Zweedse") the first country is returned;
    use :func:`nationality_adjective_isos` for all of them.
    """
    codes = nationality_adjective_isos(word)
    return codes[0] if codes else None
