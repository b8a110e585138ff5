"""A batch killed with SIGKILL midway, rerun with ``--resume``: exactly N records.

The first run gets stuck on ``/gate/...`` sources (the server holds them), after
the records of the fast sources are written; we kill it there, open the gate and
resume. The final file must have every source exactly once, each line valid JSON.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fault_server import FaultServer

ROOT = Path(__file__).resolve().parent.parent

N_FAST = 40
N_GATED = 10


def start(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen(
        [sys.executable, "-m", "extractor.cli", "articles", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def complete_lines(path: Path) -> int:
    if not path.exists():
        return 0
    return path.read_bytes().count(b"\n")


@pytest.mark.slow
def test_kill_and_resume(tmp_path: Path) -> None:
    with FaultServer() as server:
        fast = [server.url(f"/nl/resume-{i}") for i in range(N_FAST)]
        gated = [server.url(f"/gate/resume-{i}") for i in range(N_GATED)]
        sources = fast[:20] + gated + fast[20:]  # gated ones in the middle of the list
        listing = tmp_path / "list.txt"
        listing.write_text("\n".join(sources) + "\n", encoding="utf-8")
        out = tmp_path / "out.jsonl"
        args = [
            "-i",
            str(listing),
            "-o",
            str(out),
            "--timeout",
            "90",
            "--retries",
            "0",
            "--per-host",
            "20",
            "-q",
        ]

        first = start(args, tmp_path)
        try:
            deadline = time.monotonic() + 90
            while complete_lines(out) == 0 and time.monotonic() < deadline:
                assert first.poll() is None, first.stderr.read() if first.stderr else ""
                time.sleep(0.1)
            written = complete_lines(out)
            assert 0 < written < len(sources), "the first run was not caught midway"
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)

        done_first = [
            json.loads(line)["source"] for line in out.read_bytes().splitlines()[:written]
        ]
        # A torn last line, as a kill during a write leaves it; resume must cut it off.
        with out.open("ab") as fh:
            fh.write(b'{"source": "' + sources[-1].encode() + b'", "stat')
        server.open_gate()

        second = start([*args, "--resume"], tmp_path)
        _, stderr = second.communicate(timeout=120)
        assert second.returncode == 0, stderr.decode(errors="replace")

    raw = out.read_bytes()
    assert raw.endswith(b"\n")
    records = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
    seen = [r["source"] for r in records]
    assert len(records) == len(sources)
    assert sorted(seen) == sorted(sources)  # every source once: none lost, none twice
    bad = [(r["source"], r.get("error"), r.get("message")) for r in records if r["status"] != "ok"]
    assert not bad
    # What the first run wrote was not fetched again.
    requested = server.requests
    for source in done_first:
        assert requested.count(source.removeprefix(server.base)) == 1, source
