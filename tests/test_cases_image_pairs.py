"""Image pairs of the pix2pix case study: photo crops, the facades loader, jitter, L1 figures, triptychs."""
import numpy as np
import pytest
from PIL import Image

from rkeras_bridge.cases.image_pairs import (
    facades_pairs, jitter_pairs, l1_baselines, l1_error, load_photo, photo_pairs, save_triptych,
)


@pytest.fixture(scope="module")
def small():
    return photo_pairs(n_train=10, n_test=6, seed=3)


def test_photos_ship_offline():
    for name in ("astronaut", "coffee", "chelsea", "rocket", "immunohistochemistry", "china", "flower"):
        photo = load_photo(name)
        assert photo.dtype == np.uint8 and photo.ndim == 3 and photo.shape[2] == 3
        assert min(photo.shape[:2]) >= 128
    with pytest.raises(ValueError, match="name"):
        load_photo("lena")


def test_photo_pairs_shapes_ranges_and_split(small):
    assert small["train_input"].shape == (10, 64, 64, 3) and small["test_target"].shape == (6, 64, 64, 3)
    for key in ("train_input", "train_target", "test_input", "test_target"):
        assert small[key].dtype == np.float32
        assert small[key].min() >= -1 and small[key].max() <= 1
    # crops spread evenly over the photos; training and held-out photos are different
    assert np.bincount(small["train_photo"]).tolist() == [2, 2, 2, 2, 2]
    assert np.bincount(small["test_photo"]).tolist() == [3, 3]
    assert not set(small["train_photos"]) & set(small["test_photos"])


def test_gray_input_is_the_luma_of_its_target(small):
    x, y = small["test_input"], small["test_target"]
    assert np.array_equal(x[..., 0], x[..., 1]) and np.array_equal(x[..., 0], x[..., 2])
    target = (y.astype(np.float64) + 1) * 127.5
    luma = target @ np.array([0.299, 0.587, 0.114])
    assert np.max(np.abs((x[..., 0] + 1) * 127.5 - luma)) <= 0.5 + 1e-3
    assert not np.allclose(y[..., 0], y[..., 2])  # the targets are in colour


def test_photo_pairs_are_reproducible_and_seeded(small):
    again = photo_pairs(n_train=10, n_test=6, seed=3)
    other = photo_pairs(n_train=10, n_test=6, seed=4)
    assert np.array_equal(small["train_target"], again["train_target"])
    assert not np.array_equal(small["train_target"], other["train_target"])


def test_edges_task_and_bad_arguments():
    edges = photo_pairs(n_train=2, n_test=2, size=32, task="edges")
    assert edges["train_input"].shape == (2, 32, 32, 3)
    assert edges["train_input"].max() == 1  # flat areas are white
    with pytest.raises(ValueError, match="task"):
        photo_pairs(task="sketch")
    with pytest.raises(ValueError, match="test_photos"):
        photo_pairs(train_photos=["astronaut", "coffee"], test_photos=["coffee"])
    with pytest.raises(ValueError, match="max_crop"):
        photo_pairs(min_crop=100, max_crop=64)
    with pytest.raises(ValueError, match="n_train"):
        photo_pairs(n_train=0)


def _write_pairs(folder, n=3, suffix=".jpg", width=64, height=32):
    """Side-by-side pairs: A (left) red, B (right) blue with a brightness that names the file."""
    folder.mkdir(exist_ok=True)
    for i in range(n):
        image = np.zeros((height, width, 3), dtype=np.uint8)
        image[:, :width // 2, 0] = 255
        image[:, width // 2:, 2] = 100 + 50 * i
        Image.fromarray(image).save(folder / f"pair{i}{suffix}", quality=95)


def test_facades_pairs_reads_side_by_side_jpegs(tmp_path):
    _write_pairs(tmp_path / "facades")
    pairs = facades_pairs(str(tmp_path / "facades"))
    assert pairs["files"] == ["pair0.jpg", "pair1.jpg", "pair2.jpg"]
    assert pairs["input"].shape == pairs["target"].shape == (3, 32, 32, 3)
    # "BtoA": the right half (blue) is the input, the left half (red) the target
    inner = (slice(None), slice(4, -4), slice(4, -4))
    assert np.all(pairs["target"][inner][..., 0] > 0.9) and np.all(pairs["target"][inner][..., 2] < -0.9)
    assert np.all(pairs["input"][inner][..., 2] > -0.3) and np.all(pairs["input"][inner][..., 0] < -0.9)
    blues = [pairs["input"][i][inner[1:]][..., 2].mean() for i in range(3)]
    assert blues[0] < blues[1] < blues[2]  # in file order
    swapped = facades_pairs(str(tmp_path / "facades"), direction="AtoB", size=16)
    assert swapped["input"].shape == (3, 16, 16, 3)
    assert swapped["input"][:, 4:-4, 4:-4, 0].min() > 0.9  # red is the input now


def test_facades_pairs_refuses_bad_folders(tmp_path):
    with pytest.raises(ValueError, match="path"):
        facades_pairs(str(tmp_path / "missing"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ValueError, match="at least one"):
        facades_pairs(str(tmp_path / "empty"))
    _write_pairs(tmp_path / "odd", n=1, suffix=".png", width=33)
    with pytest.raises(ValueError, match="even width"):
        facades_pairs(str(tmp_path / "odd"))
    _write_pairs(tmp_path / "ok", n=1, suffix=".png")
    with pytest.raises(ValueError, match="direction"):
        facades_pairs(str(tmp_path / "ok"), direction="left")


def test_jitter_moves_both_images_of_a_pair_alike(small):
    x, y = small["train_input"], small["train_target"]
    a = jitter_pairs(x, y, seed=5)
    b = jitter_pairs(x, y, seed=5)
    c = jitter_pairs(x, y, seed=6)
    assert np.array_equal(a["input"], b["input"]) and not np.array_equal(a["input"], c["input"])
    assert a["input"].shape == x.shape and a["input"].dtype == np.float32
    top, left, flipped = a["offsets"].T
    assert top.min() >= 0 and top.max() <= 8 and left.max() <= 8 and set(flipped) <= {0, 1}
    negated = jitter_pairs(x, -x, seed=5)  # the target follows the input pixel for pixel
    assert np.array_equal(negated["target"], -negated["input"])
    # without resizing, each pair is itself or its mirror image
    plain = jitter_pairs(x, y, seed=5, scale=1)
    for i, f in enumerate(plain["offsets"][:, 2]):
        assert np.array_equal(plain["target"][i], y[i][:, ::-1] if f else y[i])
    assert np.array_equal(jitter_pairs(x, y, seed=5, scale=1, flip=False)["input"], x)
    with pytest.raises(ValueError, match="scale"):
        jitter_pairs(x, y, seed=1, scale=0.5)
    with pytest.raises(ValueError, match="target"):
        jitter_pairs(x, y[:, :32], seed=1)


def test_l1_error_and_baselines(small):
    assert l1_error(np.zeros((1, 2, 2, 3)), np.ones((1, 2, 2, 3))) == 1.0
    with pytest.raises(ValueError, match="prediction"):
        l1_error(np.zeros((1, 2, 2, 3)), np.ones((1, 4, 4, 3)))
    base = l1_baselines(small["train_target"], small["test_input"], small["test_target"])
    assert base["identity"] == l1_error(small["test_input"], small["test_target"])
    mean = small["train_target"].astype(np.float64).mean(axis=0)
    assert base["train_mean"] == pytest.approx(np.mean(np.abs(mean - small["test_target"])), rel=1e-12)
    assert 0 < base["identity"] < 2 and 0 < base["train_mean"] < 2


def test_save_triptych_writes_a_png(small, tmp_path):
    path = save_triptych(small["test_input"], small["test_target"], small["test_input"],
                         str(tmp_path / "sub" / "trip.png"), n=2, title="held-out")
    with Image.open(path) as image:
        assert image.format == "PNG" and image.size[0] > image.size[1] * 0.8
    with pytest.raises(ValueError, match="prediction"):
        save_triptych(small["test_input"], small["test_target"], small["test_input"][:, :32],
                      str(tmp_path / "x.png"))
