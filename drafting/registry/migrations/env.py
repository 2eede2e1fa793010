"""Alembic environment: runs on the connection that ``drafting.registry.db.migrate`` passes in."""

from alembic import context

from drafting.registry.models import Base

connection = context.config.attributes["connection"]
# render_as_batch: SQLite alters tables by copying them; later migrations then work there too.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
