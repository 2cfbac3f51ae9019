"""Maintainer commands, run through ``./dev`` (see the README)."""
