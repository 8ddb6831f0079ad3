import numpy as np
import pytest
import tensorflow as real_tf

from rkeras_bridge import matrix, tf, tfe_enable_eager_execution


def test_tf_is_real_tensorflow_plus_overlay():
    assert tf.__version__ == real_tf.__version__
    assert tf.matmul is real_tf.matmul
    assert tf.executing_eagerly()
    assert "AdamOptimizer" in dir(tf.train) and "Checkpoint" in dir(tf.train)


def test_article_matmul_is_int32():
    result = tf.matmul(matrix(range(1, 9), nrow=2, ncol=4), matrix(range(1, 9), nrow=4, ncol=2))
    assert result.dtype == real_tf.int32
    assert result.numpy().tolist() == [[50, 114], [60, 140]]


def test_adam_optimizer_has_tf1_defaults():
    opt = tf.train.AdamOptimizer()
    assert opt.epsilon == 1e-8
    assert float(opt.learning_rate) == pytest.approx(0.001)
    assert opt.beta_1 == 0.9 and opt.beta_2 == 0.999


def test_adam_matches_the_tf1_update_rule():
    # TF1: lr_t = lr * sqrt(1 - b2^t) / (1 - b1^t); var -= lr_t * m / (sqrt(v) + eps)
    # Keras (like TF1, whose lr_t and beta powers were float32 tensors) takes the learning rate
    # and the beta powers through float32 even for a float64 variable; the reference does too.
    lr, b1, b2, eps = 0.1, 0.9, 0.999, 1e-8
    lr32, b1_32, b2_32 = (float(np.float32(h)) for h in (lr, b1, b2))
    var = real_tf.Variable([1.0, -2.0], dtype=real_tf.float64)
    opt = tf.train.AdamOptimizer(learning_rate=lr)
    expected = np.array([1.0, -2.0])
    m = np.zeros(2)
    v = np.zeros(2)
    for t in range(1, 4):
        g = 2 * expected  # gradient of sum(var^2)
        with real_tf.GradientTape() as tape:
            loss = real_tf.reduce_sum(var ** 2)
        opt.apply_gradients([[tape.gradient(loss, var), var]])
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        lr_t = lr32 * np.sqrt(1 - b2_32 ** t) / (1 - b1_32 ** t)
        expected = expected - lr_t * m / (np.sqrt(v) + eps)
        np.testing.assert_allclose(var.numpy(), expected, rtol=1e-10)


def test_minimize_with_callable_loss():
    var = real_tf.Variable(3.0)
    tf.train.GradientDescentOptimizer(0.25).minimize(lambda: var * var, var_list=[var])
    assert float(var) == pytest.approx(1.5)
    with pytest.raises(TypeError, match="`loss`"):
        tf.train.GradientDescentOptimizer(0.25).minimize(var * var, var_list=[var])


def test_global_step_is_a_singleton_int64():
    step = tf.train.get_or_create_global_step()
    assert step is tf.train.get_or_create_global_step() is tf.train.get_global_step()
    assert step.dtype == real_tf.int64 and not step.trainable


def test_tf1_mean_squared_error_semantics():
    labels = np.array([[1.0], [2.0]])  # float64, as R doubles arrive
    preds = real_tf.constant([[1.5], [3.0]])
    loss = tf.losses.mean_squared_error(labels, preds)
    assert loss.shape == () and loss.dtype == real_tf.float32
    assert float(loss) == pytest.approx((0.25 + 1.0) / 2)
    weighted = tf.losses.mean_squared_error(labels, preds, weights=[[1.0], [0.0]])
    assert float(weighted) == pytest.approx(0.25)  # SUM_BY_NONZERO_WEIGHTS
    assert tf.losses.sigmoid_cross_entropy is real_tf.compat.v1.losses.sigmoid_cross_entropy


def test_enable_eager_execution_is_a_noop():
    assert tfe_enable_eager_execution(device_policy="silent") is None
    assert tf.enable_eager_execution() is None
    assert tf.executing_eagerly()


def test_checkpoint_and_latest_checkpoint(tmp_path):
    var = real_tf.Variable(5.0)
    ckpt = tf.train.Checkpoint(v=var)
    ckpt.save(str(tmp_path / "ckpt"))
    var.assign(0.0)
    tf.train.Checkpoint(v=var).restore(tf.train.latest_checkpoint(str(tmp_path)))
    assert float(var) == 5.0


def test_tf_namespace_is_importable_by_module_name():
    import importlib

    assert importlib.import_module("rkeras_bridge.compat.tf") is tf
