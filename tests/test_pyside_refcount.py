"""PySide6 6.12.0 on Python 3.11 leaks a reference to None on each void method call.

After some thousands of calls None's count underflows and the process aborts
("none_dealloc"); 6.11.3 does not. pyproject.toml pins below 6.12 on 3.11 for this.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytest.importorskip("PySide6")

CALLS = 20_000
PROBE = f"""
import sys
from PySide6.QtGui import QTextCursor, QTextDocument

document = QTextDocument()
document.setPlainText("Le maître du Kremlin a notamment demandé au milliardaire. " * 20)
cursor = QTextCursor(document)
length = document.characterCount() - 1
before = sys.getrefcount(None)
for i in range({CALLS}):
    cursor.setPosition(i % length)  # a void method
after = sys.getrefcount(None)
print(before, after, cursor.position(), length)
"""


def test_void_calls_keep_none_refcount():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=180
    )
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-2000:]}"
    before, after, position, length = (int(x) for x in result.stdout.split())
    assert position == (CALLS - 1) % length  # the calls really ran
    assert before - after < 500, f"None lost {before - after} references in {CALLS} calls"
