"""The pytest plugin that runs page examples (``-p keras_kb.runner.plugin``)."""
