"""Alembic environment: the models' metadata; the connection handed in by
checker.storage.database.migrate, or an engine for CHECKER_DATABASE_URL on the command line."""
from alembic import context

from checker.storage.database import database_url, make_engine
from checker.storage.models import Base

config = context.config
target_metadata = Base.metadata


# the service's own table of rate buckets (checker.api.guards.WriteRate, PostgreSQL only) is
# made by the service and holds nothing of the store: autogenerate must not offer to drop it
NOT_OF_THE_STORE = {"rate_buckets"}


def of_the_store(_object, name, kind, reflected, _compared_to) -> bool:
    return not (kind == "table" and reflected and name in NOT_OF_THE_STORE)


def run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, include_object=of_the_store,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or database_url()
    engine = make_engine(url if "://" in url else database_url())
    with engine.begin() as connection:
        run(connection)
    engine.dispose()


if context.is_offline_mode():
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
