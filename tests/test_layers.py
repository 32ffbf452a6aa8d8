"""Every layer's backward pass against a numerical gradient (central differences)."""

import numpy as np
import pytest

from digits.nets import layers as L
from digits.nets.losses import softmax, softmax_cross_entropy

EPSILON = 1e-5


def numerical_gradient(f, array):
    """∂f/∂array by central differences, one entry at a time."""
    grad = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        old = array[index]
        array[index] = old + EPSILON
        plus = f()
        array[index] = old - EPSILON
        minus = f()
        array[index] = old
        grad[index] = (plus - minus) / (2 * EPSILON)
    return grad


def in_float64(layer):
    for key in layer.params:
        layer.params[key] = layer.params[key].astype(np.float64)
    return layer


def check_layer(layer, x, seed=0):
    """Compare backward() with numerical gradients of L = Σ out · dout, for x and every parameter."""
    rng = np.random.default_rng(seed)
    layer = in_float64(layer)

    def forward():
        if isinstance(layer, L.Dropout):
            layer.rng = np.random.default_rng(7)     # the same mask on every call
        return layer.forward(x, train=True)

    out, cache = forward()
    dout = rng.standard_normal(out.shape)
    dx, grads = layer.backward(dout, cache)
    loss = lambda: float((forward()[0] * dout).sum())  # noqa: E731
    np.testing.assert_allclose(dx, numerical_gradient(loss, x), atol=1e-6, rtol=1e-5)
    for key, value in layer.params.items():
        np.testing.assert_allclose(grads[key], numerical_gradient(loss, value), atol=1e-6, rtol=1e-5)
    assert set(grads) == set(layer.params)


rng = np.random.default_rng(42)


@pytest.mark.parametrize("layer, shape", [
    (L.Dense(7, 4, rng), (3, 7)),
    (L.Conv2D(2, 3, 3, rng), (2, 6, 7, 2)),
    (L.Conv2D(1, 2, 5, rng), (1, 8, 8, 1)),
    (L.MaxPool2D(), (2, 4, 6, 3)),
    (L.ReLU(), (4, 5)),
    (L.Sigmoid(), (4, 5)),
    (L.Dropout(0.3), (4, 5)),
    (L.Flatten(), (2, 3, 3, 2)),
], ids=lambda v: type(v).__name__ if not isinstance(v, tuple) else str(v))
def test_backward_matches_numerical_gradient(layer, shape):
    x = np.random.default_rng(1).standard_normal(shape)
    check_layer(layer, x)


@pytest.mark.parametrize("layer, shape", [(L.Dense(7, 4, rng), (3, 7)), (L.Conv2D(2, 3, 3, rng), (2, 6, 7, 2))],
                         ids=["Dense", "Conv2D"])
def test_the_browsers_way_of_multiplying_matrices_gives_the_same_layers(layer, shape, monkeypatch):
    """In Pyodide the layers multiply matrices with einsum (its numpy has no BLAS): same outputs, same gradients."""
    x = np.random.default_rng(1).standard_normal(shape).astype(np.float32)
    out, cache = layer.forward(x)
    dout = np.random.default_rng(2).standard_normal(out.shape).astype(np.float32)
    dx, grads = layer.backward(dout, cache)
    monkeypatch.setattr(L, "IN_BROWSER", True)
    monkeypatch.setattr(L, "ROWWISE_FROM", 1)       # every product the browser's way, however small
    browser_out, browser_cache = layer.forward(x)
    browser_dx, browser_grads = layer.backward(dout, browser_cache)
    np.testing.assert_allclose(browser_out, out, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(browser_dx, dx, rtol=1e-5, atol=1e-6)
    for key in grads:
        np.testing.assert_allclose(browser_grads[key], grads[key], rtol=1e-5, atol=1e-6)
    assert browser_out.dtype == out.dtype == np.float32
    check_layer(layer, x.astype(np.float64))


def test_conv2d_matches_a_direct_loop():
    conv = in_float64(L.Conv2D(2, 3, 3, np.random.default_rng(3)))
    x = np.random.default_rng(4).standard_normal((1, 5, 5, 2))
    out, _ = conv.forward(x)
    W, b = conv.params["W"], conv.params["b"]
    for i in range(3):
        for j in range(3):
            for f in range(3):
                patch = x[0, i:i + 3, j:j + 3, :]                       # (3, 3, C)
                expected = (patch.transpose(2, 0, 1) * W[f]).sum() + b[f]
                assert out[0, i, j, f] == pytest.approx(expected)


def test_dropout_is_identity_at_test_time_and_keeps_the_mean_while_training():
    x = np.ones((200, 200))
    dropout = L.Dropout(0.2, np.random.default_rng(0))
    assert dropout.forward(x, train=False)[0] is x
    trained = dropout.forward(x, train=True)[0]
    assert (trained == 0).mean() == pytest.approx(0.2, abs=0.01)
    assert trained.mean() == pytest.approx(1.0, abs=0.02)


def test_softmax_cross_entropy_gradient_and_stability():
    logits = np.random.default_rng(5).standard_normal((4, 10))
    labels = np.array([0, 3, 9, 3])
    loss, dlogits = softmax_cross_entropy(logits, labels)
    numeric = numerical_gradient(lambda: softmax_cross_entropy(logits, labels)[0], logits)
    np.testing.assert_allclose(dlogits, numeric, atol=1e-7)
    assert loss == pytest.approx(-np.log(softmax(logits)[np.arange(4), labels]).mean())

    huge = np.array([[1000.0, -1000.0, 0.0]])
    loss, grad = softmax_cross_entropy(huge, np.array([1]))
    assert np.isfinite(loss) and loss == pytest.approx(2000.0)
    assert np.all(np.isfinite(grad))
    np.testing.assert_allclose(softmax(huge).sum(), 1.0)


def test_sigmoid_never_overflows():
    z = np.array([-1e4, -50.0, 0.0, 50.0, 1e4])
    with np.errstate(over="raise"):
        values = L.sigmoid(z)
    np.testing.assert_allclose(values, [0, 1.9287e-22, 0.5, 1, 1], atol=1e-25, rtol=1e-3)


def test_a_first_convolution_skips_the_input_gradient_and_keeps_the_rest():
    """input_gradient=False (a first layer: the image is not learned) changes nothing but dL/dx, which is not computed."""
    x = np.random.default_rng(1).standard_normal((2, 9, 9, 1)).astype(np.float32)
    full, first = L.Conv2D(1, 3, 5, np.random.default_rng(3)), L.Conv2D(1, 3, 5, np.random.default_rng(3), input_gradient=False)
    out, cache = full.forward(x)
    dout = np.random.default_rng(2).standard_normal(out.shape).astype(np.float32)
    first_out, first_cache = first.forward(x)
    np.testing.assert_array_equal(first_out, out)
    (dx, grads), (no_dx, first_grads) = full.backward(dout, cache), first.backward(dout, first_cache)
    assert dx.shape == x.shape and no_dx is None
    for key in grads:
        np.testing.assert_array_equal(first_grads[key], grads[key])


def test_im2col_cuts_out_the_same_patches_as_a_sliding_window():
    from numpy.lib.stride_tricks import sliding_window_view
    x = np.random.default_rng(5).standard_normal((3, 10, 9, 4)).astype(np.float32)
    windows = sliding_window_view(x, (5, 5), axis=(1, 2))          # (N, out_h, out_w, C, k, k)
    np.testing.assert_array_equal(L.im2col(x, 5), windows.reshape(3 * 6 * 5, 4 * 25))


def test_max_pool_sends_the_gradient_to_the_winner_and_shares_it_among_ties():
    x = np.array([[1.0, 3.0, 0.0, 0.0],
                  [2.0, 0.5, 0.0, 0.0]]).reshape(1, 2, 4, 1)           # a clear winner; four tied zeros (after ReLU)
    out, cache = L.MaxPool2D().forward(x)
    assert out.ravel().tolist() == [3.0, 0.0]
    dx, _ = L.MaxPool2D().backward(np.array([8.0, 8.0]).reshape(1, 1, 2, 1), cache)
    assert dx.reshape(2, 4).tolist() == [[0, 8, 2, 2], [0, 0, 2, 2]]
