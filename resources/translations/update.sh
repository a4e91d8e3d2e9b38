#!/bin/sh
# Regenerate Factdesk's translation catalogues from the sources, then compile them.
#
#   resources/translations/update.sh            (from any directory)
#
# 1. pyside6-lupdate scans desktop/ui/*.py and desktop/*.py for tr()/translate() and
#    updates factdesk_fr.ts and factdesk_en.ts: new strings come in "unfinished", strings
#    no longer in the sources are dropped (-no-obsolete), finished ones are kept.
# 2. pyside6-lrelease compiles each .ts into the .qm that desktop/ui/i18n.py loads.
#
# Module-level helpers `def _tr(text): return QCoreApplication.translate("Ctx", text)`
# are invisible to pyside6-lupdate (it only knows tr/translate/QT_TR_NOOP…, and an alias
# of tr() would put their strings in the wrong context). So lupdate reads a scratch copy
# of the sources in which each `_tr(` of such a module is spelled out as
# `QCoreApplication.translate("Ctx", ` on the same line: same contexts as at run time,
# same line numbers, and the copy sits at the same relative place to the .ts files, so the
# recorded locations point at the real files.
#
# English is the source language: factdesk_en.ts is kept complete in its *source* texts so
# a new language can start from it (cp factdesk_en.ts factdesk_de.ts), but its entries stay
# unfinished and factdesk_en.qm is empty. The application installs no catalogue for English
# (desktop/ui/i18n.py): the text in the source is the English text, and copying it into
# "translations" would only give a second copy to keep in step, with no change on screen.
#
# FACTDESK_TS_OUT=<dir> writes the .ts and .qm files there instead (starting from the
# committed .ts files) and leaves resources/translations alone: tests/test_i18n.py uses it
# to check that the committed catalogues are up to date.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
root=$(CDPATH= cd -- "$here/../.." && pwd)
out=${FACTDESK_TS_OUT:-$here}
mkdir -p "$out"
out=$(CDPATH= cd -- "$out" && pwd)

bin=""
if [ -x "$root/.venv/bin/pyside6-lupdate" ]; then
    bin="$root/.venv/bin/"
fi
python=python3
if [ -x "$root/.venv/bin/python" ]; then
    python="$root/.venv/bin/python"
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/factdesk-lupdate.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -p "$scratch/desktop/ui" "$scratch/resources/translations"

"$python" - "$root" "$scratch" <<'PY'
import re
import sys
from pathlib import Path

root, scratch = Path(sys.argv[1]), Path(sys.argv[2])
helper = re.compile(
    r"^def _tr\(.*?\n(?:[ \t]+.*\n)*?[ \t]+return QCoreApplication\.translate\(\"([^\"]+)\", \w+\)",
    re.M,
)
call = re.compile(r"(?<![\w.])_tr\(")
for source in sorted([*root.glob("desktop/*.py"), *root.glob("desktop/ui/*.py")]):
    text = source.read_text(encoding="utf-8")
    found = helper.search(text)
    if found:
        spelled = f'QCoreApplication.translate("{found.group(1)}", '
        text = "".join(
            line if line.lstrip().startswith("def _tr(") else call.sub(spelled, line)
            for line in text.splitlines(keepends=True)
        )
    target = scratch / source.relative_to(root)
    target.write_text(text, encoding="utf-8")
PY

for lang in fr en; do
    cp "$here/factdesk_$lang.ts" "$scratch/resources/translations/" 2>/dev/null || true
done

(
    cd "$scratch"
    "${bin}pyside6-lupdate" -no-obsolete -locations relative \
        desktop/ui/*.py desktop/*.py \
        -ts resources/translations/factdesk_fr.ts resources/translations/factdesk_en.ts
)

for lang in fr en; do
    cp "$scratch/resources/translations/factdesk_$lang.ts" "$out/factdesk_$lang.ts"
    "${bin}pyside6-lrelease" "$out/factdesk_$lang.ts" -qm "$out/factdesk_$lang.qm"
done
