import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    callback_early_stopping,
    callback_lambda,
    compile,
    evaluate_generator,
    fit_generator,
    keras_model,
    keras_model_sequential,
    layer_add,
    layer_dense,
    layer_input,
    predict_generator,
    set_random_seed,
)


def _data(n=64):
    rng = np.random.default_rng(0)
    x = rng.uniform(size=(n, 3)).astype("float32")
    return x, x.sum(axis=1, keepdims=True)


def _model():
    set_random_seed(2)
    model = keras_model_sequential()
    layer_dense(model, units=1, input_shape=3)
    compile(model, optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse", metrics="mae")
    return model


def _batches(x, y, size):
    """A generator function cycling through the data in order, as an R closure would."""
    state = {"i": 0}

    def draw():
        i = state["i"]
        state["i"] = (i + size) % len(x)
        return (x[i:i + size], y[i:i + size])

    return draw


class _Seq(keras.utils.PyDataset):
    def __init__(self, x, y, size):
        super().__init__()
        self.x, self.y, self.size = x, y, size
        self.epochs_ended = 0

    def __len__(self):
        return len(self.x) // self.size

    def __getitem__(self, i):
        s = slice(i * self.size, (i + 1) * self.size)
        return self.x[s], self.y[s]

    def on_epoch_end(self):
        self.epochs_ended += 1


def test_fit_generator_equals_train_on_batch_steps_and_averages_by_batch_size():
    x, y = _data()
    model = _model()
    reference = _model()  # same seed: same initial weights
    history = fit_generator(model, _batches(x, y, 16), steps_per_epoch=4, epochs=2, verbose=0)
    draw = _batches(x, y, 16)
    expected = []
    for _ in range(2):
        logs = [reference.train_on_batch(*draw(), return_dict=True) for _ in range(4)]
        expected.append(np.mean([entry["loss"] for entry in logs]))  # equal batch sizes
    np.testing.assert_allclose(history["metrics"]["loss"], expected, rtol=1e-5)
    for a, b in zip(model.get_weights(), reference.get_weights()):
        np.testing.assert_allclose(a, b, rtol=1e-5)
    assert history["params"]["steps"] == 4 and len(history["metrics"]["mae"]) == 2


def test_validation_from_a_generator_or_arrays_and_callbacks():
    x, y = _data()
    seen = []
    cb = callback_lambda(on_batch_end=lambda batch, logs: seen.append(batch))
    model = _model()
    history = fit_generator(model, _batches(x, y, 16), steps_per_epoch=2, epochs=2, verbose=0,
                            callbacks=[cb], validation_data=_batches(x[:32], y[:32], 8), validation_steps=4)
    assert seen == [0, 1, 0, 1]
    after = model.evaluate(x[:32], y[:32], verbose=0, return_dict=True)
    assert history["metrics"]["val_loss"][-1] == pytest.approx(after["loss"], rel=1e-5)
    history = fit_generator(model, _batches(x, y, 16), steps_per_epoch=2, epochs=1, verbose=0,
                            validation_data=[x[:32], y[:32]])
    assert history["metrics"]["val_loss"][0] == pytest.approx(
        model.evaluate(x[:32], y[:32], verbose=0, return_dict=True)["loss"], rel=1e-5)
    history = fit_generator(_model(), _batches(x, y, 16), steps_per_epoch=1, epochs=20, verbose=0,
                            callbacks=[callback_early_stopping(monitor="loss", min_delta=100, patience=0)])
    assert len(history["metrics"]["loss"]) == 2  # the first epoch improves on nothing; the second stops


def test_sequence_python_generator_and_dataset():
    x, y = _data()
    seq = _Seq(x, y, 16)
    history = fit_generator(_model(), seq, epochs=2, verbose=0)  # steps: len(seq)
    assert history["params"]["steps"] == 4 and seq.epochs_ended == 1
    scores = evaluate_generator(_model(), seq)
    assert scores["loss"] == pytest.approx(_model().evaluate(x, y, verbose=0, return_dict=True)["loss"],
                                           rel=1e-5)

    def pairs():
        while True:
            yield x[:8], y[:8]

    assert len(fit_generator(_model(), pairs(), steps_per_epoch=3, verbose=0)["metrics"]["loss"]) == 1
    dataset = tf.data.Dataset.from_tensor_slices((x[:10], y[:10])).batch(2)
    history = fit_generator(_model(), dataset, steps_per_epoch=5, epochs=2, verbose=0)
    assert len(history["metrics"]["loss"]) == 2
    with pytest.raises(ValueError, match="stopped after 2"):
        fit_generator(_model(), iter([(x[:8], y[:8])] * 2), steps_per_epoch=3, verbose=0)


@pytest.mark.filterwarnings("ignore:The model does not have any trainable weights")
def test_several_inputs_and_r_shaped_batches():
    a, b = layer_input(shape=1), layer_input(shape=1)
    model = keras_model([a, b], layer_add([a, b]))
    compile(model, optimizer="sgd", loss="mse")
    # R's list(list(1, 2), 3): numbers become one-row columns, as Keras 2.2.4 made them
    history = fit_generator(model, lambda: ([np.array([1.0]), np.array([2.0])], np.array([3.0])),
                            steps_per_epoch=3, verbose=0)
    assert history["metrics"]["loss"] == [0.0]
    preds = predict_generator(model, lambda: ([np.array([1.0, 2.0]), np.array([3.0, 4.0])],), steps=2)
    np.testing.assert_allclose(preds, [[4.0], [6.0], [4.0], [6.0]])


def test_evaluate_and_predict_generator_weight_batches_by_size():
    x, y = _data()
    model = _model()
    sizes = iter([(x[:40], y[:40]), (x[40:], y[40:])])
    scores = evaluate_generator(model, sizes, steps=2)
    whole = model.evaluate(x, y, verbose=0, return_dict=True)
    assert scores["loss"] == pytest.approx(whole["loss"], rel=1e-5)
    assert scores["mae"] == pytest.approx(whole["mae"], rel=1e-5)
    preds = predict_generator(model, iter([x[:40], (x[40:], y[40:])]), steps=2)
    np.testing.assert_allclose(preds, model.predict(x, verbose=0), rtol=1e-5)


def test_bad_generators_and_steps_are_refused():
    x, y = _data()
    with pytest.raises(TypeError, match="generator"):
        fit_generator(_model(), x, steps_per_epoch=1, verbose=0)
    with pytest.raises(ValueError, match="steps_per_epoch"):
        fit_generator(_model(), _batches(x, y, 8), verbose=0)
    with pytest.raises(ValueError, match="steps_per_epoch"):
        fit_generator(_model(), _batches(x, y, 8), steps_per_epoch=0.5, verbose=0)
    with pytest.raises(ValueError, match=r"list\(x, y\)"):
        fit_generator(_model(), lambda: (x,), steps_per_epoch=1, verbose=0)
    uncompiled = keras_model_sequential()
    layer_dense(uncompiled, units=1, input_shape=3)
    with pytest.raises(ValueError, match="compile"):
        fit_generator(uncompiled, _batches(x, y, 8), steps_per_epoch=1, verbose=0)
