"""The parts of the page that have Python behind them, and the functions each offers.

Each module lists the functions the page may call in PAGE_FUNCTIONS; they join
the recognizer's functions in `api.FUNCTIONS` when the page first asks for one
of them (see `api.dispatch`), so the recognizer starts without waiting for them.
"""

from . import api, learn, machine, perceptron

SECTIONS = [perceptron, machine, learn]   # modules with a PAGE_FUNCTIONS list


def register_all():
    for module in SECTIONS:
        api.register(module)
