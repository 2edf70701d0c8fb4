"""Status colours and icons, drawn in code so that colour is never the only signal."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap

from app.domain import Status

STATUS_COLOURS = {
    Status.OVERDUE: QColor("#c62828"),
    Status.PENDING: QColor("#b26a00"),
    Status.REVIEW: QColor("#3949ab"),
    Status.MET: QColor("#2e7d32"),
    Status.BROKEN: QColor("#5d4037"),
}
STATUS_WORDS = {status: status.label for status in Status}


@cache
def status_icon(status: Status, size: int = 16) -> QIcon:
    """A circle in the status colour with a mark: '!' overdue, clock hands pending, '?' to
    review, tick met, cross broken."""
    pixmap = QPixmap(size * 2, size * 2)  # drawn at 2x for sharp high-DPI screens
    pixmap.fill(Qt.GlobalColor.transparent)
    pixmap.setDevicePixelRatio(2.0)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(STATUS_COLOURS[status])
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    pen = QPen(QColor("white"), size / 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    centre = size / 2
    if status is Status.MET:
        path = QPainterPath(QPointF(size * 0.28, centre))
        path.lineTo(QPointF(size * 0.44, size * 0.66))
        path.lineTo(QPointF(size * 0.72, size * 0.34))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    elif status is Status.BROKEN:
        low, high = size * 0.32, size * 0.68
        painter.drawLine(QPointF(low, low), QPointF(high, high))
        painter.drawLine(QPointF(low, high), QPointF(high, low))
    elif status is Status.OVERDUE:
        painter.drawLine(QPointF(centre, size * 0.25), QPointF(centre, size * 0.58))
        painter.drawPoint(QPointF(centre, size * 0.74))
    elif status is Status.REVIEW:
        path = QPainterPath(QPointF(size * 0.36, size * 0.38))
        path.cubicTo(QPointF(size * 0.36, size * 0.2), QPointF(size * 0.66, size * 0.2),
                     QPointF(size * 0.64, size * 0.38))  # fmt: skip
        path.cubicTo(QPointF(size * 0.62, size * 0.5), QPointF(centre, size * 0.5),
                     QPointF(centre, size * 0.6))  # fmt: skip
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.drawPoint(QPointF(centre, size * 0.76))
    else:
        painter.drawLine(QPointF(centre, centre), QPointF(centre, size * 0.28))
        painter.drawLine(QPointF(centre, centre), QPointF(size * 0.68, centre))
    painter.end()
    return QIcon(pixmap)


def bold(font: QFont) -> QFont:
    """A bold copy of a font."""
    copy = QFont(font)
    copy.setBold(True)
    return copy
