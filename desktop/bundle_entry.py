"""The script PyInstaller freezes (build.spec): the `factdesk` command, as `Factdesk`.

PyInstaller needs a script file rather than an entry point; this is `desktop.cli.main`
and nothing else, so the bundle behaves as the installed command does.
"""

if __name__ == "__main__":
    import multiprocessing

    # Lets a frozen Factdesk serve as the child process that parses big files.
    multiprocessing.freeze_support()
    from desktop.cli import main

    raise SystemExit(main())
