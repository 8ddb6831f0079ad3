"""k_* convolutions, pooling, padding, normalisation, losses, CTC and k_rnn against NumPy loops."""
import itertools
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    k_batch_normalization, k_bias_add, k_binary_crossentropy, k_categorical_crossentropy, k_conv1d,
    k_conv2d, k_conv2d_transpose, k_conv3d, k_conv3d_transpose, k_ctc_batch_cost, k_ctc_decode,
    k_ctc_label_dense_to_sparse, k_depthwise_conv2d, k_dropout, k_in_top_k, k_local_conv1d,
    k_local_conv2d, k_normalize_batch_in_training, k_pool2d, k_pool3d, k_resize_images, k_resize_volumes,
    k_rnn, k_separable_conv2d, k_sparse_categorical_crossentropy, k_spatial_2d_padding,
    k_spatial_3d_padding, k_temporal_padding,
)

RNG = np.random.default_rng(1)
EPS = 1e-7


def rand(*shape):
    return RNG.normal(size=shape).astype(np.float32)


def close(actual, expected, tol=1e-4):
    np.testing.assert_allclose(np.asarray(actual), expected, rtol=tol, atol=tol)


def conv_nd(x, k, stride=1, dilation=1):
    """Valid cross-correlation, channels last, any number of spatial axes."""
    spatial = x.ndim - 2
    span = [dilation * (k.shape[i] - 1) + 1 for i in range(spatial)]
    out_shape = [(x.shape[1 + i] - span[i]) // stride + 1 for i in range(spatial)]
    out = np.zeros((x.shape[0], *out_shape, k.shape[-1]), np.float64)
    for pos in itertools.product(*[range(n) for n in out_shape]):
        window = tuple(slice(p * stride, p * stride + span[i], dilation) for i, p in enumerate(pos))
        patch = x[(slice(None), *window, slice(None))]
        out[(slice(None), *pos, slice(None))] = np.tensordot(patch, k, axes=(list(range(1, spatial + 2)),
                                                                            list(range(spatial + 1))))
    return out


def test_convolutions_match_numpy():
    x, k = rand(2, 7, 3), rand(3, 3, 4)
    close(k_conv1d(x, k), conv_nd(x, k))
    close(k_conv1d(x, k, strides=2, dilation_rate=1), conv_nd(x, k, stride=2))
    close(k_conv1d(x, k, dilation_rate=2), conv_nd(x, k, dilation=2))
    causal = k_conv1d(x, k, padding="causal")
    close(causal, conv_nd(np.pad(x, [(0, 0), (2, 0), (0, 0)]), k))  # output t sees inputs up to t
    x2, k2 = rand(2, 5, 6, 3), rand(2, 3, 3, 4)
    close(k_conv2d(x2, k2), conv_nd(x2, k2))
    same = k_conv2d(x2, k2, padding="same")
    assert same.shape == (2, 5, 6, 4)
    first = k_conv2d(np.transpose(x2, (0, 3, 1, 2)), k2, data_format="channels_first")
    close(first, np.transpose(conv_nd(x2, k2), (0, 3, 1, 2)))
    x3, k3 = rand(1, 4, 4, 4, 2), rand(2, 2, 2, 2, 3)
    close(k_conv3d(x3, k3, strides=[2, 2, 2]), conv_nd(x3, k3, stride=2))


def transpose_conv_2d(x, k, stride):
    batch, rows, cols, _ = x.shape
    kr, kc, out_c, _ = k.shape
    out = np.zeros((batch, (rows - 1) * stride + kr, (cols - 1) * stride + kc, out_c))
    for i, j in itertools.product(range(rows), range(cols)):
        rows_out, cols_out = slice(i * stride, i * stride + kr), slice(j * stride, j * stride + kc)
        out[:, rows_out, cols_out, :] += np.einsum("bc,xyoc->bxyo", x[:, i, j], k)
    return out


def test_transposed_convolutions_match_numpy():
    x, k = rand(2, 3, 4, 2), rand(3, 3, 5, 2)
    expected = transpose_conv_2d(x, k, 2)
    close(k_conv2d_transpose(x, k, [2, *expected.shape[1:]], strides=[2, 2]), expected)
    close(k_conv2d_transpose(x, k, [None, *expected.shape[1:]], strides=[2, 2]), expected)  # NULL batch
    first = k_conv2d_transpose(np.transpose(x, (0, 3, 1, 2)), k, [2, 5, *expected.shape[1:3]], strides=[2, 2],
                               data_format="channels_first")
    close(first, np.transpose(expected, (0, 3, 1, 2)))
    ones = k_conv3d_transpose(np.ones((1, 2, 2, 2, 1), np.float32), np.ones((2, 2, 2, 1, 1), np.float32),
                              [1, 3, 3, 3, 1])
    # each output voxel counts the input voxels whose 2x2x2 footprint covers it
    count = np.array([1, 2, 1])
    close(ones[0, ..., 0], count[:, None, None] * count[None, :, None] * count[None, None, :])


def test_depthwise_and_separable():
    x, d, p = rand(2, 5, 5, 3), rand(3, 3, 3, 2), rand(1, 1, 6, 4)
    expected = np.stack([conv_nd(x[..., c:c + 1], d[:, :, c:c + 1, :]) for c in range(3)], axis=3)
    expected = expected.reshape(2, 3, 3, 6)  # channel c, multiplier m -> c * 2 + m
    close(k_depthwise_conv2d(x, d), expected)
    close(k_separable_conv2d(x, d, p), np.einsum("bijc,co->bijo", expected, p[0, 0]))


def test_local_convolutions():
    x = rand(2, 6, 3)
    kernel = rand(3, 2 * 3, 4)  # 3 output steps, window 2, stride 2
    expected = np.stack([x[:, 2 * i:2 * i + 2, :].reshape(2, -1) @ kernel[i] for i in range(3)], axis=1)
    close(k_local_conv1d(x, kernel, 2, 2), expected)
    x2 = rand(2, 4, 5, 3)
    kernel2 = rand(2 * 2, 2 * 3 * 3, 5)  # output 2x2, window 2x3, strides (2, 2)
    rows = []
    for i in range(2):
        rows.append(np.stack([x2[:, 2 * i:2 * i + 2, 2 * j:2 * j + 3, :].reshape(2, -1) @ kernel2[i * 2 + j]
                              for j in range(2)], axis=1))
    close(k_local_conv2d(x2, kernel2, [2, 3], [2, 2], [2, 2]), np.stack(rows, axis=1))
    first = k_local_conv2d(np.transpose(x2, (0, 3, 1, 2)), kernel2, [2, 3], [2, 2], [2, 2],
                           data_format="channels_first")
    assert first.shape == (2, 5, 2, 2)


def test_pooling_padding_and_resizing():
    x = rand(2, 4, 6, 3)
    blocks = x.reshape(2, 2, 2, 3, 2, 3)
    close(k_pool2d(x, [2, 2], [2, 2]), blocks.max(axis=(2, 4)))
    close(k_pool2d(x, [2, 2], [2, 2], pool_mode="avg"), blocks.mean(axis=(2, 4)))
    x3 = rand(1, 2, 2, 2, 2)
    close(k_pool3d(x3, [2, 2, 2], pool_mode="avg"), x3.mean(axis=(1, 2, 3)).reshape(1, 1, 1, 1, 2))
    close(k_temporal_padding(x[:, 0], [1, 2]), np.pad(x[:, 0], [(0, 0), (1, 2), (0, 0)]))
    close(k_spatial_2d_padding(x, [[1, 0], [2, 3]]), np.pad(x, [(0, 0), (1, 0), (2, 3), (0, 0)]))
    close(k_spatial_2d_padding(x, data_format="channels_first"), np.pad(x, [(0, 0), (0, 0), (1, 1), (1, 1)]))
    close(k_spatial_3d_padding(x3), np.pad(x3, [(0, 0), (1, 1), (1, 1), (1, 1), (0, 0)]))
    close(k_resize_images(x, 2, 3, "channels_last"), np.repeat(np.repeat(x, 2, axis=1), 3, axis=2))
    close(k_resize_images(x, 2, 1, "channels_first"), np.repeat(x, 2, axis=2))
    close(k_resize_volumes(x3, 1, 2, 3, "channels_last"), np.repeat(np.repeat(x3, 2, axis=2), 3, axis=3))


def test_bias_normalisation_and_dropout():
    x = rand(2, 3, 4)
    close(k_bias_add(x, np.arange(4.0)), x + np.arange(4.0))
    close(k_bias_add(x, np.arange(3.0), data_format="channels_first"), x + np.arange(3.0)[None, :, None])
    bias2 = rand(3, 4)
    close(k_bias_add(x, bias2), x + bias2)
    mean, var, beta, gamma = rand(4), np.abs(rand(4)), rand(4), rand(4)
    close(k_batch_normalization(x, mean, var, beta, gamma), (x - mean) / np.sqrt(var + 1e-3) * gamma + beta)
    m3 = rand(3)
    close(k_batch_normalization(x, m3, np.ones(3), None, None, axis=2, epsilon=0.0), x - m3[None, :, None])
    normed, m, v = k_normalize_batch_in_training(x, np.ones(4), np.zeros(4), [1, 2])
    close(m, x.mean(axis=(0, 1)))
    close(v, x.var(axis=(0, 1)))
    close(normed, (x - x.mean(axis=(0, 1))) / np.sqrt(x.var(axis=(0, 1)) + 1e-3))
    normed2, m2, _ = k_normalize_batch_in_training(x, None, None, [1, 3], epsilon=0)
    assert m2.shape == (3,)
    close(normed2, (x - x.mean(axis=(0, 2), keepdims=True)) / x.std(axis=(0, 2), keepdims=True), tol=1e-3)
    dropped = k_dropout(np.ones((1000,), np.float32), 0.25, seed=3).numpy()
    assert np.allclose(np.unique(dropped), [0.0, 1 / 0.75]) and abs((dropped == 0).mean() - 0.25) < 0.05
    assert np.array_equal(dropped, k_dropout(np.ones((1000,), np.float32), 0.25, seed=3).numpy())
    rows = k_dropout(np.ones((50, 4), np.float32), 0.5, noise_shape=[50, 1], seed=1).numpy()
    assert all(len(set(r)) == 1 for r in rows)  # one decision per row


def test_crossentropies():
    target = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]], np.float32)
    output = np.array([[0.2, 0.7, 0.1], [0.5, 0.3, 0.2]], np.float32)
    close(k_categorical_crossentropy(target, output), -(target * np.log(output)).sum(axis=1))
    unscaled = output * 3  # probabilities are rescaled to sum to 1 first
    close(k_categorical_crossentropy(target, unscaled), -(target * np.log(output)).sum(axis=1))
    logits = rand(2, 3)
    soft = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    close(k_categorical_crossentropy(target, logits, from_logits=True), -(target * np.log(soft)).sum(axis=1))
    close(k_categorical_crossentropy(target.T, output.T / output.T.sum(0), axis=1),
          -(target * np.log(output)).sum(axis=1))
    close(k_sparse_categorical_crossentropy(np.array([1, 0]), output), -np.log(output[[0, 1], [1, 0]]))
    close(k_sparse_categorical_crossentropy(tf.constant([[1], [0]]), output), -np.log(output[[0, 1], [1, 0]]))
    close(k_sparse_categorical_crossentropy(np.array([1, 0]), logits, from_logits=True),
          -np.log(soft[[0, 1], [1, 0]]))
    p = np.array([0.0, 0.3, 1.0], np.float32)
    t = np.array([0.0, 1.0, 1.0], np.float32)
    clipped = np.clip(p, EPS, 1 - EPS)
    close(k_binary_crossentropy(t, p), -(t * np.log(clipped) + (1 - t) * np.log(1 - clipped)), tol=1e-3)
    close(k_binary_crossentropy(t, logits[0], from_logits=True),
          np.maximum(logits[0], 0) - logits[0] * t + np.log1p(np.exp(-np.abs(logits[0]))))
    assert k_in_top_k(output, np.array([1, 1]), 1).numpy().tolist() == [True, False]
    assert k_in_top_k(output, np.array([1, 1]), 2).numpy().tolist() == [True, True]


def ctc_brute_force(probs, label, blank):
    """Sum of the probabilities of every path of len(probs) that collapses to `label`."""
    steps, classes = probs.shape
    total = 0.0
    for path in itertools.product(range(classes), repeat=steps):
        collapsed = [c for i, c in enumerate(path) if c != blank and (i == 0 or c != path[i - 1])]
        if collapsed == list(label):
            total += np.prod([probs[t, c] for t, c in enumerate(path)])
    return -np.log(total)


def test_ctc_loss_decode_and_sparse_labels():
    logits = rand(2, 4, 3)
    probs = np.exp(logits) / np.exp(logits).sum(axis=2, keepdims=True)
    labels = np.array([[0, 1], [1, 0]], np.int32)
    loss = k_ctc_batch_cost(labels, probs, np.array([[4], [3]]), np.array([[2], [1]]))
    assert loss.shape == (2, 1)
    close(loss[0, 0], ctc_brute_force(probs[0], [0, 1], blank=2), tol=1e-3)
    close(loss[1, 0], ctc_brute_force(probs[1, :3], [1], blank=2), tol=1e-3)
    sparse = k_ctc_label_dense_to_sparse(tf.constant([[1, 2, 0], [3, 0, 0]]), tf.constant([2, 1]))
    assert sparse.values.numpy().tolist() == [1, 2, 3]
    assert sparse.indices.numpy().tolist() == [[0, 0], [0, 1], [1, 0]]
    y = np.array([[[0.1, 0.8, 0.1], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8], [0.7, 0.2, 0.1]]], np.float32)
    decoded, log_prob = k_ctc_decode(y, np.array([4]))
    assert decoded[0].numpy().tolist() == [[1, 0]]  # 1 1 blank 0 -> 1 0
    close(log_prob[0, 0], -np.log(0.8 * 0.8 * 0.8 * 0.7), tol=1e-3)
    beams, _ = k_ctc_decode(y, np.array([4]), greedy=False, beam_width=10, top_paths=2)
    assert len(beams) == 2 and beams[0].numpy().tolist() == [[1, 0]]


def test_rnn_loops_over_time():
    x = rand(2, 4, 3)

    def step(inputs, states):
        total = states[0] + inputs
        return [total * 2, [total]]

    last, outputs, states = k_rnn(step, x, [np.zeros((2, 3), np.float32)])
    close(outputs, 2 * np.cumsum(x, axis=1))
    close(last, 2 * x.sum(axis=1))
    close(states[0], x.sum(axis=1))
    _, backwards, _ = k_rnn(step, x, [np.zeros((2, 3), np.float32)], go_backwards=True)
    close(backwards, 2 * np.cumsum(x[:, ::-1], axis=1))
    mask = np.array([[True, False, True, True], [True, True, False, False]])
    _, masked, final = k_rnn(step, x, [np.zeros((2, 3), np.float32)], mask=mask)
    kept = np.cumsum(x * mask[..., None], axis=1)
    close(final[0], kept[:, -1])
    close(masked[0, 1], masked[0, 0])  # a masked step repeats the previous output
    constant_seen = []
    k_rnn(lambda i, s: (constant_seen.append(len(s)) or [i, [s[0]]]), x, [x[:, 0]], constants=[x[:, 0]])
    assert constant_seen[0] == 2


@pytest.mark.parametrize("call, argument", [
    (lambda: k_conv2d(np.zeros((1, 3, 3)), np.zeros((2, 2, 1, 1))), "x"),
    (lambda: k_conv2d(np.zeros((1, 3, 3, 1)), np.zeros((2, 2, 1, 1)), padding="full"), "padding"),
    (lambda: k_conv1d(np.zeros((1, 3, 1)), np.zeros((2, 1, 1)), strides=[1, 2]), "strides"),
    (lambda: k_conv2d(np.zeros((1, 3, 3, 1)), np.zeros((2, 2, 1, 1)), data_format="nhwc"), "data_format"),
    (lambda: k_pool2d(np.zeros((1, 2, 2, 1)), [2, 2], pool_mode="min"), "pool_mode"),
    (lambda: k_spatial_2d_padding(np.zeros((1, 2, 2, 1)), [1, 1, 1]), "padding"),
    (lambda: k_bias_add(np.zeros((2, 3)), np.zeros(4)), "bias"),
    (lambda: k_dropout(np.zeros(3), 1.0), "level"),
    (lambda: k_resize_images(np.zeros((1, 2, 2, 1)), 0, 1, "channels_last"), "height_factor"),
    (lambda: k_rnn(lambda i, s: [i, s], np.zeros((2, 3)), [np.zeros(2)]), "inputs"),
    (lambda: k_ctc_decode(np.zeros((1, 2, 2)), np.array([2]), beam_width=0), "beam_width"),
    (lambda: k_conv2d_transpose(np.zeros((1, 2, 2, 1)), np.zeros((2, 2, 1, 1)), [3, 3, 1]), "output_shape"),
])
def test_bad_input_names_the_argument(call, argument):
    with pytest.raises(ValueError, match=rf"`{argument}`.*Received: {argument}="):
        call()
