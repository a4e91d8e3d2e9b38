"""Train and measure the check-worthiness model on the CLEF-2019 CheckThat! debates.

    python -m benchmarks.checkworthiness            # leave-one-debate-out MAP, R-P, P@10
    python -m benchmarks.checkworthiness --train    # write resources/models/checkworthiness.json

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


def fit(debates: dict[str, list[Line]], featured: dict[str, list[dict]] | None = None):
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
        C=C, class_weight="balanced", max_iter=2000, random_state=SEED, solver="liblinear"
    )
    model.fit(matrix, labels)
    return vectorizer, model


def to_model(vectorizer, model, about: dict):
    from desktop.core.worthiness import Model

    names = vectorizer.get_feature_names_out()
    pairs = sorted(zip(names, model.coef_[0], strict=True), key=lambda p: -abs(p[1]))
    weights = {str(name): round(float(w), 4) for name, w in pairs[:KEEP_WEIGHTS] if w}
    return Model(
        weights=weights, bias=round(float(model.intercept_[0]), 4), name="cw-1", about=about
    )


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


def cross_validate(debates: dict[str, list[Line]], words_only: bool = False) -> dict[str, float]:
    """Leave one debate out: train on 18, rank the 19th, average the lab's measures.
    `words_only`: the same with the words alone (no cues, no context), as a baseline."""
    per_doc = []
    featured = {name: _feature_dicts(lines) for name, lines in debates.items()}
    if words_only:
        featured = {
            name: [{k: v for k, v in row.items() if k.startswith(("w:", "b:"))} for row in rows]
            for name, rows in featured.items()
        }
    for held in debates:
        train = {name: lines for name, lines in debates.items() if name != held}
        model = to_model(*fit(train, featured), about={})
        lines = debates[held]
        if words_only:
            scores = [model.logit(row) for row in featured[held]]
        else:
            scores = model.score_all([line.text for line in lines])
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


def train_and_write(path: Path) -> dict:
    debates = load()
    about = {
        "data": "CLEF-2019 CheckThat! task 1 training debates (19)",
        "trained_by": "python -m benchmarks.checkworthiness --train",
        "seed": SEED,
        "C": C,
        "sentences": sum(len(v) for v in debates.values()),
    }
    model = to_model(*fit(debates), about=about)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(model.to_json() + "\n", encoding="utf-8")
    return {"weights": len(model.weights), "bytes": path.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.checkworthiness")
    parser.add_argument("--train", action="store_true", help="write the shipped model")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"no training data at {DATA}", file=sys.stderr)
        return 2
    if args.train:
        from desktop.core.worthiness import MODEL_FILE
        from desktop.resources import resource_path

        print(json.dumps(train_and_write(resource_path(*MODEL_FILE))))
        return 0
    print(json.dumps(cross_validate(load())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
