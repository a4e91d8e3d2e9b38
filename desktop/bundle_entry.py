"""The script PyInstaller freezes (build.spec): the `factdesk` command, as `Factdesk`.

PyInstaller needs a script file rather than an entry point; this is `desktop.cli.main`
and nothing else, so the bundle behaves as the installed command does.
"""

if __name__ == "__main__":
    from desktop.cli import main

    raise SystemExit(main())
