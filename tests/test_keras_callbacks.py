import csv
import glob
import os

import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    KerasCallback,
    callback_csv_logger,
    callback_early_stopping,
    callback_lambda,
    callback_learning_rate_scheduler,
    callback_model_checkpoint,
    callback_progbar_logger,
    callback_reduce_lr_on_plateau,
    callback_remote_monitor,
    callback_tensorboard,
    callback_terminate_on_naan,
    compile,
    evaluate,
    fit,
    get_weights,
    keras_model_sequential,
    layer_dense,
    load_model_hdf5,
    predict,
    set_random_seed,
)
from rkeras_bridge.bridge.errors import UnavailableError
from rkeras_bridge.keras.callbacks import r_callback


def _data(n=40):
    rng = np.random.default_rng(0)
    x = rng.uniform(size=(n, 3)).astype("float32")
    return x, x.sum(axis=1, keepdims=True)


def _model(lr=0.05):
    set_random_seed(1)
    model = keras_model_sequential()
    layer_dense(model, units=4, input_shape=3)
    layer_dense(model, units=1)
    compile(model, optimizer=keras.optimizers.SGD(learning_rate=lr), loss="mse")
    return model


def test_lambda_hooks_fire_with_r_keras_arguments():
    events = []
    cb = callback_lambda(
        on_epoch_begin=lambda epoch, logs: events.append(("epoch_begin", epoch)),
        on_epoch_end=lambda epoch, logs: events.append(("epoch_end", epoch, round(logs["loss"], 6))),
        on_batch_end=lambda batch, logs: events.append(("batch_end", batch)),
        on_train_begin=lambda logs: events.append(("train_begin",)),
        on_train_end=lambda logs: events.append(("train_end",)),
        on_predict_begin=lambda logs: events.append(("predict_begin",)),
        on_test_end=lambda logs: events.append(("test_end",)),
    )
    x, y = _data()
    history = fit(_model(), x, y, epochs=2, batch_size=20, verbose=0, callbacks=cb)
    assert events[0] == ("train_begin",) and events[-1] == ("train_end",)
    assert [e for e in events if e[0] == "batch_end"] == [("batch_end", 0), ("batch_end", 1)] * 2
    ends = [e for e in events if e[0] == "epoch_end"]
    assert [e[1] for e in ends] == [0, 1]  # 0-based, as R keras 2.2.4 passed them
    assert [e[2] for e in ends] == [round(v, 6) for v in history["metrics"]["loss"]]
    model = _model()
    predict(model, x, callbacks=[cb])
    evaluate(model, x, y, verbose=0, callbacks=[cb])
    assert events[-2:] == [("predict_begin",), ("test_end",)]
    with pytest.raises(TypeError, match="on_epoch_end"):
        callback_lambda(on_epoch_end=3)


def test_r6_style_callback_sees_context_and_batch_losses():
    seen = {"losses": [], "context": []}
    hooks = {"on_batch_end": lambda batch, logs: seen["losses"].append(logs["loss"])}
    cb = r_callback(hooks, set_context=lambda params, model: seen["context"].append((params["epochs"],
                                                                                      model)))
    model = _model()
    x, y = _data()
    fit(model, x, y, epochs=3, batch_size=10, verbose=0, callbacks=[cb])
    assert len(seen["losses"]) == 12 and all(isinstance(v, float) for v in seen["losses"])
    assert seen["context"] == [(3, model)]
    with pytest.raises(ValueError, match="hooks"):
        r_callback({"on_nothing": lambda: None})


def test_python_subclass_of_keras_callback():
    class Counter(KerasCallback):
        def __init__(self):
            super().__init__()
            self.batches = 0

        def on_batch_end(self, batch, logs=None):
            self.batches += 1

    counter = Counter()
    x, y = _data()
    fit(_model(), x, y, epochs=2, batch_size=20, verbose=0, callbacks=[counter])
    assert counter.batches == 4 and counter.params["epochs"] == 2


def test_model_checkpoint_writes_hdf5_per_period_and_best_only(tmp_path):
    x, y = _data()
    model = _model()
    pattern = str(tmp_path / "weights.{epoch:02d}-{loss:.2f}.h5")
    checkpoint = callback_model_checkpoint(pattern, monitor="loss", period=2)
    fit(model, x, y, epochs=4, verbose=0, callbacks=[checkpoint])
    names = sorted(os.path.basename(p) for p in glob.glob(str(tmp_path / "weights.*.h5")))
    assert [n[:10] for n in names] == ["weights.02", "weights.04"]  # 1-based epochs, every 2nd
    last = load_model_hdf5(str(tmp_path / names[-1]))
    np.testing.assert_allclose(last.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-5)
    best = str(tmp_path / "best.h5")
    model = _model(lr=10.0)  # diverges: only the first epoch is an improvement
    fit(model, x, y, epochs=3, verbose=0, callbacks=[callback_model_checkpoint(best, monitor="loss",
                                                                                save_best_only=True,
                                                                                save_weights_only=True)])
    assert os.path.exists(best) and not glob.glob(str(tmp_path / ".best.h5*"))
    with pytest.raises(ValueError, match="mode"):
        callback_model_checkpoint(best, mode="lowest")


def test_learning_rate_scheduler_one_or_two_arguments():
    x, y = _data()
    model = _model()
    history = fit(model, x, y, epochs=3, verbose=0,
                  callbacks=[callback_learning_rate_scheduler(lambda epoch: 0.1 / (epoch + 1))])
    np.testing.assert_allclose(history["metrics"]["lr"], [0.1, 0.05, 0.1 / 3], rtol=1e-6)
    history = fit(model, x, y, epochs=2, verbose=0,
                  callbacks=[callback_learning_rate_scheduler(lambda epoch, lr: lr * 0.5)])
    np.testing.assert_allclose(history["metrics"]["lr"], [0.1 / 6, 0.1 / 12], rtol=1e-5)
    with pytest.raises(ValueError, match="schedule"):
        fit(model, x, y, epochs=1, verbose=0, callbacks=[callback_learning_rate_scheduler(lambda e: "fast")])


def test_reduce_lr_on_plateau_and_early_stopping_and_terminate_on_naan():
    x, y = _data()
    model = _model(lr=1e-9)  # no progress at all: a plateau
    history = fit(model, x, y, epochs=4, verbose=0,
                  callbacks=[callback_reduce_lr_on_plateau(monitor="loss", factor=0.5, patience=1,
                                                           min_delta=1.0)])
    assert history["metrics"]["lr"][-1] < history["metrics"]["lr"][0]
    history = fit(model, x, y, epochs=10, verbose=0,
                  callbacks=callback_early_stopping(monitor="loss", min_delta=1.0, patience=1))
    assert len(history["metrics"]["loss"]) == 2
    bad = _model(lr=1e30)
    history = fit(bad, x * 1e10, y, epochs=5, batch_size=10, verbose=0,
                  callbacks=[callback_terminate_on_naan()])
    assert len(history["metrics"]["loss"]) == 1
    with pytest.raises(ValueError, match="factor"):
        callback_reduce_lr_on_plateau(factor=1)


def test_csv_logger_writes_one_row_per_epoch(tmp_path):
    x, y = _data()
    path = tmp_path / "log.csv"
    history = fit(_model(), x, y, epochs=3, verbose=0,
                  callbacks=[callback_csv_logger(str(path), separator=";")])
    rows = list(csv.DictReader(open(path), delimiter=";"))
    assert [int(r["epoch"]) for r in rows] == [0, 1, 2]
    np.testing.assert_allclose([float(r["loss"]) for r in rows], history["metrics"]["loss"], rtol=1e-5)
    fit(_model(), x, y, epochs=1, verbose=0,
        callbacks=[callback_csv_logger(str(path), separator=";", append=True)])
    assert len(list(csv.DictReader(open(path), delimiter=";"))) == 4


def _events(folder):
    from tensorflow.core.util import event_pb2

    found = {}
    for path in glob.glob(os.path.join(folder, "**", "events*"), recursive=True):
        run = os.path.basename(os.path.dirname(path))
        for record in tf.data.TFRecordDataset(path):
            event = event_pb2.Event.FromString(record.numpy())
            for value in event.summary.value:
                found.setdefault((run, value.tag), []).append(
                    (event.step, value.metadata.plugin_data.plugin_name, tf.make_ndarray(value.tensor)))
    return found


def test_tensorboard_writes_scalars_histograms_and_images(tmp_path):
    x, y = _data()
    history = fit(_model(), x, y, epochs=2, verbose=0, validation_split=0.25,
                  callbacks=[callback_tensorboard(log_dir=str(tmp_path), histogram_freq=1,
                                                  write_images=True)])
    events = _events(str(tmp_path))
    losses = events[("train", "epoch_loss")]
    assert [s for s, _, _ in losses] == [0, 1] and {p for _, p, _ in losses} == {"scalars"}
    np.testing.assert_allclose([float(v) for _, _, v in losses], history["metrics"]["loss"], rtol=1e-6)
    np.testing.assert_allclose([float(v) for _, _, v in events[("validation", "epoch_loss")]],
                               history["metrics"]["val_loss"], rtol=1e-6)
    histograms = [k for k in events if k[1].endswith("kernel/histogram")]
    assert histograms and all(events[k][0][1] == "histograms" for k in histograms)
    table = events[histograms[0]][0][2]
    assert table.shape[1] == 3 and table[:, 2].sum() == 12  # the 3 x 4 kernel's values, counted
    images = [k for k in events if k[1].endswith("kernel/image")]
    assert images and events[images[0]][0][1] == "images"


def test_tensorboard_tf1_only_options_are_classed_errors():
    with pytest.raises(UnavailableError, match="write_grads"):
        callback_tensorboard(write_grads=True)
    with pytest.raises(UnavailableError, match="embeddings_data"):
        callback_tensorboard(embeddings_data=np.ones((2, 2)))
    with pytest.raises(ValueError, match="update_freq"):
        callback_tensorboard(update_freq="often")


def test_progbar_logger_and_remote_monitor_are_keras_callbacks():
    assert isinstance(callback_progbar_logger(count_mode="steps"), keras.callbacks.ProgbarLogger)
    with pytest.raises(ValueError, match="count_mode"):
        callback_progbar_logger(count_mode="rows")
    monitor = callback_remote_monitor(root="http://127.0.0.1:9", headers={"Accept": "application/json"})
    assert monitor.root == "http://127.0.0.1:9" and monitor.headers == {"Accept": "application/json"}
    with pytest.raises(TypeError, match="headers"):
        callback_remote_monitor(headers="Accept")


def test_a_non_callback_in_callbacks_is_refused_by_position():
    x, y = _data()
    with pytest.raises(TypeError, match=r"callbacks\[\[2\]\]"):
        fit(_model(), x, y, epochs=1, verbose=0, callbacks=[callback_terminate_on_naan(), "stop"])
    assert len(get_weights(_model())) == 4
