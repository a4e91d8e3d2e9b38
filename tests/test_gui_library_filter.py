"""The library filter ignores accents and case, and says when no article matches."""

from __future__ import annotations

from datetime import UTC, date, datetime

from desktop.core.summaries import ArticleSummary
from desktop.ui.library import LibraryPanel


def _row(article_id: int, title: str, outlet: str = "") -> ArticleSummary:
    created = datetime(2024, 10, article_id, tzinfo=UTC)
    return ArticleSummary(article_id, title, outlet, date(2024, 10, article_id), created, 0, 0)


def _titles(panel: LibraryPanel) -> list[str]:
    model = panel.proxy
    return sorted(model.index(r, 0).data() for r in range(model.rowCount()))


def test_filter_ignores_accents_and_says_when_nothing_matches(qtbot):
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_articles(
        [
            _row(1, "Musk a coupé Starlink à Taïwan", "Le Monde"),
            _row(2, "Les élections américaines", "Libération"),
            _row(3, "Budget: the Cœur of the matter"),
        ]
    )
    qtbot.keyClicks(panel.filter, "Taiwan")
    assert _titles(panel) == ["Musk a coupé Starlink à Taïwan"]
    assert not panel.no_match.isVisible() and panel.table.isVisible()

    panel.filter.clear()
    qtbot.keyClicks(panel.filter, "ELECTIONS")
    assert _titles(panel) == ["Les élections américaines"]
    panel.filter.setText("liberation")  # the outlet column
    assert _titles(panel) == ["Les élections américaines"]
    panel.filter.setText("coeur")
    assert _titles(panel) == ["Budget: the Cœur of the matter"]
    panel.filter.setText("TAÏWAN")
    assert _titles(panel) == ["Musk a coupé Starlink à Taïwan"]

    panel.filter.setText("Woodward")
    assert panel.proxy.rowCount() == 0
    assert panel.no_match.isVisible() and not panel.table.isVisible()
    assert panel.no_match.text() == "No article matches “Woodward”"

    panel.filter.clear()
    assert panel.table.isVisible() and not panel.no_match.isVisible()
    assert len(_titles(panel)) == 3


def test_an_empty_library_is_not_called_a_mismatch(qtbot):
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_articles([])
    panel.filter.setText("x")
    assert not panel.no_match.isVisible()
