"""Plotted timelines: PNGs (and SVG, PDF) a person would put in a report.

Drawing functions take an ``ax`` (or make a figure without pyplot), never
change global styles, and return a record of what they drew.
"""

from chronology.plot._fonts import MissingFontWarning
from chronology.plot._output import save_figure
from chronology.plot._scale import Piece, Scale
from chronology.plot.claims import ClaimsPlot, claims_table, plot_claims, save_claims_table
from chronology.plot.dataset import DatasetPlot, plot_dataset
from chronology.plot.timeline import TimelinePlot, lane_colors, lane_of, plot_timeline

__all__ = [
    "ClaimsPlot",
    "DatasetPlot",
    "MissingFontWarning",
    "Piece",
    "Scale",
    "TimelinePlot",
    "claims_table",
    "lane_colors",
    "lane_of",
    "plot_claims",
    "plot_dataset",
    "plot_timeline",
    "save_claims_table",
    "save_figure",
]
