import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    loss_mean_squared_error, optimizer_adadelta, optimizer_adagrad, optimizer_adam, optimizer_adamax,
    optimizer_nadam, optimizer_rmsprop, optimizer_sgd,
)

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
    assert float(optimizer_adam(0.03).learning_rate) == pytest.approx(0.03)  # lr is the first argument
    assert float(optimizer_adam(learning_rate=0.04).learning_rate) == pytest.approx(0.04)  # Keras 3's name
    with pytest.raises(ValueError, match="`learning_rate`.*`lr`"):
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
    for make in (optimizer_adam, optimizer_sgd, optimizer_rmsprop, optimizer_adagrad, optimizer_adadelta,
                 optimizer_adamax, optimizer_nadam):
        keras.utils.set_random_seed(1)
        model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
        model.compile(optimizer=make(learning_rate=0.05), loss=loss_mean_squared_error)
        history = model.fit(x, y, epochs=15, batch_size=8, verbose=0)
        assert history.history["loss"][-1] < history.history["loss"][0]


def test_adagrad_keeps_the_keras_2_rule():
    opt = optimizer_adagrad()
    assert float(opt.learning_rate) == pytest.approx(0.01) and opt.epsilon == 1e-07
    lr, eps = 0.5, 1e-7
    x, a = START.copy(), np.zeros(3)
    for got in _run(optimizer_adagrad(lr=lr)):
        g = 2 * x
        a = a + g * g  # from zeros (Keras 3: from 0.1)
        x = x - f32(lr) * g / (np.sqrt(a) + eps)  # Keras 3: / sqrt(a + eps)
        np.testing.assert_allclose(got, x, rtol=1e-9)
    x, a = START.copy(), np.zeros(3)
    for t, got in enumerate(_run(optimizer_adagrad(lr=0.5, decay=0.25))):
        g = 2 * x
        a = a + g * g
        x = x - f32(f32(0.5) / (1 + 0.25 * t)) * g / (np.sqrt(a) + eps)
        np.testing.assert_allclose(got, x, rtol=1e-6)
    with pytest.raises(TypeError, match="`initial_accumulator_value`"):
        optimizer_adagrad(initial_accumulator_value=0.1)


def test_adadelta_rule_and_keras_2_default_lr():
    opt = optimizer_adadelta()
    assert float(opt.learning_rate) == 1.0 and opt.rho == 0.95 and opt.epsilon == 1e-07
    lr, rho, eps = 1.0, 0.95, 1e-7
    x, a, d = START.copy(), np.zeros(3), np.zeros(3)
    for got in _run(optimizer_adadelta()):
        g = 2 * x
        a = rho * a + (1 - rho) * g * g
        update = g * np.sqrt(d + eps) / np.sqrt(a + eps)
        x = x - lr * update
        d = rho * d + (1 - rho) * update * update
        np.testing.assert_allclose(got, x, rtol=1e-9)


def test_adamax_rule():
    opt = optimizer_adamax()
    assert float(opt.learning_rate) == pytest.approx(0.002) and (opt.beta_1, opt.beta_2) == (0.9, 0.999)
    lr, b1, b2, eps = 0.25, 0.9, 0.999, 1e-7
    x, m, u = START.copy(), np.zeros(3), np.zeros(3)
    for t, got in enumerate(_run(optimizer_adamax(lr=lr)), start=1):
        g = 2 * x
        m = b1 * m + (1 - b1) * g
        u = np.maximum(b2 * u, np.abs(g))
        x = x - f32(lr) / (1 - b1 ** t) * m / (u + eps)
        np.testing.assert_allclose(got, x, rtol=1e-6, atol=1e-6)  # Keras takes beta_1^t through float32


def nadam_keras_2(lr, b1, b2, eps, schedule_decay, steps):
    """Keras 2.2.4's Nadam.get_updates, step by step, on sum(x^2)."""
    x, m, v, m_schedule, path = START.copy(), np.zeros(3), np.zeros(3), 1.0, []
    for t in range(1, steps + 1):
        g = 2 * x
        mu_t = b1 * (1 - 0.5 * 0.96 ** (t * schedule_decay))
        mu_t1 = b1 * (1 - 0.5 * 0.96 ** ((t + 1) * schedule_decay))
        m_schedule_new = m_schedule * mu_t
        m_schedule_next = m_schedule * mu_t * mu_t1
        m_schedule = m_schedule_new
        g_prime = g / (1 - m_schedule_new)
        m = b1 * m + (1 - b1) * g
        m_prime = m / (1 - m_schedule_next)
        v = b2 * v + (1 - b2) * g * g
        v_prime = v / (1 - b2 ** t)
        m_bar = (1 - mu_t) * g_prime + mu_t1 * m_prime
        x = x - lr * m_bar / (np.sqrt(v_prime) + eps)
        path.append(x.copy())
    return path


def test_nadam_keeps_schedule_decay():
    opt = optimizer_nadam()
    assert float(opt.learning_rate) == pytest.approx(0.002) and opt.schedule_decay == 0.004
    for schedule_decay in (0.004, 0.5):
        got = _run(optimizer_nadam(lr=0.125, schedule_decay=schedule_decay), steps=5)
        expected = nadam_keras_2(0.125, 0.9, 0.999, 1e-7, schedule_decay, steps=5)
        np.testing.assert_allclose(got, expected, rtol=1e-6)  # the momentum products are float32
    # Keras 3's Nadam is the schedule_decay = 1 case, which differs from the 2018 default
    keras3 = _run(keras.optimizers.Nadam(learning_rate=0.125, epsilon=1e-7), steps=5)
    np.testing.assert_allclose(keras3, nadam_keras_2(0.125, 0.9, 0.999, 1e-7, 1.0, steps=5), rtol=1e-6)
    assert not np.allclose(keras3[-1], _run(optimizer_nadam(lr=0.125), steps=5)[-1])
    assert optimizer_nadam(schedule_decay=0.5).get_config()["schedule_decay"] == 0.5
    with pytest.raises(ValueError, match="`schedule_decay`"):
        optimizer_nadam(schedule_decay=-1)


def test_clipnorm_and_clipvalue_clip_each_gradient():
    # gradient of sum(var^2) at START is (2, -4, 1), norm sqrt(21)
    g = 2 * START
    (got,) = _run(optimizer_sgd(lr=1.0, clipnorm=1.0), steps=1)
    np.testing.assert_allclose(got, START - g / np.sqrt(21), rtol=1e-6)
    (got,) = _run(optimizer_sgd(lr=1.0, clipvalue=1.5), steps=1)
    np.testing.assert_allclose(got, START - np.clip(g, -1.5, 1.5), rtol=1e-6)
    with pytest.raises(ValueError, match="`clipnorm`"):
        optimizer_adamax(clipnorm=-1)
