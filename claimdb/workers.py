"""Extraction worker processes never outlive the ingest that started them, even one killed with kill -9."""

from __future__ import annotations

import os
import threading
import time

PARENT_CHECK_SECONDS = 0.5


def exit_with_parent(parent_pid: int) -> None:
    """Process-pool initializer: end this worker as soon as `parent_pid` is no longer its parent.

    A killed parent cannot shut its pool down, and a worker blocked on the task queue would wait forever
    (holding its memory); a small daemon thread notices the parent is gone (the worker is re-parented) instead.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="claimdb-parent-watch", daemon=True).start()
