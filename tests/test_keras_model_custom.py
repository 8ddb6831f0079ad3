import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import keras_model_custom, layer_dense, layer_dropout, set_random_seed
from rkeras_bridge.keras.model_custom import CustomModel


def _build(seen):
    def model_fn(self):
        self.dense1 = layer_dense(units=4)
        self.dropout = layer_dropout(rate=0.5)
        self.output_layer = layer_dense(units=1)

        def call(x, mask=None, training=False):
            seen.append({"mask": mask, "training": training})
            return self.output_layer(self.dropout(self.dense1(x), training=training))

        return call

    return model_fn


def test_layers_set_on_self_are_tracked_and_model_is_keras():
    model = keras_model_custom(_build([]), name="m")
    assert isinstance(model, keras.Model) and isinstance(model, CustomModel)
    assert model.name == "m"
    model(np.ones((2, 3)))
    # kernel+bias of two dense layers are trainable; the dropout seed state is not
    assert len(model.trainable_variables) == 4
    assert len(model.variables) == 5
    assert [v.trainable for v in model.variables].count(False) == 1


def test_training_and_mask_forwarded_only_when_given():
    seen = []
    model = keras_model_custom(_build(seen))
    model(np.ones((2, 3)))
    model(np.ones((2, 3)), training=True)
    mask = tf.constant([True, False])
    model(np.ones((2, 3)), mask=mask)
    assert seen[0] == {"mask": None, "training": False}  # the function's own defaults
    assert seen[1]["training"] is True
    assert bool(tf.reduce_all(seen[2]["mask"] == mask))


def test_training_changes_dropout_behaviour():
    set_random_seed(1)
    model = keras_model_custom(_build([]))
    x = np.ones((64, 3))
    inference = model(x).numpy()
    np.testing.assert_allclose(model(x).numpy(), inference)
    assert not np.allclose(model(x, training=True).numpy(), inference)


def test_call_function_without_training_or_mask_is_called_with_inputs_only():
    calls = []

    def model_fn(self):
        self.d = layer_dense(units=2)

        def call(x):
            calls.append(x.shape)
            return self.d(x)

        return call

    model = keras_model_custom(model_fn)
    out = model(np.ones((5, 3)), training=True)
    assert tuple(out.shape) == (5, 2)
    assert [tuple(c) for c in calls] == [(5, 3)]  # called once, on real values


def test_call_function_with_var_keywords_gets_both():
    got = {}

    def model_fn(self):
        def call(x, **kwargs):
            got.update(kwargs)
            return x

        return call

    keras_model_custom(model_fn)(np.ones((1, 1)), training=True)
    assert got == {"training": True}


def test_print_and_summary_of_unbuilt_model(capsys):
    model = keras_model_custom(_build([]), name="unbuilt")
    assert "unbuilt" in repr(model)
    model.summary()
    out = capsys.readouterr().out
    assert "unbuilt" in out and "dense" in out


@pytest.mark.parametrize(
    "model_fn, match",
    [
        ("not a function", "model_fn"),
        (lambda self: 42, "model_fn"),
        (lambda self: (lambda: None), "takes the inputs"),
    ],
)
def test_bad_model_fn_is_refused_with_argument_name(model_fn, match):
    with pytest.raises(TypeError, match=match):
        keras_model_custom(model_fn)


def test_bad_name_is_refused():
    with pytest.raises(TypeError, match="Received: name=3"):
        keras_model_custom(_build([]), name=3)


def _two_input_model(seen):
    def model_fn(self):
        self.d = layer_dense(units=2, kernel_initializer="ones")

        def call(inp, target, training=False, **kwargs):
            seen.append({"training": training, **kwargs})
            return self.d(tf.concat([inp, target], axis=-1))

        return call

    return keras_model_custom(model_fn)


def test_a_second_positional_input_reaches_the_function_not_training():
    # The 2018 pix2pix discriminator: model(input_image, target, training = TRUE) on
    # function(inp, target, training = FALSE).
    seen = []
    model = _two_input_model(seen)
    a = np.ones((3, 2), "float32")
    b = np.full((3, 1), 2.0, "float32")
    out = model(a, b, training=True)
    np.testing.assert_allclose(out.numpy(), np.full((3, 2), 4.0))  # 1 + 1 + 2 with unit weights
    out = model(a, b)
    assert seen == [{"training": True}, {"training": False}]
    model(a, b, scale=3.0)
    assert seen[-1] == {"training": False, "scale": 3.0}  # other keywords reach it as given


def test_several_inputs_under_tf_function_and_in_gradients():
    from rkeras_bridge import tf_function

    seen = []
    model = _two_input_model(seen)
    a = tf.ones((3, 2))
    b = tf.fill((3, 1), 2.0)
    step = tf_function(lambda x, y: model(x, y, training=True))
    np.testing.assert_allclose(step(a, b).numpy(), np.full((3, 2), 4.0))
    assert seen[-1]["training"] is True
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(model(a, b, training=True))
    grads = tape.gradient(loss, model.trainable_variables)
    assert all(g is not None for g in grads) and len(grads) == 2


def test_mask_is_passed_by_name_only_and_positional_flags_stay_positional():
    got = []

    def model_fn(self):
        def call(x, flag, mask=None):
            got.append((flag, mask))
            return x

        return call

    model = keras_model_custom(model_fn)
    model(np.ones((2, 1)), True)
    assert got[-1] == (True, None)
    mask = tf.constant([True, False])
    model(np.ones((2, 1)), False, mask=mask)
    assert got[-1][0] is False and bool(tf.reduce_all(got[-1][1] == mask))
