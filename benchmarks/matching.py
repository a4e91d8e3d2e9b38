"""Train and measure claim matching on CLEF-2020 CheckThat! task 2 (claims Snopes checked).

    python -m benchmarks.matching            # MAP@5 and P@1 on dev/, import and match times
    python -m benchmarks.matching --train    # write resources/models/matching.json from train/

The 10,375 verified claims are written as one schema.org ClaimReview file and imported
through the same code as `factdesk import-factchecks`; each tweet is then matched with
desktop.core.matching.match, exactly as `factdesk match` does. The data is read from
../shared/datasets/clef2020-claim-retrieval/ and never copied into the project. Training
uses scikit-learn (the `train` extra) and is deterministic: retraining gives the same file.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "datasets" / "clef2020-claim-retrieval"
SEED = 2020
C = 1.0
REVIEW = "https://clef2020.invalid/vclaim/"  # review URLs made up for the verified claims


@dataclass
class Split:
    tweets: dict[int, str]
    relevant: dict[int, set[int]]


def verified_claims(folder: Path = DATA) -> dict[int, tuple[str, str]]:
    """id → (claim, headline); some fields are quoted over two lines, hence csv."""
    csv.field_size_limit(10**8)
    with (folder / "verified_claims.docs.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        next(rows)
        return {int(r[0]): (r[1], r[2]) for r in rows if len(r) >= 3}


def split(name: str, folder: Path = DATA) -> Split:
    with (folder / name / "tweets.queries.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        next(rows)
        tweets = {int(r[0]): r[1] for r in rows if len(r) >= 2}
    relevant: dict[int, set[int]] = {}
    for line in (folder / name / "tweet-vclaim-pairs.qrels").read_text().splitlines():
        parts = line.split()
        if len(parts) == 4:
            relevant.setdefault(int(parts[0]), set()).add(int(parts[2]))
    return Split(tweets, relevant)


def claimreview_file(claims: dict[int, tuple[str, str]], path: Path) -> None:
    feed = [
        {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{REVIEW}{i}",
            "claimReviewed": claim,
            "headline": headline,
            "author": {"@type": "Organization", "name": "Snopes"},
            "inLanguage": "en",
        }
        for i, (claim, headline) in sorted(claims.items())
    ]
    path.write_text(json.dumps(feed, ensure_ascii=False), encoding="utf-8")


def library(workdir: Path, claims: dict[int, tuple[str, str]]):
    """A new library holding the verified claims as reference checks; (store, seconds)."""
    from desktop.core.factchecks import import_files
    from desktop.core.store import open_store

    feed = workdir / "snopes-claimreview.json"
    claimreview_file(claims, feed)
    store = open_store(workdir / "matching.sqlite3")
    t = time.perf_counter()
    [(_name, counts)] = import_files(store, [feed])
    seconds = time.perf_counter() - t
    assert counts.added == len(claims), counts
    return store, seconds


def vclaim_id(url: str) -> int | None:
    return int(url[len(REVIEW) :]) if url.startswith(REVIEW) else None


def average_precision_at(ranked: list[int], relevant: set[int], k: int = 5) -> float:
    hits, total = 0, 0.0
    for i, item in enumerate(ranked[:k]):
        if item in relevant:
            hits += 1
            total += hits / (i + 1)
    return total / min(len(relevant), k) if relevant else 0.0


def evaluate(store, data: Split, top: int = 5) -> dict:
    """MAP@5, P@1 and per-tweet matching times of `data` against the library."""
    from desktop.core.matching import match

    aps, firsts, times = [], [], []
    with store.read() as session:
        for tweet_id, relevant in sorted(data.relevant.items()):
            t = time.perf_counter()
            found = match(session, data.tweets[tweet_id], top=top, language="en")
            times.append(time.perf_counter() - t)
            ranked = [vclaim_id(m.url) for m in found]
            aps.append(average_precision_at(ranked, relevant))
            firsts.append(1.0 if ranked[:1] and ranked[0] in relevant else 0.0)
    return {
        "map5": sum(aps) / len(aps),
        "p1": sum(firsts) / len(firsts),
        "times": times,
        "queries": len(aps),
    }


def evaluate_first_stage(store, data: Split) -> dict:
    """MAP@5 of the index's own BM25 order, before reranking (the benchmark's baseline)."""
    from desktop.core import matching

    aps = []
    with store.read() as session:
        for tweet_id, relevant in sorted(data.relevant.items()):
            query = matching.Query.of(data.tweets[tweet_id], "en")
            terms = matching._terms(list(query.stems))
            rows = matching._candidates(session, terms, 5) if terms else []
            ranked = [vclaim_id(f.match.url) for f in matching._load(session, rows)]
            aps.append(average_precision_at(ranked, relevant))
    return {"map5": sum(aps) / len(aps)}


def training_rows(store, data: Split):
    """Feature rows and labels of every candidate of every training tweet."""
    from desktop.core import matching

    rows, labels = [], []
    with store.read() as session:
        for tweet_id, relevant in sorted(data.relevant.items()):
            query = matching.Query.of(data.tweets[tweet_id], "en")
            terms = matching._terms(list(query.stems))
            if not terms:
                continue
            candidates = matching._candidates(session, terms, matching.CANDIDATES)
            found = matching._load(session, candidates)
            table = matching.features(
                query, [f.text for f in found], [float(f.row.rank) for f in found]
            )
            rows += table
            labels += [int(vclaim_id(f.match.url) in relevant) for f in found]
    return rows, labels


def train(store, data: Split) -> dict:
    from sklearn.linear_model import LogisticRegression

    from desktop.core.matching import FEATURES

    rows, labels = training_rows(store, data)
    model = LogisticRegression(C=C, max_iter=5000, random_state=SEED).fit(rows, labels)
    return {
        "about": "Claim matching reranker (desktop.core.matching), trained by "
        "`python -m benchmarks.matching --train` on CLEF-2020 CheckThat! task 2 train/",
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
        "candidates": len(labels),
        "positives": int(sum(labels)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.matching")
    parser.add_argument("--train", action="store_true", help="write the shipped model")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"{DATA} is absent: nothing to measure", file=sys.stderr)
        return 1
    claims = verified_claims()
    with tempfile.TemporaryDirectory(prefix="factdesk-matching-") as tmp:
        store, seconds = library(Path(tmp), claims)
        try:
            print(f"imported {len(claims):,} fact-checks in {seconds:.1f} s")
            if args.train:
                from desktop.core import matching

                model = train(store, split("train"))
                matching.MODEL.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
                matching._weights.cache_clear()
                print(f"wrote {matching.MODEL}")
            for name in ("train", "dev"):
                result = evaluate(store, split(name))
                times = sorted(result["times"])
                p95 = times[int(0.95 * (len(times) - 1))]
                print(
                    f"{name}: MAP@5 {result['map5']:.3f}, P@1 {result['p1']:.3f} over "
                    f"{result['queries']} tweets; matching p95 {p95 * 1000:.0f} ms"
                )
        finally:
            store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
