"""Running measurements in fresh processes and printing one line per figure.

Every figure is a ratio against a baseline measured in the same run, because the
machine is shared and absolute times drift; repeated measurements are reduced to
their median.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Figure:
    """One printed line: a measured value, its same-run baseline and the target."""

    key: str
    title: str
    value: float
    unit: str
    baseline: float | None
    baseline_label: str
    target: str
    ok: bool | None  # None: reported, no target
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.value / self.baseline

    def line(self) -> str:
        def fmt(v: float) -> str:
            return f"{v:.3f}" if self.unit in ("s", "MAP") else f"{v:.1f}"

        base = (
            f"baseline {fmt(self.baseline)} {self.unit} ({self.baseline_label})"
            if self.baseline is not None
            else "baseline -"
        )
        ratio = f"ratio {self.ratio:.2f}" if self.ratio is not None else "ratio -"
        verdict = {True: "MET", False: "MISSED", None: "REPORTED"}[self.ok]
        text = (
            f"[{self.key}] {self.title}: {fmt(self.value)} {self.unit} | {base} | {ratio} "
            f"| target {self.target} | {verdict}"
        )
        return text + (f" | {self.note}" if self.note else "")


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


def child_env(workdir: Path) -> dict[str, str]:
    """Headless Qt, private settings: a run never reads or writes the user's files."""
    env = {k: v for k, v in os.environ.items() if k not in {"FACTDESK_DB"}}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        FACTDESK_CONFIG=str(workdir / "settings.json"),
        XDG_CONFIG_HOME=str(workdir / "config"),
        XDG_DATA_HOME=str(workdir / "data"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")])),
    )
    return env


def time_lines(
    cmd: list[str], env: dict[str, str], count: int = 1, timeout: float = 120
) -> tuple[list[float], list[str]]:
    """Seconds from spawning `cmd` to each of the first `count` lines it prints on
    standard output, and those lines ("" where it printed no more)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT, text=True
    )
    times, lines = [], []
    try:
        for _ in range(count):
            lines.append(proc.stdout.readline())
            times.append(time.perf_counter() - start)
        proc.wait(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if not lines[0].strip():
        raise RuntimeError(f"{cmd[:3]}… printed nothing: {proc.stderr.read()[-2000:]}")
    return times, lines


def time_until_line(cmd: list[str], env: dict[str, str], timeout: float = 120) -> float:
    """Seconds from spawning `cmd` to the first line it prints on standard output."""
    return time_lines(cmd, env, 1, timeout)[0][0]


def time_process(cmd: list[str], env: dict[str, str], timeout: float = 120) -> float:
    """Seconds a process takes from spawn to exit (it must succeed)."""
    start = time.perf_counter()
    result = subprocess.run(
        cmd, capture_output=True, env=env, cwd=ROOT, timeout=timeout, check=False
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{cmd[:4]}… failed: {result.stderr.decode()[-2000:]}")
    return elapsed


def run_child(task: str, workdir: Path, args: dict, timeout: float = 900) -> dict:
    """Run `benchmarks.child.<task>` in a fresh interpreter; return its JSON result."""
    cmd = [sys.executable, "-m", "benchmarks.child", task, json.dumps(args)]
    result = subprocess.run(
        cmd, capture_output=True, text=True, env=child_env(workdir), cwd=ROOT, timeout=timeout
    )
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"benchmark task {task} failed:\n{result.stderr[-4000:]}")
    return json.loads(lines[-1])
