"""Alembic environment: the engine modbot hands in (bot.store.db.migrate), or alembic.ini's, under
the migration lock either way."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import Engine
from sqlmodel import SQLModel

import bot.store.tables  # noqa: F401  (every table module, so autogenerate sees them all)
from bot.settings import Settings
from bot.store.db import make_engine, migration_connection, owned_by_modbot

config = context.config
target_metadata = SQLModel.metadata


def _engine() -> Engine:
    """The engine modbot hands in; else alembic.ini's URL; else DATABASE_URL as modbot reads it."""
    engine: Engine | None = config.attributes.get("engine")
    if engine is not None:
        return engine
    url = config.get_main_option("sqlalchemy.url") or Settings().database_url
    return make_engine(url)


def run_migrations_online() -> None:
    with migration_connection(_engine()) as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_object=owned_by_modbot,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if config.config_file_name is not None and "engine" not in config.attributes:
    fileConfig(config.config_file_name, disable_existing_loggers=False)  # alembic.ini's logging
run_migrations_online()
