"""The summary page of a period report and of a report of several articles: charts of
the claims it holds, by verdict, month, claimant, outlet, tag, checker and status.

Counted from the claims the report already holds (desktop.core.stats.tally gives the
figures the database would), so the summary always describes exactly what follows it.
The words the charts add speak the report's language (document.Labels); they live here,
not in document.py's table, because only summaries use them.
"""

from __future__ import annotations

from desktop.core import charts, stats
from desktop.core.exporters.document import NBSP, Labels, verdict_of
from desktop.core.views import ArticleReport, RatingView

TOP = 10  # names per chart in a report: a page, not a dashboard

_FRENCH = {
    "Summary": "Synthèse",
    "Claims by verdict": "Affirmations par verdict",
    "Claims by month": "Affirmations par mois",
    "Top claimants": "Auteurs les plus vérifiés",
    "Outlets": "Médias",
    "Tags": "Mots-clés",
    "Checkers": "Vérificateurs",
    "Claims by status": "Affirmations par statut",
    "Verdict": "Verdict",
    "Month": "Mois",
    "Claimant": "Auteur",
    "Outlet": "Média",
    "Tag": "Mot-clé",
    "Checker": "Vérificateur",
    "Status": "Statut",
    "Claims": "Affirmations",
    "Numbers": "Chiffres",
    "no claimant": "sans auteur",
    "no outlet": "sans média",
    "no tag": "sans mot-clé",
    "no checker": "sans vérificateur",
    "and {n} more ({claims} claims)": "et {n} de plus ({claims} affirmations)",
    "A claim counts on the day its check was published, or on the day it was tagged "
    "when not yet published.": "Une affirmation compte le jour où sa vérification a été "
    "publiée, ou le jour où elle a été relevée si elle ne l’est pas encore.",
    "A claim with several tags counts under each.": (
        "Une affirmation à plusieurs mots-clés compte sous chacun."
    ),
    "Fact-checks {start} – {end}": "Vérifications du {start} au {end}",
    "Fact-checks from {start}": "Vérifications depuis le {start}",
    "Fact-checks until {end}": f"Vérifications jusqu’au{NBSP}{{end}}",
    "{n} claims in {a} articles": "{n} affirmations dans {a} articles",
}

# dimension → (chart title, table header, what an empty name is called)
_CHARTS = {
    "verdict": ("Claims by verdict", "Verdict", ""),
    "month": ("Claims by month", "Month", ""),
    "claimant": ("Top claimants", "Claimant", "no claimant"),
    "outlet": ("Outlets", "Outlet", "no outlet"),
    "tag": ("Tags", "Tag", "no tag"),
    "checker": ("Checkers", "Checker", "no checker"),
    "status": ("Claims by status", "Status", ""),
}


def words(labels: Labels, text: str, **values) -> str:
    """`text` in the report's language (English, or French from the table above)."""
    if labels.language == "fr":
        text = _FRENCH.get(text, text)
    return text.format(**values) if values else text


def period_title(period: stats.Period, labels: Labels) -> str:
    """The heading of a period report: "Fact-checks 2024-10-01 – 2024-10-31"."""
    start = period.start.isoformat() if period.start else ""
    end = period.end.isoformat() if period.end else ""
    if start and end:
        return words(labels, "Fact-checks {start} – {end}", start=start, end=end)
    if start:
        return words(labels, "Fact-checks from {start}", start=start)
    if end:
        return words(labels, "Fact-checks until {end}", end=end)
    return labels("Fact-check report")


def _verdict_name(verdict: stats.Verdict, labels: Labels) -> str:
    """A verdict as the report's cards name it (a shipped label in the report's language)."""
    if verdict.key == stats.UNRATED:
        return verdict_of(None, labels).label
    rating = RatingView(verdict.key, verdict.rating_key, verdict.label, verdict.color, None, 0)
    return verdict_of(rating, labels).label


def summary_charts(
    reports: list[ArticleReport], labels: Labels, period: stats.Period | None = None
) -> list[charts.Chart]:
    """The charts of the claims in `reports`: a verdict chart and a status chart always,
    months when they span two or more, and each name chart unless no claim names one."""
    pairs = [(c, r.article.outlet) for r in reports for c in r.claims]
    if not pairs:
        return []
    verdicts = stats.verdicts_of(reports[0].ratings)
    out = []
    for by, (title, header, nobody) in _CHARTS.items():
        fig = stats.tally(pairs, verdicts, by, period, top=TOP)
        if by == "month" and sum(1 for b in fig.bars if b.count) < 2:
            continue
        if by in stats.NAMED and all(b.label == "" for b in fig.bars):
            continue

        def bar_label(bar, by=by, nobody=nobody) -> str:
            if by == "status":
                return labels.status(bar.label)
            return bar.label or f"({words(labels, nobody)})"

        note = ""
        if fig.rest_bars:
            note = words(labels, "and {n} more ({claims} claims)", n=fig.rest_bars, claims=fig.rest)
        if by == "tag":
            note = " ".join(
                x
                for x in (note, words(labels, "A claim with several tags counts under each."))
                if x
            )
        out.append(
            charts.from_figure(
                fig,
                title=words(labels, title),
                header=words(labels, header),
                bar_label=bar_label,
                verdict_label=lambda v: _verdict_name(v, labels),
                count_header=words(labels, "Claims"),
                note=note,
            )
        )
    return out
