"""Work done a slice of time at a time, so the page stays alive while Python computes.

Python in the page runs in one worker that answers one call at a time: a long computation
(training, fine-tuning, reading 2,000 test digits, placing them on a map) is asked for in
slices of a fraction of a second, and the page draws the progress in between. Every such
loop is this one.
"""

import time


def run_slice(step, finished, seconds=None, most=None):
    """Call `step()` until `finished()`, or until `seconds` have passed, or `most` calls were made
    (None: no limit of that kind).

    The clock is read after each step, so a slice takes at least one step (unless the work was
    finished before it began) and may overrun `seconds` by one step. Returns the steps taken.
    """
    started, taken = time.perf_counter(), 0
    while not finished() and (most is None or taken < most):
        step()
        taken += 1
        if seconds is not None and time.perf_counter() - started >= seconds:
            break
    return taken
