"""Entities under construction (:class:`Group`) and the small helpers every
resolution step uses on them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schema import EntityType
from .mentions import Candidate

ORG_TYPES = frozenset({"FIRM", "INSTITUTE"})


@dataclass
class Group:
    """One entity under construction."""

    key: str
    type: EntityType
    members: list[Candidate] = field(default_factory=list)
    iso: str | None = None
    country: str | None = None
    adjectives: list[tuple[int, int, int, str, str]] = field(default_factory=list)
    # (token, start_char, end_char, text, modified group key)
    from_adjective: bool = False

    @property
    def first(self) -> int:
        starts = [c.start_char for c in self.members] + [a[1] for a in self.adjectives]
        return min(starts) if starts else 10**9

    def names(self) -> list[Candidate]:
        return [c for c in self.members if c.kind in {"name", "acronym"}]


def _head_words(group: Group) -> set[str]:
    words: set[str] = set()
    for cand in group.members:
        if cand.kind == "description":
            words.add(cand.head)
        else:
            for word in cand.text.lower().replace("-", " ").split():
                words.add(word)
    return words


def _get_group(groups: dict[str, Group], key: str, type_: EntityType) -> Group:
    group = groups.get(key)
    if group is None:
        group = groups[key] = Group(key, type_)
    return group


def _group_country(group: Group) -> str | None:
    if group.country:
        return group.country
    for cand in group.members:
        if cand.countries:
            return cand.countries[0]
    return None


def _add(group: Group, cand: Candidate, by_member: dict[int, Group]) -> None:
    group.members.append(cand)
    by_member[id(cand)] = group
