"""Sphinx configuration: Markdown pages (MyST), the API from docstrings, the CLI from its parser.

Build: ``sphinx-build -W --keep-going -n -b html docs docs/_build/html``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # document the checkout, not whatever is installed
sys.path.insert(0, str(HERE / "_ext"))

import chronology  # noqa: E402 (after the path is set)

project = "chronology"
author = "chronology developers"
copyright = "chronology developers"
release = chronology.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "cli_reference",
]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []

# Markdown: GitHub-style anchors, so "#years-outside-1-9999" links work here as on GitHub.
myst_heading_anchors = 4
# Text as written: no curly quotes, and "--from" in the command reference stays two hyphens.
smartquotes = False

# The API reference.
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_default_options = {"members": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True  # attrs fields are listed once, in the class's own docstring
napoleon_use_rtype = False

# Nitpicky mode (-n) checks every cross-reference. Types from other libraries have no
# pages here (and intersphinx would need the network), so they are named but not linked.
nitpick_ignore_regex = [
    ("py:.*", r"(pendulum|numpy|matplotlib|attrs|tomlkit|pandas|pyarrow|ibis|duckdb|pyspark)(\..*)?"),
    ("py:.*", r"(np|npt)\..*"),
    ("py:.*", r"(datetime|fractions|os|pathlib|collections\.abc|typing|types|enum|io|argparse|zoneinfo)\..*"),
    # Internal modules and aliases that docstrings name for readers of the code; they have no page.
    ("py:mod", r"chronology\.consistency"),
    ("py:class", r"chronology\.notation\.english\.Grammar"),  # a language's grammar, given to find_dates
    ("py:class", r"Date|Span"),  # chronology.relative's aliases of pendulum.Date and of a rule's result
]

html_theme = "alabaster"
html_title = "chronology"
html_static_path: list[str] = []
html_show_sourcelink = False
toc_object_entries = False  # the sidebar lists pages and sections, not every function
