"""Migrations: they build exactly the models' schema, both ways, on every backend."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from luoshi.store import migrate
from luoshi.store.models import Base


def test_migrations_match_models(engine):
    with engine.connect() as conn:
        opts = {"compare_type": True, "include_object": migrate.include_object_for(conn.dialect.name)}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    assert diff == []
    assert migrate.is_current(engine)


def test_downgrade_to_base_and_back(tmp_path):
    from luoshi.store.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate.upgrade(engine)
    migrate.downgrade(engine, "base")
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
