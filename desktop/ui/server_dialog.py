"""File → Open Library → Server…: a team's PostgreSQL server, password kept safe.

The address remembered in settings and the recent list never contains the password.
It goes to the operating system's keyring when the user asks and one is available
(Keychain, Windows Credential Locker, Secret Service); otherwise it is asked each time.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL, make_url


def _tr(text: str) -> str:
    """Translate in the "ServerDialog" context (update.sh shows these calls to lupdate)."""
    return QCoreApplication.translate("ServerDialog", text)


KEYRING_SERVICE = "Factdesk"


def server_url(host: str, port: int, database: str, user: str, password: str = "") -> str:
    """An SQLAlchemy URL for a PostgreSQL library (with the password only if given)."""
    url = URL.create(
        "postgresql+psycopg",
        username=user or None,
        password=password or None,
        host=host or "localhost",
        port=port or 5432,
        database=database or None,
    )
    return url.render_as_string(hide_password=False)


def without_password(location: str) -> str:
    if "://" not in location:
        return location
    url = make_url(location)
    # URL.set(password=None) keeps the password: None there means "unchanged".
    bare = URL.create(
        url.drivername,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    return bare.render_as_string(hide_password=False)


def _keyring_key(location: str) -> str:
    return without_password(location)


def stored_password(location: str) -> str | None:
    """The keyring's password for a server address, or None (no keyring, none stored)."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, _keyring_key(location))
    except Exception:  # no backend on this system, or it refused: ask instead
        return None


def store_password(location: str, password: str) -> bool:
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, _keyring_key(location), password)
        return True
    except Exception:
        return False


def keyring_available() -> bool:
    try:
        import keyring
        from keyring.backends import fail

        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:
        return False


def with_password(parent: QWidget | None, location: str) -> str | None:
    """The address to connect to: the keyring's password added, or asked for now.

    None when the user cancels the password prompt.
    """
    if "://" not in location or not location.startswith("postgresql"):
        return location
    url = make_url(location)
    if url.password:
        return location
    password = stored_password(location)
    if password is None:
        password, ok = QInputDialog.getText(
            parent,
            _tr("Team server"),
            _tr("Password for {0} on {1}:").format(url.username or "", url.host or ""),
            QLineEdit.EchoMode.Password,
        )
        if not ok:
            return None
    return url.set(password=password or None).render_as_string(hide_password=False)


class ServerDialog(QDialog):
    """Host, port, database and user of a team server; the password, and whether to
    remember it in the system keyring."""

    def __init__(self, parent=None, location: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open a team library on a server"))
        self.setMinimumWidth(420)
        url = make_url(location) if location.startswith("postgresql") else None
        self.host = QLineEdit(url.host if url and url.host else "localhost", self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(url.port if url and url.port else 5432)
        self.database = QLineEdit(url.database if url and url.database else "factdesk", self)
        self.user = QLineEdit(url.username if url and url.username else "", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in the system keyring"), self)
        self.remember.setEnabled(keyring_available())
        if not self.remember.isEnabled():
            self.remember.setToolTip(
                self.tr("No system keyring here: Factdesk will ask for the password each time.")
            )
        form = QFormLayout()
        for label, widget, name in (
            (self.tr("&Host:"), self.host, self.tr("Host")),
            (self.tr("&Port:"), self.port, self.tr("Port")),
            (self.tr("&Database:"), self.database, self.tr("Database")),
            (self.tr("&User:"), self.user, self.tr("User")),
            (self.tr("Pass&word:"), self.password, self.tr("Password")),
        ):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        form.addRow("", self.remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def location(self) -> str:
        """The address to remember: no password in it."""
        return server_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
        )

    def connect_url(self) -> str:
        """The address to connect with now (password included), keyring updated if asked."""
        password = self.password.text()
        if password and self.remember.isChecked():
            store_password(self.location(), password)
        return server_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
            password,
        )
