"""`python -m desktop` runs the same entry point as the `factdesk` script."""

# Guarded: a child process started with "spawn" (importers/isolated.py) imports the
# parent's main module again, and must not start a second Factdesk.
if __name__ == "__main__":
    from desktop.cli import main

    raise SystemExit(main())
