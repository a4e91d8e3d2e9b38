"""Alembic migrations of the Factdesk schema, run by desktop.core.store on open."""
