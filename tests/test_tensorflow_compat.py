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

    assert importlib.import_module("rkeras_bridge.tensorflow.compat.tf") is tf


# --- tf$train$RMSPropOptimizer: TF1's rule, slots starting at ones ---------------------------------


def _f32(x):
    return float(np.float32(x))  # TF1 kept hyperparameters as float32 tensors


def _tf1_rmsprop_reference(x, grad_fn, steps, lr, decay=0.9, momentum=0.0, epsilon=1e-10, centered=False):
    """TF1's ApplyRMSProp / ApplyCenteredRMSProp kernels, written out in float64."""
    lr, decay, momentum, epsilon = (_f32(h) for h in (lr, decay, momentum, epsilon))
    ms, mom, mg = np.ones_like(x), np.zeros_like(x), np.zeros_like(x)  # TF1: rms slot = ones
    path = []
    for _ in range(steps):
        g = grad_fn(x)
        ms = ms + (g * g - ms) * (1 - decay)
        if centered:
            mg = mg + (g - mg) * (1 - decay)
            denom = (ms - mg * mg) + epsilon
        else:
            denom = ms + epsilon
        mom = mom * momentum + (g * lr) / np.sqrt(denom)
        x = x - mom
        path.append(x)
    return path


@pytest.mark.parametrize("momentum,centered", [(0.0, False), (0.5, False), (0.5, True)])
def test_rmsprop_optimizer_matches_tf1_exactly(momentum, centered):
    start = np.array([1.0, -2.0, 0.5])
    var = real_tf.Variable(start, dtype=real_tf.float64)
    opt = tf.train.RMSPropOptimizer(learning_rate=0.1, momentum=momentum, centered=centered)
    expected = _tf1_rmsprop_reference(start, lambda x: 2 * x, 4, 0.1, momentum=momentum, centered=centered)
    for want in expected:
        with real_tf.GradientTape() as tape:
            loss = real_tf.reduce_sum(var ** 2)
        opt.apply_gradients([[tape.gradient(loss, var), var]])
        np.testing.assert_allclose(var.numpy(), want, rtol=1e-13)


def test_rmsprop_optimizer_defaults_and_first_step_differ_from_keras3():
    opt = tf.train.RMSPropOptimizer(0.01)
    assert (opt.rho, opt.momentum, opt.epsilon, opt.centered) == (0.9, 0.0, 1e-10, False)
    var = real_tf.Variable([1.0])
    opt.apply_gradients([[real_tf.constant([1.0]), var]])
    # ms = 1 + (1 - 1) * 0.1 = 1, so the first step is lr * g / 1; Keras 3 (ms from 0) steps lr / sqrt(0.1)
    assert float(var[0]) == pytest.approx(1 - 0.01, rel=1e-6)
    # float32, centered, with momentum: bit for bit TF1's kernel order of operations in float32
    f = np.float32
    x = np.array([0.3, -0.7, 1.3, 2.2e-3], dtype=f)
    float32_var = real_tf.Variable(x)
    opt = tf.train.RMSPropOptimizer(0.05, momentum=0.9, centered=True)
    ms, mg, mom = np.ones(4, f), np.zeros(4, f), np.zeros(4, f)
    for _ in range(5):
        g = f(2) * x
        opt.minimize(lambda: real_tf.reduce_sum(float32_var ** 2), var_list=[float32_var])
        ms = ms + (g * g - ms) * (f(1) - f(0.9))
        mg = mg + (g - mg) * (f(1) - f(0.9))
        mom = mom * f(0.9) + (g * f(0.05)) / np.sqrt((ms - mg * mg) + f(1e-10))
        x = x - mom
        np.testing.assert_array_equal(float32_var.numpy(), x)


def test_rmsprop_sparse_gradients_update_only_their_rows():
    start = np.arange(8.0).reshape(4, 2) / 10
    table = real_tf.Variable(start, dtype=real_tf.float64)
    opt = tf.train.RMSPropOptimizer(learning_rate=0.1)
    with real_tf.GradientTape() as tape:
        weights = real_tf.constant([[1.0], [2.0], [4.0]], real_tf.float64)
        loss = real_tf.reduce_sum(real_tf.gather(table, [1, 1, 3]) * weights)
    grad = tape.gradient(loss, table)
    assert isinstance(grad, real_tf.IndexedSlices)
    opt.apply_gradients([[grad, table]])
    expected = start.copy()
    for row, g in ((1, 3.0), (3, 4.0)):  # duplicate index 1 summed: 1 + 2
        ms = 1 + (g * g - 1) * (1 - _f32(0.9))
        expected[row] = start[row] - g * _f32(0.1) / np.sqrt(ms + _f32(1e-10))
    np.testing.assert_allclose(table.numpy(), expected, rtol=1e-13)
    rms = [v for v in opt.variables if "velocity" in v.path][0].numpy()
    np.testing.assert_array_equal(rms[[0, 2]], 1.0)  # untouched rows keep their slot, as in TF1


# --- TF1 losses and nn ------------------------------------------------------------------------------


def test_tf1_sigmoid_and_sparse_softmax_losses():
    labels = np.array([[1.0, 0.0], [0.0, 1.0]])
    logits = real_tf.constant([[2.0, -1.0], [0.5, 0.0]])
    per_element = (np.maximum(logits.numpy(), 0) - logits.numpy() * labels
                   + np.log1p(np.exp(-np.abs(logits.numpy()))))
    assert float(tf.losses.sigmoid_cross_entropy(labels, logits)) == pytest.approx(per_element.mean(),
                                                                                   rel=1e-6)
    class_logits = real_tf.constant([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
    log_softmax = class_logits.numpy() - np.log(np.exp(class_logits.numpy()).sum(axis=1, keepdims=True))
    ce = -log_softmax[[0, 1], [2, 0]]
    loss = tf.losses.sparse_softmax_cross_entropy(labels=real_tf.constant([2, 0]), logits=class_logits)
    assert float(loss) == pytest.approx(ce.mean(), rel=1e-6)
    per_example = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=real_tf.constant([2, 0]),
                                                                 logits=class_logits)
    np.testing.assert_allclose(per_example.numpy(), ce, rtol=1e-6)
    with pytest.raises(ValueError, match="named arguments"):
        tf.nn.sparse_softmax_cross_entropy_with_logits(real_tf.constant([2, 0]), class_logits)
    assert tf.nn.relu is real_tf.nn.relu


# --- TF1 top-level names --------------------------------------------------------------------------


def test_contrib_eager_names():
    assert tf.contrib.eager.defun is real_tf.function
    v = tf.contrib.eager.Variable(2.0)
    assert isinstance(v, real_tf.Variable) and float(v) == 2.0
    assert float(tf.contrib.eager.defun(lambda x: x * 3)(real_tf.constant(2.0))) == 6.0
    with pytest.raises(AttributeError, match="removed in TensorFlow 2"):
        tf.contrib.layers


def test_multinomial_random_crop_and_read_file(tmp_path):
    logits = real_tf.math.log(real_tf.constant([[0.0, 1.0], [1.0, 0.0]]))
    draws = tf.multinomial(logits, 5.0, seed=3.0)  # R doubles
    assert draws.dtype == real_tf.int64 and draws.numpy().tolist() == [[1] * 5, [0] * 5]
    image = real_tf.reshape(real_tf.range(32 * 32 * 3), (32, 32, 3))
    crop = tf.random_crop(image, [24.0, 24.0, 3.0], seed=1).numpy()
    assert crop.shape == (24, 24, 3)
    row, col = divmod(int(crop[0, 0, 0]) // 3, 32)  # a contiguous block of the original
    np.testing.assert_array_equal(crop, image.numpy()[row:row + 24, col:col + 24, :])
    path = tmp_path / "hello.txt"
    path.write_bytes(b"hello\nworld")
    assert tf.read_file(str(path)).numpy() == b"hello\nworld"
    with pytest.raises(ValueError, match="`num_samples`"):
        tf.multinomial(logits, 1.5)


def test_resize_images_uses_tf1_sampling():
    images = real_tf.reshape(real_tf.range(16.0), (1, 4, 4, 1))
    bilinear = tf.image.resize_images(images, [2.0, 2.0])[0, :, :, 0].numpy()
    np.testing.assert_array_equal(bilinear, [[0, 2], [8, 10]])  # TF2's resize gives [[2.5, 4.5], ...]
    aligned = tf.image.resize_images(images, [2, 2], align_corners=True)[0, :, :, 0].numpy()
    np.testing.assert_array_equal(aligned, [[0, 3], [12, 15]])
    nearest = tf.image.resize_images(real_tf.cast(images, real_tf.int32), [2, 2], method=1)
    assert nearest.dtype == real_tf.int32 and nearest[0, :, :, 0].numpy().tolist() == [[0, 2], [8, 10]]
    np.testing.assert_array_equal(tf.image.resize_images(images, [2, 2], method="nearest").numpy(),
                                  nearest.numpy())
    with pytest.raises(ValueError, match="`method`"):
        tf.image.resize_images(images, [2, 2], method=7)
    assert tf.image.flip_left_right is real_tf.image.flip_left_right


def test_py_func_casts_to_tout_and_runs_in_graphs():
    doubled = tf.py_func(lambda x: (x * 2).astype(np.float64), [real_tf.constant([1.0, 2.0])],
                         real_tf.float32)
    assert doubled.dtype == real_tf.float32 and doubled.numpy().tolist() == [2, 4]
    total, count = tf.py_func(lambda x: (x.sum(), x.size), [real_tf.constant([1.0, 2.0])],
                              [real_tf.float64, real_tf.int32])
    assert float(total) == 3 and int(count) == 2 and count.dtype == real_tf.int32
    graph = real_tf.function(lambda x: tf.py_func(lambda a: a + 1, [x], real_tf.float32))
    assert graph(real_tf.constant([1.0])).numpy().tolist() == [2]


def test_is_gpu_available_and_list_files(tmp_path):
    assert tf.test.is_gpu_available() is bool(real_tf.config.list_physical_devices("GPU"))
    for name in ("b.png", "a.png", "c.txt"):
        (tmp_path / name).write_bytes(b"")
    files = tf.data.Dataset.list_files(str(tmp_path / "*.png"), shuffle=False)
    assert [f.numpy().decode() for f in files] == [str(tmp_path / "a.png"), str(tmp_path / "b.png")]


# --- R keras 2.x session helpers and reticulate names ------------------------------------------------


def test_use_session_with_seed_seeds_and_reports(capsys):
    from rkeras_bridge import use_session_with_seed

    assert use_session_with_seed(42.0) == 42
    first = real_tf.random.uniform([3]).numpy()
    assert "Set session seed to 42" in capsys.readouterr().err
    assert use_session_with_seed(42, quiet=True) == 42
    np.testing.assert_array_equal(real_tf.random.uniform([3]).numpy(), first)
    assert capsys.readouterr().err == ""
    with pytest.raises(ValueError, match="`seed`"):
        use_session_with_seed(-1)


def test_use_session_with_seed_in_a_fresh_process_restricts_threads():
    import subprocess
    import sys

    code = ("from rkeras_bridge import use_session_with_seed, tf\n"
            "use_session_with_seed(1)\n"
            "print(tf.config.threading.get_intra_op_parallelism_threads(),"
            " tf.config.threading.get_inter_op_parallelism_threads(),"
            " len(tf.config.get_visible_devices('GPU')))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["1", "1", "0"], done.stderr[-2000:]
    assert "Set session seed to 1 (disabled GPU, CPU parallelism)" in done.stderr


def test_use_implementation_tuple_and_import(capsys):
    from rkeras_bridge import import_, tuple as r_tuple, use_implementation

    assert use_implementation("tensorflow") is None
    assert "Keras 3" in capsys.readouterr().err
    with pytest.raises(ValueError, match="`implementation`"):
        use_implementation("theano")
    assert r_tuple(1, 2) == (1, 2) and r_tuple([1, 2]) == (1, 2) and r_tuple("ab") == ("ab",)
    assert r_tuple() == () and r_tuple(range(2)) == (0, 1)
    assert r_tuple(zip([1], [2])) == ((1, 2),) and r_tuple({"a": 1}.items()) == (("a", 1),)
    assert r_tuple(x for x in [3]) == (3,) and r_tuple(np.array([1, 2]))[0].tolist() == [1, 2]
    assert import_("numpy") is np
    with pytest.raises(ModuleNotFoundError):
        import_("no_such_module_here")


def test_tf_distribute_strategies_are_the_bridges_and_the_global_step_counts_once():
    import tensorflow as real_tf

    from rkeras_bridge import distribute
    from rkeras_bridge import tf as ctf

    strategy = ctf.distribute.MirroredStrategy()
    assert isinstance(strategy, distribute.MirroredStrategy)
    assert isinstance(strategy, real_tf.distribute.MirroredStrategy)
    assert ctf.distribute.MultiWorkerMirroredStrategy is distribute.MultiWorkerMirroredStrategy
    assert ctf.distribute.get_strategy is real_tf.distribute.get_strategy  # the rest is TensorFlow's
    step = ctf.train.get_or_create_global_step()
    assert step.aggregation == real_tf.VariableAggregation.ONLY_FIRST_REPLICA


def test_file_functions_take_r_strings_python_bytes_and_raw_vectors(tmp_path):
    png = real_tf.io.encode_png(real_tf.constant(np.arange(12, dtype=np.uint8).reshape(2, 2, 3))).numpy()
    path = tmp_path / "x.png"
    path.write_bytes(png)
    for name in (str(path), str(path).encode(), np.bytes_(str(path).encode()), path):
        assert tf.read_file(name).numpy() == png
        assert tf.io.read_file(name).numpy() == png
    raw = bytearray(png)  # what reticulate makes of an R raw vector
    for decode in (tf.image.decode_png, tf.image.decode_image, tf.io.decode_png, tf.io.decode_image):
        np.testing.assert_array_equal(decode(raw).numpy(), np.arange(12).reshape(2, 2, 3))
    np.testing.assert_array_equal(tf.image.decode_png(contents=raw, channels=1).shape, (2, 2, 1))
    out = tmp_path / "copy.png"
    tf.write_file(str(out), raw)
    assert out.read_bytes() == png
    tf.io.write_file(str(out).encode(), png[:8])
    assert out.read_bytes() == png[:8]
    with pytest.raises(TypeError, match="`filename`"):
        tf.read_file(3)
    assert tf.io.gfile is real_tf.io.gfile  # the rest of tf.io is TensorFlow's own
