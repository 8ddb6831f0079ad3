import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import regularizer_l1, regularizer_l1_l2, regularizer_l2

W = np.array([[0.5, -2.0], [1.5, -0.25]], dtype=np.float32)


def test_penalties_match_their_formulas_and_defaults():
    w = tf.constant(W)
    assert float(regularizer_l1(0.3)(w)) == pytest.approx(0.3 * np.abs(W).sum(), rel=1e-6)
    assert float(regularizer_l2(0.3)(w)) == pytest.approx(0.3 * (W ** 2).sum(), rel=1e-6)
    assert float(regularizer_l1_l2(l1=0.1, l2=0.2)(w)) == pytest.approx(
        0.1 * np.abs(W).sum() + 0.2 * (W ** 2).sum(), rel=1e-6)
    assert float(regularizer_l1()(w)) == pytest.approx(0.01 * np.abs(W).sum(), rel=1e-6)
    assert float(regularizer_l2(1.0)(w)) == pytest.approx((W ** 2).sum(), rel=1e-6)  # R's 1 is a double
    assert regularizer_l1_l2().get_config() == {"l1": 0.01, "l2": 0.01}


def test_weight_penalty_joins_the_layer_losses():
    layer = keras.layers.Dense(2, kernel_regularizer=regularizer_l2(0.5),
                               bias_regularizer=regularizer_l1(0.25), bias_initializer="ones")
    layer(np.ones((1, 3), dtype=np.float32))
    kernel = layer.kernel.numpy()
    assert float(sum(layer.losses)) == pytest.approx(0.5 * (kernel ** 2).sum() + 0.25 * 2, rel=1e-5)


@pytest.mark.parametrize("make, name", [
    (lambda: regularizer_l1(-0.1), "l"),
    (lambda: regularizer_l2("big"), "l"),
    (lambda: regularizer_l1_l2(l2=-1), "l2"),
    (lambda: regularizer_l1_l2(l1=True), "l1"),
])
def test_bad_arguments_name_the_argument(make, name):
    with pytest.raises(ValueError, match=f"`{name}`"):
        make()


def test_keras2_activity_regularizer_adds_the_penalty_undivided():
    from rkeras_bridge.keras.regularizers import Keras2ActivityRegularizer, keras2_activity_regularizer

    x = np.arange(12, dtype=np.float32).reshape(4, 3) / 10
    keras3 = keras.layers.Dense(2, kernel_initializer="ones", activity_regularizer=regularizer_l2(0.1))
    keras2 = keras.layers.Dense(2, kernel_initializer="ones",
                                activity_regularizer=keras2_activity_regularizer(regularizer_l2(0.1)))
    out = keras2(x).numpy()
    keras3(x)
    penalty = 0.1 * (out.astype(np.float64) ** 2).sum()
    assert float(sum(keras2.losses)) == pytest.approx(penalty, rel=1e-5)  # Keras 2.2.4
    assert float(sum(keras3.losses)) == pytest.approx(penalty / 4, rel=1e-5)  # Keras 3: / batch size
    wrapped = keras2_activity_regularizer("l1")
    assert isinstance(wrapped, Keras2ActivityRegularizer) and keras2_activity_regularizer(None) is None
    restored = Keras2ActivityRegularizer.from_config(wrapped.get_config())
    assert float(restored(tf.constant(x))) == pytest.approx(4 * 0.01 * np.abs(x).sum(), rel=1e-5)
    with pytest.raises(TypeError, match="`activity_regularizer`"):
        Keras2ActivityRegularizer(3)


def test_a_layers_activity_regularizer_is_not_divided_by_the_batch_size():
    # keras 2.2.4 added l2 * sum(output^2) over the whole batch; Keras 3 divides it by the batch size
    from rkeras_bridge import layer_dense, regularizer_l2

    layer = layer_dense(units=2, kernel_initializer="ones", use_bias=False,
                        activity_regularizer=regularizer_l2(0.5))
    x = np.array([[1.0, 2.0], [3.0, 4.0], [0.0, 1.0]], dtype=np.float32)
    out = np.asarray(layer(x))
    np.testing.assert_allclose(float(sum(layer.losses)), 0.5 * np.sum(out ** 2), rtol=1e-6)
