"""The ledger store: SQLAlchemy tables, repository functions, Alembic migrations.

Repository functions take a ``Session`` first and never commit: the caller owns
the transaction (``session_scope`` or the web app's request session), so a
failure anywhere leaves nothing half-written.
"""
