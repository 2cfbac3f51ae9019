"""Libraries the MkDocs hooks in ``hooks/`` call at build time."""
