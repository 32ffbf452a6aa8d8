"""Optimisers: rules that turn gradients into parameter updates."""

import numpy as np


class SGD:
    """Stochastic gradient descent with optional momentum.

    velocity ← momentum · velocity − η · gradient;  parameter ← parameter + velocity
    """

    def __init__(self, learning_rate=0.1, momentum=0.0):
        self.learning_rate = learning_rate
        self.momentum = momentum
        self.velocity = {}

    def step(self, params, grads):
        for key, gradient in grads.items():
            if self.momentum:
                v = self.velocity.get(key, 0) * self.momentum - self.learning_rate * gradient
                self.velocity[key] = v
                params[key] += v.astype(params[key].dtype)
            else:
                params[key] -= (self.learning_rate * gradient).astype(params[key].dtype)


class Adam:
    """Adam: a per-parameter step size from running averages of the gradient and its square.

    m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;  θ ← θ − η · m̂ / (√v̂ + ε)
    where m̂, v̂ correct the averages' bias towards zero in the first steps.
    With weight_decay λ > 0 (AdamW), weights (not biases) also shrink: W ← W − η·λ·W,
    which keeps them small and the network's decisions smooth.
    """

    def __init__(self, learning_rate=1e-3, beta1=0.9, beta2=0.999, epsilon=1e-8, weight_decay=0.0):
        self.learning_rate = learning_rate
        self.beta1, self.beta2, self.epsilon = beta1, beta2, epsilon
        self.weight_decay = weight_decay
        self.m, self.v, self.t = {}, {}, 0

    def step(self, params, grads):
        self.t += 1
        correction1 = 1 - self.beta1 ** self.t
        correction2 = 1 - self.beta2 ** self.t
        for key, g in grads.items():
            self.m[key] = self.beta1 * self.m.get(key, 0) + (1 - self.beta1) * g
            self.v[key] = self.beta2 * self.v.get(key, 0) + (1 - self.beta2) * g * g
            m_hat = self.m[key] / correction1
            v_hat = self.v[key] / correction2
            params[key] -= (self.learning_rate * m_hat / (np.sqrt(v_hat) + self.epsilon)).astype(params[key].dtype)
            if self.weight_decay and key.endswith("W"):
                params[key] *= np.float32(1 - self.learning_rate * self.weight_decay)
