"""The benchmark suite runs end to end at tiny sizes, so it never rots (no targets judged)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

try:
    from tests.conftest import ROOT
except ImportError:  # tests/ run as a rootdir without a package
    from conftest import ROOT


def test_benchmark_suite_smoke_run_prints_every_figure(tmp_path):
    from benchmarks.__main__ import ALL

    env = {k: v for k, v in os.environ.items() if k != "FACTDESK_DB"}
    env.update(QT_QPA_PLATFORM="offscreen", FACTDESK_CONFIG=str(tmp_path / "settings.json"))
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--smoke", "--keep", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    printed = re.findall(
        r"^\[(\w+)\] .+ \| baseline .+ \| ratio .+ \| target .+$", result.stdout, re.M
    )
    assert printed == list(ALL), result.stdout
    assert "REPORTED" in result.stdout and "MISSED" not in result.stdout
