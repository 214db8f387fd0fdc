"""Plotted timelines: PNGs (and SVG, PDF) a person would put in a report.

Drawing functions take an ``ax`` (or make a figure without pyplot), never
change global styles, and return a record of what they drew.
"""

from chronology.plot._output import save_figure
from chronology.plot.claims import ClaimsPlot, plot_claims
from chronology.plot.timeline import TimelinePlot, lane_of, plot_timeline

__all__ = ["ClaimsPlot", "TimelinePlot", "lane_of", "plot_claims", "plot_timeline", "save_figure"]
