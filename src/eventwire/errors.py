"""One exception tree for eventwire. Each message says what to do next."""


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""


class ModelNotFoundError(EventwireError):
    """No spaCy English pipeline could be loaded."""


class InputError(EventwireError):
    """A document or input path cannot be read or coded. ``reason`` is a short code."""

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class DictionaryError(EventwireError):
    """A dictionary or data file is malformed."""


class StoreError(EventwireError):
    """The event store cannot be opened, read or written."""


class ExportError(EventwireError):
    """An export format or destination is not usable."""
