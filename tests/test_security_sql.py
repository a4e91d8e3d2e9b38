"""No SQL is built by string formatting anywhere in desktop/: values go in as parameters.

The check reads the syntax tree, so it sees through line breaks and aliases of the
call: any f-string, %-format, .format() or string concatenation passed as the SQL of
execute/executemany/executescript/exec_driver_sql/text() is reported with its place.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

SQL_CALLS = {"execute", "executemany", "executescript", "exec_driver_sql", "text"}


def _is_built_string(node: ast.AST) -> bool:
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        return _is_stringish(node.left) or _is_stringish(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in {"format", "join"} and _is_stringish(node.func.value)
    return False


def _is_stringish(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        or isinstance(node, ast.JoinedStr)
        or _is_built_string(node)
    )


def formatted_sql(source: str, name: str = "<source>") -> list[str]:
    """Places in `source` where formatted text is handed to an SQL-executing call."""
    found = []
    for node in ast.walk(ast.parse(source, filename=name)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if called in SQL_CALLS and _is_built_string(node.args[0]):
            found.append(f"{name}:{node.lineno}: {called}({ast.unparse(node.args[0])[:60]})")
    return found


def test_the_checker_catches_every_form():
    sample = """
conn.execute(f"SELECT * FROM t WHERE id = {i}")
cur.executemany("INSERT INTO %s VALUES (?)" % table, rows)
conn.exec_driver_sql("DELETE FROM " + table)
session.execute(text("SELECT {}".format(col)))
engine.execute(
    "UPDATE t SET x = 1 "
    f"WHERE name = '{name}'"
)
conn.execute("SELECT * FROM t WHERE id = ?", (i,))
conn.execute(text("SELECT 1"))
session.exec(select(Claim).where(Claim.id == i))
"""
    found = formatted_sql(sample)
    assert sorted(int(line.split(":")[1]) for line in found) == [2, 3, 4, 5, 6]


def test_no_formatted_sql_in_desktop():
    problems = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        problems += formatted_sql(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    assert problems == [], "\n".join(problems)


def test_ruff_checks_for_sql_injection():
    """S608 (string-built SQL) stays selected in the linter configuration CI runs."""
    import tomllib

    config = tomllib.loads(Path(ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "S608" in config["tool"]["ruff"]["lint"]["select"]
