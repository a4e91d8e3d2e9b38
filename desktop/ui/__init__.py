"""The Qt workbench: widgets, item models and undo commands over desktop.core."""
