"""Exact Web Annotation interchange (issue 18): what other programs read must be right.

- Highlights never split a grapheme cluster ("x̄", a ZWJ family, a flag, Hangul jamo, a
  letter with a combining accent), whether made in the core, by `claim add --quote` or by
  an import.
- Quote selectors anchor with a matcher that counts UTF-16 units as Hypothesis's
  `dom-anchor-text-quote` does (its bitap refuses patterns over 32 units).
- Export → import into an empty library → export keeps `created`, `modified` and the
  checker, and invents no checker.
- `factdesk:headings` keeps its order through JSON-LD processing (pyld, offline).
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.anchoring import CONTEXT_CHARS, anchor_span, find_quote, reanchor
from desktop.core.exporters import load_reports, render
from desktop.core.exporters.webannotation import CONTEXT, import_annotations, parse
from desktop.core.importers import ParsedArticle
from desktop.core.store import open_store
from desktop.core.text import Utf16Map, cluster_end, cluster_start, snap_to_graphemes, utf16_length
from desktop.core.views import claims_of, get_article
from tests.conftest import SHARED
from tests.test_export_fixtures import (  # noqa: F401 (fixtures)
    build_library,
    library,
    make_options,
    options,
    reports,
    w3c_check_or_skip,
)

X_BAR = "x\u0304"  # x + combining macron: no precomposed form, so NFC keeps two code points
FAMILY = "👨\u200d👩\u200d👧"  # man ZWJ woman ZWJ girl
FLAG = "🇫🇷"  # two regional indicators
JAMO = "\u1113\u1161\u11a8"  # archaic initial + vowel + final: NFC does not compose them
E_ACCENT = "e\u0331"  # e + combining macron below: no precomposed form either

PARAGRAPHS = [
    "Graphèmes",
    f"Le vecteur {X_BAR}, soit la moyenne, est publié.",
    f"La famille {FAMILY} part en vacances.",
    f"Le drapeau {FLAG} flotte au vent.",
    f"Le mot {JAMO} est ancien.",
    f"La lettre {E_ACCENT} est rare.",
]
# (words, a cluster): a span of the words and the cluster's first code point(s) splits it
CASES = [
    ("vecteur ", X_BAR, 1),
    ("famille ", FAMILY, 1),
    ("drapeau ", FLAG, 1),
    ("mot ", JAMO, 2),
    ("lettre ", E_ACCENT, 1),
]
SPLITS = [(words + cluster[:cut], words + cluster, cluster) for words, cluster, cut in CASES]


def clusters(text: str) -> set[int]:
    """Every grapheme-cluster boundary of `text`, segmenting the whole text from its start."""
    return {0, *(m.end() for m in regex.finditer(r"\X", text))}


def add_grapheme_article(session) -> int:
    from desktop.core.articles import add_article

    return add_article(
        session, ParsedArticle(paragraphs=PARAGRAPHS, title=PARAGRAPHS[0], language="fr")
    ).article_id


# --- snapping --------------------------------------------------------------------------------


@pytest.mark.parametrize(("split", "whole", "cluster"), SPLITS)
def test_snap_widens_a_span_that_ends_inside_a_cluster(split, whole, cluster):
    text = "\n\n".join(PARAGRAPHS)
    start = text.index(split)
    begin, end = snap_to_graphemes(text, start, start + len(split))
    assert text[begin:end] == whole
    # and a span starting inside the cluster moves left to its start
    inside = text.index(cluster) + 1
    begin, end = snap_to_graphemes(text, inside, inside + 4)
    assert begin == text.index(cluster) and end in clusters(text)


def test_snap_leaves_whole_clusters_alone_and_clamps():
    text = "\n\n".join(PARAGRAPHS)
    start = text.index("famille")
    assert snap_to_graphemes(text, start, start + 7) == (start, start + 7)
    assert snap_to_graphemes(text, -3, len(text) + 5) == (0, len(text))
    # a regional-indicator run pairs from its start, however far back that is
    flags = "a" + FLAG * 40 + "b"
    for pos in range(1, len(flags) - 1):
        assert cluster_start(flags, pos) == pos - (pos - 1) % 2
    # a cluster longer than the window the search starts with (stacked marks)
    zalgo = "a" + "\u0301" * 300 + "b"
    assert snap_to_graphemes(zalgo, 150, 151) == (0, 301)


@pytest.mark.parametrize(("split", "whole", "cluster"), SPLITS)
def test_core_create_functions_widen_to_the_cluster(store, split, whole, cluster):
    from desktop.core.claims import add_highlight, create_claim, create_claim_from_quote

    with store.transaction() as s:
        article_id = add_grapheme_article(s)
        text = get_article(s, article_id).text
        start = text.index(split)
        claim, by_span = create_claim(s, article_id, start=start, end=start + len(split))
        _, by_quote = create_claim_from_quote(s, article_id, split)
        inside = text.index(cluster) + 1  # starts inside the cluster
        extra = add_highlight(s, claim.id, start=inside, end=inside + 1)
        for h in (by_span, by_quote):
            assert (h.start, h.end, h.exact) == (start, start + len(whole), whole)
            assert text[h.start : h.end] == h.exact
        assert (extra.start, extra.end, extra.exact) == (
            text.index(cluster),
            text.index(cluster) + len(cluster),
            cluster,
        )
    with store.read() as s:
        for claim in claims_of(s, article_id):
            for h in claim.highlights:
                assert {h.start, h.end} <= clusters(text)
                assert text[: h.start].endswith(h.prefix) and text[h.end :].startswith(h.suffix)


def test_cli_claim_add_quote_widens_to_the_cluster(tmp_path):
    from tests.test_cli import ok

    lib = tmp_path / "lib.sqlite3"
    article = tmp_path / "graphemes.txt"
    article.write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    article_id = ok(lib, "import", str(article)).stdout.strip()
    for split, _, _ in SPLITS:
        ok(lib, "claim", "add", article_id, "--quote", split, "--claimant", "Test")
    listed = json.loads(ok(lib, "claims", article_id, "--json").stdout)
    text = json.loads(ok(lib, "show", article_id, "--json").stdout)["text"]
    claims = listed["claims"] if isinstance(listed, dict) else listed
    quotes = [json.dumps(c, ensure_ascii=False) for c in claims]
    assert len(claims) == len(SPLITS)
    for (_, whole, _), dumped in zip(SPLITS, quotes, strict=True):
        assert json.dumps(whole, ensure_ascii=False)[1:-1] in dumped
        start = text.index(whole)
        assert f'"start": {start}' in dumped and f'"end": {start + len(whole)}' in dumped


def test_import_of_a_foreign_span_inside_a_cluster_is_widened_and_flagged(store):
    with store.transaction() as s:
        article_id = add_grapheme_article(s)
        text = get_article(s, article_id).text
    start = text.index("famille")
    end = text.index(FAMILY) + 1  # ends after the man, before the ZWJ
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://hypothes.is/a/family",
        "type": "Annotation",
        "created": "2021-02-03T04:05:06Z",
        "creator": {"type": "Person", "name": "acct:someone@hypothes.is"},
        "target": {
            "source": f"urn:uuid:{_uuid(s_uid(store, article_id))}",
            "selector": [
                {"type": "TextQuoteSelector", "exact": text[start:end]},
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
    }
    with store.transaction() as s:
        result = import_annotations(s, foreign)
    (claim,) = [c for c in _claims(store, article_id) if c.id in result.claims_created]
    (h,) = claim.highlights
    assert h.exact == f"famille {FAMILY}" and h.anchor == "fuzzy"
    assert any("whole characters" in n for n in result.notes)
    assert claim.checker == ""  # `creator` made the annotation; it names no checker


def s_uid(store, article_id: int) -> str:
    with store.read() as s:
        return get_article(s, article_id).uid


def _uuid(uid: str) -> str:
    return f"{uid[:8]}-{uid[8:12]}-{uid[12:16]}-{uid[16:20]}-{uid[20:]}"


def _claims(store, article_id):
    with store.read() as s:
        return claims_of(s, article_id)


# Combining marks, ZWJ sequences, skin tones, flags, jamo, astral letters, plain letters.
PIECES = st.sampled_from(
    [
        "a",
        "b",
        " ",
        "\n",
        "é",
        "x",
        "\u0304",
        "\u0301",
        "\u0331",
        "\u200d",
        "👨",
        "👩",
        "👧",
        "\U0001f3fd",
        "🇫",
        "🇷",
        "𝕏",
        "\u1100",
        "\u1113",
        "\u1161",
        "\u11a8",
        "\ufe0f",
        "\u0915\u094d",  # Devanagari consonant + virama (conjunct clusters)
    ]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=80).map("".join), st.data())
def test_snapped_span_never_splits_a_cluster_and_contains_the_original(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    begin, stop = snap_to_graphemes(text, start, end)
    boundaries = clusters(text)
    assert begin in boundaries and stop in boundaries
    assert begin <= start and end <= stop
    # and no tighter: the nearest boundaries outside the span
    assert not any(begin < b <= start for b in boundaries)
    assert not any(end <= b < stop for b in boundaries)
    if start < end:
        a = anchor_span(text, start, end)
        assert (a.start, a.end) == (begin, stop)
        assert {a.start - len(a.prefix), a.end + len(a.suffix)} <= boundaries
        assert utf16_length(a.prefix) <= CONTEXT_CHARS >= utf16_length(a.suffix)
    for pos in (start, end):
        assert cluster_start(text, pos) == max(b for b in boundaries if b <= pos)
        assert cluster_end(text, pos) == min(b for b in boundaries if b >= pos)


# --- quote selectors as Hypothesis anchors them ------------------------------------------------

MATCH_MAX_BITS = 32  # diff-match-patch's bitap, which dom-anchor-text-quote uses


class PatternTooLong(Exception):
    """What dom-anchor-text-quote throws ("Pattern too long for this browser.")."""


def js_string(text: str) -> str:
    """`text` as JavaScript holds it: one Python character per UTF-16 code unit."""
    data = text.encode("utf-16-le", "surrogatepass")
    return "".join(chr(int.from_bytes(data[i : i + 2], "little")) for i in range(0, len(data), 2))


def _match(text: str, pattern: str, loc: int) -> int:
    """Exact search nearest `loc` (UTF-16 units), refusing what the bitap cannot hold."""
    if len(pattern) > MATCH_MAX_BITS:
        raise PatternTooLong(f"{len(pattern)} UTF-16 units: {pattern!r}")
    hits, pos = [], text.find(pattern)
    while pos != -1:
        hits.append(pos)
        pos = text.find(pattern, pos + 1)
    return min(hits, key=lambda i: abs(i - loc)) if hits else -1


def to_text_position(text: str, selector: dict, hint: int | None = None) -> tuple[int, int] | None:
    """dom-anchor-text-quote's toTextPosition over UTF-16 units, without its fuzziness:
    prefix first (near the hint), else suffix, then the quote in 32-unit slices."""
    exact = js_string(selector["exact"])
    prefix, suffix = js_string(selector.get("prefix", "")), js_string(selector.get("suffix", ""))
    # Both context patterns are searched whenever given: each must fit the bitap.
    for pattern in (prefix, suffix):
        if len(pattern) > MATCH_MAX_BITS:
            raise PatternTooLong(f"{len(pattern)} UTF-16 units: {pattern!r}")
    loc = len(text) // 2 if hint is None else hint
    found_prefix = False
    if prefix:
        at = _match(text, prefix, loc)
        if at > -1:
            loc, found_prefix = at + len(prefix), True
    if suffix and not found_prefix:
        at = _match(text, suffix, loc + len(exact))
        if at > -1:
            loc = at - len(exact)
    slices = [exact[i : i + MATCH_MAX_BITS] for i in range(0, len(exact), MATCH_MAX_BITS)]
    start = _match(text, slices[0], loc)
    if start == -1:
        return None
    end = start + len(slices[0])
    for piece in slices[1:]:
        if not text.startswith(piece, end):
            return None
        end += len(piece)
    return start, end


ASTRAL_PARAGRAPHS = [
    "𝕏𝕏𝕏 Le réseau 𝕏 et ses 😀 émojis",
    "𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏 premier fait vérifiable 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
    f"{FAMILY}{FAMILY}{FAMILY}{FAMILY}{FAMILY}{FAMILY}{FAMILY} deuxième fait {FLAG}{FLAG}{FLAG}{FLAG}{FLAG}{FLAG}{FLAG}{FLAG}{FLAG}",
    "😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏 troisième 𝕏 fait 𝕏 avec 😀 dedans 𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀𝕏😀",
    f"{X_BAR}{X_BAR}{X_BAR}{X_BAR}{X_BAR}{X_BAR}{X_BAR}{X_BAR}{X_BAR}{X_BAR}{X_BAR}{X_BAR}{X_BAR}{X_BAR}{X_BAR}{X_BAR}{X_BAR} quatrième 👍🏽 fait 𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏𝕏",
]
ASTRAL_QUOTES = [
    "premier fait vérifiable",
    "deuxième fait",
    "troisième 𝕏 fait 𝕏 avec 😀 dedans",
    "quatrième 👍🏽 fait",
    "𝕏 et ses 😀 émojis",
]


@pytest.fixture
def astral_export(store):
    from desktop.core.articles import add_article
    from desktop.core.claims import add_highlight, create_claim_from_quote

    with store.transaction() as s:
        article_id = add_article(
            s, ParsedArticle(paragraphs=ASTRAL_PARAGRAPHS, title="𝕏", language="fr")
        ).article_id
        first = None
        for quote in ASTRAL_QUOTES:
            claim, _ = create_claim_from_quote(s, article_id, quote, claimant="𝕏")
            first = first or claim
        text = get_article(s, article_id).text
        # a second span of the first claim, ending inside a family (snapped)
        start = text.index(FAMILY) + len(FAMILY) + 1
        add_highlight(s, first.id, start=start, end=start + 1)
    with store.read() as s:
        data = render(load_reports(s, [article_id]), "webannotation", make_options()).data
    return text, data


def test_the_astral_fixture_would_overflow_32_code_points_of_context(astral_export):
    text, _ = astral_export
    for quote in ASTRAL_QUOTES[:4]:
        start = text.index(quote)
        end = start + len(quote)
        legacy = {  # what 32 code points of context were
            "exact": quote,
            "prefix": text[max(0, start - 32) : start],
            "suffix": text[end : end + 32],
        }
        with pytest.raises(PatternTooLong):
            to_text_position(js_string(text), legacy, hint=Utf16Map.of(text).to_utf16(start))


@pytest.mark.parametrize("hinted", [True, False])
def test_utf16_quote_matcher_finds_every_exported_highlight(astral_export, hinted):
    text, data = astral_export
    text16, units = js_string(text), Utf16Map.of(text)
    items = json.loads(data)["first"]["items"]
    assert len(items) == len(ASTRAL_QUOTES) + 1
    for item in items:
        selectors = {s["type"]: s for s in item["target"]["selector"]}
        quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
        for context in ("prefix", "suffix"):
            assert len(js_string(quote.get(context, ""))) <= MATCH_MAX_BITS
        assert quote.get("prefix") and quote.get("suffix")  # context is kept, only trimmed
        hint = units.to_utf16(position["start"]) if hinted else None
        found = to_text_position(text16, quote, hint)
        assert found is not None, quote
        start, end = (units.to_codepoint(u) for u in found)
        assert (start, end) == (position["start"], position["end"])
        assert text[start:end] == quote["exact"]
        boundaries = clusters(text)
        before = start - len(quote.get("prefix", ""))
        after = end + len(quote.get("suffix", ""))
        assert {start, end, before, after} <= boundaries
        assert text[before:start] == quote.get("prefix", "")
        assert text[end:after] == quote.get("suffix", "")


def test_astral_export_passes_the_w3c_must_assertions(tmp_path, astral_export):
    checker = w3c_check_or_skip()
    path = tmp_path / "astral.jsonld"
    path.write_bytes(astral_export[1])
    done = subprocess.run(
        [sys.executable, str(checker), str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    assert done.stdout.strip().splitlines()[-1].endswith(" 0 failed")


def test_legacy_highlights_are_exported_whole_with_trimmed_context(store):
    """A highlight stored before snapping (splitting a cluster, 32 code points of context)
    is exported widened, with context that fits the bitap."""
    from desktop.core.models import Highlight

    with store.transaction() as s:
        from desktop.core.claims import create_claim_from_quote

        article_id = add_grapheme_article(s)
        _, h = create_claim_from_quote(s, article_id, "famille")
        text = get_article(s, article_id).text
        row = s.get(Highlight, h.id)
        end = text.index(FAMILY) + 1
        row.end, row.exact = end, text[row.start : end]
        row.prefix, row.suffix = text[max(0, row.start - 32) : row.start], text[end : end + 32]
        s.add(row)
    with store.read() as s:
        data = json.loads(
            render(load_reports(s, [article_id]), "webannotation", make_options()).data
        )
    (item,) = data["first"]["items"]
    selectors = {s["type"]: s for s in item["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == f"famille {FAMILY}"
    assert selectors["TextPositionSelector"]["end"] == text.index(FAMILY) + len(FAMILY)
    assert utf16_length(selectors["TextQuoteSelector"]["suffix"]) <= 32


def test_reanchoring_a_span_that_now_splits_a_cluster_is_flagged():
    old = anchor_span("le vecteur x et la moyenne", 3, 12)
    assert old.exact == "vecteur x"
    moved = reanchor(f"le vecteur {X_BAR} et la moyenne", old)
    assert moved.method == "fuzzy" and moved.anchor.exact == f"vecteur {X_BAR}"
    assert find_quote(f"le vecteur {X_BAR}", "vecteur x").exact == f"vecteur {X_BAR}"


# --- round trip: times and checker -------------------------------------------------------------

CREATED = datetime(2023, 1, 2, 3, 4, 5, tzinfo=UTC)
MODIFIED = datetime(2023, 6, 7, 8, 9, 10, tzinfo=UTC)


def _by_id(data: bytes) -> dict[str, dict]:
    return {item["id"]: item for item in json.loads(data)["first"]["items"]}


def _kept(item: dict) -> tuple:
    claim = item["factdesk:claim"]
    return (
        item["created"],
        item["modified"],
        item.get("creator"),
        "factdesk:checker" in claim,
        claim.get("factdesk:checker"),
    )


def test_round_trip_keeps_times_and_invents_no_checker(tmp_path, store, library):  # noqa: F811
    from desktop.core.claims import update_claim
    from desktop.core.models import Claim

    with store.transaction() as s:
        update_claim(s, library.true_id, checker="Marc Vérificateur")
        for claim_id in (library.false_id, library.overlap_id, library.true_id):
            claim = s.get(Claim, claim_id)
            claim.created_at, claim.updated_at = CREATED, MODIFIED
            s.add(claim)
        # the unrated claim keeps the times it was made with (microseconds and all)
    exporter = make_options(checker_name="Zoé Lefèvre")
    with store.read() as s:
        first = render(load_reports(s, [library.article_id]), "webannotation", exporter).data

    other = open_store(tmp_path / "empty.sqlite3")
    try:
        with other.transaction() as s:
            result = import_annotations(s, parse(first))
        (article_id,) = result.articles_created
        with other.read() as s:
            reports = load_reports(s, [article_id])
            imported = {c.uid: c for c in claims_of(s, article_id)}
        second = render(reports, "webannotation", exporter).data
        someone_else = render(reports, "webannotation", make_options(checker_name="Autre")).data
    finally:
        other.close()

    before, after = _by_id(first), _by_id(second)
    assert before.keys() == after.keys() and len(before) == 5
    for anno_id, item in before.items():
        assert _kept(after[anno_id]) == _kept(item)
    stamps = {(i["created"], i["modified"]) for i in before.values()}
    assert ("2023-01-02T03:04:05Z", "2023-06-07T08:09:10Z") in stamps
    checkers = {c.checker for c in imported.values()}
    assert checkers == {"Marc Vérificateur", ""}  # "Zoé Lefèvre" was the exporter only
    for c in imported.values():
        if c.checker == "":
            assert c.created_at.replace(tzinfo=UTC) <= datetime.now(UTC)
    # another exporter names themself as the creator of unchecked claims, nothing more
    for anno_id, item in _by_id(someone_else).items():
        claim = item["factdesk:claim"]
        expected = claim.get("factdesk:checker", "Autre")
        assert item["creator"]["name"] == expected
        assert (item["created"], item["modified"]) == (
            before[anno_id]["created"],
            before[anno_id]["modified"],
        )


def test_imported_highlights_keep_the_annotation_times(tmp_path, store, library, reports, options):  # noqa: F811
    from desktop.core.models import Highlight

    data = json.loads(render(reports, "webannotation", options).data)
    for item in data["first"]["items"]:
        item["created"], item["modified"] = "2022-02-02T02:02:02Z", "2022-03-03T03:03:03+01:00"
    other = open_store(tmp_path / "empty.sqlite3")
    try:
        with other.transaction() as s:
            import_annotations(s, data)
        with other.read() as s:
            from sqlmodel import select

            rows = s.exec(select(Highlight)).all()
            claims = claims_of(s, 1)
    finally:
        other.close()
    assert len(rows) == 5
    for row in rows + claims:
        assert row.created_at.replace(tzinfo=UTC) == datetime(2022, 2, 2, 2, 2, 2, tzinfo=UTC)
        assert row.updated_at.replace(tzinfo=UTC) == datetime(2022, 3, 3, 2, 3, 3, tzinfo=UTC)


# --- headings: an ordered list in JSON-LD ------------------------------------------------------

NS = "urn:factdesk:vocab:"


def _headed_export(store) -> tuple[bytes, tuple]:
    from desktop.core.articles import add_article

    paragraphs = ["Titre", "Intro", "Partie B", "Texte", "Partie A", "Fin", "Annexe"]
    with store.transaction() as s:
        article_id = add_article(
            s,
            ParsedArticle(
                paragraphs=paragraphs,
                headings={0: 1, 2: 3, 4: 2, 6: 2},
                title="Titre",
                authors=["Zoé", "Ana", "Marc"],
            ),
        ).article_id
    with store.read() as s:
        reports = load_reports(s, [article_id])
    return render(reports, "webannotation", make_options()).data, reports[0].article


def test_headings_are_an_ordered_list_of_objects(store):
    data, article = _headed_export(store)
    doc = json.loads(data)
    assert doc["@context"] == CONTEXT
    terms = doc["@context"][1]
    assert terms["factdesk:headings"]["@container"] == "@list"
    (described,) = doc["factdesk:articles"]
    assert described["factdesk:headings"] == [
        {"factdesk:paragraph": i, "factdesk:level": lvl} for i, lvl in article.headings
    ]


@pytest.mark.parametrize("form", ["objects", "pairs", "expanded-list"])
def test_importer_reads_new_and_old_headings(tmp_path, store, form):
    data, article = _headed_export(store)
    doc = json.loads(data)
    described = doc["factdesk:articles"][0]
    if form == "pairs":  # what earlier Factdesk versions wrote
        described["factdesk:headings"] = [[i, lvl] for i, lvl in article.headings]
    elif form == "expanded-list":
        described["factdesk:headings"] = {"@list": described["factdesk:headings"]}
    other = open_store(tmp_path / "empty.sqlite3")
    try:
        with other.transaction() as s:
            (article_id,) = import_annotations(s, doc).articles_created
        with other.read() as s:
            got = get_article(s, article_id)
    finally:
        other.close()
    assert got.headings == article.headings == ((0, 1), (2, 3), (4, 2), (6, 2))
    assert got.authors == ("Zoé", "Ana", "Marc")


def _offline_loader():
    vocab = SHARED / "vendor" / "jsonld-vocab" / "anno.jsonld"
    if not vocab.is_file():
        pytest.skip(f"the offline JSON-LD contexts are not available ({vocab} is absent)")
    from pyld import jsonld

    served = {"http://www.w3.org/ns/anno.jsonld": json.loads(vocab.read_text(encoding="utf-8"))}

    def load(url, _options=None):
        if url not in served:  # never the network
            raise jsonld.JsonLdError(
                f"offline: {url}", "jsonld.LoadDocumentError", code="loading document failed"
            )
        return {"contextUrl": None, "documentUrl": url, "document": served[url]}

    return load


def test_pyld_keeps_headings_and_authors_in_order_through_rdf(store):
    pytest.importorskip("pyld")
    from pyld import jsonld

    loader = _offline_loader()
    data, article = _headed_export(store)
    doc = json.loads(data)
    offline = {"documentLoader": loader}
    # through RDF and back: a set would come back in any order, a list keeps it
    quads = jsonld.to_rdf(doc, {**offline, "format": "application/n-quads"})
    back = jsonld.from_rdf(quads, {"format": "application/n-quads"})
    for expanded in (jsonld.expand(doc, offline), back):
        nodes = {n["@id"]: n for n in _nodes(expanded)}
        described = nodes[doc["factdesk:articles"][0]["id"]]
        (headings,) = described[NS + "headings"]
        got = []
        for item in headings["@list"]:
            item = nodes.get(item.get("@id"), item)  # from_rdf gives blank-node references
            got.append(
                (
                    _value(item[NS + "paragraph"][0]),
                    _value(item[NS + "level"][0]),
                )
            )
        assert tuple(got) == article.headings
        (authors,) = described[NS + "authors"]
        assert [_value(a) for a in authors["@list"]] == ["Zoé", "Ana", "Marc"]


def _nodes(expanded):
    """Every node object of an expanded or flattened document, nested ones included."""
    found = []

    def visit(obj):
        if isinstance(obj, list):
            for o in obj:
                visit(o)
        elif isinstance(obj, dict):
            if "@id" in obj and len(obj) > 1:
                found.append(obj)
            for key, value in obj.items():
                if key != "@id":
                    visit(value)

    visit(expanded)
    return found


def _value(obj) -> object:
    value = obj["@value"]
    return int(value) if isinstance(value, str) and value.isdigit() else value
