"""The application's icon, read from the bundled resources (importlib.resources)."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_RESOURCE = "pledgewatch.svg"
_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """PledgeWatch's mark at every size a desktop asks for (window, taskbar, switcher)."""
    data = resources.files("app.resources").joinpath(ICON_RESOURCE).read_bytes()
    renderer = QSvgRenderer(QByteArray(data))
    icon = QIcon()
    for size in _SIZES:
        image = QImage(QSize(size, size), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon
