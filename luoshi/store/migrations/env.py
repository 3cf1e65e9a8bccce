"""Alembic environment: configured from code (luoshi.store.migrate), no alembic.ini."""

from __future__ import annotations

from alembic import context

from luoshi.store.migrate import include_object_for
from luoshi.store.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True, compare_type=True,
                  include_object=include_object_for(connection.dialect.name))
with context.begin_transaction():
    context.run_migrations()
