"""The rejection every pure step function raises; free of Beam so the extraction child can import it cheaply."""

from __future__ import annotations


class Rejected(Exception):
    """Raised by a pure step function to reject a record with a machine-readable reason."""

    def __init__(self, reason: str, message: str = "") -> None:
        super().__init__(message or reason)
        self.reason = reason
        self.message = message or reason
