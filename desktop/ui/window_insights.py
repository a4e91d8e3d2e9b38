"""The desk's record in the window: View → Dashboard and File → Export Period Report."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence


def _tr(text: str) -> str:
    """Translate in the "MainWindow" context (this mixin's methods run as MainWindow's)."""
    return QCoreApplication.translate("MainWindow", text)


class InsightsMixin:
    """The dashboard is a window of its own, built when first asked for (it costs the
    start-up nothing), kept while the main window lives, and raised when asked again."""

    def _create_insight_actions(self) -> None:
        self.dashboard = None
        self.act_dashboard = self._action(
            _tr("&Dashboard"),
            self.show_dashboard,
            QKeySequence("Ctrl+Shift+B"),
            _tr("Claims by verdict, month, claimant, outlet, tag, checker and status"),
        )
        self.act_period_report = self._action(
            _tr("Expor&t Period Report…"),
            self.export_period_report,
            tip=_tr("The desk's summary with charts, then each article checked in a period"),
        )

    def show_dashboard(self) -> None:
        if self.dashboard is None:
            from desktop.ui.dashboard import Dashboard

            self.dashboard = Dashboard(self.wb, self)
            self.dashboard.setWindowFlag(Qt.WindowType.Window, True)
            self.dashboard.resize(980, 680)
            self.dashboard.claim_chosen.connect(self.open_claim)
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()

    def open_claim(self, article_id: int, claim_id: int) -> None:
        """Show a claim chosen elsewhere (the dashboard): its article, then the claim."""
        if article_id != self.article_id:
            self.library.select(article_id, emit=False)
            self.open_article(article_id)
        self.select_claim(claim_id)
        self.raise_()
        self.activateWindow()

    def export_period_report(self) -> None:
        from desktop.ui.period_dialog import PeriodReportDialog

        dialog = PeriodReportDialog(self)
        if dialog.exec() == PeriodReportDialog.DialogCode.Accepted:
            dialog.run(
                self.wb,
                lambda message, _result: self.statusBar().showMessage(message, 10000),
                lambda message: self.show_error(_tr("Export failed"), message),
            )
