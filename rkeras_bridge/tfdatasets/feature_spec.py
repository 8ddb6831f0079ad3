"""Feature specs: which columns of a dataset feed a model, and how (tfdatasets' ``feature_spec()``).

``feature_spec(dataset, y ~ a + b)`` names the features and the response; ``step_*()`` functions add
feature columns (numeric, categorical, indicator, embedding, bucketized, crossed ...), each returning a
new spec (specs are never changed in place, as tfdatasets' R6 clones were not); ``fit(spec)`` (Python:
:func:`fit_feature_spec`) reads the dataset once to learn vocabularies and scaling constants;
``spec$dense_features()`` then gives the columns for ``layer_dense_features()``, and
``dataset_use_spec()`` the dataset of ``(features, response)`` for ``fit()``.

The columns are TensorFlow's feature columns (``tf.feature_column``), as in tfdatasets: TensorFlow
2.21 still has them (deprecated in favour of Keras preprocessing layers), and this package's
``layer_dense_features()`` computes them on Keras 3. Steps choose variables with the selectors of
:mod:`~rkeras_bridge.tfdatasets.selectors` (``has_type()``, ``all_numeric()``, ``-b`` ...).
"""

from __future__ import annotations

import contextlib
import copy
import os
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import numpy as np
import tensorflow as tf

from ..bridge.conversion import as_flag, as_integer, as_integer_tuple
from ..bridge.errors import bad_argument, unavailable
from ..bridge.r_threads import keep_until_served, waits_on_tensorflow_threads
from .dataset_methods import _columns, dataset_prepare
from .datasets import _check_dataset, tensor_slices_dataset, tensors_dataset
from .selectors import select_columns

__all__ = [
    "feature_spec",
    "fit_feature_spec",
    "dataset_use_spec",
    "dense_features",
    "layer_input_from_dataset",
    "scaler_standard",
    "scaler_min_max",
    "StandardScaler",
    "MinMaxScaler",
    "step_numeric_column",
    "step_categorical_column_with_vocabulary_list",
    "step_categorical_column_with_hash_bucket",
    "step_categorical_column_with_identity",
    "step_categorical_column_with_vocabulary_file",
    "step_indicator_column",
    "step_embedding_column",
    "step_bucketized_column",
    "step_crossed_column",
    "step_shared_embeddings_column",
    "step_remove_column",
    "step_text_embedding_column",
    "step_image_embedding_column",
]


@contextlib.contextmanager
def _quiet_deprecation() -> Iterator[None]:
    # tf.feature_column prints a deprecation notice per function; the module docstring says why we use it
    from tensorflow.python.util import deprecation

    with deprecation.silence():
        yield


def _feature_column() -> Any:
    return tf.feature_column


# ---- Scalers ---------------------------------------------------------------------------------------


def _values(batch: Any) -> np.ndarray:
    values = batch.numpy() if hasattr(batch, "numpy") else batch
    return np.asarray(values, dtype=np.float64).reshape(-1)


class Scaler:
    """A normalizer learnt batch by batch while a spec is fit: ``fit_batch()``, ``fit_resume()``, ``fun()``.
    """

    @classmethod
    def new(cls) -> Scaler:
        """A new scaler (R6's ``StandardScaler$new()``)."""
        return cls()

    def fit_batch(self, batch: Any) -> None:
        """Update the statistics with the values of ``batch``."""

    def fit_resume(self) -> None:
        """Finish after the last batch."""

    def fun(self) -> Callable[[Any], Any]:  # pragma: no cover - every scaler defines it
        raise NotImplementedError

    def clone(self) -> Scaler:
        return copy.deepcopy(self)


class StandardScaler(Scaler):
    """Learns the mean and (sample) standard deviation; normalizes as ``(x - mean) / sd``.

    Example:
        >>> sc = StandardScaler()
        >>> for chunk in np.split(np.arange(10.0), 2): sc.fit_batch(chunk)
        >>> sc.fit_resume(); round(sc.sd, 4)
        3.0277

    Mirrors tfdatasets' ``StandardScaler`` (R6), made by :func:`scaler_standard`.
    """

    def __init__(self) -> None:
        self.m = 0
        self.mean = 0.0
        self.sd = 0.0

    def fit_batch(self, batch: Any) -> None:
        values = _values(batch)
        n = values.size
        if n == 0:
            return
        m, mean_m, sd_m = self.m, self.mean, self.sd
        mean_n, sd_n = float(values.mean()), float(values.std())  # the batch's population sd
        total = m + n
        self.mean = (m * mean_m + n * mean_n) / total
        # combined population variance of the two groups (Chan et al.'s pairwise update)
        variance = (m * sd_m**2 + n * sd_n**2) / total + m * n / total**2 * (mean_m - mean_n) ** 2
        self.sd = float(np.sqrt(variance))
        self.m = total

    def fit_resume(self) -> None:
        if self.m > 1:
            self.sd = float(np.sqrt(self.sd**2 * self.m / (self.m - 1)))  # R's sd(): the sample sd

    def fun(self) -> Callable[[Any], Any]:
        mean, sd = self.mean, self.sd

        def normalize(x: Any) -> Any:
            if not x.dtype.is_floating:
                x = tf.cast(x, tf.float32)
            return (x - mean) / sd

        return normalize

    def __repr__(self) -> str:
        return f"<StandardScaler mean={self.mean:.6g} sd={self.sd:.6g} n={self.m}>"


class MinMaxScaler(Scaler):
    """Learns the minimum and maximum; normalizes as ``(x - min) / (max - min)``.

    Example:
        >>> sc = MinMaxScaler(); sc.fit_batch([3.0, 1.0]); sc.fit_batch([7.0])
        >>> (sc.min, sc.max)
        (1.0, 7.0)

    Mirrors tfdatasets' ``MinMaxScaler`` (R6), made by :func:`scaler_min_max`.
    """

    def __init__(self) -> None:
        self.min = float("inf")
        self.max = float("-inf")

    def fit_batch(self, batch: Any) -> None:
        values = _values(batch)
        if values.size:
            self.min = min(self.min, float(values.min()))
            self.max = max(self.max, float(values.max()))

    def fun(self) -> Callable[[Any], Any]:
        low, high = self.min, self.max

        def normalize(x: Any) -> Any:
            if not x.dtype.is_floating:
                x = tf.cast(x, tf.float32)
            return (x - low) / (high - low)

        return normalize

    def __repr__(self) -> str:
        return f"<MinMaxScaler min={self.min:.6g} max={self.max:.6g}>"


def scaler_standard() -> StandardScaler:
    """A scaler to give ``step_numeric_column(normalizer_fn = )``: ``(x - mean) / sd``, learnt by ``fit()``.

    Example:
        >>> spec = step_numeric_column(spec, all_numeric(), normalizer_fn=scaler_standard())

    Returns:
        A :class:`StandardScaler`. Mirrors ``tfdatasets::scaler_standard()``.
    """
    return StandardScaler()


def scaler_min_max() -> MinMaxScaler:
    """A scaler to give ``step_numeric_column(normalizer_fn = )``: ``(x - min) / (max - min)``.

    Example:
        >>> spec = step_numeric_column(spec, "b", normalizer_fn=scaler_min_max())

    Returns:
        A :class:`MinMaxScaler`. Mirrors ``tfdatasets::scaler_min_max()``.
    """
    return MinMaxScaler()


# ---- Steps -------------------------------------------------------------------------------------------


def _dtype(value: Any, name: str) -> tf.DType | None:
    if value is None:
        return None
    try:
        return tf.as_dtype(value)
    except TypeError as exc:
        raise bad_argument(name, value, "a tf$DType such as tf$float32 or tf$string", TypeError) from exc


class Step:
    """One step of a feature spec: a named feature column made from earlier ones or from raw columns."""

    column_type: str | None = None

    def __init__(self, name: str) -> None:
        self.name = name

    def fit_batch(self, batch: Mapping[str, Any]) -> None:
        """Learn from one batch of the spec's dataset (most steps learn nothing)."""

    def fit_resume(self) -> None:
        """Finish learning after the last batch."""

    def feature(self, base: Mapping[str, Any]) -> Any:  # pragma: no cover - every step defines it
        raise NotImplementedError

    def clone(self) -> Step:
        twin = copy.copy(self)
        for key, value in vars(self).items():
            if isinstance(value, Scaler):
                setattr(twin, key, value.clone())
            elif isinstance(value, list):
                setattr(twin, key, list(value))
        return twin

    def _base(self, base: Mapping[str, Any], key: str, kind: str) -> Any:
        if key not in base:
            raise bad_argument("spec", key, f"a {kind} column made by an earlier step (add e.g. "
                               f"step_categorical_column_with_vocabulary_list({key}) first)")
        return base[key]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


class StepNumericColumn(Step):
    def __init__(self, key: str, shape: Any, default_value: Any, dtype: Any, normalizer_fn: Any) -> None:
        super().__init__(key)
        self.key, self.default_value = key, default_value
        self.shape = as_integer_tuple(shape, "shape", allow_unknown=False)
        self.dtype = _dtype(dtype, "dtype") or tf.float32
        if not (normalizer_fn is None or callable(normalizer_fn) or isinstance(normalizer_fn, Scaler)):
            raise bad_argument("normalizer_fn", normalizer_fn, "a function or a scaler (scaler_standard(), "
                               "scaler_min_max())", TypeError)
        # each column learns its own constants, also when one scaler object was given for several
        self.normalizer_fn = normalizer_fn.clone() if isinstance(normalizer_fn, Scaler) else normalizer_fn
        self.column_type = self.dtype.name

    def fit_batch(self, batch: Mapping[str, Any]) -> None:
        if isinstance(self.normalizer_fn, Scaler):
            self.normalizer_fn.fit_batch(batch[self.key])

    def fit_resume(self) -> None:
        if isinstance(self.normalizer_fn, Scaler):
            self.normalizer_fn.fit_resume()
            self.normalizer_fn = self.normalizer_fn.fun()

    def feature(self, base: Mapping[str, Any]) -> Any:
        return _feature_column().numeric_column(self.key, shape=self.shape, default_value=self.default_value,
                                                dtype=self.dtype, normalizer_fn=self.normalizer_fn)


def _unique_values(batch: Any) -> list[Any]:
    values = np.unique(np.asarray(batch.numpy() if hasattr(batch, "numpy") else batch).reshape(-1))
    return [v.decode() if isinstance(v, bytes) else v.item() if hasattr(v, "item") else v for v in values]


class StepCategoricalColumnWithVocabularyList(Step):
    def __init__(self, key: str, vocabulary_list: Any, dtype: Any, default_value: Any,
                 num_oov_buckets: Any) -> None:
        super().__init__(key)
        self.key = key
        if isinstance(vocabulary_list, (str, int, float)):
            vocabulary_list = [vocabulary_list]
        self.vocabulary_list = None if vocabulary_list is None else list(vocabulary_list)
        self.dtype = _dtype(dtype, "dtype")
        self.default_value = as_integer(default_value, "default_value")
        self.num_oov_buckets = as_integer(num_oov_buckets, "num_oov_buckets", minimum=0)
        self.learnt: list[Any] = []
        self.column_type = None if self.dtype is None else self.dtype.name

    def fit_batch(self, batch: Mapping[str, Any]) -> None:
        if self.vocabulary_list is None:
            self.learnt = sorted(set(self.learnt) | set(_unique_values(batch[self.key])))

    def fit_resume(self) -> None:
        if self.vocabulary_list is None:
            self.vocabulary_list = list(self.learnt)

    def feature(self, base: Mapping[str, Any]) -> Any:
        return _feature_column().categorical_column_with_vocabulary_list(
            self.key, self.vocabulary_list, dtype=self.dtype, default_value=self.default_value,
            num_oov_buckets=self.num_oov_buckets)


class StepCategoricalColumnWithHashBucket(Step):
    def __init__(self, key: str, hash_bucket_size: Any, dtype: Any) -> None:
        super().__init__(key)
        self.key = key
        self.hash_bucket_size = as_integer(hash_bucket_size, "hash_bucket_size", minimum=1)
        self.dtype = _dtype(dtype, "dtype") or tf.string
        self.column_type = self.dtype.name

    def feature(self, base: Mapping[str, Any]) -> Any:
        return _feature_column().categorical_column_with_hash_bucket(self.key, self.hash_bucket_size,
                                                                     dtype=self.dtype)


class StepCategoricalColumnWithIdentity(Step):
    def __init__(self, key: str, num_buckets: Any, default_value: Any) -> None:
        super().__init__(key)
        self.key = key
        self.num_buckets = as_integer(num_buckets, "num_buckets", minimum=1)
        self.default_value = as_integer(default_value, "default_value", minimum=0, allow_none=True)

    def feature(self, base: Mapping[str, Any]) -> Any:
        return _feature_column().categorical_column_with_identity(self.key, self.num_buckets,
                                                                  default_value=self.default_value)


class StepCategoricalColumnWithVocabularyFile(Step):
    def __init__(self, key: str, vocabulary_file: Any, vocabulary_size: Any, dtype: Any, default_value: Any,
                 num_oov_buckets: Any) -> None:
        super().__init__(key)
        if not isinstance(vocabulary_file, str) or not os.path.isfile(os.path.expanduser(vocabulary_file)):
            raise bad_argument("vocabulary_file", vocabulary_file, "an existing file, one value per line")
        self.key = key
        self.vocabulary_file = os.path.abspath(os.path.expanduser(vocabulary_file))
        self.vocabulary_size = as_integer(vocabulary_size, "vocabulary_size", minimum=1, allow_none=True)
        self.dtype = _dtype(dtype, "dtype") or tf.string
        self.default_value = as_integer(default_value, "default_value", allow_none=True)
        self.num_oov_buckets = as_integer(num_oov_buckets, "num_oov_buckets", minimum=0)
        self.column_type = self.dtype.name

    def feature(self, base: Mapping[str, Any]) -> Any:
        return _feature_column().categorical_column_with_vocabulary_file(
            self.key, self.vocabulary_file, vocabulary_size=self.vocabulary_size, dtype=self.dtype,
            default_value=self.default_value, num_oov_buckets=self.num_oov_buckets)


class StepIndicatorColumn(Step):
    column_type = "float32"

    def __init__(self, categorical_column: str, name: str) -> None:
        super().__init__(name)
        self.categorical_column = categorical_column

    def feature(self, base: Mapping[str, Any]) -> Any:
        return _feature_column().indicator_column(self._base(base, self.categorical_column, "categorical"))


def _default_dimension(n: int) -> int:
    return int(n ** 0.25)


class StepEmbeddingColumn(Step):
    column_type = "float32"

    def __init__(self, categorical_column: str, name: str, dimension: Any, combiner: str, initializer: Any,
                 ckpt_to_load_from: Any, tensor_name_in_ckpt: Any, max_norm: Any, trainable: Any) -> None:
        super().__init__(name)
        self.categorical_column = categorical_column
        self.dimension = dimension if callable(dimension) else as_integer(dimension, "dimension", minimum=1)
        self.combiner, self.initializer = combiner, initializer
        self.ckpt_to_load_from, self.tensor_name_in_ckpt = ckpt_to_load_from, tensor_name_in_ckpt
        self.max_norm = None if max_norm is None else float(max_norm)
        self.trainable = as_flag(trainable, "trainable")

    def feature(self, base: Mapping[str, Any]) -> Any:
        column = self._base(base, self.categorical_column, "categorical")
        dimension = self.dimension
        if callable(dimension):
            size = len(column.vocabulary_list) if hasattr(column, "vocabulary_list") else column.num_buckets
            dimension = as_integer(dimension(size), "dimension", minimum=1)
        return _feature_column().embedding_column(
            column, dimension, combiner=self.combiner, initializer=self.initializer,
            ckpt_to_load_from=self.ckpt_to_load_from, tensor_name_in_ckpt=self.tensor_name_in_ckpt,
            max_norm=self.max_norm, trainable=self.trainable)


class StepBucketizedColumn(Step):
    column_type = "float32"

    def __init__(self, source_column: str, name: str, boundaries: Any) -> None:
        super().__init__(name)
        self.source_column = source_column
        listed = [boundaries] if isinstance(boundaries, (int, float)) else list(boundaries)
        if not listed or any(b >= c for b, c in zip(listed, listed[1:])):
            raise bad_argument("boundaries", boundaries, "increasing numbers, e.g. c(5, 10, 15)")
        self.boundaries = [float(b) for b in listed]

    def feature(self, base: Mapping[str, Any]) -> Any:
        return _feature_column().bucketized_column(self._base(base, self.source_column, "numeric"),
                                                   self.boundaries)


class StepCrossedColumn(Step):
    column_type = "string"

    def __init__(self, keys: list[str], name: str, hash_bucket_size: Any, hash_key: Any) -> None:
        super().__init__(name)
        self.keys = list(keys)
        self.hash_bucket_size = as_integer(hash_bucket_size, "hash_bucket_size", minimum=1)
        self.hash_key = as_integer(hash_key, "hash_key", allow_none=True)

    def feature(self, base: Mapping[str, Any]) -> Any:
        # a raw string column can be crossed by its name, as TensorFlow allows
        keys = [base.get(k, k) for k in self.keys]
        return _feature_column().crossed_column(keys, self.hash_bucket_size, hash_key=self.hash_key)


class RemoveStep(Step):
    def __init__(self, var: str) -> None:
        super().__init__(var)
        self.var = var

    def feature(self, base: Mapping[str, Any]) -> Any:
        return None


# ---- The spec ----------------------------------------------------------------------------------------


class FeatureSpec:
    """The features and response of a dataset and the feature columns made from them.

    Attributes:
        steps: The steps, in order (a list; names may repeat, as a removal repeats a name).
        fitted: Whether :meth:`fit` has run.
        column_names: The raw feature columns chosen by ``x``.
        column_types: Their dtypes.
        dataset: The dataset of features (a dict per element).
        prepared_dataset: The dataset of ``{"x": features, "y": response}``.

    Mirrors tfdatasets' ``FeatureSpec`` (R6); made by :func:`feature_spec`.
    """

    def __init__(self, dataset: Any, x: Any, y: Any = None) -> None:
        if not isinstance(dataset, tf.data.Dataset):
            # tfdatasets made one element of a whole data frame
            dataset = tensors_dataset(dataset)
        self.x, self.y = x, y
        self.steps: list[Step] = []
        self.fitted = False
        self.set_dataset(dataset)
        self.column_names, types = _columns(self.dataset)
        self.column_types = dict(zip(self.column_names, types))

    def set_dataset(self, dataset: tf.data.Dataset) -> FeatureSpec:
        """Read features (and the response) from ``dataset``, which has the same columns."""
        self.prepared_dataset = dataset_prepare(_check_dataset(dataset), self.x, self.y, named_features=True)
        self.dataset = self.prepared_dataset.map(lambda element: element["x"])
        return self

    def clone(self) -> FeatureSpec:
        """A copy whose steps learn apart from this spec's."""
        twin = copy.copy(self)
        twin.steps = [s.clone() for s in self.steps]
        return twin

    def add_step(self, step: Step) -> None:
        self.steps.append(step)

    def _step(self, name: str) -> Step | None:
        return next((s for s in self.steps if s.name == name), None)

    @waits_on_tensorflow_threads
    def fit(self) -> None:
        """Read the dataset once, batch by batch, and let every step learn (in place)."""
        if self.fitted:
            raise RuntimeError("FeatureSpec is already fitted.")
        for batch in keep_until_served(iter(self.dataset)):
            for step in self.steps:
                step.fit_batch(batch)
        for step in self.steps:
            step.fit_resume()
        self.fitted = True

    def _check_fitted(self) -> None:
        if not self.fitted:
            raise RuntimeError("Only available after fitting the feature_spec: use fit(spec) (Python: "
                               "fit_feature_spec(spec)) first.")

    def features(self) -> dict[str, Any]:
        """All feature columns, by step name (after fitting)."""
        self._check_fitted()
        features: dict[str, Any] = {}
        with _quiet_deprecation():
            for step in self.steps:
                if isinstance(step, RemoveStep):
                    features.pop(step.var, None)
                    continue
                made = step.feature(features)
                features.update(made if isinstance(made, dict) else {step.name: made})
        return features

    def dense_features(self) -> dict[str, Any]:
        """The dense feature columns (for ``layer_dense_features()``), by step name (after fitting)."""
        dense = _feature_column_types()[0]
        return {name: column for name, column in self.features().items() if isinstance(column, dense)}

    def feature_names(self) -> list[str]:
        """The steps' names, then the raw columns' names, each once."""
        names: list[str] = []
        for name in [s.name for s in self.steps] + list(self.column_names):
            if name not in names:
                names.append(name)
        return names

    def feature_types(self) -> list[str]:
        """The dtype name of each of :meth:`feature_names`: a step's type, else the raw column's."""
        types = []
        for name in self.feature_names():
            step = self._step(name)
            if step is not None and step.column_type is not None:
                types.append(step.column_type)
            else:
                types.append(self.column_types[name])
        return types

    def __repr__(self) -> str:
        lines = ["-- Feature Spec " + "-" * 50, f"A feature_spec with {len(self.steps)} steps.",
                 f"Fitted: {'TRUE' if self.fitted else 'FALSE'}", "-- Steps " + "-" * 57]
        if self.fitted:
            lines.append(f"The feature_spec has {len(self.dense_features())} dense features.")
        kinds: dict[str, list[str]] = {}
        for step in self.steps:
            kinds.setdefault(type(step).__name__, []).append(step.name)
        lines += [f"{kind}: {', '.join(names)}" for kind, names in sorted(kinds.items())]
        lines.append("-- Dense features " + "-" * 48)
        if self.fitted:
            lines.append(", ".join(self.dense_features()) or "(none)")
        else:
            lines.append("Feature spec must be fitted before we can detect the dense features.")
        return "\n".join(lines)


def _feature_column_types() -> tuple[type, type]:
    from tensorflow.python.feature_column import feature_column_v2 as fc

    return fc.DenseColumn, fc.CategoricalColumn


def _check_spec(spec: Any) -> FeatureSpec:
    if not isinstance(spec, FeatureSpec):
        raise bad_argument("spec", spec, "a feature spec from feature_spec()", TypeError)
    return spec


def feature_spec(dataset: Any, x: Any, y: Any = None) -> FeatureSpec:
    """Start a feature spec: the features (and response) of a dataset with named columns.

    Example:
        >>> spec = feature_spec(dataset_batch(tensor_slices_dataset(frame), 32), "target ~ age + thal")
        >>> spec = feature_spec(ds, x=["age", "thal"], y="target")

    Args:
        dataset: A dataset whose elements are named lists (dicts), usually batched; a data
            frame (dict of columns) becomes one element.
        x: The features: a formula's text ``"y ~ a + b"`` (R: the formula), or a selection of
            columns (see :mod:`~rkeras_bridge.tfdatasets.selectors`).
        y: The response, when ``x`` is not a formula. Defaults to `None`.

    Returns:
        A :class:`FeatureSpec` with no steps. Mirrors ``tfdatasets::feature_spec()``.
    """
    return FeatureSpec(dataset, x, y)


@waits_on_tensorflow_threads
def fit_feature_spec(object: Any, dataset: Any = None) -> FeatureSpec:
    """A fitted copy of a feature spec: vocabularies and scaling constants learnt from its dataset.

    Example:
        >>> fitted = fit_feature_spec(step_numeric_column(spec, "age", normalizer_fn=scaler_standard()))

    Args:
        object: A feature spec.
        dataset: Learn from this dataset instead (same columns). Defaults to `None`.

    Returns:
        The fitted copy; ``object`` stays unfitted. Mirrors ``tfdatasets::fit.FeatureSpec()`` (R's
        ``fit(spec)``).
    """
    spec = _check_spec(object).clone()
    if dataset is not None:
        spec.set_dataset(dataset)
    spec.fit()
    return spec


def dataset_use_spec(dataset: Any, spec: Any) -> tf.data.Dataset:
    """``dataset`` as ``(features, response)`` pairs for a model, after a fitted spec.

    Example:
        >>> train = dataset_use_spec(ds, fitted)      # elements: ({"age": ..., ...}, target)

    Args:
        dataset: A dataset with the spec's columns.
        spec: A fitted feature spec.

    Returns:
        A ``tf.data.Dataset`` of ``(dict of features, response)`` tuples (only the dict when the
        spec has no response). Mirrors ``tfdatasets::dataset_use_spec()``.
    """
    if not isinstance(dataset, tf.data.Dataset):
        raise bad_argument("dataset", dataset, "a TensorFlow dataset", TypeError)
    spec = _check_spec(spec)
    if not spec.fitted:
        raise bad_argument("spec", spec, "a fitted feature spec: fit(spec) first (Python: "
                           "fit_feature_spec())")
    prepared = spec.clone().set_dataset(dataset).prepared_dataset
    if "y" in prepared.element_spec:
        return prepared.map(lambda element: (element["x"], element["y"]))
    return prepared.map(lambda element: element["x"])


def dense_features(spec: Any) -> dict[str, Any]:
    """The dense feature columns of a fitted spec, for ``layer_dense_features()``.

    Example:
        >>> layer = layer_dense_features(feature_columns=dense_features(fitted))

    Args:
        spec: A fitted feature spec.

    Returns:
        A dict (R named list) of feature columns. Mirrors ``tfdatasets::dense_features()``.
    """
    return _check_spec(spec).dense_features()


def layer_input_from_dataset(dataset: Any) -> dict[str, Any]:
    """One Keras input per column of a (batched) dataset, named after it, with its dtype and shape.

    Example:
        >>> inputs = layer_input_from_dataset(dataset_use_spec(ds, fitted))
        >>> outputs = layer_dense_features(inputs, feature_columns=dense_features(fitted))

    Args:
        dataset: A batched dataset whose elements (or first parts, for ``(features, response)``)
            are named lists; or a data frame / dict of columns (its first rows are used).

    Returns:
        A dict (R named list) of ``keras.Input``, the batch dimension left out.
        Mirrors ``tfdatasets::layer_input_from_dataset()``.
    """
    import keras

    if not isinstance(dataset, tf.data.Dataset):
        if not isinstance(dataset, Mapping):
            dataset = dict(dataset.items()) if hasattr(dataset, "items") else dataset
        dataset = tensor_slices_dataset(dataset).take(6).batch(6)
    spec = dataset.element_spec
    if isinstance(spec, tuple):
        spec = spec[0]
    if not isinstance(spec, Mapping):
        raise bad_argument("dataset", dataset, "a dataset whose elements (or their first parts) are named "
                           "lists of columns", TypeError)
    inputs = {}
    for name, component in spec.items():
        dims = component.shape.as_list()
        inputs[name] = keras.Input(shape=tuple(dims[1:]), dtype=component.dtype.name, name=name)
    return inputs


# ---- step_*() ------------------------------------------------------------------------------------------


def _selection(spec: FeatureSpec, terms: tuple[Any, ...]) -> list[str]:
    if not terms:
        return []
    return select_columns(spec.feature_names(), spec.feature_types(), list(terms), "...")


def _unnamed(step: str, named: Mapping[str, Any]) -> None:
    if named:
        raise bad_argument("...", dict(named), f"columns for {step}() (it names each column after its "
                           f"variable; unknown arguments: {', '.join(named)})", TypeError)


def _each_variable(spec: Any, terms: tuple[Any, ...], named: Mapping[str, Any], step: str,
                   make: Callable[[str], Step]) -> FeatureSpec:
    _unnamed(step, named)
    spec = _check_spec(spec).clone()
    for variable in _selection(spec, terms):
        spec.add_step(make(variable))
    return spec


def _named_steps(spec: Any, terms: tuple[Any, ...], named: Mapping[str, Any], prefix: str,
                 make: Callable[[str, str], Step]) -> FeatureSpec:
    spec = _check_spec(spec).clone()
    chosen = [(f"{prefix}_{v}", v) for v in _selection(spec, terms)]
    for name, term in named.items():
        variables = select_columns(spec.feature_names(), spec.feature_types(), term, name)
        if len(variables) != 1:
            raise bad_argument(name, term, "one variable: a step's name can't be given to a selector of "
                               f"{len(variables)} variables (Can't name feature if using a selector.)")
        chosen.append((name, variables[0]))
    for name, variable in chosen:
        spec.add_step(make(variable, name))
    return spec


def _group_steps(spec: Any, terms: tuple[Any, ...], named: Mapping[str, Any], prefix: str,
                 make: Callable[[list[str], str], Step]) -> FeatureSpec:
    spec = _check_spec(spec).clone()
    groups = [(None, t) for t in terms] + list(named.items())
    for name, term in groups:
        variables = select_columns(spec.feature_names(), spec.feature_types(), term, name or "...")
        spec.add_step(make(variables, name or f"{prefix}_{'_'.join(variables)}"))
    return spec


def step_numeric_column(spec: Any, *terms: Any, shape: Any = 1, default_value: Any = None, dtype: Any = None,
                        normalizer_fn: Any = None, **named: Any) -> FeatureSpec:
    """Add numeric columns for the chosen variables, optionally normalized.

    Example:
        >>> spec = step_numeric_column(spec, all_numeric(), normalizer_fn=scaler_standard())

    Args:
        spec: A feature spec.
        *terms: The variables (names, selectors, exclusions; R: ``...``).
        shape: The shape of each value. Defaults to `1`.
        default_value: The value where data is missing (parsing tf.Example). Defaults to `None`.
        dtype: The column's dtype. Defaults to `None` (``tf$float32``).
        normalizer_fn: A function of the tensor, or a scaler (:func:`scaler_standard`,
            :func:`scaler_min_max`) that ``fit()`` turns into one. Defaults to `None`.
        **named: Not accepted (numeric columns are named after their variables).

    Returns:
        A new feature spec. Mirrors ``tfdatasets::step_numeric_column()``.
    """
    return _each_variable(spec, terms, named, "step_numeric_column",
                          lambda v: StepNumericColumn(v, shape, default_value, dtype, normalizer_fn))


def step_categorical_column_with_vocabulary_list(spec: Any, *terms: Any, vocabulary_list: Any = None,
                                                 dtype: Any = None, default_value: Any = -1,
                                                 num_oov_buckets: Any = 0, **named: Any) -> FeatureSpec:
    """Add categorical columns with a vocabulary, given or learnt by ``fit()`` (the sorted unique values).

    Example:
        >>> spec = step_categorical_column_with_vocabulary_list(spec, "thal")

    Args:
        spec: A feature spec.
        *terms: The variables.
        vocabulary_list: The values, in order. Defaults to `None` (learnt).
        dtype: The values' dtype (string or integer). Defaults to `None` (from the vocabulary).
        default_value: The id of values not in the vocabulary. Defaults to `-1`.
        num_oov_buckets: Hash buckets for values not in the vocabulary. Defaults to `0`.
        **named: Not accepted.

    Returns:
        A new feature spec. Mirrors ``tfdatasets::step_categorical_column_with_vocabulary_list()``.
    """
    return _each_variable(spec, terms, named, "step_categorical_column_with_vocabulary_list",
                          lambda v: StepCategoricalColumnWithVocabularyList(v, vocabulary_list, dtype,
                                                                            default_value, num_oov_buckets))


def step_categorical_column_with_hash_bucket(spec: Any, *terms: Any, hash_bucket_size: Any = None,
                                             dtype: Any = None, **named: Any) -> FeatureSpec:
    """Add categorical columns whose ids are a hash of the value.

    Example:
        >>> spec = step_categorical_column_with_hash_bucket(spec, "thal", hash_bucket_size=3)

    Args:
        spec: A feature spec.
        *terms: The variables.
        hash_bucket_size: Number of buckets (> 1).
        dtype: The values' dtype. Defaults to `None` (``tf$string``).
        **named: Not accepted.

    Returns:
        A new feature spec. Mirrors ``tfdatasets::step_categorical_column_with_hash_bucket()``.
    """
    return _each_variable(spec, terms, named, "step_categorical_column_with_hash_bucket",
                          lambda v: StepCategoricalColumnWithHashBucket(v, hash_bucket_size, dtype))


def step_categorical_column_with_identity(spec: Any, *terms: Any, num_buckets: Any = None,
                                          default_value: Any = None, **named: Any) -> FeatureSpec:
    """Add categorical columns of integers in ``[0, num_buckets)``, used as ids.

    Example:
        >>> spec = step_categorical_column_with_identity(spec, "thal", num_buckets=5)

    Args:
        spec: A feature spec.
        *terms: The variables.
        num_buckets: The range of the ids.
        default_value: The id of out-of-range values. Defaults to `None` (an error).
        **named: Not accepted.

    Returns:
        A new feature spec. Mirrors ``tfdatasets::step_categorical_column_with_identity()``.
    """
    return _each_variable(spec, terms, named, "step_categorical_column_with_identity",
                          lambda v: StepCategoricalColumnWithIdentity(v, num_buckets, default_value))


def step_categorical_column_with_vocabulary_file(spec: Any, *terms: Any, vocabulary_file: Any = None,
                                                 vocabulary_size: Any = None, dtype: Any = None,
                                                 default_value: Any = None, num_oov_buckets: Any = 0,
                                                 **named: Any) -> FeatureSpec:
    """Add categorical columns whose vocabulary is a file, one value per line.

    Example:
        >>> spec = step_categorical_column_with_vocabulary_file(spec, "thal", vocabulary_file="thal.txt")

    Args:
        spec: A feature spec.
        *terms: The variables.
        vocabulary_file: The file.
        vocabulary_size: Lines to use. Defaults to `None` (all).
        dtype: The values' dtype. Defaults to `None` (``tf$string``).
        default_value: The id of values not in the vocabulary. Defaults to `None` (-1).
        num_oov_buckets: Hash buckets for values not in the vocabulary. Defaults to `0`.
        **named: Not accepted.

    Returns:
        A new feature spec. Mirrors ``tfdatasets::step_categorical_column_with_vocabulary_file()``.
    """
    return _each_variable(spec, terms, named, "step_categorical_column_with_vocabulary_file",
                          lambda v: StepCategoricalColumnWithVocabularyFile(
                              v, vocabulary_file, vocabulary_size, dtype, default_value, num_oov_buckets))


def step_indicator_column(spec: Any, *terms: Any, **named: Any) -> FeatureSpec:
    """Add one-hot (multi-hot) indicator columns of categorical columns.

    Example:
        >>> spec = step_indicator_column(spec, "thal")            # named "indicator_thal"
        >>> spec = step_indicator_column(spec, ind_thal="thal")   # R: ind_thal = thal

    Args:
        spec: A feature spec.
        *terms: Categorical columns made by earlier steps; each step is named ``indicator_<name>``.
        **named: ``name=column``: a column and the step's name (one column each).

    Returns:
        A new feature spec. Mirrors ``tfdatasets::step_indicator_column()``.
    """
    return _named_steps(spec, terms, named, "indicator", lambda v, n: StepIndicatorColumn(v, n))


def step_embedding_column(spec: Any, *terms: Any, dimension: Any = _default_dimension,
                          combiner: str = "mean", initializer: Any = None, ckpt_to_load_from: Any = None,
                          tensor_name_in_ckpt: Any = None, max_norm: Any = None, trainable: Any = True,
                          **named: Any) -> FeatureSpec:
    """Add embedding columns of categorical columns (dense vectors learnt with the model).

    Example:
        >>> spec = step_embedding_column(spec, "thal", dimension=3)

    Args:
        spec: A feature spec.
        *terms: Categorical columns made by earlier steps; each step is named ``embedding_<name>``.
        dimension: The embedding's size, or a function of the vocabulary's size. Defaults to
            ``int(size ** 0.25)``.
        combiner: How several values in a row combine: ``"mean"``, ``"sqrtn"``, ``"sum"``.
            Defaults to `"mean"`.
        initializer: The embeddings' initializer. Defaults to `None`.
        ckpt_to_load_from: A checkpoint to load the embeddings from. Defaults to `None`.
        tensor_name_in_ckpt: The tensor in that checkpoint. Defaults to `None`.
        max_norm: Clip embeddings to this L2 norm. Defaults to `None`.
        trainable: Train the embeddings. Defaults to `True`.
        **named: ``name=column``: a column and the step's name.

    Returns:
        A new feature spec. Mirrors ``tfdatasets::step_embedding_column()``.
    """
    return _named_steps(spec, terms, named, "embedding", lambda v, n: StepEmbeddingColumn(
        v, n, dimension, combiner, initializer, ckpt_to_load_from, tensor_name_in_ckpt, max_norm, trainable))


def step_bucketized_column(spec: Any, *terms: Any, boundaries: Any = None, **named: Any) -> FeatureSpec:
    """Add bucketized columns of numeric columns (one-hot of the bucket each value falls in).

    Example:
        >>> spec = step_bucketized_column(step_numeric_column(spec, "age"), "age", boundaries=[18, 35, 65])

    Args:
        spec: A feature spec.
        *terms: Numeric columns made by earlier steps; each step is named ``bucketized_<name>``.
        boundaries: Increasing bucket boundaries.
        **named: ``name=column``: a column and the step's name.

    Returns:
        A new feature spec. Mirrors ``tfdatasets::step_bucketized_column()``.
    """
    return _named_steps(spec, terms, named, "bucketized", lambda v, n: StepBucketizedColumn(v, n, boundaries))


def step_crossed_column(spec: Any, *terms: Any, hash_bucket_size: Any = None, hash_key: Any = None,
                        **named: Any) -> FeatureSpec:
    """Add crossed columns: each term (e.g. R ``c(a, d)``) crosses its variables into one column.

    Example:
        >>> spec = step_crossed_column(spec, ["a", "d"], hash_bucket_size=100)   # named "crossed_a_d"

    Args:
        spec: A feature spec.
        *terms: Each a group of categorical columns (or raw string columns) to cross.
        hash_bucket_size: Number of hash buckets.
        hash_key: The hash key. Defaults to `None`.
        **named: ``name=group``: a group and the step's name.

    Returns:
        A new feature spec. Mirrors ``tfdatasets::step_crossed_column()``.
    """
    return _group_steps(spec, terms, named, "crossed",
                        lambda vs, n: StepCrossedColumn(vs, n, hash_bucket_size, hash_key))


def step_shared_embeddings_column(spec: Any = None, *terms: Any, dimension: Any = None,
                                  combiner: str = "mean",
                                  initializer: Any = None, shared_embedding_collection_name: Any = None,
                                  ckpt_to_load_from: Any = None, tensor_name_in_ckpt: Any = None,
                                  max_norm: Any = None, trainable: Any = True, **named: Any) -> FeatureSpec:
    """Always raises: TensorFlow's shared embedding columns refuse eager execution.

    Example:
        >>> step_shared_embeddings_column(spec, ["a", "d"], dimension=4)
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: step_shared_embeddings_column() is not available ...

    Args:
        spec: A feature spec. Defaults to `None`.
        *terms: Groups of categorical columns.
        dimension: The embedding's size. Defaults to `None`.
        combiner: Ignored. Defaults to `"mean"`.
        initializer: Ignored. Defaults to `None`.
        shared_embedding_collection_name: Ignored. Defaults to `None`.
        ckpt_to_load_from: Ignored. Defaults to `None`.
        tensor_name_in_ckpt: Ignored. Defaults to `None`.
        max_norm: Ignored. Defaults to `None`.
        trainable: Ignored. Defaults to `True`.
        **named: Ignored.

    Returns:
        Nothing; raises :class:`~rkeras_bridge.bridge.errors.UnavailableError`.
        Mirrors ``tfdatasets::step_shared_embeddings_column()``.
    """
    raise unavailable("step_shared_embeddings_column", "tf.feature_column.shared_embeddings() refuses to "
                      "make its columns under eager execution (tfdatasets documented: 'Does not work in "
                      "the eager mode'), and TensorFlow 2 always runs eagerly",
                      "step_embedding_column() for each column (a table each), or one layer_embedding() "
                      "applied to several id inputs in the model to share a table")


def step_remove_column(spec: Any, *terms: Any, **named: Any) -> FeatureSpec:
    """Remove features (e.g. a numeric column once bucketized) from the spec's features.

    Example:
        >>> spec = step_remove_column(step_bucketized_column(spec, "age", boundaries=[20, 50]), "age")

    Args:
        spec: A feature spec.
        *terms: The features to remove.
        **named: Not accepted.

    Returns:
        A new feature spec. Mirrors ``tfdatasets::step_remove_column()``.
    """
    return _each_variable(spec, terms, named, "step_remove_column", RemoveStep)


_HUB = ("it makes a column from a TensorFlow Hub module (tfhub's hub_text_embedding_column()/"
        "hub_image_embedding_column(), TF1 hub.Module feature columns), which TF Hub dropped for "
        "TensorFlow 2, and tensorflow_hub is not part of this environment")


def step_text_embedding_column(spec: Any = None, *terms: Any, module_spec: Any = None,
                               trainable: Any = False, **named: Any) -> FeatureSpec:
    """Always raises: text embedding columns came from TF1 TensorFlow Hub modules.

    Example:
        >>> step_text_embedding_column(spec, "review", module_spec="https://tfhub.dev/...")
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: step_text_embedding_column() is not available ...

    Args:
        spec: A feature spec. Defaults to `None`.
        *terms: The variables.
        module_spec: The hub module. Defaults to `None`.
        trainable: Ignored. Defaults to `False`.
        **named: Ignored.

    Returns:
        Nothing; raises :class:`~rkeras_bridge.bridge.errors.UnavailableError`.
        Mirrors ``tfdatasets::step_text_embedding_column()``.
    """
    raise unavailable("step_text_embedding_column", _HUB,
                      "embed the text in the model: layer_text_vectorization-style preprocessing with "
                      "layer_embedding(), or a Keras 3 hub layer, on the column from dataset_use_spec()")


def step_image_embedding_column(spec: Any = None, *terms: Any, module_spec: Any = None,
                                **named: Any) -> FeatureSpec:
    """Always raises: image embedding columns came from TF1 TensorFlow Hub modules.

    Example:
        >>> step_image_embedding_column(spec, "image", module_spec="https://tfhub.dev/...")
        Traceback (most recent call last):
        rkeras_bridge.bridge.errors.UnavailableError: step_image_embedding_column() is not available ...

    Args:
        spec: A feature spec. Defaults to `None`.
        *terms: The variables.
        module_spec: The hub module. Defaults to `None`.
        **named: Ignored.

    Returns:
        Nothing; raises :class:`~rkeras_bridge.bridge.errors.UnavailableError`.
        Mirrors ``tfdatasets::step_image_embedding_column()``.
    """
    raise unavailable("step_image_embedding_column", _HUB,
                      "a pretrained Keras application (application_mobilenet(include_top = FALSE)) as the "
                      "first layers of the model, fed the image column")
