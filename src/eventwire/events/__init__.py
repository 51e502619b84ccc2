"""Stage: events (dictionaries + clause-level extraction)."""

from .dictionary import Dictionaries, Sense, load_dictionaries
from .extract import EventExtractor

__all__ = ["Dictionaries", "EventExtractor", "Sense", "load_dictionaries"]
