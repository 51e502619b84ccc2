"""eventwire: political event data from news text (CAMEO and PLOVER, with provenance)."""

from .api import code_articles, code_text, load_pipeline
from .config import Config
from .errors import EventwireError, InputError, ModelNotFoundError
from .model import Actor, Article, Document, Event, Location, Quote, Rejected, Sentence

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "Config", "Document", "Event", "EventwireError", "InputError",
    "Location", "ModelNotFoundError", "Quote", "Rejected", "Sentence", "code_articles",
    "code_text", "load_pipeline", "__version__",
]
