"""Softmax and the cross-entropy loss, computed in a numerically stable way."""

import numpy as np


def softmax(logits):
    """p_i = e^(z_i) / Σ_j e^(z_j), along the last axis.

    Subtracting max(z) first changes nothing mathematically and keeps e^z finite.
    """
    shifted = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def log_softmax(logits):
    """log p_i = z_i − log Σ_j e^(z_j), without ever forming a tiny p_i."""
    shifted = logits - logits.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def softmax_cross_entropy(logits, labels, smoothing=0.0):
    """Mean cross-entropy loss L = −(1/N) Σ_n Σ_k t[n, k] log p[n, k], and dL/dlogits.

    The target t is onehot(y), or with label smoothing ε, (1 − ε)·onehot(y) + ε/10:
    a little doubt that stops the network from becoming overconfident.
    The gradient of softmax followed by cross-entropy is beautifully simple:
    dL/dz = (p − t) / N.
    """
    n, classes = logits.shape
    target = np.full(logits.shape, smoothing / classes)
    target[np.arange(n), labels] += 1 - smoothing
    log_p = log_softmax(logits)
    loss = -(target * log_p).sum(axis=1).mean()
    return float(loss), (np.exp(log_p) - target) / n
