"""Ledger commands: ingest, export, import-tasks, user, db, remind (thin wrappers over the store)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click
from sqlalchemy import select

from luoshi.cli_errors import DB_ID, BoundedInt
from luoshi.errors import LuoshiError

REPORT_ID = BoundedInt(*DB_ID, "report id")
YEAR = BoundedInt(1900, 2200, "year")
MAX_USERNAME = 80  # the users.username column


def _check_username(username: str) -> str:
    name = username.strip()
    if not name or name != username or len(name) > MAX_USERNAME or any(not ch.isprintable() for ch in name):
        raise LuoshiError("E155", f"invalid user name {username[:40]!r}",
                          f"1 to {MAX_USERNAME} printable characters, no leading or trailing blanks")
    return name


def _engine(url: str | None = None, create_embedded: bool = False):
    """The configured database at the latest schema; ``create_embedded``: create or upgrade an SQLite file itself.

    A server database (PostgreSQL) is migrated only by ``luoshi db upgrade``, on purpose.
    """
    from luoshi.store.db import get_engine
    from luoshi.store.errors import SchemaError
    from luoshi.store.migrate import is_current, upgrade

    engine = get_engine(url)
    if create_embedded and engine.dialect.name == "sqlite" and not is_current(engine):
        upgrade(engine)
    if not is_current(engine):
        raise SchemaError(f"database {engine.url.render_as_string(hide_password=True)} is not at the latest schema", "run `luoshi db upgrade`")
    return engine


@click.command("ingest")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--region", help="Region name (default: inferred from the report, e.g. 北京市门头沟区).")
@click.option("--year", type=YEAR, help="Plan year (default: inferred from the report).")
@click.option("--encoding", help="Force a text encoding (e.g. gb18030) instead of detecting it.")
def ingest_command(files: tuple[Path, ...], region: str | None, year: int | None, encoding: str | None) -> None:
    """Extract FILES and load them into the ledger (the same file twice changes nothing)."""
    from rich.progress import Progress

    from luoshi.ingest import read_document
    from luoshi.pipeline import extract_document
    from luoshi.store.db import session_scope
    from luoshi.store.reports import ingest_extraction

    engine = _engine(create_embedded=True)  # `luoshi ingest` in a fresh folder just works
    ids: list[int] = []
    with Progress(transient=True) as bar:
        task = bar.add_task("ingest", total=len(files))
        for f in files:
            bar.update(task, description=f.name)
            doc = read_document(f, encoding=encoding)
            ex = extract_document(doc)
            with session_scope(engine) as s:  # one transaction per file: all of it or nothing
                res = ingest_extraction(s, ex, doc.text, region=region, year=year, filename=f.name)
                ids.append(res.report.id)
                bar.console.print(f"{f.name}: report {res.report.id} {res.status} "
                                  f"({len(ex.commitments)} commitments, {len(ex.indicators)} indicators)")
            bar.advance(task)
    if len(ids) > 1:  # files given together are one region's years: judge each on the next
        from luoshi.store.linking import link_series
        from luoshi.store.models import Report

        with session_scope(engine) as s:
            for old_id, new_id in link_series(s, [s.get(Report, i) for i in ids]):
                click.echo(f"linked report {old_id} -> {new_id}")


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(("xlsx", "csv", "json")), default="xlsx", show_default=True,
              help="xlsx: the 任务分解表 for Excel; csv: UTF-8 with BOM; json: one object per task.")
@click.option("--report", "report_id", type=REPORT_ID, help="Only this report (id from the web app or `luoshi ingest`).")
@click.option("--department", help="Only tasks assigned to this department.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="File to write.")
def export_command(fmt: str, report_id: int | None, department: str | None, output: Path) -> None:
    """Write the ledger's 任务分解表 with status and latest progress."""
    from luoshi.export import write_csv, write_json, write_xlsx
    from luoshi.store.db import session_scope
    from luoshi.store.tasks import task_rows

    from luoshi.store.models import Department, Report

    with session_scope(_engine()) as s:
        if report_id is not None and s.get(Report, report_id) is None:
            raise LuoshiError("E156", f"no report {report_id}", "report ids are printed by `luoshi ingest` and shown in the web app")
        if department and s.scalar(select(Department.id).where(Department.name == department)) is None:
            raise LuoshiError("E156", f"no department {department[:40]!r}", "use a department name as it appears in the ledger")
        rows = task_rows(s, report_id=report_id, department=department)
    {"xlsx": write_xlsx, "csv": write_csv, "json": write_json}[fmt](rows, output)
    click.echo(f"{len(rows)} rows -> {output}")


@click.command("import-tasks")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--report", "report_id", type=int, required=True, help="The report whose rows take the table's owners and deadlines.")
@click.option("--dry-run", is_flag=True, help="Align and check only; change nothing.")
@click.option("--min-score", type=click.FloatRange(0, 100), default=70.0, show_default=True,
              help="Fuzzy score (0–100) a table row needs to be placed on a report row.")
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True,
              help="table: one line per table row (placed with its score, or not placed); json: the same as one object.")
def import_tasks_command(file: Path, report_id: int, dry_run: bool, min_score: float, fmt: str) -> None:
    """Import the office's own 任务分解表 (xlsx): owners and deadlines onto the report's rows.

    Columns are found by header (序号, 任务内容/工作任务/重点任务, 牵头单位/责任单位, 配合单位,
    完成时限/时间节点). Every unit must be on the master list; the whole file goes in one
    transaction, or nothing does. Rows that match no report row are listed.
    """
    import json

    from luoshi.store.db import make_sessionmaker
    from luoshi.store.import_tasks import import_tasks

    engine = _engine()
    with make_sessionmaker(engine)() as s:
        result = import_tasks(s, report_id, file, min_score=min_score)
        s.commit() if not dry_run else s.rollback()
    if fmt == "json":
        click.echo(json.dumps(result.to_dict() | {"dry_run": dry_run}, ensure_ascii=False, indent=1))
        return
    for p in result.placed:
        click.echo(f"row {p.row.line}\t{p.score:5.1f}\t{p.commitment_key}\t{p.row.task[:30]}\t"
                   f"{'、'.join(p.row.lead)}{' / ' + '、'.join(p.row.support) if p.row.support else ''}")
    for r in result.unplaced:
        click.echo(f"row {r.line}\tnot placed\t{r.task[:40]}")
    verb = "would apply" if dry_run else "applied"
    click.echo(f"{result.rows} table rows: {len(result.placed)} placed, {len(result.unplaced)} not placed; "
               f"{verb} owners to {result.owners_applied} and deadlines to {result.deadlines_applied} report rows")


@click.group("user")
def user_group() -> None:
    """Manage users (roles: admin, supervisor, department, viewer)."""


@user_group.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(("admin", "supervisor", "department", "viewer")), required=True,
              help="admin: everything; supervisor: assign and judge; department: its own tasks; viewer: read only.")
@click.option("--department", help="The department a department user reports for (a unit of the master list; aliases resolve).")
@click.option("--email", help="Address for `luoshi remind --email` digests.")
@click.password_option(help="Asked for when not given.")
def user_add(username: str, role: str, department: str | None, email: str | None, password: str) -> None:
    """Add a user."""
    from luoshi.store.db import session_scope
    from luoshi.store.users import create_user

    username = _check_username(username)
    with session_scope(_engine()) as s:
        create_user(s, username, password, role, department=department, email=email)
    click.echo(f"user {username} ({role}) added")


@user_group.command("passwd")
@click.argument("username")
@click.password_option(help="Asked for when not given.")
def user_passwd(username: str, password: str) -> None:
    """Set a user's password."""
    from luoshi.store.db import session_scope
    from luoshi.store.users import set_password

    with session_scope(_engine()) as s:
        set_password(s, username, password)
    click.echo(f"password of {username} changed")


@user_group.command("disable")
@click.argument("username")
def user_disable(username: str) -> None:
    """Disable a user: no login, and every open session of the user ends at once."""
    _set_user(username, active=False)
    click.echo(f"user {username} disabled; open sessions ended")


@user_group.command("enable")
@click.argument("username")
def user_enable(username: str) -> None:
    """Enable a disabled user again."""
    _set_user(username, active=True)
    click.echo(f"user {username} enabled")


@user_group.command("role")
@click.argument("username")
@click.argument("role", type=click.Choice(("admin", "supervisor", "department", "viewer")))
@click.option("--department", help="The department, for a department user.")
def user_role(username: str, role: str, department: str | None) -> None:
    """Change a user's role (open sessions of the user end at once)."""
    _set_user(username, role=role, department=department)
    click.echo(f"user {username} is now {role}; open sessions ended")


def _set_user(username: str, role: str | None = None, department: str | None = None, active: bool | None = None) -> None:
    from luoshi.store.db import session_scope
    from luoshi.store.users import get_user, set_role

    with session_scope(_engine()) as s:
        user = get_user(s, username)
        if (role or user.role) == "department" and not (department or user.department_id):
            raise LuoshiError("E105", "a department user needs --department")
        set_role(s, username, role or user.role, department=department, active=active)


@user_group.command("list")
def user_list() -> None:
    """List users with role and department."""
    from luoshi.store.db import session_scope
    from luoshi.store.users import list_users

    with session_scope(_engine()) as s:
        for u in list_users(s):
            dept = u.department.name if u.department else ""
            click.echo(f"{u.username}\t{u.role}\t{dept}\t{'active' if u.active else 'disabled'}")


@click.group("db")
def db_group() -> None:
    """Database schema and backups (LUOSHI_DATABASE_URL, default sqlite:///luoshi.db; upgrade and
    restore use LUOSHI_MIGRATE_URL, the table owner's, when set)."""


@db_group.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the schema to the latest version."""
    from luoshi.store.db import get_engine
    from luoshi.store.migrate import current_revision, upgrade

    from luoshi.store.roles import grant_if_two_roles
    from luoshi.store.settings import get_settings

    settings = get_settings()
    engine = get_engine(settings.migrate_url or None)  # the owner, in the two-role setup
    upgrade(engine)
    click.echo(f"schema at {current_revision(engine)}")
    if role := grant_if_two_roles(engine, settings.database_url, settings.migrate_url):
        click.echo(f"role {role}: rows only (history: read and add)")


@db_group.command("backup")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(("sqlite", "json")), help="Default: sqlite for SQLite, json otherwise.")
def db_backup(path: Path, fmt: str | None) -> None:
    """Write a consistent backup to PATH while the app keeps running."""
    from luoshi.store.backup import backup

    backup(_engine(), path, fmt)
    click.echo(f"backup -> {path}")


@db_group.command("restore")
@click.argument("path", type=click.Path(path_type=Path))
@click.confirmation_option(prompt="Replace ALL ledger content with the backup?")
def db_restore(path: Path) -> None:
    """Replace the database content with a backup (SQLite file or JSON). The file is checked
    first (a luoshi backup at a known schema revision); the current content is kept in a
    safety copy beside the backup, and the output says how to roll back to it."""
    from luoshi.store.backup import restore
    from luoshi.store.db import get_engine
    from luoshi.store.roles import grant_if_two_roles
    from luoshi.store.settings import get_settings

    settings = get_settings()
    engine = get_engine(settings.migrate_url or None)  # TRUNCATE needs the owner on PostgreSQL
    result = restore(engine, path)
    grant_if_two_roles(engine, settings.database_url, settings.migrate_url)
    click.echo(result.message(path))


@click.command("remind")
@click.option("--days", default=14, show_default=True, help="Include tasks due within this many days (overdue always).")
@click.option("--report", "report_id", type=int, help="Only this report.")
@click.option("--today", type=click.DateTime(("%Y-%m-%d",)), help="Pretend today is this date (YYYY-MM-DD).")
@click.option("--email", "mail", is_flag=True, help="Mail each department through LUOSHI_SMTP_HOST instead of printing.")
def remind_command(days: int, report_id: int | None, today, mail: bool) -> None:
    """List, per department, the unfinished tasks due soon or overdue."""
    from luoshi.store.db import session_scope
    from luoshi.store.remind import due_items, format_reminder, send_reminders
    from luoshi.store.settings import get_settings

    day = today.date() if today else date.today()
    with session_scope(_engine()) as s:
        due = due_items(s, within_days=days, today=day, report_id=report_id)
        if mail:
            settings = get_settings()
            if not settings.smtp_host:
                raise LuoshiError("E013", "--email needs an SMTP server", "set LUOSHI_SMTP_HOST (and _PORT, _USER, _PASSWORD, _FROM)")
            sent = send_reminders(due, settings)
            click.echo(f"mailed {len(sent)} department(s): {'、'.join(sent)}")
            return
        if not due:
            click.echo(f"no task due within {days} days or overdue")
        for dept, items in due.items():
            click.echo(format_reminder(dept, items) + "\n")


COMMANDS = (ingest_command, export_command, import_tasks_command, user_group, db_group, remind_command)


def register(group: click.Group) -> None:
    """Add the ledger commands to the ``luoshi`` group (called from luoshi.commands.register)."""
    for cmd in COMMANDS:
        group.add_command(cmd)
