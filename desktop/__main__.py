"""`python -m desktop` runs the same entry point as the `factdesk` script."""

from desktop.cli import main

raise SystemExit(main())
