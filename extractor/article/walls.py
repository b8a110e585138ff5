"""Cookie/consent walls and paywalls: pages that show a dialog or a teaser, not the article.

The decisions are pure functions of a few page features (:class:`WallSignals`), so they can
be tested with small tables. A cookie *banner* on a page that also carries the article is not
a wall: walls are only declared when the article text is missing, short, or is itself the
consent text.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass
from enum import Enum

from lxml import etree
from lxml.html import HtmlElement

# Words and phrases of consent dialogs (Dutch, English, German, French), matched on lower case.
_CONSENT_TERMS = [
    r"cookies?",
    r"toestemming",
    r"consent",
    r"partners",
    r"akkoord",
    r"accepte(?:er|ren)",
    r"alles accepteren",
    r"ik ga akkoord",
    r"privacyverklaring",
    r"privacybeleid",
    r"cookiebeleid",
    r"cookie[-\s]?(?:instellingen|einstellungen|settings|policy|wall|melding)",
    r"tracking",
    r"akzeptier\w*",
    r"accept(?:ed)?",
    r"agree",
    r"privacy policy",
    r"accepter",
    r"instellingen beheren",
    r"gepersonaliseerde",
    r"persoonsgegevens",
    r"gerechtvaardigd belang",
    r"leveranciers",
    r"surfgedrag",
    r"zustimm\w*",
    r"einwilligung",
    r"datenschutz\w*",
    r"accept all",
    r"manage (?:settings|preferences|options)",
    r"we value your privacy",
    r"legitimate interest",
    r"vendors",
    r"personali[sz]ed (?:ads|advertising|content)",
    r"consentement",
    r"vos données",
]
_CONSENT_RE = re.compile(r"\b(?:" + "|".join(_CONSENT_TERMS) + r")\b", re.IGNORECASE)

# ids/classes of consent-management platforms and wall overlays (not plain cookie banners).
_CONSENT_MARKUP_RE = re.compile(
    r"(?:^|[\s_-])(?:cmp|consent|cookie-?wall|cookiewall|privacy-?wall|didomi|onetrust|"
    r"qc-cmp\w*|sp_message\w*|truste\w*|gdpr-wall)(?:$|[\s_-])",
    re.IGNORECASE,
)

_PAYWALL_MARKUP_RE = re.compile(
    r"(?:paywall|pay-wall|premium-?wall|regwall|subscriber-only|subscribers-only|abo-?wall|"
    r"plus-?wall|article-locked|locked-content|tp-modal|piano-)",
    re.IGNORECASE,
)
# Subscription prompts (Dutch, Flemish, English, German).
_PAYWALL_PHRASES_RE = re.compile(
    r"(?:alleen (?:beschikbaar )?voor abonnees|exclusief voor abonnees|word (?:nu )?abonnee|"
    r"lees verder met \w+|log in om (?:verder|dit artikel|het artikel) te lezen|"
    r"om dit artikel (?:verder )?te lezen|lees verder met een (?:abonnement|account)|"
    r"(?:plus|premium)-artikel|ben je al abonnee\?|bent u al abonnee\?|"
    r"log in of (?:maak|word)|maak een gratis account|"
    r"subscribe (?:now )?to (?:continue|read)|"
    r"(?:this|the) (?:article|story|content) is (?:only )?(?:available )?(?:for|to) subscribers|"
    r"already a subscriber\?|subscribers only|"
    r"nur für abonnenten|jetzt abonnieren|weiterlesen mit|bereits abonnent\?)",
    re.IGNORECASE,
)

_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head"})

#: An article text shorter than this (words) may be a wall's teaser; longer ones never are.
SHORT_TEXT_WORDS = 150
#: Fewer words than this: the page has no article at all.
NOTHING_WORDS = 30
#: With the publisher's own ``isAccessibleForFree: false``, a longer teaser still counts.
FLAGGED_TEASER_WORDS = 250


class Wall(Enum):
    NONE = "none"
    CONSENT = "consent_wall"
    PAYWALL = "paywalled"


@dataclass(frozen=True)
class WallSignals:
    """What the page says about walls, gathered once from the HTML."""

    consent_markup: bool = False
    paywall_markup: bool = False
    paywall_phrase: bool = False
    not_free_flag: bool = False  # JSON-LD isAccessibleForFree: false
    page_text: str = ""  # visible text of the whole page


def consent_terms(text: str) -> tuple[int, int]:
    """(occurrences, distinct terms) of consent-dialog vocabulary in the text."""
    hits = [m.group(0).lower() for m in _CONSENT_RE.finditer(text)]
    return len(hits), len(set(hits))


def is_consent_text(text: str) -> bool:
    """Text that is mostly a consent dialog: several distinct consent terms in few words.

    A full dialog uses four or more different terms; a minimal one ("Deze site gebruikt
    cookies. Accepteer cookies om verder te gaan.") two, densely. The density threshold keeps
    articles about cookie rules out.
    """
    words = len(text.split())
    if words == 0:
        return False
    hits, distinct = consent_terms(text)
    if distinct >= 4 and hits / words >= 0.03 and words <= 600:
        return True
    # (sentences, not a footer's "Cookiebeleid | Privacyverklaring" links)
    return distinct >= 2 and hits >= 3 and hits / words >= 0.08 and 8 <= words <= SHORT_TEXT_WORDS


def classify_wall(article_text: str | None, signals: WallSignals) -> Wall:
    """Decide whether the page is a consent wall, a paywall, or neither.

    In order: the extracted text is a consent dialog; nothing was extracted and the page is
    a dialog; a short text with a paywall prompt or ``isAccessibleForFree: false``; nothing
    was extracted and the page carries consent markup or much consent vocabulary; a longer
    teaser that the publisher flags and boxes. A short real text on a page with a cookie
    banner is an article (a news brief).
    """
    text = (article_text or "").strip()
    words = len(text.split())
    nothing = words < NOTHING_WORDS
    if text and is_consent_text(text):
        return Wall.CONSENT
    if nothing and is_consent_text(signals.page_text):
        return Wall.CONSENT
    # paywall class names alone are too weak: many sites carry a login widget named so
    if words < SHORT_TEXT_WORDS and (signals.paywall_phrase or signals.not_free_flag):
        return Wall.PAYWALL
    if nothing and (signals.consent_markup or consent_terms(signals.page_text)[1] >= 4):
        return Wall.CONSENT
    if (
        SHORT_TEXT_WORDS <= words < FLAGGED_TEASER_WORDS
        and signals.not_free_flag
        and (signals.paywall_markup or signals.paywall_phrase)
    ):
        return Wall.PAYWALL
    return Wall.NONE


def cut_paywall_prompt(blocks: list[str]) -> list[str]:
    """A teaser's text without the subscription box: the blocks before the first prompt."""
    for i, block in enumerate(blocks):
        if i > 0 and _PAYWALL_PHRASES_RE.search(block):
            return blocks[:i]
    return blocks


def page_text(tree: HtmlElement) -> str:
    """Visible text of a parsed page (scripts, styles and templates left out)."""
    body = tree.find(".//body")
    root = deepcopy(body if body is not None else tree)
    etree.strip_elements(root, *_INVISIBLE, with_tail=False)
    return " ".join(root.text_content().split())


def gather_signals(tree: HtmlElement, text: str, not_free_flag: bool) -> WallSignals:
    """Read the wall features of a parsed page (``text``: its visible text)."""
    consent_markup = paywall_markup = False
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if names.strip():
            consent_markup = consent_markup or bool(_CONSENT_MARKUP_RE.search(names))
            paywall_markup = paywall_markup or bool(_PAYWALL_MARKUP_RE.search(names))
        if element.tag == "form" and "consent" in (element.get("action") or "").lower():
            consent_markup = True
    return WallSignals(
        consent_markup=consent_markup,
        paywall_markup=paywall_markup,
        paywall_phrase=bool(_PAYWALL_PHRASES_RE.search(text)),
        not_free_flag=not_free_flag,
        page_text=text,
    )
