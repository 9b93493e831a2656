"""The one kind of error a user can fix, and its exit code.

Everything the core raises for bad input is a ``CitekitError``; the click layer turns
it into one line on stderr and exit code 2. Anything else escaping is a bug (exit 3).
"""

from __future__ import annotations


class CitekitError(Exception):
    """Something the user can fix: bad input, unknown key or style, unwritable file."""

    exit_code = 2


class NotFoundError(CitekitError):
    """A key, style or file that does not exist."""


class BibSyntaxError(CitekitError):
    """A .bib file that cannot be parsed safely enough to edit."""


class NetworkError(CitekitError):
    """A remote service could not be reached or answered badly."""
