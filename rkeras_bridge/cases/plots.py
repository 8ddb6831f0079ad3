"""Pictures of the case studies, computed once for both languages.

The numbers behind a picture (principal components, image grids) are computed here, so the
R and Python twins show the same thing; Python draws with matplotlib, R with ggplot2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from ..bridge.conversion import as_integer
from ..bridge.errors import bad_argument

__all__ = ["principal_components", "image_grid", "save_image_grid", "plot_points", "plot_attention"]


def principal_components(x: Any, n: Any = 2) -> np.ndarray:
    """Project the rows of ``x`` on their first ``n`` principal components (signs fixed).

    Example:
        >>> principal_components(np.random.rand(10, 4)).shape
        (10, 2)

    Args:
        x: A matrix, one row per item (e.g. movie embeddings).
        n: Number of components. Defaults to `2`.

    Returns:
        An ``(rows, n)`` float64 array. Each component's sign is chosen so that its largest
        loading is positive, so every run (and both languages) draws the same picture.
    """
    data = np.asarray(x, dtype=np.float64)
    if data.ndim != 2 or data.shape[0] < 2:
        raise bad_argument("x", data, "a matrix with at least 2 rows")
    n = as_integer(n, "n", minimum=1)
    centred = data - data.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:n]
    signs = np.sign(components[np.arange(n), np.abs(components).argmax(axis=1)])
    return centred @ (components * signs[:, None]).T


def image_grid(images: Any, nrow: Any = 5) -> np.ndarray:
    """Tile images ``(n, h, w)`` or ``(n, h, w, 1)`` into one ``(nrow*h, ncol*w)`` array.

    Args:
        images: The images, any real range.
        nrow: Rows of the grid. Defaults to `5`.

    Returns:
        The tiled image as float64, empty cells zero.
    """
    data = np.asarray(images, dtype=np.float64)
    if data.ndim == 4 and data.shape[-1] == 1:
        data = data[..., 0]
    if data.ndim != 3 or data.shape[0] == 0:
        raise bad_argument("images", data, "n images of shape (h, w) or (h, w, 1)")
    nrow = as_integer(nrow, "nrow", minimum=1)
    n, h, w = data.shape
    ncol = -(-n // nrow)
    grid = np.zeros((nrow * h, ncol * w))
    for i in range(n):
        r, c = divmod(i, ncol)
        grid[r * h:(r + 1) * h, c * w:(c + 1) * w] = data[i]
    return grid


def save_image_grid(images: Any, path: str, nrow: Any = 5, title: str | None = None) -> str:
    """Save a grid of images as a PNG with matplotlib; returns the path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    grid = image_grid(images, nrow)
    fig, ax = plt.subplots(figsize=(5, 5))
    ax.imshow(grid, cmap="gray")
    ax.axis("off")
    if title:
        ax.set_title(title)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)
    return str(path)


def plot_points(x: Any, y: Any, labels: Any, path: str, title: str = "", xlab: str = "",
                ylab: str = "") -> str:
    """A labelled scatter plot saved as PNG with matplotlib; returns the path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 6))
    ax.scatter(np.asarray(x), np.asarray(y), s=12, alpha=0.6)
    for xi, yi, label in zip(np.asarray(x), np.asarray(y), list(labels)):
        ax.annotate(str(label), (xi, yi), fontsize=7)
    ax.set_title(title)
    ax.set_xlabel(xlab)
    ax.set_ylabel(ylab)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)
    return str(path)


def plot_attention(weights: Any, source_words: Any, target_words: Any, path: str, title: str = "") -> str:
    """Save an attention heatmap (one row per generated word, one column per source word) as PNG.

    Example:
        >>> plot_attention([[0.9, 0.1], [0.2, 0.8]], ["hi", "."], ["hola", "."], "a.png")  # doctest: +SKIP
        'a.png'

    Args:
        weights: A matrix, ``len(target_words)`` rows by ``len(source_words)`` columns.
        source_words: Column labels.
        target_words: Row labels.
        path: Where to write the PNG.
        title: Plot title. Defaults to `""`.

    Returns:
        ``path``. (The R twin draws the same matrix with ggplot2's ``geom_tile``.)
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matrix = np.asarray(weights, dtype=np.float64)
    sources, targets = [str(w) for w in source_words], [str(w) for w in target_words]
    if matrix.ndim != 2 or matrix.shape != (len(targets), len(sources)):
        raise bad_argument("weights", weights, f"a {len(targets)} x {len(sources)} matrix "
                           "(rows: target words, columns: source words)")
    fig, ax = plt.subplots(figsize=(1 + 0.6 * len(sources), 1 + 0.5 * len(targets)))
    ax.imshow(matrix, cmap="viridis", vmin=0, vmax=1)
    ax.set_xticks(range(len(sources)), sources, rotation=90)
    ax.set_yticks(range(len(targets)), targets)
    ax.set_title(title)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)
    return str(path)
