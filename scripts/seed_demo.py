"""Print the seed article's claims, as the extractor finds them, as a Markdown table.

    python scripts/seed_demo.py [--model DIR] [--seed FILE] [--write-readme README.md]

(defaults: models/nl_extractor and ../shared/seed/nos-asml-cetc.txt)

The README's table is this script's output (computed, never written by hand). The seed
article is read from ../shared/seed (relative to the repository root) and not copied here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- seed-demo:start -->", "<!-- seed-demo:end -->"
sys.path.insert(0, str(ROOT))


def claims_table(text: str, model: str, published: str | None = None) -> str:
    """The Markdown table of the claims the full pipeline finds in ``text``."""
    from extractor.nlp import build_nlp

    nlp = build_nlp(model)
    doc = nlp.make_doc(text)
    doc._.published = published
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    names = {e.id: e.name for e in doc._.entities}
    rows = ["| subject | predicate | object | negated | modality | product | time | "
            "confidence | evidence |", "|---|---|---|---|---|---|---|---|---|"]
    for c in doc._.claims:
        evidence = c.evidence.sentence.replace("|", "\\|").replace("\n", " ")
        if len(evidence) > 90:
            evidence = evidence[:87] + "..."
        rows.append(
            f"| {names[c.subject]} | {c.predicate} | {names[c.object]} | "
            f"{'yes' if c.negated else 'no'} | {c.modality} | "
            f"{names.get(c.product, '') if c.product else ''} | {c.time or ''} | "
            f"{c.confidence:.2f} | {evidence} |"
        )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(ROOT / "models" / "nl_extractor"))
    parser.add_argument("--seed", default=str(ROOT / ".." / "shared" / "seed" /
                                              "nos-asml-cetc.txt"))
    parser.add_argument("--write-readme", type=Path, default=None,
                        help="replace the table between the seed-demo markers of this file")
    args = parser.parse_args()
    seed = Path(args.seed)
    if not seed.exists():
        print(f"seed article not found: {seed}", file=sys.stderr)
        return 1
    table = claims_table(seed.read_text(encoding="utf-8"), args.model)
    if args.write_readme is None:
        print(table)
        return 0
    readme = args.write_readme.read_text(encoding="utf-8")
    head, sep, rest = readme.partition(START)
    _, sep2, tail = rest.partition(END)
    if not (sep and sep2):
        print(f"markers {START} / {END} not found in {args.write_readme}", file=sys.stderr)
        return 1
    args.write_readme.write_text(f"{head}{START}\n{table}\n{END}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
