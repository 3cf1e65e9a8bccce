from tests.store.db_fixtures import *  # noqa: F401,F403 (fixtures: engine, session on SQLite and PostgreSQL)
