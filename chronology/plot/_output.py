"""Writing figures so that the same input gives the same bytes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from chronology.errors import PlotError

__all__ = ["FORMATS", "renderer_of", "save_figure"]

#: Formats by file extension, with the metadata that would otherwise vary from run to run removed.
FORMATS: Final[dict[str, dict[str, Any]]] = {
    ".png": {"Software": None},
    ".svg": {"Date": None, "Creator": None},
    ".pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
}


def save_figure(figure: Figure, path: str | os.PathLike[str], *, dpi: float | None = None) -> Path:
    """Write ``figure`` to ``path`` as PNG, SVG or PDF (by the extension), reproducibly.

    In an SVG, words are written as text (``<text>`` elements in the figure's fonts), not drawn as outlines,
    so that they can be edited and searched; the setting holds for this file only, nothing global changes.

    Raises:
        PlotError: an extension other than ``.png``, ``.svg`` or ``.pdf`` (a ``ValueError`` too); the
            message names the file and the nearest correct name.

    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise PlotError(
            f"cannot write {str(target)!r}: use a .png, .svg or .pdf file name, such as "
            f"{str(target.with_suffix('.png'))!r}"
        )
    if figure.canvas is None or not isinstance(figure.canvas, FigureCanvasAgg):
        FigureCanvasAgg(figure)
    # SVG text stays text ("svg.fonttype": "none"), not outlines: a designer can edit every label
    with matplotlib.rc_context({"svg.hashsalt": "chronology", "svg.fonttype": "none", "pdf.compression": 6}):
        figure.savefig(target, dpi=dpi or figure.dpi, metadata=FORMATS[suffix], format=suffix[1:])
    return target


def renderer_of(figure: Figure) -> Any:
    """The renderer that measures text on ``figure``, giving it an Agg canvas if it has none that can.

    A ``matplotlib.figure.Figure()`` made without pyplot, as matplotlib recommends for embedding, has a
    bare canvas that cannot measure text.
    """
    if figure.canvas is None or not hasattr(figure.canvas, "get_renderer"):
        FigureCanvasAgg(figure)
    return figure.canvas.get_renderer()  # type: ignore[attr-defined]
