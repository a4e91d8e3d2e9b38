"""The Qt-free domain core: models, store, anchoring, importers and exporters.

Nothing under this package may import PySide6 (tests/test_layering.py checks it), so the
core can be used headless by the command line, the tests and other programs.
"""
