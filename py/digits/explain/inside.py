"""Inside a network: what each layer is, what it makes of one image, and where that came from.

For a loaded model (models.Sequential) and one image x, float (28, 28) in [0, 1]:

    architecture(model)          the blocks in order: input, every layer, softmax;
                                 kind, output shape, parameter count and role of each
    layer_outputs(model, x)      every layer's output for x, with its value range
    feature_map_detail(...)      the 5x5 kernels and the bias that produce one feature map
    neuron_detail(...)           one dense neuron: its weights, the terms of Σ wᵢxᵢ + b, its activation
    softmax_steps(z)             from the ten logits z to the probabilities, one step at a time
    loss_if(p, k)                the loss −log p_k if the digit were k, and dL/dz = p − onehot(k)

Every answer is a dict of numbers, strings and short lists; a large array (a layer's values,
kernels, weights) stays a numpy array of the model's own float32 values, which the page's
adapter encodes for the page (page/arrays.py) and a test compares as it is.
"""

import numpy as np

from ..errors import VisitorError
from ..nets import layers as L
from ..nets import models
from ..nets.losses import log_softmax

PASS_THROUGH = (L.Dropout,)     # layers whose output, when reading, is their input, value for value
TOP_TERMS = 8         # the terms of a weighted sum shown one by one; the rest are added up


# ---------------------------------------------------------------------------
# The architecture

def architecture(model_or_manifest):
    """The network as blocks, in order: the input, each layer, then softmax.

    Each block says which layer it is (none for the input and softmax), what kind, a title,
    its output's shape ("24x24x20") and dims ([24, 24, 20]), its parameters and its role in
    words (the page's type is digits.page.inside.Architecture). The shapes are measured by
    passing a blank image through the layers, so they are the network's, not a copy of its
    rules; the parameters add up to model.count_parameters().
    """
    model = as_model(model_or_manifest)
    x = np.zeros((1,) + model.input_shape, dtype=np.float32)
    blocks = [block(0, None, "Input", "input", image_dims(model.input_shape), 0,
                    "the picture: one grey value per pixel, 0 for paper up to 1 for ink")]
    for index, layer in enumerate(model.layers):
        before, (x, _) = x, layer.forward(x)
        title, role = title_and_role(layer, before.shape[1:], x.shape[1:])
        blocks.append(block(len(blocks), index, type(layer).__name__, title, list(x.shape[1:]),
                            layer_parameters(layer), role))
    blocks.append(block(len(blocks), None, "Softmax", "softmax", list(x.shape[1:]), 0,
                        "turns the ten scores into ten probabilities that add up to 1: "
                        "the larger a score, the larger its share (worked out below)"))
    return {"name": model.name, "blocks": blocks,
            "parameters": sum(b["parameters"] for b in blocks)}


def as_model(model_or_manifest):
    """A Sequential as it is, or the layers a manifest describes (weights not needed)."""
    if isinstance(model_or_manifest, models.Sequential):
        return model_or_manifest
    manifest = model_or_manifest
    return models.from_architecture(manifest.get("name", "?"), manifest.get("architecture"))


def block(position, layer, kind, title, dims, parameters, role):
    return {"block": position, "layer": layer, "kind": kind, "title": title,
            "shape": shape_text(dims), "dims": dims,
            "parameters": parameters, "role": role}


def shape_text(dims):
    """[24, 24, 20] → "24x24x20", as the page writes shapes."""
    return "x".join(str(d) for d in dims)


def image_dims(shape):
    """A dense network's flat 784 inputs are still a 28x28x1 picture."""
    return [28, 28, 1] if tuple(shape) == (784,) else list(shape)


def layer_parameters(layer):
    return int(sum(p.size for p in layer.params.values()))


def title_and_role(layer, in_dims, out_dims):
    """A short title and a one-line role in plain words, for one layer."""
    if isinstance(layer, L.Conv2D):
        filters, channels, k, _ = layer.params["W"].shape
        reads = "the picture" if channels == 1 else f"all {channels} maps below"
        return (f"conv {k}x{k}, {filters}",
                f"{filters} filters, each a {k}x{k} pattern of weights slid over {reads}: "
                "a map is bright where the input looks like its pattern")
    if isinstance(layer, L.ReLU):
        return ("ReLU", "keeps positive values and turns negative ones into 0: max(0, z), "
                        "the bend that lets layers do more than one linear map could")
    if isinstance(layer, L.Sigmoid):
        return ("sigmoid", "squashes each weighted sum into 0..1: σ(z) = 1 / (1 + e⁻ᶻ)")
    if isinstance(layer, L.MaxPool2D):
        return ("max-pool 2x2", "keeps the largest value of each 2x2 block: half as wide and high, "
                                "and a small shift of the digit matters less")
    if isinstance(layer, L.Dropout):
        return (f"dropout {layer.rate:g}",
                f"while training, switches off a random {layer.rate:.0%} of these values each step, "
                "so the network cannot lean on any single one; when reading a digit it does nothing")
    if isinstance(layer, L.Flatten):
        return ("flatten", f"lays the {'x'.join(map(str, in_dims))} values out in one row of {out_dims[0]}")
    if isinstance(layer, L.Dense):
        inputs, outputs = layer.params["W"].shape
        what = "ten scores z, one per digit" if outputs == 10 else f"{outputs} neurons"
        return (f"dense {inputs} → {outputs}",
                f"{what}: each weighs all {inputs} inputs and adds a bias, Σ wᵢxᵢ + b")
    return (type(layer).__name__, "")


# ---------------------------------------------------------------------------
# One image, through every layer

def layer_outputs(model, image):
    """Every layer's output for one image: the same numbers as model.activations(image).

    The input picture, then one entry per model layer, in order (the page's type is
    digits.page.inside.LayerOutput): its kind and shape, its smallest and largest value
    (one colour scale per layer), and its values, map by map for images (channel, then
    row, then column: `channels_first`), in order for rows of neurons (a flatten's row
    keeps its own order: row, column, channel, which is the order the next dense layer's
    weights read). A layer that hands its input on unchanged when reading (dropout) names
    the layer whose values it repeats (`same_as`) and carries none, which keeps the answer
    small (the cnn's: 33,000 numbers, not 36,000).
    """
    x = np.asarray(image, dtype=np.float32).reshape(28, 28)
    outputs = model.activations(x)
    entries, source = [], "input"
    for index, (layer, out) in enumerate(zip(model.layers, outputs)):
        entry = {"layer": index, "kind": type(layer).__name__, "dims": list(out.shape),
                 "shape": shape_text(out.shape),
                 "low": float(out.min()), "high": float(out.max())}
        if isinstance(layer, PASS_THROUGH):
            entry["same_as"] = source
        else:
            entry["values"] = channels_first(out).astype(np.float32, copy=False)
            source = index
        entries.append(entry)
    picture = {"layer": None, "kind": "Input", "dims": [28, 28, 1], "shape": "28x28x1",
               "low": float(x.min()), "high": float(x.max()), "values": x}
    return {"input": picture, "layers": entries}


def channels_first(values):
    """(height, width, channels) as (channels, height, width): one feature map after another."""
    return np.moveaxis(values, -1, 0) if values.ndim == 3 else values


# ---------------------------------------------------------------------------
# Where a feature map or a neuron comes from

def feature_map_detail(model, layer_index, channel):
    """The kernels and the bias that make feature map `channel` of a convolution.

    map[i, j] = Σ_c Σ_u Σ_v input_c[i+u, j+v] · W[channel, c, u, v] + b[channel]

    One k x k kernel per input channel (1 for the first convolution, 20 for the cnn's
    second). `layer_index` may also name a ReLU, max-pool or dropout after the
    convolution: their map `channel` is made from the convolution's map `channel`.
    Answer: the convolution's index, the kernels (in_channels, k, k) with their size, the
    bias and the weights' range (the page's type is digits.page.inside.FeatureMapKernels).
    """
    conv_index, W, b = weights_of(model, layer_index, L.Conv2D, channel, "feature map")
    kernels = W[channel]                                   # (in_channels, k, k)
    return {"layer": conv_index, "channel": int(channel), "size": int(W.shape[-1]),
            "kernels": kernels.copy(), "bias": float(b[channel]),
            "low": float(kernels.min()), "high": float(kernels.max())}


def neuron_detail(model, image, layer_index, neuron, top=TOP_TERMS):
    """One neuron of a dense layer for this image: weighted_sum = Σ wᵢxᵢ + b, then its activation.

    Answer: the dense layer's index, the neuron's incoming weights wᵢ (shown as 28x28 when
    it reads the pixels), its inputs xᵢ, the `top` largest terms wᵢxᵢ one by one and the sum
    of the rest, the bias, the network's own weighted sum z, and what the activation after
    the layer makes of z (the page's type is digits.page.inside.NeuronSum). top terms + rest
    + bias = z up to float32 rounding. `layer_index` may also name the activation after the
    dense layer.
    """
    dense_index, W, b = weights_of(model, layer_index, L.Dense, neuron, "neuron")
    outputs = model.activations(np.asarray(image, dtype=np.float32).reshape(28, 28))
    x = (outputs[dense_index - 1] if dense_index > 0 else np.asarray(image, dtype=np.float32)).ravel()
    w = W[:, neuron]
    terms = w.astype(np.float64) * x
    shown = np.argsort(-np.abs(terms), kind="stable")[:top]
    rest = np.delete(terms, shown).sum()
    reads_pixels = dense_index == 0 and len(w) == 784
    return {"layer": dense_index, "neuron": int(neuron),
            "weights": w.copy(), "weights_dims": [28, 28] if reads_pixels else [len(w)],
            "inputs": x,
            "terms": [{"input": int(i), "weight": float(w[i]), "x": float(x[i]), "term": float(terms[i])}
                      for i in shown],
            "rest": float(rest), "bias": float(b[neuron]),
            "weighted_sum": float(outputs[dense_index][neuron]),
            "activation": activation_of(model, outputs, dense_index, neuron)}


def activation_of(model, outputs, dense_index, neuron):
    """What the nonlinearity after a dense layer makes of the neuron's weighted sum."""
    after = dense_index + 1
    if after < len(model.layers) and isinstance(model.layers[after], (L.ReLU, L.Sigmoid)):
        return {"kind": type(model.layers[after]).__name__, "value": float(outputs[after][neuron])}
    probabilities = softmax_steps(outputs[dense_index])["probabilities"]
    return {"kind": "Softmax", "value": probabilities[neuron]}


def weights_of(model, layer_index, kind, unit, name):
    """(index, W, b) of the `kind` layer that makes `layer_index`'s outputs, once `unit`
    (a feature map or a neuron, called `name`) is checked to be one of them."""
    index = producing_layer(model, layer_index, kind)
    W, b = model.layers[index].params["W"], model.layers[index].params["b"]
    if not 0 <= unit < len(b):
        raise VisitorError(f"Layer {index} has {len(b)} {name}s, numbered 0 to {len(b) - 1}; "
                           f"there is no {name} {unit}.")
    return index, W, b


def producing_layer(model, layer_index, kind):
    """The layer of type `kind` at `layer_index`, or the last one before it whose output
    reaches it through layers that keep each channel or neuron apart (activations, pooling,
    dropout)."""
    passing = (L.ReLU, L.Sigmoid, L.MaxPool2D, L.Dropout)
    index = layer_index
    while 0 <= index < len(model.layers) and not isinstance(model.layers[index], kind):
        if not isinstance(model.layers[index], passing):
            index = -1
            break
        index -= 1
    if not 0 <= index < len(model.layers):
        raise VisitorError(f"Layer {layer_index} of '{model.name}' does not come from a {kind.__name__} layer.")
    return index


# ---------------------------------------------------------------------------
# Softmax and the loss, step by step

def softmax_steps(logits):
    """From ten logits z to ten probabilities, each step's numbers (float32, as the model computes):

        m = max_j z_j                 the largest score
        z − m                         every score minus it (the largest becomes 0)
        e^(z − m)                     each between 0 and 1: no overflow, however large z is
        S = Σ_j e^(z_j − m)
        p_k = e^(z_k − m) / S         = e^(z_k) / Σ_j e^(z_j): the e^(−m) cancels

    "exp" is e^z itself (float64), shown for the formula's sake; it is None where e^z would
    overflow float64 (z > 709), which is why the model never computes it. The probabilities
    are the ones model.predict gives, bit for bit.
    """
    z = np.asarray(logits, dtype=np.float32).ravel()
    m = z.max()
    shifted = z - m
    e = np.exp(shifted)
    total = e.sum()
    p = e / total
    with np.errstate(over="ignore"):
        raw = np.exp(z.astype(np.float64))
    return {"logits": z.tolist(), "max": float(m), "shifted": shifted.tolist(),
            "exp": [float(v) if np.isfinite(v) else None for v in raw],
            "exp_shifted": e.tolist(), "sum": float(total),
            "probabilities": p.tolist(), "digit": int(p.argmax())}


def loss_if(probabilities, k, logits=None):
    """If the digit were k: the cross-entropy loss L = −log p_k, and dL/dz_j = p_j − [j = k].

    Gradient descent moves each z_j against its gradient: z_k, whose gradient p_k − 1 is
    negative, is pushed up; every other z_j is pushed down, by as much as its p_j.
    With `logits`, L is computed as log Σ_j e^(z_j − m) − (z_k − m), which stays finite even
    where p_k has rounded to 0 in float32.
    Answer: the digit, p_k, the loss, the ten gradients and which way each output is pushed
    (the page's type is digits.page.inside.LossStep).
    """
    p = np.asarray(probabilities, dtype=np.float64).ravel()
    k = int(k)
    if not 0 <= k < len(p):
        raise VisitorError(f"The digit must be one from 0 to {len(p) - 1}, not {k}.")
    if logits is not None:
        loss = -float(log_softmax(np.asarray(logits, dtype=np.float64).ravel())[k])
    else:
        loss = float(-np.log(p[k])) if p[k] > 0 else None
    gradient = p - np.eye(len(p))[k]
    return {"digit": k, "probability": float(p[k]), "loss": loss, "gradient": gradient.tolist(),
            "push": ["up" if g < 0 else "down" if g > 0 else "none" for g in gradient]}
