"""The harness of the Keras knowledge base, by role.

- ``pages``: the page model (language, twin, kind, snippets, built file) and include expansion
- ``sandbox``: the conditions every example runs under; ``standins``: offline dataset loaders
- ``runner``: the pytest plugin that runs every page's Python blocks
- ``site_build``: libraries the MkDocs hooks (``hooks/``) call: notebooks, Korean search,
  translations
- ``commands``: maintainer commands run through ``./dev``: figures, version matrix, note coverage
"""
