import numpy as np
import pytest

from rkeras_bridge import keras_model_custom, layer_dense, layer_dropout, set_random_seed


def _weights_and_dropout(seed):
    set_random_seed(seed)

    def model_fn(self):
        self.d = layer_dense(units=3)
        self.drop = layer_dropout(rate=0.5)
        return lambda x, training=False: self.drop(self.d(x), training=training)

    model = keras_model_custom(model_fn)
    out = model(np.ones((4, 2)), training=True).numpy()
    return [w.numpy() for w in model.trainable_variables], out


def test_same_seed_same_initial_weights_and_dropout_masks():
    w1, out1 = _weights_and_dropout(11)
    w2, out2 = _weights_and_dropout(11)
    for a, b in zip(w1, w2):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(out1, out2)
    w3, _ = _weights_and_dropout(12)
    assert not np.array_equal(w1[0], w3[0])


def test_seed_from_r_double_and_bad_seed():
    assert set_random_seed(5.0) == 5
    with pytest.raises(ValueError, match="`seed`"):
        set_random_seed(-1)
    with pytest.raises(ValueError, match="`seed`"):
        set_random_seed(1.5)


def test_deterministic_seeding_turns_off_the_sum_regrouping_that_separates_r_from_python():
    import tensorflow as tf

    set_random_seed(1)
    assert tf.config.optimizer.get_experimental_options().get("arithmetic_optimization") is False
