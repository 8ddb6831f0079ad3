"""Feature specs (rkeras_bridge.tfdatasets.feature_spec): steps, fitting, their columns in a Keras model."""
import string

import keras
import numpy as np
import pytest
import tensorflow as tf

from rkeras_bridge import (
    MinMaxScaler, StandardScaler, all_nominal, all_numeric, dataset_batch, dataset_take,
    dataset_use_spec, dense_features, feature_spec, fit_feature_spec, has_type, layer_dense_features,
    layer_input_from_dataset, next_batch, scaler_min_max, scaler_standard, step_bucketized_column,
    step_categorical_column_with_hash_bucket, step_categorical_column_with_identity,
    step_categorical_column_with_vocabulary_file, step_categorical_column_with_vocabulary_list,
    step_crossed_column, step_embedding_column, step_image_embedding_column, step_indicator_column,
    step_numeric_column, step_remove_column, step_shared_embeddings_column, step_text_embedding_column,
    tensor_slices_dataset,
)
from rkeras_bridge.bridge.errors import UnavailableError

LETTERS = list(string.ascii_lowercase)
RNG = np.random.default_rng(1)
DF = {"a": np.array(LETTERS), "b": np.arange(1, 27, dtype=np.int32), "c": RNG.random(26).astype(np.float32),
      "d": np.array([x.upper() for x in LETTERS]), "y": RNG.random(26).astype(np.float32)}


@pytest.fixture(scope="module")
def dataset():
    return dataset_batch(tensor_slices_dataset(DF), 2)


@pytest.fixture(scope="module")
def spec(dataset):
    return feature_spec(dataset, "y ~ a + b + c + d")


def test_a_spec_knows_its_features_and_their_types(spec):
    assert sorted(spec.feature_names()) == ["a", "b", "c", "d"]
    typed = step_indicator_column(
        step_categorical_column_with_vocabulary_list(step_numeric_column(spec, "b"), "a", "d"), "a", "d")
    assert typed.feature_names() == ["b", "a", "d", "indicator_a", "indicator_d", "c"]
    assert typed.feature_types() == ["float32", "string", "string", "float32", "float32", "float32"]


def test_steps_return_new_specs_and_fit_returns_a_fitted_copy(spec):
    base = step_categorical_column_with_vocabulary_list(step_numeric_column(spec, "b", "c"), "a", "d")
    one, two = step_indicator_column(base, "a", "d"), step_indicator_column(base, "a")
    assert len(spec.steps) == 0 and len(base.steps) == 4 and len(one.steps) == 6 and len(two.steps) == 5
    fitted = fit_feature_spec(one)
    assert fitted.fitted and not one.fitted
    assert list(fitted.features()) == ["b", "c", "a", "d", "indicator_a", "indicator_d"]
    with pytest.raises(RuntimeError, match="fitting"):
        one.features()
    with pytest.raises(RuntimeError, match="already fitted"):
        fitted.fit()


def test_learnt_vocabulary_and_column_kinds(spec, tmp_path):
    fitted = fit_feature_spec(step_categorical_column_with_vocabulary_list(spec, "a", "d"))
    assert fitted.features()["d"].vocabulary_list == tuple(x.upper() for x in LETTERS)
    assert dense_features(fitted) == {}
    listed = step_categorical_column_with_vocabulary_list(spec, "a", vocabulary_list=["a", "b"])
    given = fit_feature_spec(listed)
    assert given.features()["a"].vocabulary_list == ("a", "b")
    vocab = tmp_path / "vocab.txt"
    vocab.write_text("\n".join(LETTERS) + "\n")
    kinds = step_categorical_column_with_hash_bucket(spec, "a", hash_bucket_size=10)
    kinds = step_categorical_column_with_identity(kinds, "b", num_buckets=30)
    kinds = step_categorical_column_with_vocabulary_file(kinds, "d", vocabulary_file=str(vocab))
    kinds = fit_feature_spec(kinds)
    columns = kinds.features()
    assert columns["a"].hash_bucket_size == 10 and columns["b"].num_buckets == 30
    assert columns["d"].vocabulary_size == 26


def test_selectors_and_named_steps(spec):
    chosen = step_indicator_column(step_categorical_column_with_vocabulary_list(
        step_numeric_column(spec, all_numeric(), {"-": "b"}), all_nominal()), all_nominal(), {"-": "a"})
    assert list(dense_features(fit_feature_spec(chosen))) == ["c", "indicator_d"]
    by_type = step_numeric_column(step_numeric_column(spec, has_type("float32")), has_type("int32"))
    assert [s.name for s in by_type.steps] == ["c", "b"]
    named = step_indicator_column(step_categorical_column_with_vocabulary_list(spec, "a"), ind_a="a")
    assert [s.name for s in named.steps] == ["a", "ind_a"]
    with pytest.raises(ValueError, match="name feature"):
        two = step_categorical_column_with_vocabulary_list(spec, "a", "d")
        step_indicator_column(two, a=has_type("string"))
    with pytest.raises(TypeError, match="unknown arguments"):
        step_numeric_column(spec, x="b")


def test_derived_columns(spec):
    steps = step_categorical_column_with_vocabulary_list(step_numeric_column(spec, "b"), "a", "d")
    steps = step_crossed_column(steps, ["a", "d"], hash_bucket_size=100)
    steps = step_indicator_column(step_embedding_column(steps, "a", dimension=3), "crossed_a_d")
    steps = step_bucketized_column(steps, "b", boundaries=[5, 10, 15])
    derived = fit_feature_spec(step_remove_column(steps, "b"))
    columns = derived.features()
    assert "b" not in columns and columns["bucketized_b"].boundaries == (5.0, 10.0, 15.0)
    assert columns["embedding_a"].dimension == 3
    assert list(dense_features(derived)) == ["embedding_a", "indicator_crossed_a_d", "bucketized_b"]
    vocabulary = step_categorical_column_with_vocabulary_list(spec, "a")
    default_dim = fit_feature_spec(step_embedding_column(vocabulary, "a"))
    assert default_dim.features()["embedding_a"].dimension == int(26 ** 0.25)
    with pytest.raises(ValueError, match="boundaries"):
        step_bucketized_column(step_numeric_column(spec, "b"), "b", boundaries=[3, 1])
    with pytest.raises(ValueError, match="earlier step"):
        fit_feature_spec(step_indicator_column(spec, "a")).features()


def test_scalers_learn_batch_by_batch():
    x = RNG.random(100)
    sc, mm = StandardScaler.new(), MinMaxScaler()
    for chunk in np.split(x, 10):
        sc.fit_batch(chunk.tolist())
        mm.fit_batch(chunk)
    sc.fit_resume()
    assert sc.mean == pytest.approx(x.mean(), rel=1e-12) and sc.sd == pytest.approx(x.std(ddof=1), rel=1e-12)
    assert (mm.min, mm.max) == (x.min(), x.max())
    assert isinstance(scaler_standard(), StandardScaler) and isinstance(scaler_min_max(), MinMaxScaler)


@pytest.mark.parametrize("scaler, normalize", [
    (scaler_standard, lambda v: (v - v.mean()) / v.std(ddof=1)),
    (scaler_min_max, lambda v: (v - v.min()) / (v.max() - v.min())),
])
def test_normalized_columns_in_layer_dense_features(spec, dataset, scaler, normalize):
    fitted = fit_feature_spec(step_numeric_column(spec, all_numeric(), normalizer_fn=scaler()))
    out = layer_dense_features(feature_columns=dense_features(fitted))(next_batch(dataset)).numpy()
    np.testing.assert_allclose(out[:, 0], normalize(DF["b"].astype(float))[:2], rtol=1e-5)
    np.testing.assert_allclose(out[:, 1], normalize(DF["c"].astype(float))[:2], rtol=1e-5)


def test_fit_on_another_dataset_and_train_a_model_on_the_spec(spec, dataset):
    unfitted = step_indicator_column(step_categorical_column_with_vocabulary_list(
        step_numeric_column(spec, "b", "c"), "a", "d"), "a", "d")
    with pytest.raises(ValueError, match="fitted"):
        dataset_use_spec(dataset, unfitted)
    small = fit_feature_spec(unfitted, dataset_take(tensor_slices_dataset(DF), 10))   # unbatched, 10 rows
    assert small.features()["a"].vocabulary_list == tuple(LETTERS[:10])
    fitted = fit_feature_spec(unfitted)
    train = dataset_use_spec(dataset, fitted)
    x, y = next_batch(train)
    assert sorted(x) == ["a", "b", "c", "d"] and y.shape == (2,)
    inputs = layer_input_from_dataset(train)
    dtypes = {k: v.dtype for k, v in inputs.items()}
    assert dtypes == {"a": "string", "b": "int32", "c": "float32", "d": "string"}
    features = layer_dense_features(inputs, feature_columns=dense_features(fitted))
    model = keras.Model(inputs, keras.layers.Dense(1)(features))
    assert model(x).shape == (2, 1)
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(train, epochs=2, verbose=0)
    assert len(history.history["loss"]) == 2 and np.isfinite(history.history["loss"]).all()


def test_hub_and_shared_embedding_steps_are_unavailable(spec):
    for step in (step_text_embedding_column, step_image_embedding_column):
        with pytest.raises(UnavailableError, match="Hub"):
            step(spec, "a", module_spec="https://tfhub.dev/x")
    with pytest.raises(UnavailableError, match="eager"):
        step_shared_embeddings_column(spec, ["a", "d"], dimension=4)
    # the reason holds: TensorFlow itself refuses them eagerly
    a = tf.feature_column.categorical_column_with_vocabulary_list("a", ["x"])
    with pytest.raises(RuntimeError, match="eager"):
        tf.feature_column.shared_embeddings([a], dimension=2)


def test_feature_spec_needs_named_columns():
    with pytest.raises(TypeError, match="named lists"):
        feature_spec(tf.data.Dataset.range(3), "y ~ x")
