"""One small exception tree, plus the codes used for problems found in content.

Bugs and environment failures raise (``PresstraceError`` and children, chained with
``raise ... from e``). Problems *in the content* (an empty body, binary junk) are not
exceptions for the caller: they become ``ErrorRecord`` entries on the Article.
"""

from __future__ import annotations


class PresstraceError(Exception):
    """Base of every error presstrace raises on purpose."""


class InputError(PresstraceError):
    """An input cannot be read at all (missing path, unreadable file)."""


class StageError(PresstraceError):
    """A pipeline stage failed, or the pipeline was assembled wrongly."""


class StoreError(PresstraceError):
    """The database cannot be opened, migrated or written."""


class ConfigError(PresstraceError):
    """A setting is wrong: unknown model, unknown stage, bad option."""


class DocumentTimeout(StageError):
    """One document exceeded the per-document time limit."""


# Error codes found in content; stable strings users filter on.
EMPTY_INPUT = "empty_input"
BINARY_INPUT = "binary_input"
UNDECODABLE = "undecodable"
TOO_LARGE = "too_large"
NO_BODY = "no_body"
NOT_FOUND = "not_found"
UNREADABLE = "unreadable"
BAD_RECORD = "bad_record"
TIMEOUT = "timeout"
STAGE_FAILED = "stage_failed"
UNSUPPORTED = "unsupported_format"
TRUNCATED_RECORD = "truncated_record"
CORRUPT_RECORD = "corrupt_record"
HTTP_STATUS = "http_status"
WORKER_CRASHED = "worker_crashed"
