"""The desk file: sqlmodel tables, engine, Alembic migrations, repository functions."""
