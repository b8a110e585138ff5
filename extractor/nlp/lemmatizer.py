"""A faster, news-friendlier version of spaCy's Dutch rule lemmatizer (factory ``nl_lemmatizer``).

Same tables (spacy-lookups-data ``nl``: lemma_lookup, lemma_index, lemma_exc, lemma_rules, saved
inside the model) and the same decision order as ``spacy.lang.nl.lemmatizer.DutchLemmatizer``,
with three changes:

* speed: spaCy tests ``form in lemma_index[pos]`` on a *list* of up to 161,000 words for every
  new word (about 650 words/s); here the index lists become sets once, on first use;
* AUX is lemmatised with the VERB tables (CGN, which the tables come from, has no AUX, so spaCy
  leaves "heeft" as "heeft"; here it becomes "hebben");
* proper nouns keep their spelling ("ASML", not "asml"); whitespace tokens keep their text.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.lang.nl import Dutch
from spacy.lang.nl.lemmatizer import DutchLemmatizer
from spacy.language import Language
from spacy.tokens import Token
from thinc.api import Model

_RULE_POS = ("noun", "verb", "aux", "adj", "adv", "pron", "det", "adp", "num")


class NewsLemmatizer(DutchLemmatizer):
    """See the module docstring."""

    _prepared: bool = False

    def _prepare(self) -> None:
        def pos_table(name: str) -> Callable[[str], object]:
            table = self.lookups.get_table(name, {})
            return lambda pos: table.get(pos, {})

        index, exc, rules = (
            pos_table("lemma_index"),
            pos_table("lemma_exc"),
            pos_table("lemma_rules"),
        )
        self._index = {p: set(index(p)) for p in _RULE_POS}  # type: ignore[call-overload]
        self._exc = {p: dict(exc(p)) for p in _RULE_POS}  # type: ignore[call-overload]
        self._rules = {p: [tuple(r) for r in rules(p)] for p in _RULE_POS}  # type: ignore[attr-defined]
        self._lookup = self.lookups.get_table("lemma_lookup", {})
        self._prepared = True

    def initialize(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        """As spaCy's; new tables invalidate the prepared sets."""
        self._prepared = False
        return super().initialize(*args, **kwargs)

    def from_disk(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        """As spaCy's; new tables invalidate the prepared sets."""
        self._prepared = False
        return super().from_disk(*args, **kwargs)

    def rule_lemmatize(self, token: Token) -> list[str]:
        """Lemma of one token (cached per lower-cased form and POS)."""
        cache_key = (token.lower, token.pos)
        cached = self.cache.get(cache_key)
        if cached is not None:
            return cached if token.pos_ != "PROPN" else [token.text]
        if not self._prepared:
            self._prepare()
        forms = self._lemmatize(token.text, token.pos_)
        self.cache[cache_key] = forms
        return forms

    def _lemmatize(self, text: str, upos: str) -> list[str]:
        if upos in ("", "EOL", "SPACE") or text.isspace():
            return [text]
        if upos == "PROPN":
            return [text]
        pos = "verb" if upos == "AUX" else upos.lower()
        string = text.lower()
        if pos not in _RULE_POS:
            return [string]
        index = self._index[pos]
        if string in index:
            return [string]
        exceptions = self._exc[pos]
        if string in exceptions:
            return [exceptions[string][0]]
        looked_up = self._lookup.get(string)
        if looked_up and looked_up in index:
            return [looked_up]
        oov: list[str] = []
        for old, new in self._rules[pos]:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    continue
                if form in index:
                    return [form]
                oov.append(form)
        forms = list(dict.fromkeys(oov))
        for form in forms:
            if form in exceptions:
                return [form]
        if looked_up:
            return [looked_up]
        return forms[:1] or [string]


@Dutch.factory(
    "nl_lemmatizer",
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "rule",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
    default_score_weights={"lemma_acc": 1.0},
)
def make_nl_lemmatizer(
    nlp: Language,
    model: Model | None,
    name: str,
    mode: str,
    overwrite: bool,
    scorer: Callable | None,
) -> NewsLemmatizer:
    """spaCy factory of :class:`NewsLemmatizer`."""
    return NewsLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)
