import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    KerasLayer,
    compile,
    create_layer,
    fit,
    get_weights,
    initializer_random_uniform,
    keras_model,
    keras_model_sequential,
    layer_input,
    load_model_weights_tf,
    save_model_weights_tf,
    set_random_seed,
)
from rkeras_bridge.keras.custom_layer import DelegatingLayer


class SimpleEmbedding(KerasLayer):
    """The 2018 recommender post's layer_simple_embedding, in Python."""

    def __init__(self, emb_input_dim, output_dim):
        self.emb_input_dim = emb_input_dim
        self.output_dim = output_dim
        self.seen_shapes = []

    def build(self, input_shape):
        self.seen_shapes.append(input_shape)
        self.embeddings = self.add_weight(name="embeddings",
                                          shape=[self.emb_input_dim, float(self.output_dim)],
                                          initializer=initializer_random_uniform(), trainable=True)

    def call(self, x, mask=None):
        return tf.gather(self.embeddings, tf.cast(x, "int32"))

    def compute_output_shape(self, input_shape):
        return (*input_shape, self.output_dim)


class Affine:
    """A plain class (no base): y = x %*% w + 1, with a mask and a training flag recorded."""

    def __init__(self, units):
        self.units = units
        self.calls = []

    def build(self, input_shape):
        self.w = self.add_weight(name="w", shape=(input_shape[-1], self.units), initializer="ones")

    def call(self, x, mask=None, training=None):
        self.calls.append({"mask": mask, "training": training})
        return tf.matmul(x, self.w) + 1.0


def test_create_layer_from_keras_layer_subclass_gives_hand_computed_output():
    layer = create_layer(SimpleEmbedding, args={"emb_input_dim": 4, "output_dim": 2, "name": "emb"})
    assert isinstance(layer, DelegatingLayer) and layer.name == "emb"
    layer.build((None,))
    table = np.arange(8, dtype="float32").reshape(4, 2)
    layer.set_weights([table])
    np.testing.assert_allclose(layer(np.array([3, 0, 3])).numpy(), table[[3, 0, 3]])
    assert [w.path for w in layer.trainable_weights] == ["emb/embeddings"]
    assert layer._rkb_impl.seen_shapes == [(None,)]


def test_plain_class_gets_add_weight_and_mask_training_forwarded():
    layer = create_layer(Affine, args={"units": 2, "trainable": True})
    x = np.array([[1.0, 2.0, 3.0]], "float32")
    np.testing.assert_allclose(layer(x).numpy(), [[7.0, 7.0]])
    layer(x, training=True)
    impl = layer._rkb_impl
    assert impl.calls[0]["training"] is None and impl.calls[1]["training"] is True
    assert layer.supports_masking


def test_compose_with_tensor_sequential_and_symbolic_input():
    out = create_layer(Affine, np.ones((2, 3), "float32"), {"units": 4})
    np.testing.assert_allclose(out.numpy(), np.full((2, 4), 4.0))
    model = keras_model_sequential()
    assert create_layer(Affine, model, {"units": 1, "input_shape": 3.0}) is model
    assert tuple(model.output_shape) == (None, 1)
    inputs = layer_input(shape=5)
    outputs = create_layer(SimpleEmbedding, inputs, {"emb_input_dim": 10, "output_dim": 3})
    assert tuple(outputs.shape) == (None, 5, 3)  # from compute_output_shape
    assert tuple(keras_model(inputs, outputs)(np.zeros((2, 5))).shape) == (2, 5, 3)


def test_custom_layer_weights_train_and_checkpoint(tmp_path):
    set_random_seed(3)
    model = keras_model_sequential()
    create_layer(Affine, model, {"units": 1, "input_shape": 2})
    compile(model, optimizer=keras.optimizers.SGD(0.05), loss="mse")
    x = np.random.default_rng(0).uniform(size=(32, 2)).astype("float32")
    y = x @ np.array([[2.0], [-1.0]], "float32") + 1.0
    history = fit(model, x, y, epochs=5, verbose=0)
    assert history["metrics"]["loss"][-1] < history["metrics"]["loss"][0]
    prefix = str(tmp_path / "affine")
    save_model_weights_tf(model, prefix)
    fresh = keras_model_sequential()
    create_layer(Affine, fresh, {"units": 1, "input_shape": 2})
    load_model_weights_tf(fresh, prefix)
    np.testing.assert_allclose(get_weights(fresh)[0], get_weights(model)[0])


def test_add_weight_coerces_and_checks_the_shape():
    class Bad(KerasLayer):
        def build(self, input_shape):
            self.add_weight(name="w", shape=[2.5])

        def call(self, x, mask=None):
            return x

    with pytest.raises(ValueError, match="`shape"):
        create_layer(Bad)(np.ones((1, 2)))
    with pytest.raises(RuntimeError, match="add_weight"):
        KerasLayer().add_weight(name="w", shape=[1])


def test_bad_layer_class_and_args():
    with pytest.raises(TypeError, match="`layer_class`"):
        create_layer(42)
    with pytest.raises(TypeError, match="`layer_class`"):
        create_layer(lambda: object())
    with pytest.raises(TypeError, match="`args`"):
        create_layer(Affine, args=[2])
    with pytest.raises(TypeError):
        create_layer(Affine, args={"units": 1, "unknown": 2})


class PenalisedDot(KerasLayer):
    """The conformance suite's CustomLayer: a kernel, a loss of 5 added in call(), one in build()."""

    def build(self, input_shape):
        self.kernel = self.add_weight(name="kernel", shape=(input_shape[1], 2), initializer="ones")
        self.add_loss(tf.reduce_sum(self.kernel))  # outside call(): kept, as Keras 2 kept it

    def call(self, x, mask=None):
        self.add_loss([tf.constant(5.0)])
        return tf.matmul(x, self.kernel)


def test_add_loss_in_call_belongs_to_the_call_and_in_build_stays():
    layer = create_layer(PenalisedDot)
    x = np.ones((2, 3), "float32")
    np.testing.assert_allclose(layer(x).numpy(), np.full((2, 2), 3.0))
    assert sorted(float(v) for v in layer.losses) == [5.0, 6.0]
    layer(x)
    assert sorted(float(v) for v in layer.losses) == [5.0, 6.0]  # not 5, 5, 6: call losses are per call
    assert PenalisedDot().python_layer() is None
    with pytest.warns(UserWarning, match="conditional on inputs"):
        layer.add_loss(tf.constant(1.0), inputs=x)
    with pytest.raises(TypeError, match="`losses`"):
        layer.add_loss("five")
