"""Store errors: LuoshiError subclasses so the CLI prints them as one line."""

from __future__ import annotations

from luoshi.errors import CODES, LuoshiError

# The store's codes live here until the lead folds them into luoshi/errors.py.
STORE_CODES = {
    "E101": "record not found",
    "E102": "edit conflict: the record changed since it was read",
    "E103": "permission denied",
    "E104": "progress history is append-only",
    "E105": "invalid value",
    "E106": "database not initialised or out of date",
    "E107": "backup or restore failed",
}
for _code, _text in STORE_CODES.items():
    CODES.setdefault(_code, _text)


class StoreError(LuoshiError):
    code = "E105"

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(type(self).code, message, hint)


class NotFoundError(StoreError):
    code = "E101"


class ConflictError(StoreError):
    """A second editor saved first: reload, re-apply, save again."""

    code = "E102"


class PermissionDeniedError(StoreError):
    code = "E103"


class AppendOnlyError(StoreError):
    code = "E104"


class InvalidValueError(StoreError):
    code = "E105"


class SchemaError(StoreError):
    code = "E106"


class BackupError(StoreError):
    code = "E107"
