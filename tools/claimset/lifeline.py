"""Worker processes that never outlive the command that started them, and how many to start.

A forked worker waits on a pipe for work. If the command that forked it is killed (`kill -9`,
an OOM kill, a closed terminal), nothing ever closes that pipe, and the worker would wait
forever: export's validation process did, 4 times out of 4. On Linux, a worker asks the kernel
to kill it when its parent dies (`prctl(PR_SET_PDEATHSIG)`); elsewhere, a thread checks every
second whether the parent is still its parent.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

#: prctl option: the signal a process receives when its parent dies (linux/prctl.h).
PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Arrange for the calling (worker) process to end when its parent process ends.

    Call it first thing in a worker (a ProcessPoolExecutor `initializer`).
    """
    parent = os.getppid()
    armed = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if not armed:
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the kernel was told
        os._exit(1)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def cpus() -> int:
    """The CPUs this process may run on (its affinity, where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def processes(jobs: int, tasks: int) -> int:
    """How many worker processes `--jobs N` asks for: N, or one per CPU for 0, but never more
    than CPUs or tasks (`-j 200` for 3 files would fork 200)."""
    if jobs == 1:
        return 1
    available = cpus()
    return max(1, min(jobs or available, available, tasks))
