"""Train and measure the check-worthiness model on the CLEF-2019 CheckThat! debates.

    python -m benchmarks.checkworthiness            # leave-one-debate-out MAP, R-P, P@10
    python -m benchmarks.checkworthiness --train    # write the two models in resources/models/

The data (19 debates, one sentence a line: number, speaker, text, label) is read from
../shared/datasets/clef2019-checkworthiness/training/ and never copied into the project.
Training uses scikit-learn (the `train` extra); the shipped model is a JSON of weights that
desktop.core.worthiness reads without it. Everything is deterministic (fixed seed, sorted
files), so retraining gives the same file.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "datasets" / "clef2019-checkworthiness" / "training"
SEED = 2019
C = 0.005  # L2 strength, chosen by the leave-one-debate-out MAP (0.02: 0.221, 0.01: 0.226)
MIN_DF = 2
KEEP_WEIGHTS = 6000  # the largest weights shipped; the rest change no ranking measurably
# The cues-only model (for text in other languages than English), chosen the same way:
# leave-one-debate-out MAP of cues alone 0.206 at C 0.05, 0.2110 at 0.3, 0.2109 at 1, 0.2108 at 3.
CUES_C = 0.3


@dataclass
class Line:
    speaker: str
    text: str
    label: int


def load(folder: Path = DATA) -> dict[str, list[Line]]:
    """Debate name → its sentences, in order."""
    debates = {}
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            debates[path.stem] = [Line(r[1], r[2], int(r[3])) for r in rows if len(r) >= 4]
    return debates


def _feature_dicts(lines: list[Line]) -> list[dict[str, float]]:
    from desktop.core.worthiness import features

    texts = [line.text for line in lines]
    last = len(texts) - 1
    return [
        features(t, texts[i - 1] if i else "", texts[i + 1] if i < last else "")
        for i, t in enumerate(texts)
    ]


def without_words(rows: list[dict[str, float]]) -> list[dict[str, float]]:
    """The features of the cues-only model: everything but the words."""
    from desktop.core.worthiness import WORD_FEATURES

    return [{k: v for k, v in row.items() if not k.startswith(WORD_FEATURES)} for row in rows]


def fit(
    debates: dict[str, list[Line]],
    featured: dict[str, list[dict]] | None = None,
    c: float = C,
):
    """A logistic regression over the features of every sentence of `debates`
    (`featured`: their features, when already computed)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    for name, lines in debates.items():
        rows += featured[name] if featured else _feature_dicts(lines)
        labels += [line.label for line in lines]
    counts: dict[str, int] = {}
    for row in rows:
        for key in row:
            counts[key] = counts.get(key, 0) + 1
    keep = {k for k, n in counts.items() if n >= MIN_DF or not k.startswith(("w:", "b:"))}
    rows = [{k: v for k, v in row.items() if k in keep} for row in rows]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows).tocsr()
    matrix.indices = matrix.indices.astype("int32")  # liblinear takes 32-bit indices only
    matrix.indptr = matrix.indptr.astype("int32")
    model = LogisticRegression(
        C=c, class_weight="balanced", max_iter=2000, random_state=SEED, solver="liblinear"
    )
    model.fit(matrix, labels)
    return vectorizer, model


def to_model(vectorizer, model, about: dict, name: str = "cw-1"):
    from desktop.core.worthiness import Model

    names = vectorizer.get_feature_names_out()
    pairs = sorted(zip(names, model.coef_[0], strict=True), key=lambda p: -abs(p[1]))
    weights = {str(name): round(float(w), 4) for name, w in pairs[:KEEP_WEIGHTS] if w}
    return Model(weights=weights, bias=round(float(model.intercept_[0]), 4), name=name, about=about)


def average_precision(labels: list[int]) -> float:
    hits, total = 0, 0.0
    for rank, label in enumerate(labels, 1):
        if label:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def r_precision(labels: list[int]) -> float:
    relevant = sum(labels)
    return sum(labels[:relevant]) / relevant if relevant else 0.0


def precision_at(labels: list[int], k: int) -> float:
    return sum(labels[:k]) / k


def cross_validate(debates: dict[str, list[Line]], mode: str = "model") -> dict[str, float]:
    """Leave one debate out: train on 18, rank the 19th, average the lab's measures.
    `mode`: "model" (the English model), "cues" (the cues-only model French text gets) or
    "words" (the words alone, no cues, no context: a baseline)."""
    per_doc = []
    featured = {name: _feature_dicts(lines) for name, lines in debates.items()}
    if mode == "words":
        featured = {
            name: [{k: v for k, v in row.items() if k.startswith(("w:", "b:"))} for row in rows]
            for name, rows in featured.items()
        }
    elif mode == "cues":
        featured = {name: without_words(rows) for name, rows in featured.items()}
    for held in debates:
        train = {name: lines for name, lines in debates.items() if name != held}
        c = CUES_C if mode == "cues" else C
        model = to_model(*fit(train, featured, c), about={})
        lines = debates[held]
        if mode == "model":
            scores = model.score_all([line.text for line in lines])
        else:
            scores = [model.logit(row) for row in featured[held]]
        order = sorted(range(len(lines)), key=lambda i: (-scores[i], i))
        ranked = [lines[i].label for i in order]
        per_doc.append((average_precision(ranked), r_precision(ranked), precision_at(ranked, 10)))
    n = len(per_doc)
    return {
        "MAP": sum(d[0] for d in per_doc) / n,
        "R-P": sum(d[1] for d in per_doc) / n,
        "P@10": sum(d[2] for d in per_doc) / n,
        "documents": n,
    }


def train_and_write(path: Path, cues_path: Path) -> dict:
    """Both shipped models: with words (English) at `path`, cues alone at `cues_path`."""
    debates = load()
    about = {
        "data": "CLEF-2019 CheckThat! task 1 training debates (19)",
        "trained_by": "python -m benchmarks.checkworthiness --train",
        "seed": SEED,
        "C": C,
        "sentences": sum(len(v) for v in debates.values()),
    }
    featured = {name: _feature_dicts(lines) for name, lines in debates.items()}
    model = to_model(*fit(debates, featured), about=about)
    cues_only = {name: without_words(rows) for name, rows in featured.items()}
    cues_about = {**about, "C": CUES_C, "features": "cues, shape and context; no words"}
    cues_model = to_model(*fit(debates, cues_only, CUES_C), about=cues_about, name="cw-cues-1")
    written = {}
    for target, trained in ((path, model), (cues_path, cues_model)):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(trained.to_json() + "\n", encoding="utf-8")
        written[target.name] = {"weights": len(trained.weights), "bytes": target.stat().st_size}
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.checkworthiness")
    parser.add_argument("--train", action="store_true", help="write the shipped models")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"no training data at {DATA}", file=sys.stderr)
        return 2
    if args.train:
        from desktop.core.worthiness import CUES_MODEL_FILE, MODEL_FILE
        from desktop.resources import resource_path

        paths = resource_path(*MODEL_FILE), resource_path(*CUES_MODEL_FILE)
        print(json.dumps(train_and_write(*paths)))
        return 0
    debates = load()
    print(json.dumps({mode: cross_validate(debates, mode) for mode in ("model", "cues")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
