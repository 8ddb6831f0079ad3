import numpy as np
import pytest

from rkeras_bridge import (
    compile,
    fit,
    freeze_weights,
    get_weights,
    keras_model_sequential,
    layer_activation,
    layer_dense,
    unfreeze_weights,
)


def _model():
    model = keras_model_sequential()
    layer_dense(model, units=4, input_shape=3, name="first")
    layer_activation(model, "relu", name="relu")
    layer_dense(model, units=2, name="second")
    layer_activation(model, "softmax", name="softmax")
    return model


def test_freeze_and_unfreeze_the_whole_model():
    model = _model()
    assert freeze_weights(model) is model
    assert model.trainable_weights == []
    unfreeze_weights(model)
    assert len(model.trainable_weights) == 4


def test_a_range_by_position_or_name_freezes_it_and_unfreezes_the_rest():
    model = _model()
    freeze_weights(model, **{"from": 2, "to": 3})  # R: freeze_weights(model, from = 2, to = 3)
    assert [w.path.split("/", 1)[1] for w in model.trainable_weights] == ["first/kernel", "first/bias"]
    freeze_weights(model, from_="second")  # to the last layer
    assert [layer.trainable for layer in model.layers] == [True, True, False, False]
    unfreeze_weights(model, **{"from": "second"})
    assert [layer.trainable for layer in model.layers] == [False, False, True, True]


def test_frozen_weights_do_not_change_in_training():
    model = _model()
    freeze_weights(model, to="relu")
    compile(model, optimizer="sgd", loss="categorical_crossentropy")
    before = get_weights(model)
    x = np.random.default_rng(0).uniform(size=(16, 3))
    fit(model, x, np.eye(2)[np.arange(16) % 2], epochs=2, verbose=0)
    after = get_weights(model)
    np.testing.assert_array_equal(before[0], after[0])
    assert not np.allclose(before[2], after[2])


def test_bad_ranges_are_refused_with_the_argument_name():
    model = _model()
    with pytest.raises(ValueError, match="Received: from='third'"):
        freeze_weights(model, **{"from": "third"})
    with pytest.raises(ValueError, match=r"Received: to=9"):
        freeze_weights(model, to=9)
    with pytest.raises(ValueError, match="`to`"):
        freeze_weights(model, **{"from": 3, "to": 1})
    with pytest.raises(TypeError, match="object"):
        freeze_weights("model")
