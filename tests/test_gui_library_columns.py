"""The library's date and count columns fit their contents without re-measuring rows on
each update (a tag updates its article's count): a count that gains a digit widens its
column, and an update asks the model for the rows on screen only."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from desktop.core.summaries import ArticleSummary
from desktop.ui.library import COUNT, LibraryPanel


def _row(article_id: int, claims: int) -> ArticleSummary:
    created = datetime(2024, 10, 1, tzinfo=UTC)
    day = date(2024, 1 + article_id % 12, 1 + article_id % 28)
    return ArticleSummary(article_id, f"Article {article_id}", "", day, created, claims, claims)


def test_count_column_widens_for_a_longer_count_and_updates_read_one_row(qtbot):
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.show()
    panel.set_articles([_row(i, i % 9) for i in range(1, 2001)])
    qtbot.wait(10)
    table = panel.table
    narrow = table.columnWidth(COUNT)
    for col in (2, COUNT):
        assert table.columnWidth(col) >= table.sizeHintForColumn(col)

    asked: set[int] = set()
    data = panel.model.data
    panel.model.data = lambda index, role=0: (asked.add(index.row()), data(index, role))[1]
    row = panel.model.shown[1500]
    panel.update_article(replace(row, claims=123_456))
    qtbot.wait(10)
    # The rows on screen are painted again (the column widened); no hundred rows measured.
    assert len(asked) < 40 and panel.model.row_of(row.id) in asked
    at = panel.model.index(panel.model.row_of(row.id), COUNT)
    assert table.columnWidth(COUNT) > narrow
    assert table.columnWidth(COUNT) >= table.sizeHintForIndex(at).width()
