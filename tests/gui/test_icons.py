"""The application's icon: read from the bundled resources, drawn at every size a desktop uses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from app.gui.icons import app_icon


@pytest.mark.usefixtures("qapp")
def test_the_icon_is_drawn_at_every_size_a_desktop_asks_for() -> None:
    icon = app_icon()
    assert not icon.isNull()
    sizes = icon.availableSizes()
    assert QSize(16, 16) in sizes
    assert QSize(256, 256) in sizes
    image = icon.pixmap(64, 64).toImage()
    assert image.pixelColor(32, 32).alpha() == 255  # drawn, not an empty square
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corners stay clear
