"""Event files: reading them into a timeline, and changing them without losing a byte."""

from chronology.files.edit import EventFile
from chronology.files.load import load, load_text, validate

__all__ = ["EventFile", "load", "load_text", "validate"]
