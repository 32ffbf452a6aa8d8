"""The one slice-of-time loop: training, fine-tuning, evaluation and the digit map all run in it."""

import time

from digits.nets.slices import run_slice


class Work:
    def __init__(self, size, seconds_per_step=0.0):
        self.size, self.seconds_per_step, self.done = size, seconds_per_step, 0

    def step(self):
        time.sleep(self.seconds_per_step)
        self.done += 1

    def finished(self):
        return self.done == self.size


def test_without_limits_a_slice_finishes_the_work():
    work = Work(7)
    assert run_slice(work.step, work.finished) == 7 and work.finished()
    assert run_slice(work.step, work.finished) == 0


def test_a_slice_of_time_takes_at_least_one_step_and_stops_once_the_time_is_up():
    work = Work(100, seconds_per_step=0.01)
    assert run_slice(work.step, work.finished, seconds=0) == 1
    taken = run_slice(work.step, work.finished, seconds=0.05)
    assert 1 <= taken <= 6 and work.done == 1 + taken


def test_a_slice_takes_at_most_the_steps_asked_for():
    work = Work(10)
    assert run_slice(work.step, work.finished, most=4) == 4
    assert run_slice(work.step, work.finished, seconds=60, most=100) == 6 and work.finished()
