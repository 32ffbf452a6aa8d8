"""The parts of the page that have Python behind them, and the functions each offers.

Each module lists the functions the page may call in PAGE_FUNCTIONS; they join
the recognizer's functions in `api.FUNCTIONS`.
"""

from . import api, learn, machine, perceptron

SECTIONS = [perceptron, machine, learn]   # modules with a PAGE_FUNCTIONS list


def register_all():
    for module in SECTIONS:
        api.register(module)
