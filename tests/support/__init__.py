"""What the tests share: the built site (site.py) and the browser that opens it (browser.py).

Tests import from here, never from conftest.py; conftest.py only registers the fixtures.
"""
