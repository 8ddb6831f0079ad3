"""Image pairs for the pix2pix case study: photo crops, facades-style pairs, jitter, L1 figures, triptychs.

The facades data set of the original cannot be had offline, so the case study learns an
image-to-image task on crops of photos that ship with scikit-image (``skimage.data``) and
scikit-learn (``load_sample_images()``): grayscale (or an edge map) to colour. Training and
held-out crops come from different photos. A user with the real facades can point
:func:`facades_pairs` at a folder of side-by-side JPEGs instead.

The R and Python twins both call this one implementation for everything that must come out
identical in both languages: the crops, the random jitter of each epoch, the L1 figures and the
triptych pictures. Images are float32 ``(n, height, width, 3)`` scaled to ``[-1, 1]``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np

from ..bridge.conversion import as_integer
from ..bridge.errors import bad_argument

__all__ = [
    "TRAIN_PHOTOS", "TEST_PHOTOS", "load_photo", "photo_pairs", "facades_pairs", "jitter_pairs", "l1_error",
    "l1_baselines", "save_triptych",
]

# Chelsea and `cat()` are the same photo, so `cat` is not offered. Coffee (a red cup) trains rather than
# tests: no other photo is as red, and a colourizer cannot guess a hue it never saw.
TRAIN_PHOTOS = ("astronaut", "coffee", "rocket", "immunohistochemistry", "china")
TEST_PHOTOS = ("chelsea", "flower")
_SKIMAGE = ("astronaut", "chelsea", "coffee", "rocket", "immunohistochemistry", "hubble_deep_field", "retina",
            "colorwheel")
_SKLEARN = ("china", "flower")
_TASKS = ("gray", "edges")
_DIRECTIONS = ("BtoA", "AtoB")
_IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")


def _numpy(value: Any) -> Any:
    return value.numpy() if hasattr(value, "numpy") else value


def _names(values: Any, name: str) -> list[str]:
    values = _numpy(values)
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, (list, tuple, np.ndarray)) or len(values) == 0:
        raise bad_argument(name, values, f"photo names, some of {list(_SKIMAGE + _SKLEARN)}", TypeError)
    out = []
    for value in list(values):
        if value not in _SKIMAGE + _SKLEARN:
            raise bad_argument(name, values, f"photo names, some of {list(_SKIMAGE + _SKLEARN)}")
        out.append(str(value))
    return out


def _choice(value: Any, name: str, choices: tuple[str, ...]) -> str:
    if isinstance(value, (list, tuple, np.ndarray)) and len(value) == 1:
        value = value[0]
    if value not in choices:
        raise bad_argument(name, value, "one of " + ", ".join(f'"{c}"' for c in choices))
    return str(value)


def _images(value: Any, name: str) -> np.ndarray:
    array = np.asarray(_numpy(value))
    if array.ndim == 3:
        array = array[None]
    if array.ndim != 4 or array.shape[0] == 0 or array.shape[-1] != 3 or array.dtype.kind not in "iuf":
        raise bad_argument(name, value, "images of shape (n, height, width, 3) scaled to [-1, 1]")
    # R arrays arrive in column-major order: C order makes NumPy sum in the same order for both twins
    return np.ascontiguousarray(array)


def _scale(rgb: np.ndarray) -> np.ndarray:
    return (rgb.astype(np.float32) / np.float32(127.5) - np.float32(1)).astype(np.float32)


def load_photo(name: Any) -> np.ndarray:
    """One RGB photo that ships with scikit-image or scikit-learn (no download).

    Example:
        >>> load_photo("astronaut").shape
        (512, 512, 3)

    Args:
        name: ``"astronaut"``, ``"chelsea"``, ``"coffee"``, ``"rocket"``, ``"immunohistochemistry"``,
            ``"hubble_deep_field"``, ``"retina"``, ``"colorwheel"`` (``skimage.data``), ``"china"`` or
            ``"flower"`` (``sklearn.datasets.load_sample_images()``).

    Returns:
        A ``uint8`` array ``(height, width, 3)``.

    R equivalent: ``load_photo(name)``.
    """
    name = _names(name, "name")[0]
    if name in _SKLEARN:
        from sklearn.datasets import load_sample_image

        return np.asarray(load_sample_image(f"{name}.jpg"), dtype=np.uint8)
    import skimage.data

    return np.asarray(getattr(skimage.data, name)(), dtype=np.uint8)[..., :3]


def _to_input(rgb: np.ndarray, task: str) -> np.ndarray:
    """The input image of ``rgb`` (uint8, (h, w, 3)) for ``task``, as uint8 (h, w, 3)."""
    # ITU-R BT.601 luma, the weights of PIL's and TF's rgb_to_grayscale
    gray = rgb.astype(np.float64) @ np.array([0.299, 0.587, 0.114])
    if task == "edges":
        from skimage.filters import sobel

        magnitude = sobel(gray / 255.0)
        gray = 255.0 * (1.0 - np.clip(magnitude / 0.25, 0.0, 1.0))  # dark edges on white, like a sketch
    gray = np.clip(np.round(gray), 0, 255).astype(np.uint8)
    return np.repeat(gray[..., None], 3, axis=-1)


def _crops(photos: list[str], n: int, size: int, min_crop: int, max_crop: int,
           rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    from PIL import Image

    images = [load_photo(p) for p in photos]
    out = np.zeros((n, size, size, 3), dtype=np.uint8)
    source = np.arange(n) % len(photos)  # every photo gives the same number of crops (give or take one)
    for i in range(n):
        image = images[source[i]]
        height, width = image.shape[:2]
        side = int(rng.integers(min_crop, max_crop + 1))
        side = min(side, height, width)
        top = int(rng.integers(0, height - side + 1))
        left = int(rng.integers(0, width - side + 1))
        crop = Image.fromarray(image[top:top + side, left:left + side])
        out[i] = np.asarray(crop.resize((size, size), Image.BILINEAR))
    return out, source.astype(np.int32)


def photo_pairs(n_train: Any = 480, n_test: Any = 64, size: Any = 64, task: Any = "gray", min_crop: Any = 64,
                max_crop: Any = 128, train_photos: Any = TRAIN_PHOTOS, test_photos: Any = TEST_PHOTOS,
                seed: Any = 42) -> dict[str, Any]:
    """Random square crops of photos as (input, target) pairs, training and held-out from different photos.

    Each crop's side is drawn from ``min_crop`` to ``max_crop`` pixels (at most the photo's
    shorter side), its place uniformly within the photo; it is resized to ``size`` x ``size``
    (bilinear) and becomes the target, and the input is made from it: its grayscale (BT.601 luma)
    for ``task = "gray"`` (colourization), or a sketch-like edge map (Sobel magnitude, dark on
    white) for ``task = "edges"``. Both have 3 channels, as the facades inputs do.

    Example:
        >>> data = photo_pairs(n_train=8, n_test=4, seed=1)
        >>> data["train_input"].shape, data["test_target"].shape
        ((8, 64, 64, 3), (4, 64, 64, 3))

    Args:
        n_train: Training crops, spread evenly over ``train_photos``. Defaults to `480`.
        n_test: Held-out crops, spread evenly over ``test_photos``. Defaults to `64`.
        size: Side of the pairs in pixels. Defaults to `64`.
        task: ``"gray"`` (grayscale to colour) or ``"edges"`` (edge map to colour). Defaults to `"gray"`.
        min_crop: Smallest crop side, before resizing. Defaults to `64`.
        max_crop: Largest crop side, before resizing. Defaults to `128`.
        train_photos: Photos of the training crops (see :func:`load_photo`). Defaults to
            `("astronaut", "coffee", "rocket", "immunohistochemistry", "china")`.
        test_photos: Photos of the held-out crops, none of ``train_photos``. Defaults to
            `("chelsea", "flower")`.
        seed: Seed of the crops (NumPy's PCG64; the held-out crops use ``seed + 1``). Defaults to `42`.

    Returns:
        A dict: ``train_input``, ``train_target``, ``test_input``, ``test_target`` (float32
        ``(n, size, size, 3)`` in ``[-1, 1]``), ``train_photo``, ``test_photo`` (0-based index of
        each crop's photo) and ``train_photos``, ``test_photos`` (their names).

    R equivalent: ``photo_pairs(n_train = 480, n_test = 64)``.
    """
    n_train = as_integer(n_train, "n_train", minimum=1)
    n_test = as_integer(n_test, "n_test", minimum=1)
    size = as_integer(size, "size", minimum=8)
    task = _choice(task, "task", _TASKS)
    min_crop = as_integer(min_crop, "min_crop", minimum=1)
    max_crop = as_integer(max_crop, "max_crop", minimum=1)
    if max_crop < min_crop:
        raise bad_argument("max_crop", max_crop, f"at least `min_crop` ({min_crop})")
    train_photos = _names(train_photos, "train_photos")
    test_photos = _names(test_photos, "test_photos")
    shared = sorted(set(train_photos) & set(test_photos))
    if shared:
        raise bad_argument("test_photos", test_photos,
                           f"photos that are not training photos (both have {shared})")
    seed = as_integer(seed, "seed", minimum=0)
    out: dict[str, Any] = {}
    for split, photos, n, split_seed in (("train", train_photos, n_train, seed),
                                         ("test", test_photos, n_test, seed + 1)):
        targets, source = _crops(photos, n, size, min_crop, max_crop, np.random.default_rng(split_seed))
        inputs = np.stack([_to_input(t, task) for t in targets])
        out[f"{split}_input"] = _scale(inputs)
        out[f"{split}_target"] = _scale(targets)
        out[f"{split}_photo"] = source
        out[f"{split}_photos"] = list(photos)
    return out


def facades_pairs(path: Any, direction: Any = "BtoA", size: Any = None) -> dict[str, Any]:
    """Read a folder of side-by-side image pairs, the layout of the original facades data set.

    Each file (``.jpg``, ``.jpeg`` or ``.png``, read in sorted order) holds two images side by
    side: A on the left half, B on the right. In the facades data A is the photo and B the label
    map, so the default ``"BtoA"`` (as the original case study) makes the right half the input
    and the left half the target.

    Example:
        >>> pairs = facades_pairs("facades/train", size=64)  # doctest: +SKIP
        >>> pairs["input"].shape  # doctest: +SKIP
        (400, 64, 64, 3)

    Args:
        path: The folder.
        direction: ``"BtoA"`` (right half to left half) or ``"AtoB"``. Defaults to `"BtoA"`.
        size: Resize each half to ``size`` x ``size`` (bilinear). Defaults to `None` (keep; then
            every file must have the same size).

    Returns:
        A dict: ``input`` and ``target`` (float32 ``(n, height, width, 3)`` in ``[-1, 1]``) and
        ``files`` (the file names, in order, a list).

    R equivalent: ``facades_pairs(path, direction = "BtoA")``.
    """
    from PIL import Image

    if isinstance(path, (list, tuple)) and len(path) == 1:
        path = path[0]
    if not isinstance(path, (str, os.PathLike)) or not Path(path).is_dir():
        raise bad_argument("path", path, "a folder of side-by-side image pairs (.jpg, .jpeg or .png)")
    direction = _choice(direction, "direction", _DIRECTIONS)
    size = as_integer(size, "size", minimum=1, allow_none=True)
    files = sorted(p for p in Path(path).iterdir() if p.suffix.lower() in _IMAGE_SUFFIXES and p.is_file())
    if not files:
        raise bad_argument("path", str(path), "a folder with at least one .jpg, .jpeg or .png file")
    inputs, targets = [], []
    for file in files:
        image = np.asarray(Image.open(file).convert("RGB"))
        width = image.shape[1]
        if width < 2 or width % 2:
            raise ValueError(f"Invalid image pair {file.name!r} in argument `path`: expected an even width "
                             f"(two halves side by side). Received: an image of size "
                             f"{image.shape[1]}x{image.shape[0]}")
        halves = [image[:, :width // 2], image[:, width // 2:]]
        if size is not None:
            halves = [np.asarray(Image.fromarray(h).resize((size, size), Image.BILINEAR)) for h in halves]
        a, b = halves
        inputs.append(b if direction == "BtoA" else a)
        targets.append(a if direction == "BtoA" else b)
    shapes = {x.shape for x in inputs}
    if len(shapes) > 1:
        raise bad_argument("size", size,
                           f"a size to resize to: the pairs have different sizes {sorted(shapes)}")
    return {"input": _scale(np.stack(inputs)), "target": _scale(np.stack(targets)),
            "files": [f.name for f in files]}


def jitter_pairs(input: Any, target: Any, seed: Any, scale: Any = 286 / 256,
                 flip: Any = True) -> dict[str, np.ndarray]:
    """Random jitter of image pairs, the same for both images of a pair: resize up, crop back, maybe mirror.

    The original's augmentation (286 then a random 256 crop, a coin-flip mirror), for any size:
    each pair is resized to ``round(scale * size)`` with nearest neighbours, cropped back to its
    size at a random place and mirrored left-right with probability 1/2. Called with a new seed
    each epoch (the case study uses ``seed + epoch``), on training pairs only.

    Example:
        >>> data = photo_pairs(n_train=4, n_test=1)
        >>> jittered = jitter_pairs(data["train_input"], data["train_target"], seed=1)
        >>> jittered["input"].shape
        (4, 64, 64, 3)

    Args:
        input: Input images ``(n, height, width, 3)``.
        target: Their targets, same shape.
        seed: Seed of the crops and flips (NumPy's PCG64).
        scale: Resize factor before cropping, at least 1. Defaults to `286 / 256`.
        flip: Mirror at random. Defaults to `True`.

    Returns:
        A dict: ``input``, ``target`` (float32, same shape) and ``offsets`` (``int32`` ``(n, 3)``:
        top, left, flipped).

    R equivalent: ``jitter_pairs(input, target, seed = epoch)``.
    """
    x = _images(input, "input").astype(np.float32)
    y = _images(target, "target").astype(np.float32)
    if x.shape != y.shape:
        raise bad_argument("target", target, f"images of the same shape as `input` {x.shape}")
    seed = as_integer(seed, "seed", minimum=0)
    scale = float(np.asarray(_numpy(scale)).reshape(-1)[0]) if np.size(_numpy(scale)) == 1 else None
    if scale is None or not np.isfinite(scale) or scale < 1:
        raise bad_argument("scale", scale, "a number at least 1")
    if isinstance(flip, (list, tuple, np.ndarray)) and len(flip) == 1:
        flip = flip[0]
    if not isinstance(flip, (bool, np.bool_)):
        raise bad_argument("flip", flip, "TRUE or FALSE", TypeError)
    n, height, width, _ = x.shape
    big_h, big_w = int(round(scale * height)), int(round(scale * width))
    # nearest-neighbour resize as an index map, the same for every pair
    rows = np.minimum(((np.arange(big_h) + 0.5) * height / big_h).astype(np.int64), height - 1)
    cols = np.minimum(((np.arange(big_w) + 0.5) * width / big_w).astype(np.int64), width - 1)
    rng = np.random.default_rng(seed)
    offsets = np.zeros((n, 3), dtype=np.int32)
    out_x, out_y = np.empty_like(x), np.empty_like(y)
    for i in range(n):
        top = int(rng.integers(0, big_h - height + 1))
        left = int(rng.integers(0, big_w - width + 1))
        flipped = bool(flip) and bool(rng.integers(0, 2))
        r, c = rows[top:top + height], cols[left:left + width]
        if flipped:
            c = c[::-1]
        out_x[i] = x[i][np.ix_(r, c)]
        out_y[i] = y[i][np.ix_(r, c)]
        offsets[i] = (top, left, int(flipped))
    return {"input": out_x, "target": out_y, "offsets": offsets}


def l1_error(prediction: Any, target: Any) -> float:
    """Mean absolute difference between predicted and target images (float64).

    Example:
        >>> l1_error(np.zeros((1, 2, 2, 3)), np.ones((1, 2, 2, 3)))
        1.0

    Args:
        prediction: Images ``(n, height, width, 3)`` (an array or tensor).
        target: The targets, same shape.

    Returns:
        The mean over all pixels and channels, a float; on ``[-1, 1]`` images, 0 to 2.

    R equivalent: ``l1_error(prediction, target)``.
    """
    p = _images(prediction, "prediction").astype(np.float64)
    t = _images(target, "target").astype(np.float64)
    if p.shape != t.shape:
        raise bad_argument("prediction", prediction, f"images of the same shape as `target` {t.shape}")
    return float(np.mean(np.abs(p - t)))


def l1_baselines(train_target: Any, test_input: Any, test_target: Any) -> dict[str, float]:
    """Held-out L1 of two models that learn nothing: copy the input, or paint the mean training target.

    Example:
        >>> data = photo_pairs(n_train=8, n_test=4)
        >>> sorted(l1_baselines(data["train_target"], data["test_input"], data["test_target"]))
        ['identity', 'train_mean']

    Args:
        train_target: Training targets ``(n, height, width, 3)``.
        test_input: Held-out inputs.
        test_target: Held-out targets.

    Returns:
        A dict: ``identity`` (L1 of the input taken as the output) and ``train_mean`` (L1 of the
        per-pixel mean of the training targets).

    R equivalent: ``l1_baselines(train_target, test_input, test_target)``.
    """
    mean = _images(train_target, "train_target").astype(np.float64).mean(axis=0, keepdims=True)
    t = _images(test_target, "test_target").astype(np.float64)
    if mean.shape[1:] != t.shape[1:]:
        raise bad_argument("train_target", train_target, f"images of the held-out size {t.shape[1:]}")
    return {"identity": l1_error(test_input, t), "train_mean": float(np.mean(np.abs(mean - t)))}


def save_triptych(input: Any, target: Any, prediction: Any, path: Any, n: Any = 4, title: Any = None) -> str:
    """Save input / target / prediction side by side, one row per pair, as a PNG (matplotlib).

    Example:
        >>> save_triptych(x, y, generator(x, training=False), "out/pix2pix_py_test.png")  # doctest: +SKIP

    Args:
        input: Input images ``(n, height, width, 3)`` in ``[-1, 1]``.
        target: Their targets.
        prediction: The model's outputs.
        path: The PNG file (its folder is created).
        n: Rows: the first ``n`` pairs. Defaults to `4`.
        title: A title. Defaults to `None`.

    Returns:
        The path.

    R equivalent: ``save_triptych(input, target, prediction, path)``.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    panels = [_images(input, "input"), _images(target, "target"), _images(prediction, "prediction")]
    if len({p.shape for p in panels}) > 1:
        raise bad_argument("prediction", prediction, f"images of the same shape as `input` {panels[0].shape}")
    n = min(as_integer(n, "n", minimum=1), panels[0].shape[0])
    if isinstance(path, (list, tuple)) and len(path) == 1:
        path = path[0]
    if not isinstance(path, (str, os.PathLike)):
        raise bad_argument("path", path, "a file path", TypeError)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fig, axes = plt.subplots(n, 3, figsize=(6, 2 * n + (0.4 if title else 0)), squeeze=False)
    for row in range(n):
        for col, (panel, label) in enumerate(zip(panels, ("input", "target", "prediction"))):
            ax = axes[row, col]
            ax.imshow(np.clip(panel[row].astype(np.float64) * 0.5 + 0.5, 0, 1))
            ax.set_xticks([])
            ax.set_yticks([])
            if row == 0:
                ax.set_title(label)
    if title is not None:
        fig.suptitle(str(title))
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return str(path)
