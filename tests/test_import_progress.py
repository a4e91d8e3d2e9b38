"""Progress of a long import: reports reach the listener of their own import, in this
thread or across the child process that parses big files."""

from __future__ import annotations

import threading

from desktop.core.importers import progress


def test_reports_reach_only_the_listener_of_their_block():
    heard, other = [], []
    progress.report(1, 2)  # nobody listening: nothing happens
    with progress.listening(lambda d, t: heard.append((d, t))):
        progress.report(1, 3)

        def elsewhere():
            with progress.listening(lambda d, t: other.append((d, t))):
                progress.report(9, 9)

        thread = threading.Thread(target=elsewhere)
        thread.start()
        thread.join()
        progress.report(2, 3)
    progress.report(3, 3)
    assert heard == [(1, 3), (2, 3)]
    assert other == [(9, 9)]
