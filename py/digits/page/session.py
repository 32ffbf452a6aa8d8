"""What Python holds for one visitor: the networks loaded, and the work in progress.

The page's functions that need more than their arguments take the session as
their first argument: the recognizer reads its networks, training keeps its run
there, fine-tuning its tuning. One object instead of module globals, so a test
starts from a fresh session and nothing one test leaves behind reaches another.
"""

import weakref

from ..errors import VisitorError


class Session:
    """The networks by name, the MNIST subset, the training run, the fine-tuning and the evaluation."""

    def __init__(self):
        self.models = {}       # name → Sequential: shipped networks loaded, and those made in the page
        self.subset = None     # the small MNIST the page trains on: {"train": (images, labels), "test": (...)}
        self.subset_floats = None   # (the subset, its images as float32 in [0, 1]): see training.training_floats
        self.run = None        # the training from scratch in progress (training.ShownRun), if any
        self.tuning = None     # the fine-tuning in progress (teach.Tuning), if any
        self.evaluation = None  # the reading of the subset's test digits in progress or done (evaluation.Evaluation)
        self.digit_map = None  # the subset's test digits placed by a network's last hidden layer (digit_map.DigitMap)
        self.number_memory = None  # Write a number: (network, the segment.Memory of what it has read)
        self.originals = {}    # tuned name → the network it was tuned from
        self.readings = weakref.WeakKeyDictionary()   # network → the digit it reads in each of 1,000 MNIST test digits
        self.trunk_features = weakref.WeakKeyDictionary()   # network → what its fixed first layers make of them

    def model(self, name):
        """The network called `name`, or a VisitorError if it is not loaded."""
        if name not in self.models:
            raise VisitorError(f"The model '{name}' is not loaded.")
        return self.models[name]

    def mnist(self):
        """The MNIST subset, or a VisitorError if the page has not handed it over yet."""
        if self.subset is None:
            raise VisitorError("The MNIST subset is not loaded yet.")
        return self.subset
