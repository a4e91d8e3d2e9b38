"""The dashboard: the desk's record at a glance (issue 21).

Claims by verdict, month, claimant, outlet, tag, checker or status over a chosen period
and filters, as a chart (desktop.ui.dashboard_chart) or a table of its numbers; a click
on a bar lists its claims, and double-clicking one emits `claim_chosen(article id, claim
id)` for the window to open it. The figures come from desktop.core.stats, counted in the
database off the UI thread (a second on 500,000 claims), and are counted again when the
library changes while the dashboard is shown.

Wiring (the window owns the menu): `dash = Dashboard(workbench, parent)`; show it in a
dock or a window, and connect `dash.claim_chosen` to the slot that opens a claim.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QMenu,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import charts, stats
from desktop.core.errors import FactdeskError
from desktop.ui.dashboard_chart import ChartView, NumbersTable
from desktop.ui.dashboard_filters import FilterBar

CLAIMS_SHOWN = 500  # a bar's list shows the newest this many


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    """Core work in the thread pool; the result comes back on the UI thread with the
    number of the request it answers, so a late answer to an old request is dropped."""

    def __init__(self, number: int, fn: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self.number, self.fn, self.relay = number, fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except FactdeskError as exc:
            self.relay.failed.emit(self.number, str(exc))
        except Exception as exc:  # a bug: still a message, never a crash
            self.relay.failed.emit(self.number, f"{exc.__class__.__name__}: {exc}")
        else:
            self.relay.done.emit(self.number, result)


class Dashboard(QWidget):
    """Charts of the library's claims. `workbench` is the window's desktop.ui.workbench
    Workbench (its store is read; nothing is written)."""

    claim_chosen = Signal(int, int)  # article id, claim id
    REFRESH_DELAY_MS = 400

    def __init__(self, workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self.figure: stats.Figure | None = None
        self.chart: charts.Chart | None = None
        self.rows: list[stats.ClaimRow] = []
        self.selected = None  # the key of the bar whose claims are listed
        self._asked = {"figure": 0, "claims": 0}
        self._pending: set[str] = set()
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)
        self._handlers: dict[int, tuple[str, Callable]] = {}
        self._serial = 0
        self._stale = False
        self.setWindowTitle(self.tr("Dashboard"))
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=self.REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        for signal in (
            workbench.claimsChanged,
            workbench.claimChanged,
            workbench.ratingsChanged,
            workbench.articleChanged,
            workbench.articlesChanged,
            workbench.libraryReplaced,
            workbench.externalChange,
        ):
            signal.connect(self._library_changed)
        self._load_choices()
        self.refresh()

    # --- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.bar = FilterBar(self)
        self.table_toggle = QToolButton(self, text=self.tr("&Table"), checkable=True)
        self.table_toggle.setToolTip(self.tr("Show the chart's numbers as a table"))
        self.export_btn = QToolButton(self, text=self.tr("&Export Chart"))
        self.export_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_btn)
        menu.addAction(self.tr("As PNG Image…"), lambda: self._export("png"))
        menu.addAction(self.tr("As SVG Image…"), lambda: self._export("svg"))
        self.export_btn.setMenu(menu)
        self.report_btn = QToolButton(self, text=self.tr("Period &Report…"))
        self.report_btn.setToolTip(self.tr("Export the round-up of the period shown"))
        self.report_btn.clicked.connect(self.period_report)
        self.bar.top.addWidget(self.table_toggle)
        self.bar.top.addWidget(self.export_btn)
        self.bar.top.addWidget(self.report_btn)
        self.message = QLabel(self)
        self.message.setAccessibleName(self.tr("Dashboard status"))

        self.view = ChartView(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.view)
        self.numbers = NumbersTable(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(scroll)
        self.stack.addWidget(self.numbers)
        self.claims_label = QLabel(self.tr("Click a bar to list its claims."), self)
        self.claims = QTableWidget(0, 4, self)
        self.claims.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Verdict"), self.tr("Claimant"), self.tr("Claim")]
        )
        self.claims.setAccessibleName(self.tr("Claims of the chosen bar"))
        self.claims.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.claims.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.claims.verticalHeader().setVisible(False)
        self.claims.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.claims.horizontalHeader().setStretchLastSection(True)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.claims_label)
        lower_layout.addWidget(self.claims)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.stack)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.addWidget(self.bar)
        outer.addWidget(split, 1)
        outer.addWidget(self.message)

        self.bar.changed.connect(self._changed)
        self.table_toggle.toggled.connect(lambda on: self.stack.setCurrentIndex(int(on)))
        self.view.barClicked.connect(self.show_bar)
        self.numbers.clicked.connect(lambda index: self.show_bar(index.data(NumbersTable.KeyRole)))
        self.claims.itemActivated.connect(lambda item: self._choose(item.row()))
        self.claims.cellDoubleClicked.connect(lambda row, _col: self._choose(row))

    def _changed(self) -> None:
        if self.figure is not None and self.figure.by != self.bar.dimension():
            self._clear_claims()  # another dimension: the listed bar is gone
        self.refresh()

    def _clear_claims(self) -> None:
        self.selected = None
        self.rows = []
        self.claims.setRowCount(0)
        self.claims_label.setText(self.tr("Click a bar to list its claims."))
        self.view.select(None)

    # --- counting off the UI thread -----------------------------------------------------

    def _run(self, kind: str, fn: Callable[[], object], handler: Callable[[object], None]) -> None:
        self._serial += 1
        self._asked[kind] = self._serial
        self._handlers[self._serial] = (kind, handler)
        self._pending.add(kind)
        QThreadPool.globalInstance().start(_Job(self._serial, fn, self._relay))

    @property
    def busy(self) -> bool:
        """True while figures or a bar's claims are being counted (tests wait on it)."""
        return bool(self._pending)

    def _done(self, number: int, result) -> None:
        kind, handler = self._handlers.pop(number, ("", None))
        if handler is None or self._asked.get(kind) != number:
            return  # an answer to a question asked before the last one
        self._pending.discard(kind)
        handler(result)

    def _failed(self, number: int, message: str) -> None:
        kind, _handler = self._handlers.pop(number, ("", None))
        if self._asked.get(kind) == number:
            self._pending.discard(kind)
            self.message.setText(message)

    def _read(self, fn: Callable, *args, **kwargs) -> Callable[[], object]:
        store = self.workbench.store

        def work():
            with store.read() as session:
                return fn(session, *args, **kwargs)

        return work

    def refresh(self) -> None:
        """Count the figure for the current choices (in the background)."""
        self._stale = False
        self.message.setText(self.tr("Counting…"))
        by, period, filters = self.bar.dimension(), self.bar.period(), self.bar.filters()
        self._run("figure", self._read(stats.figure, by, period, filters), self._show_figure)
        if self.selected is not None:
            self.show_bar(self.selected)

    def _load_choices(self) -> None:
        def both(session):
            return stats.choices(session), stats.scale(session)

        self._run("choices", self._read(both), self._fill_choices)

    def _fill_choices(self, result: tuple) -> None:
        self.bar.fill(*result)

    def _show_figure(self, fig: stats.Figure) -> None:
        self.figure = fig
        by = fig.by
        note = ""
        if fig.rest_bars:
            note = self.tr("and {0} more ({1} claims)").format(fig.rest_bars, fig.rest)
        statuses, nobody = self.bar.status_names(), self.bar.nobody(by)
        self.chart = charts.from_figure(
            fig,
            title=self.bar.dimension_names()[by],
            header=self.bar.by.currentText(),
            bar_label=lambda b: (
                statuses.get(b.label, b.label) if by == "status" else b.label or nobody
            ),
            verdict_label=self.bar.verdict_name,
            count_header=self.tr("Claims"),
            note=note,
        )
        self.view.set_chart(self.chart)
        self.numbers.set_chart(self.chart)
        period = self.bar.period().text
        self.message.setText(
            self.tr("{0} claim(s)").format(fig.total) + (f" · {period}" if period else "")
        )

    # --- a bar's claims -----------------------------------------------------------------

    def show_bar(self, key) -> None:
        """List the claims behind the bar `key` of the current figure."""
        if key is None:
            return
        self.selected = key
        self.view.select(key)
        filters = self.bar.filters().narrowed(self.bar.dimension(), key)
        self.claims_label.setText(self.tr("Counting…"))
        work = self._read(stats.claims_in, self.bar.period(), filters, limit=CLAIMS_SHOWN)
        self._run("claims", work, self._show_claims)

    def _show_claims(self, result) -> None:
        rows, total = result
        self.rows = rows
        names = {v.key: v for v in (self.figure.verdicts if self.figure else ())}
        self.claims.setRowCount(len(rows))
        for r, row in enumerate(rows):
            verdict = names.get(row.rating_id if row.rating_id is not None else stats.UNRATED)
            cells = (
                row.counted_on.date().isoformat(),
                self.bar.verdict_name(verdict) if verdict else "",
                row.claimant,
                f"{row.label} — {row.article_title}",
            )
            for c, text in enumerate(cells):
                self.claims.setItem(r, c, QTableWidgetItem(text.replace("\n", " ")))
        self.claims.resizeColumnsToContents()
        label = self._bar_name(self.selected)
        shown = self.tr("{0} claim(s)").format(total)
        if total > len(rows):
            shown = self.tr("{0}, the newest {1} shown").format(shown, len(rows))
        self.claims_label.setText(f"{label}: {shown} — " + self.tr("double-click one to open it"))

    def _bar_name(self, key) -> str:
        if self.chart is not None and key in self.chart.keys:
            return self.chart.categories[self.chart.keys.index(key)]
        return str(key)

    def _choose(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            claim = self.rows[row]
            self.claim_chosen.emit(claim.article_id, claim.id)

    # --- keeping up with the library ------------------------------------------------------

    def _library_changed(self, *_args) -> None:
        if self.isVisible():
            self._timer.start()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._load_choices()
            self.refresh()

    # --- export ---------------------------------------------------------------------------

    def _export(self, kind: str) -> None:
        if self.chart is None:
            return
        filters = {"png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG image (*.svg)")}
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Chart"), f"{self.bar.dimension()}.{kind}", filters[kind]
        )
        if path:
            try:
                (self.save_png if kind == "png" else self.save_svg)(Path(path))
            except OSError as exc:
                self.message.setText(
                    self.tr("Cannot write {0}: {1}").format(path, exc.strerror or exc)
                )

    def period_report(self) -> None:
        """The period report of what the dashboard shows (its period and filters)."""
        from desktop.ui.period_dialog import PeriodReportDialog

        dialog = PeriodReportDialog(self, self.bar.period(), self.bar.filters())
        if dialog.exec() == PeriodReportDialog.DialogCode.Accepted:
            dialog.run(
                self.workbench,
                lambda text, _result: self.message.setText(text),
                self.message.setText,
            )

    def save_svg(self, path: Path) -> None:
        """The current chart as a standalone SVG file (light or dark ink by the viewer's
        colour scheme), laid out at the width it has on screen."""
        lay = charts.layout(self.chart, width=max(480, self.view.width()))
        Path(path).write_text(charts.to_svg(lay, standalone=True), encoding="utf-8")

    def save_png(self, path: Path) -> None:
        """The current chart as drawn, at twice the screen's resolution."""
        from PySide6.QtGui import QImage, QPainter

        from desktop.ui.dashboard_chart import paint_layout

        lay = self.view.layout_ or charts.layout(self.chart)
        image = QImage(int(lay.width * 2), int(lay.height * 2), QImage.Format.Format_ARGB32)
        image.fill(self.palette().color(self.backgroundRole()))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(2, 2)
        paint_layout(painter, lay, self.palette(), self.view.font())
        painter.end()
        if not image.save(str(path), "PNG"):
            raise OSError(f"{path}: the image could not be written")
