"""rkeras_bridge.tensorflow.estimator: the tfestimators generics, on a TensorFlow without tf.estimator."""

import pytest
import tensorflow as tf

from rkeras_bridge import train, train_and_evaluate
from rkeras_bridge.bridge.errors import UnavailableError


def test_tf_estimator_is_gone():
    assert not hasattr(tf, "estimator")


@pytest.mark.parametrize("fn, name", [(train, "train()"), (train_and_evaluate, "train_and_evaluate()")])
def test_estimator_generics_raise_a_classed_error(fn, name):
    with pytest.raises(UnavailableError) as err:
        fn(object(), input_fn=None, steps=10)
    message = str(err.value)
    assert message.startswith(f"{name} is not available on TensorFlow 2")
    assert "TensorFlow 2.16" in message and "Instead: " in message and "fit(" in message
