import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import loss_mean_squared_error, optimizer_adam, optimizer_rmsprop, optimizer_sgd

START = np.array([1.0, -2.0, 0.5])


def _run(optimizer, steps=4):
    """Minimise sum(var^2) from START in float64; return the trajectory of var."""
    var = tf.Variable(START, dtype=tf.float64)
    path = []
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(var ** 2)
        optimizer.apply_gradients([(tape.gradient(loss, var), var)])
        path.append(var.numpy().copy())
    return path


def f32(x):  # Keras keeps the learning rate in a float32 variable
    return float(np.float32(x))


def test_adam_defaults_lr_alias_and_update_rule():
    opt = optimizer_adam()
    assert float(opt.learning_rate) == pytest.approx(0.001) and opt.epsilon == 1e-07
    assert (opt.beta_1, opt.beta_2) == (0.9, 0.999)
    assert float(optimizer_adam(lr=0.02).learning_rate) == pytest.approx(0.02)
    with pytest.raises(ValueError, match="`lr`"):
        optimizer_adam(learning_rate=0.1, lr=0.2)
    lr, b1, b2, eps = 0.1, 0.9, 0.999, 1e-7
    x, m, v = START.copy(), np.zeros(3), np.zeros(3)
    for t, got in enumerate(_run(optimizer_adam(learning_rate=lr)), start=1):
        g = 2 * x
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        lr_t = f32(lr) * np.sqrt(1 - f32(b2) ** t) / (1 - f32(b1) ** t)
        x = x - lr_t * m / (np.sqrt(v) + eps)
        np.testing.assert_allclose(got, x, rtol=1e-6)


def test_sgd_momentum_nesterov_and_decay():
    lr, mu = 0.1, 0.9
    for nesterov in (False, True):
        x, vel = START.copy(), np.zeros(3)
        for got in _run(optimizer_sgd(learning_rate=lr, momentum=mu, nesterov=nesterov)):
            g = 2 * x
            vel = mu * vel - f32(lr) * g
            x = x + (mu * vel - f32(lr) * g if nesterov else vel)
            np.testing.assert_allclose(got, x, rtol=1e-6)
    # Keras 2 time-based decay: lr / (1 + decay * iterations), iterations counted before the update
    x = START.copy()
    for t, got in enumerate(_run(optimizer_sgd(learning_rate=0.1, decay=0.5))):
        x = x - f32(f32(0.1) / (1 + 0.5 * t)) * 2 * x
        np.testing.assert_allclose(got, x, rtol=1e-6)
    assert optimizer_sgd().momentum == 0 and float(optimizer_sgd().learning_rate) == pytest.approx(0.01)


def test_rmsprop_keeps_the_keras_2_rule():
    opt = optimizer_rmsprop()
    assert float(opt.learning_rate) == pytest.approx(0.001) and opt.rho == 0.9 and opt.epsilon == 1e-07
    lr, rho, eps = 0.01, 0.9, 1e-7
    x, a = START.copy(), np.zeros(3)
    for got in _run(optimizer_rmsprop(learning_rate=lr, epsilon=eps)):
        g = 2 * x
        a = rho * a + (1 - rho) * g * g
        x = x - f32(lr) * g / (np.sqrt(a) + eps)  # Keras 3 would use sqrt(a + eps)
        np.testing.assert_allclose(got, x, rtol=1e-9)
    # where it matters: a zero gradient component with a large epsilon
    var = tf.Variable([0.0, 1.0], dtype=tf.float64)
    optimizer_rmsprop(learning_rate=1.0, epsilon=1.0).apply_gradients(
        [(tf.constant([0.0, 1.0], tf.float64), var)])
    np.testing.assert_allclose(var.numpy(), [0.0, 1 - 1 / (np.sqrt(0.1) + 1)], rtol=1e-9)
    with pytest.raises(TypeError, match="`momentum`"):
        optimizer_rmsprop(momentum=0.9)


def test_bad_arguments_name_the_argument():
    with pytest.raises(ValueError, match="`learning_rate`"):
        optimizer_adam(learning_rate="fast")
    with pytest.raises(ValueError, match="`beta_1`"):
        optimizer_adam(beta_1=1.5)
    with pytest.raises(ValueError, match="`nesterov`"):
        optimizer_sgd(nesterov="yes")
    with pytest.raises(ValueError, match="`decay`"):
        optimizer_rmsprop(decay=-1)


def test_optimizers_work_in_compile_and_fit():
    x = np.linspace(-1, 1, 32).reshape(-1, 1).astype("float32")
    y = 3 * x + 1
    for make in (optimizer_adam, optimizer_sgd, optimizer_rmsprop):
        keras.utils.set_random_seed(1)
        model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
        model.compile(optimizer=make(learning_rate=0.05), loss=loss_mean_squared_error)
        history = model.fit(x, y, epochs=15, batch_size=8, verbose=0)
        assert history.history["loss"][-1] < history.history["loss"][0]
