"""Speed of the Dutch pipeline: words/s and peak memory, 1 process and n_process=2.

    python benchmarks/bench_nlp_speed.py [--model models/nl_extractor] [--full]
        [--text FILE.conllu|FILE.txt ...] [--words 60000] [--ner-model NAME] [--components]
    python benchmarks/bench_nlp_speed.py --full --components   # per stage, rule stages too

Texts: the sentences of the UD Alpino dev file (Dutch news, read from ../shared/data) grouped
into article-sized texts of 20 sentences, or any .txt/.conllu files given with --text.
Words are non-whitespace tokens. ``--full`` adds the project's entity and claim components
(extractor.nlp.build_nlp); by default the base spaCy pipeline is measured. Each configuration
runs in a fresh subprocess so that peak memory (max RSS, children included) is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALPINO = (
    ROOT.parent / "shared" / "data" / "ud-dutch" / "UD_Dutch-Alpino" / "nl_alpino-ud-dev.conllu"
)


def load_texts(paths: list[Path], per_text: int = 20) -> list[str]:
    """Article-sized texts: CoNLL-U ``# text`` lines grouped, or .txt files as they are."""
    texts: list[str] = []
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".conllu":
            sents = [line[9:] for line in raw.splitlines() if line.startswith("# text = ")]
            for i in range(0, len(sents), per_text):
                texts.append(" ".join(sents[i : i + per_text]))
        else:
            texts.append(raw)
    return texts


def run_one(args: argparse.Namespace) -> dict[str, float]:
    """Measure one configuration in this process."""
    sys.path.insert(0, str(ROOT))
    texts = load_texts([Path(p) for p in args.text] or [ALPINO])
    if args.full:
        from extractor.nlp import build_nlp

        nlp = build_nlp(args.model, ner_model=args.ner_model)
    else:
        from extractor.nlp.loader import load_base

        nlp = load_base(args.model, ner_model=args.ner_model)
    # Repeat the texts up to the requested number of words.
    n_words_one = sum(len(t.split()) for t in texts)
    reps = max(1, round(args.words / max(1, n_words_one)))
    corpus = texts * reps
    list(nlp.pipe(corpus[:5]))  # warm-up: lazy initialisation is not speed
    start = time.perf_counter()
    cpu_start = time.process_time()
    words = 0
    for doc in nlp.pipe(corpus, batch_size=args.batch_size, n_process=args.n_process):
        words += sum(1 for t in doc if not t.is_space)
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "n_process": args.n_process,
        "words": words,
        "seconds": round(seconds, 2),
        "words_per_s": round(words / seconds),
        # CPU seconds of this process: on a shared machine, words per CPU-second is the speed
        # of one core that is not shared (meaningful for n_process=1 only).
        "words_per_cpu_s": round(words / cpu_seconds),
        "peak_rss_mb_main": round(peak_self),
        "peak_rss_mb_worker": round(peak_children),
        "pipeline": nlp.pipe_names,  # type: ignore[dict-item]
    }


def component_speeds(args: argparse.Namespace) -> dict[str, int]:
    """Words per CPU-second of the tokenizer and of each component alone (one process); with
    ``--full`` the entity and claim stages too, and "rules" for the two together."""
    sys.path.insert(0, str(ROOT))
    if args.full:
        from extractor.nlp import build_nlp

        nlp = build_nlp(args.model, ner_model=args.ner_model)
    else:
        from extractor.nlp.loader import load_base

        nlp = load_base(args.model, ner_model=args.ner_model)
    texts = load_texts([Path(p) for p in args.text] or [ALPINO])
    list(nlp.pipe(texts[:5]))  # warm-up
    docs = [nlp.make_doc(t) for t in texts]  # the tokenizer's cache is warm in a long run
    start = time.process_time()
    docs = [nlp.make_doc(t) for t in texts]
    speeds = {"tokenizer": time.process_time() - start}
    words = sum(1 for d in docs for t in d if not t.is_space)
    for name, proc in nlp.pipeline:
        start = time.process_time()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=args.batch_size))
        else:
            docs = [proc(d) for d in docs]
        speeds[name] = time.process_time() - start
    out = {name: round(words / max(sec, 1e-9)) for name, sec in speeds.items()}
    rules = [name for name in speeds if name.startswith("extractor_")]
    if rules:
        out["rules"] = round(words / max(sum(speeds[n] for n in rules), 1e-9))
        out["base"] = round(words / sum(v for n, v in speeds.items() if n not in rules))
    out["all"] = round(words / sum(speeds.values()))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--model", default=str(ROOT / "models" / "nl_extractor"))
    parser.add_argument("--ner-model", default=None)
    parser.add_argument("--text", action="append", default=[])
    parser.add_argument("--words", type=int, default=60000)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--n-process", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument(
        "--components", action="store_true", help="words per CPU-second of each component"
    )
    args = parser.parse_args()
    if args.components:
        print(json.dumps(component_speeds(args)))
        return
    if args.n_process is not None:  # child run
        print(json.dumps(run_one(args)))
        return
    for n in (1, 2):
        cmd = [
            sys.executable,
            __file__,
            "--n-process",
            str(n),
            "--model",
            args.model,
            "--words",
            str(args.words),
            "--batch-size",
            str(args.batch_size),
        ]
        cmd += ["--full"] if args.full else []
        cmd += ["--ner-model", args.ner_model] if args.ner_model else []
        for t in args.text:
            cmd += ["--text", t]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        cpu = f"; {r['words_per_cpu_s']} words per CPU-second" if n == 1 else ""
        print(
            f"n_process={n}: {r['words_per_s']:>7} words/s"
            f"  ({r['words']} words in {r['seconds']} s{cpu})"
            f"  peak RSS main {r['peak_rss_mb_main']} MB, worker {r['peak_rss_mb_worker']} MB"
            f"  pipeline={','.join(r['pipeline'])}"
        )


if __name__ == "__main__":
    main()
