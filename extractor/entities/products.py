"""Product noun phrases -> entities by head noun, product lines and named products."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import classify
from .mentions import _CATEGORY_NOUNS, Candidate, name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc
from .groups import Group, _add, _get_group


def _group_products(
    doc: Doc, products: Sequence[Candidate], groups: dict[str, Group], by_member: dict[int, Group]
) -> None:
    """Product noun phrases -> entities by head noun.

    A bare head joins a compound of it in the article ("raketten" -> "Patriot-raketten",
    "fregatten" -> "onderzeebootbestrijdingsfregatten"), except for heads that are
    products in their own right ("chips"); a generic head ("de machines", "toestellen")
    only refers back to such a compound, and is no product of its own.
    """
    descriptor_of = {
        c.descriptor: g
        for g in groups.values()
        for c in g.members
        if c.descriptor is not None and g.type == "PRODUCT"
    }
    keys = {p.head for p in products if not p.extra.get("pp")}
    # "vaccin tegen het zikavirus" is a product line of its own; a bare "onderdeel" joins
    # "onderdeel voor een chipmachine" when that is the only such line with its head
    pp_lines: dict[str, set[str]] = {}
    for prod in products:
        if prod.extra.get("pp"):
            pp_lines.setdefault(prod.head, set()).add(prod.text.lower())
    named = {
        name_key(c.text): g
        for g in groups.values()
        if g.type == "PRODUCT"
        for c in g.members
        if c.kind == "name"
    }
    for prod in products:
        target = descriptor_of.get(prod.end - 1)
        prefix, _, rest = prod.text.partition("-")
        if target is None and rest and rest.lower().endswith(_CATEGORY_NOUNS):
            # "F-35-gevechtsvliegtuigen" is the F-35; "RSV-vaccin" names no product
            target = named.get(name_key(prefix)) or named.get(name_key(prod.text.rsplit("-", 1)[0]))
        if target is None:
            if prod.extra.get("pp"):
                key: str | None = "pp:" + prod.text.lower()
            elif prod.head in classify.GENERIC_PRODUCT_HEADS and prod.extra.get("modified"):
                # "vergunningsplichtige goederen", "elektrische auto's": a product line
                key = "prod:" + prod.text.lower()
            elif len(pp_lines.get(prod.head, ())) == 1:
                key = "pp:" + next(iter(pp_lines[prod.head]))
            else:
                key = _product_key(prod.head, keys, bool(prod.extra.get("modified")))
                key = None if key is None else "prod:" + key
            if key is None:
                continue
            target = _get_group(groups, key, "PRODUCT")
        _add(target, prod, by_member)


def _merge_category_compounds(groups: dict[str, Group]) -> None:
    """A product named "F-35-gevechtsvliegtuigen" or "F-35-programma" (NER MISC) is the
    F-35 when the article names the F-35 itself."""
    named: dict[str, Group] = {}
    for g in groups.values():
        if g.type == "PRODUCT":
            for c in g.members:
                if c.kind == "name" and "-" not in c.text.rstrip("-").split("-", 1)[-1]:
                    named.setdefault(name_key(c.text), g)
    for key, g in list(groups.items()):
        if g.type != "PRODUCT" or not g.members:
            continue
        texts = {c.text for c in g.members}
        targets = set()
        for text in texts:
            stem, _, rest = text.rpartition("-")
            target = (
                named.get(name_key(stem))
                if stem and rest.lower().endswith(_CATEGORY_NOUNS)
                else None
            )
            if target is None or target is g:
                break
            targets.add(target.key)
        else:
            if len(targets) == 1:
                target = groups[targets.pop()]
                target.members.extend(g.members)
                del groups[key]


def _merge_model_names(groups: dict[str, Group]) -> None:
    """ "Harpoons" beside "Harpoon-raketten", "HBM" beside "HBM-geheugen": a name that only
    the fallback typed FIRM, and that (in the plural) is the name glued to a product noun
    in the same article, is that product."""
    prefixes: dict[str, set[str]] = {}
    for key, g in groups.items():
        if g.type != "PRODUCT":
            continue
        for c in g.members:
            stem, _, rest = c.text.partition("-")
            if stem and rest[:1].islower() and stem[:1].isupper():
                prefixes.setdefault(stem, set()).add(key)
    if not prefixes:
        return
    for key, g in list(groups.items()):
        if g.type != "FIRM" or not g.members:
            continue
        if not all(c.kind == "name" and c.extra.get("fallback_type") for c in g.members):
            continue
        targets: set[str] = set()
        for c in g.members:
            text = c.text
            forms = {text, text[:-2] if text.endswith(("'s", "’s")) else text.removesuffix("s")}
            for form in forms:
                targets |= prefixes.get(form, set())
        if targets:
            # several ("Patriot-systeem", "Patriot-raketten"): the one named first
            target = min((groups[t] for t in targets), key=lambda t: t.first)
            for c in g.members:
                c.type = "PRODUCT"
            target.members.extend(g.members)
            del groups[key]


def _product_key(head: str, keys: set[str], modified: bool) -> str | None:
    if head in classify.STANDALONE_PRODUCTS:
        return head
    longer = sorted(
        k for k in keys if k != head and k.endswith(head) and not k.endswith(head + "-")
    )
    if longer:
        return longer[0]
    if head in classify.GENERIC_PRODUCT_HEADS and not modified:
        return None
    return head
