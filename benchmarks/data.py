"""Deterministic synthetic data for the benchmarks: French text, libraries, import files.

Everything comes from one seeded `random.Random`, so two runs measure the same bytes.
Rows are inserted with SQLAlchemy Core in bulk (the ORM would take minutes for 50,000
claims); the schema itself is made by `open_store`, exactly as the application makes it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

SEED = 20240508
WORDS = (
    "le la les un une des du de au aux et ou mais donc car ni que qui dont où "
    "gouvernement ministre député sénat assemblée loi budget réforme retraite impôt "
    "économie croissance chômage emploi salaire inflation dette déficit milliard million "
    "euros pourcent hausse baisse année mois semaine région commune État Europe France "
    "Paris Lyon Marseille citoyen électeur élection campagne promesse programme débat "
    "chiffre statistique rapport étude enquête Insee Cour comptes sondage opinion "
    "hôpital école université transport énergie nucléaire climat carbone émission "
    "agriculture logement sécurité police justice prison immigration frontière "
    "affirmé déclaré annoncé promis expliqué rappelé estimé contesté démenti confirmé "
    "selon depuis pendant avant après contre pour avec sans sous sur entre vers chez "
    "très plus moins beaucoup trop assez toujours jamais souvent parfois déjà encore "
    "grand petit nouveau ancien premier dernier public privé national local important "
    "a est sont été fait dit peut doit va vont avait était serait aurait faudrait"
).split()
CLAIMANTS = (
    "Ministre de l’Économie",
    "Porte-parole du gouvernement",
    "Député de l’opposition",
    "Maire de Lyon",
    "Syndicat des enseignants",
    "Président de région",
    "Chroniqueuse radio",
    "Compte viral sur 𝕏",
)
TAGS = ("économie", "santé", "climat", "éducation", "sécurité", "retraites", "énergie")
N_RATINGS = 7  # the default scale made by open_store
T0 = datetime(2023, 1, 2, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Sizes:
    """How much data a run makes; `smoke` keeps every figure but shrinks every size."""

    article_words: int = 100_000
    article_highlights: int = 5_000
    export_claims: int = 1_000
    other_claims: int = 4_000  # on filler articles, so the big library holds 10,000
    library_articles: int = 10_000
    library_claims: int = 50_000
    html_bytes: int = 5_000_000
    pdf_pages: int = 300
    # Issue 20, target 6: a book ten times the article under check, as densely tagged.
    book_words: int = 1_000_000
    book_highlights: int = 50_000


FULL = Sizes()
SMOKE = Sizes(
    article_words=3_000,
    article_highlights=150,
    export_claims=30,
    other_claims=120,
    library_articles=60,
    library_claims=300,
    html_bytes=60_000,
    pdf_pages=3,
    book_words=6_000,
    book_highlights=300,
)


def sentence(rng: random.Random, words: int | None = None) -> str:
    """One French-looking sentence, capitalised, with typography an article has."""
    n = words or rng.randint(12, 28)
    ws = [rng.choice(WORDS) for _ in range(n)]
    ws[0] = ws[0].capitalize()
    if n > 6 and rng.random() < 0.15:
        i = rng.randrange(1, n - 3)
        ws[i] = "« " + ws[i]
        ws[i + 2] = ws[i + 2] + " »"
    if rng.random() < 0.2:
        ws.insert(rng.randrange(1, n), f"{rng.randint(2, 980)},{rng.randint(0, 9)} %")
    if rng.random() < 0.1:
        ws.insert(rng.randrange(1, n), "l’État")
    return " ".join(ws) + rng.choice((".", ".", ".", " ?", " !"))


def french_article(rng: random.Random, words: int, title: str) -> tuple[list[str], dict]:
    """Paragraphs and heading levels (paragraph index → level) of about `words` words."""
    paragraphs = [title]
    headings = {0: 1}
    count = 0
    section = 0
    while count < words:
        if len(paragraphs) % 18 == 1:
            section += 1
            paragraphs.append(f"{section}. {sentence(rng, rng.randint(3, 7)).rstrip(' .?!')}")
            headings[len(paragraphs) - 1] = 2
        para = " ".join(sentence(rng) for _ in range(rng.randint(3, 8)))
        count += para.count(" ") + 1
        paragraphs.append(para)
    return paragraphs, headings


def store_text(paragraphs: list[str]) -> str:
    from desktop.core.text import join_paragraphs

    return join_paragraphs(paragraphs)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Cheap sentence spans (to place highlights on whole sentences and clauses)."""
    spans = []
    start = 0
    for i, ch in enumerate(text):
        if ch in ".?!" and (i + 1 == len(text) or text[i + 1] in " \n"):
            s = start
            while s < i and text[s] in " \n":
                s += 1
            if i - s > 20:
                spans.append((s, i + 1))
            start = i + 1
    return spans


class _Rows:
    """Row buffers for one bulk insert per table, with ids assigned here."""

    def __init__(self, rng: random.Random, first_ids: dict[str, int]) -> None:
        self.rng = rng
        self.next = dict(first_ids)
        self.tables: dict[str, list[dict]] = {
            k: [] for k in ("article", "claim", "highlight", "source", "claim_source", "claim_tag")
        }

    def _id(self, table: str) -> int:
        self.next[table] += 1
        return self.next[table]

    def uid(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def stamp(self) -> datetime:
        return T0 + timedelta(minutes=self.rng.randint(0, 900_000))

    def article(self, paragraphs: list[str], headings: dict, outlet: str) -> tuple[int, str]:
        from desktop.core.text import content_hash

        text = store_text(paragraphs)
        aid = self._id("article")
        when = self.stamp()
        self.tables["article"].append(
            dict(
                id=aid,
                uid=self.uid(),
                title=paragraphs[0],
                outlet=outlet,
                authors=["Rédaction"],
                url=f"https://example.org/articles/{aid}",
                published=when.date(),
                language="fr",
                text=text,
                headings=sorted([int(i), int(lvl)] for i, lvl in headings.items()),
                source_name=f"article-{aid}.html",
                content_hash=content_hash(text),
                created_at=when,
                updated_at=when,
            )
        )
        return aid, text

    def claim(self, article_id: int, text: str, spans: list[tuple[int, int]], sources: int) -> int:
        from desktop.core.anchoring import anchor_span

        rng = self.rng
        cid = self._id("claim")
        when = self.stamp()
        self.tables["claim"].append(
            dict(
                id=cid,
                uid=self.uid(),
                article_id=article_id,
                text="" if rng.random() < 0.3 else sentence(rng, 10),
                claimant=rng.choice(CLAIMANTS),
                claimant_kind=rng.choice(("person", "organization")),
                claim_date=date(2023, 1, 1) + timedelta(days=rng.randint(0, 700)),
                appearance_url="https://example.org/video",
                rating_id=None if rng.random() < 0.1 else rng.randint(1, N_RATINGS),
                rationale=" ".join(sentence(rng) for _ in range(rng.randint(1, 3))),
                status=rng.choice(("draft", "review", "published")),
                checker="Bench",
                created_at=when,
                updated_at=when,
            )
        )
        for start, end in spans:
            a = anchor_span(text, start, end)
            self.tables["highlight"].append(
                dict(
                    id=self._id("highlight"),
                    uid=self.uid(),
                    article_id=article_id,
                    claim_id=cid,
                    start=a.start,
                    end=a.end,
                    exact=a.exact,
                    prefix=a.prefix,
                    suffix=a.suffix,
                    anchor="exact",
                    created_at=when,
                    updated_at=when,
                )
            )
        picked = rng.sample(range(1, sources + 1), k=min(sources, rng.randint(0, 2)))
        for pos, source_id in enumerate(picked):
            self.tables["claim_source"].append(
                dict(
                    claim_id=cid,
                    source_id=source_id,
                    position=pos,
                    stance=rng.choice(("supports", "refutes", "context")),
                    excerpt=sentence(rng, 8),
                )
            )
        for tag_id in rng.sample(range(1, len(TAGS) + 1), k=rng.randint(0, 2)):
            self.tables["claim_tag"].append(dict(claim_id=cid, tag_id=tag_id))
        return cid

    def sources(self, n: int) -> None:
        for i in range(n):
            when = self.stamp()
            self.tables["source"].append(
                dict(
                    id=self._id("source"),
                    uid=self.uid(),
                    url=f"https://www.insee.fr/fr/statistiques/{100000 + i}",
                    title=sentence(self.rng, 6).rstrip(" .?!"),
                    publisher=self.rng.choice(("Insee", "Cour des comptes", "Eurostat", "OCDE")),
                    author="",
                    published=date(2022, 1, 1) + timedelta(days=i % 600),
                    accessed=date(2024, 1, 1),
                    archive_url="",
                    notes="",
                    created_at=when,
                    updated_at=when,
                )
            )

    def flush(self, store) -> None:
        from sqlmodel import SQLModel

        from desktop.core import search_index
        from desktop.core.models import Tag

        meta = SQLModel.metadata.tables
        with store.engine.begin() as conn:
            if not conn.exec_driver_sql("SELECT count(*) FROM tag").scalar():
                conn.execute(Tag.__table__.insert(), [{"name": t} for t in TAGS])
            for name in ("article", "source", "claim", "highlight", "claim_source", "claim_tag"):
                rows = self.tables[name]
                for i in range(0, len(rows), 5000):
                    conn.execute(meta[name].insert(), rows[i : i + 5000])
            search_index.rebuild(conn)  # as a library built through the application has it
            conn.exec_driver_sql("ANALYZE")


def claim_spans(
    rng: random.Random, text: str, n: int, *, nested: float = 0.0
) -> list[list[tuple[int, int]]]:
    """Highlight spans for `n` claims on `text`: whole sentences or clauses, in reading order.

    A `nested` share of them lies inside an earlier claim's span (a claim within a
    claim), so overlapping highlights are part of what is painted.
    """
    sentences = _sentence_spans(text)
    if not sentences:
        raise ValueError("text has no sentences")
    step = len(sentences) / max(1, n)
    out: list[list[tuple[int, int]]] = []
    for i in range(n):
        s, e = sentences[min(len(sentences) - 1, int(i * step))]
        if out and rng.random() < nested:
            ps, pe = out[-1][0]
            inner_s = ps + (pe - ps) // 4
            inner_e = max(inner_s + 5, ps + (pe - ps) * 3 // 4)
            out.append([(inner_s, inner_e)])
            continue
        if rng.random() < 0.3:  # a clause, not the whole sentence
            mid = text.find(" ", s + (e - s) // 2)
            e = mid if s < mid < e else e
        out.append([(s, e)])
    return out


def _debates(rows: _Rows, words: int, title: str, highlights: int) -> tuple[int, str]:
    """A book-length transcript in the Journal officiel, densely tagged (some claims
    within claims), its claims citing the sources already made."""
    paragraphs, headings = french_article(rows.rng, words, title)
    article_id, text = rows.article(paragraphs, headings, "Journal officiel")
    n_sources = len(rows.tables["source"])
    for spans in claim_spans(rows.rng, text, highlights, nested=0.12):
        rows.claim(article_id, text, spans, n_sources)
    return article_id, text


def make_big_library(path: Path, sizes: Sizes) -> dict:
    """The article under check (book length, many highlights), an export article, fillers."""
    from desktop.core.store import open_store

    rng = random.Random(SEED)
    store = open_store(path)
    rows = _Rows(rng, {"article": 0, "claim": 0, "highlight": 0, "source": 0})
    rows.sources(max(10, sizes.article_highlights // 10))
    n_sources = len(rows.tables["source"])
    big_id, big_text = _debates(
        rows,
        sizes.article_words,
        "Compte rendu intégral des débats de l’Assemblée nationale",
        sizes.article_highlights,
    )
    export_words = max(600, sizes.export_claims * 22)
    paragraphs, headings = french_article(rng, export_words, "Rapport annuel sur la dette")
    export_id, export_text = rows.article(paragraphs, headings, "Cour des comptes")
    for spans in claim_spans(rng, export_text, sizes.export_claims):
        rows.claim(export_id, export_text, spans, n_sources)
    fillers = 40 if sizes is FULL else 4
    per = sizes.other_claims // fillers
    for k in range(fillers):
        paragraphs, headings = french_article(rng, per * 25, f"Article de veille n° {k + 1}")
        aid, text = rows.article(paragraphs, headings, "Le Quotidien")
        for spans in claim_spans(rng, text, per):
            rows.claim(aid, text, spans, n_sources)
    rows.flush(store)
    store.close()
    return {
        "big_article": big_id,
        "big_chars": len(big_text),
        "export_article": export_id,
        "claims": len(rows.tables["claim"]),
        "highlights": sizes.article_highlights,
    }


def make_book_library(path: Path, sizes: Sizes) -> dict:
    """One book-length article (a year of debates) as densely tagged as the big one, in a
    library of its own: only the figure that opens it pays for making it."""
    from desktop.core.store import open_store

    rng = random.Random(SEED + 4)
    store = open_store(path)
    rows = _Rows(rng, {"article": 0, "claim": 0, "highlight": 0, "source": 0})
    rows.sources(max(10, sizes.book_highlights // 50))
    book_id, text = _debates(
        rows,
        sizes.book_words,
        "Compte rendu intégral des débats, session ordinaire",
        sizes.book_highlights,
    )
    # A short note, the newest: what the window opens at start, so the book is opened
    # (and its memory counted) once, by the figure.
    paragraphs, headings = french_article(rng, 200, "Note de la rédaction")
    rows.article(paragraphs, headings, "Le Quotidien")
    rows.tables["article"][-1]["created_at"] = T0 + timedelta(days=1000)
    rows.flush(store)
    store.close()
    return {"article": book_id, "chars": len(text), "highlights": sizes.book_highlights}


def make_large_library(path: Path, sizes: Sizes) -> dict:
    """Years of checks: many short articles, each with a few claims."""
    from desktop.core.store import open_store

    rng = random.Random(SEED + 1)
    store = open_store(path)
    rows = _Rows(rng, {"article": 0, "claim": 0, "highlight": 0, "source": 0})
    rows.sources(500 if sizes is FULL else 20)
    per = max(1, sizes.library_claims // sizes.library_articles)
    outlets = ("Le Monde", "Libération", "Le Figaro", "Ouest-France", "France Info", "AFP")
    for k in range(sizes.library_articles):
        paragraphs, headings = french_article(rng, 120, f"{sentence(rng, 8)[:-1]} ({k + 1})")
        aid, text = rows.article(paragraphs, headings, rng.choice(outlets))
        for spans in claim_spans(rng, text, per):
            rows.claim(aid, text, spans, len(rows.tables["source"]))
    rows.flush(store)
    store.close()
    return {"articles": sizes.library_articles, "claims": len(rows.tables["claim"])}


def make_html_page(path: Path, size: int) -> None:
    """A saved web page of about `size` bytes: navigation, an article, comments, scripts."""
    rng = random.Random(SEED + 2)
    parts = [
        "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'>",
        "<title>Compte rendu des débats</title>",
        "<script>var tracking = {};</script></head><body>",
        "<nav><ul>" + "".join(f"<li><a href='/r{i}'>Rubrique {i}</a></li>" for i in range(40)),
        "</ul></nav><article><h1>Compte rendu des débats</h1>",
    ]
    total = sum(map(len, parts))
    section = 0
    while total < size:
        if rng.random() < 0.06:
            section += 1
            chunk = f"<h2>{section}. {sentence(rng, 5)}</h2>"
        else:
            chunk = "<p>" + " ".join(sentence(rng) for _ in range(rng.randint(2, 6))) + "</p>"
        parts.append(chunk)
        total += len(chunk.encode("utf-8"))
    parts.append("</article><footer>© Rédaction</footer></body></html>")
    path.write_text("".join(parts), encoding="utf-8")


def make_pdf(path: Path, pages: int) -> None:
    """A text PDF of `pages` A4 pages of wrapped French paragraphs (ReportLab, no images)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rng = random.Random(SEED + 3)
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setTitle("Rapport de 300 pages")
    width, height = A4
    for _page in range(pages):
        y = height - 60
        text = pdf.beginText(50, y)
        text.setFont("Helvetica", 10)
        lines = 0
        while lines < 60:
            para = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
            line = ""
            for word in para.split():
                if len(line) + len(word) > 95:
                    text.textLine(line)
                    lines += 1
                    line = word
                else:
                    line = f"{line} {word}" if line else word
            text.textLine(line)
            text.textLine("")
            lines += 2
        pdf.drawText(text)
        pdf.showPage()
    pdf.save()
