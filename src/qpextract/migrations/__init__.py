"""Alembic migrations of the qpextract database (run by :func:`qpextract.io.migrate.prepare`, not by hand)."""
