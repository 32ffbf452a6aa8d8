"""What the page calls a network, in words. Python alone names them; the page only shows the names.

A shipped network is named by its architecture (its manifest's), one trained in the page by the
settings it was trained with, which say the same thing more briefly. The kinds of network and
the activations the page trains are named here too, for its menus.
"""

from typing import TypedDict

KIND_NAMES = {"dense": "Dense network", "conv": "Convolutional network"}
ACTIVATION_NAMES = {"sigmoid": "sigmoid", "relu": "ReLU"}


class NamesFacts(TypedDict):
    """kinds: each kind of network the page trains, in words; activations: each activation, as written."""
    kinds: dict[str, str]
    activations: dict[str, str]


def names_facts() -> NamesFacts:
    """What the page's menus call the kinds of network and the activations it trains."""
    return {"kinds": KIND_NAMES, "activations": ACTIVATION_NAMES}


def architecture_name(architecture):
    """A shipped network: "convolutional network", or a dense one's layer sizes and activation,
    "784-128-64-10 ReLU network"."""
    layers = architecture["layers"]
    if any(layer["type"] == "Conv2D" for layer in layers):
        return "convolutional network"
    sizes = [layers[0]["inputs"]] + [layer["outputs"] for layer in layers if layer["type"] == "Dense"]
    activation = next(layer["type"] for layer in layers if layer["type"] != "Dense")
    return "-".join(map(str, sizes)) + f" {'ReLU' if activation == 'ReLU' else activation.lower()} network"


def settings_name(config):
    """A network trained in the page, from its settings: "784-30-10 sigmoid", "convnet 8-16",
    "convnet 8-16-64" (a convnet's filters, then its dense layer's neurons, if it has one)."""
    if config["network"] == "conv":
        return "convnet " + "-".join(str(size) for size in (config["filters1"], config["filters2"], config["dense"]) if size)
    return f"784-{config['hidden']}-10 {config['activation']}"
