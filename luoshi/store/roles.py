"""PostgreSQL with two roles: the owner migrates, the app only reads and writes rows.

The table owner can TRUNCATE, DISABLE TRIGGER or drop the append-only trigger, so a web
process holding the owner's password could rewrite history. In the two-role setup (README,
"PostgreSQL with two roles") `luoshi db upgrade` and `luoshi db restore` connect as the owner
(LUOSHI_MIGRATE_URL) and then grant the app role (the user of LUOSHI_DATABASE_URL) exactly:

- history (``progress_updates``, ``audit_log``): SELECT and INSERT only;
- every other table: SELECT, INSERT, UPDATE, DELETE; ``alembic_version``: SELECT;
- the schema's sequences: USAGE and SELECT; the schema: USAGE (not CREATE).

Never TRUNCATE, TRIGGER, REFERENCES or ownership, so history cannot be rewritten from the app.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, text
from sqlalchemy.engine import make_url

from luoshi.store.models import Base

APPEND_ONLY = ("progress_updates", "audit_log")  # history: rows are added, never changed
ROW_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"


def app_role_of(database_url: str, migrate_url: str) -> str | None:
    """The app's role when the two URLs name different PostgreSQL users (else None: one role)."""
    if not migrate_url:
        return None
    app, owner = make_url(database_url), make_url(migrate_url)
    if app.get_backend_name() != "postgresql" or owner.get_backend_name() != "postgresql":
        return None
    if not app.username or app.username == owner.username:
        return None
    return app.username


def grant_app_role(conn: Connection, role: str) -> None:
    """(Re)grant ``role`` the app's privileges on the current schema's luoshi tables, nothing more."""
    quote = conn.dialect.identifier_preparer.quote
    schema = quote(conn.execute(text("SELECT current_schema()")).scalar_one())
    r = quote(role)
    conn.execute(text(f"GRANT USAGE ON SCHEMA {schema} TO {r}"))
    conn.execute(text(f"REVOKE CREATE ON SCHEMA {schema} FROM {r}"))
    conn.execute(text(f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {r}"))
    for table in Base.metadata.sorted_tables:
        privileges = "SELECT, INSERT" if table.name in APPEND_ONLY else ROW_PRIVILEGES
        conn.execute(text(f"GRANT {privileges} ON TABLE {schema}.{quote(table.name)} TO {r}"))
    conn.execute(text(f"GRANT SELECT ON TABLE {schema}.alembic_version TO {r}"))
    conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {r}"))


def lacks_privilege(exc: BaseException) -> bool:
    """A PostgreSQL "permission denied" / "must be owner" (SQLSTATE 42501) behind ``exc``."""
    orig = getattr(exc, "orig", None) or exc
    return getattr(orig, "sqlstate", None) == "42501"


PRIVILEGE_HINT = ("schema changes and restores run as the table owner: set LUOSHI_MIGRATE_URL to the owner's URL "
                  "(README, PostgreSQL with two roles)")


def grant_if_two_roles(engine: Engine, database_url: str, migrate_url: str) -> str | None:
    """After a migration or restore through the owner's ``engine``: grant the app role, if any."""
    role = app_role_of(database_url, migrate_url)
    if role is None or engine.dialect.name != "postgresql":
        return None
    with engine.begin() as conn:
        grant_app_role(conn, role)
    return role
