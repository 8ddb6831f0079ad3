"""The R keras / tensorflow / tfdatasets surface that 2018 eager code uses exists in both languages."""
import subprocess

import pytest

import rkeras_bridge

# Issue "The R keras / tensorflow / tfdatasets surface that 2018 eager code uses": every name is
# exported by the R package and listed in rkeras_bridge.__all__ (Python spells `import` `import_`).
SURFACE = """
keras_model_custom keras_model keras_model_sequential compile fit callback_early_stopping evaluate predict
get_layer get_weights set_weights save_model_weights_tf load_model_weights_tf create_layer
layer_dense layer_dropout layer_embedding layer_gru layer_cudnn_gru layer_lstm layer_conv_2d
layer_conv_2d_transpose layer_batch_normalization layer_activation layer_activation_leaky_relu
layer_flatten layer_reshape
layer_zero_padding_2d layer_lambda layer_concatenate layer_dot layer_max_pooling_2d
initializer_random_normal initializer_random_uniform initializer_glorot_uniform initializer_zeros
k_abs k_argmax k_batch_dot k_batch_flatten k_cast k_cast_to_floatx k_clip k_concatenate k_constant k_dot
k_epsilon k_exp k_expand_dims k_floatx k_gather k_log k_max k_mean k_ones_like k_permute_dimensions k_pow
k_random_normal k_random_uniform k_reshape k_set_floatx k_shape k_sigmoid k_softmax k_sqrt k_square k_stack
k_sum k_tanh k_transpose k_zeros k_zeros_like
optimizer_adam optimizer_sgd optimizer_rmsprop
loss_mean_squared_error loss_binary_crossentropy loss_sparse_categorical_crossentropy
use_session_with_seed use_implementation tuple import
tf_function
tensor_slices_dataset dataset_map dataset_shuffle dataset_batch dataset_prefetch dataset_repeat dataset_take
make_iterator_one_shot iterator_get_next until_out_of_range as_iterator iter_next
dataset_mnist text_tokenizer fit_text_tokenizer texts_to_sequences pad_sequences
image_load image_to_array imagenet_preprocess_input application_vgg19 application_vgg16
application_inception_v3
tf %as% with shape all_dims tfe_enable_eager_execution %>%
""".split()

# TF1-era names reached through `tf` (same object in both languages).
TF1_NAMES = """
train.AdamOptimizer train.GradientDescentOptimizer train.RMSPropOptimizer train.get_or_create_global_step
train.Checkpoint train.latest_checkpoint losses.mean_squared_error losses.sigmoid_cross_entropy
losses.sparse_softmax_cross_entropy nn.sparse_softmax_cross_entropy_with_logits contrib.eager.defun
contrib.eager.Variable multinomial random_crop read_file image.resize_images py_func test.is_gpu_available
data.Dataset.list_files executing_eagerly
""".split()

PYTHON_ONLY_SPELLING = {"import": "import_"}
R_ONLY = {"%as%", "with", "%>%"}  # R syntax; Python has `with ... as` and plain calls


@pytest.mark.parametrize("name", [n for n in SURFACE if n not in R_ONLY])
def test_python_exports(name):
    python_name = PYTHON_ONLY_SPELLING.get(name, name)
    assert python_name in rkeras_bridge.__all__
    assert getattr(rkeras_bridge, python_name) is not None


@pytest.mark.parametrize("path", TF1_NAMES)
def test_tf1_names(path):
    obj = rkeras_bridge.tf
    for part in path.split("."):
        obj = getattr(obj, part)
    assert callable(obj)


# R generics the package extends with a method instead of exporting a function of the same name.
R_S3_METHODS = {"predict": "keras.src.models.model.Model"}


def test_r_package_exports_the_surface():
    methods = "; ".join(
        f'if (!is.null(getS3method("{g}", "{c}", optional = TRUE, '
        f'envir = asNamespace("rkerasbridge")))) cat("{g}\\n")'
        for g, c in R_S3_METHODS.items()
    )
    out = subprocess.run(
        ["Rscript", "-e", f'cat(getNamespaceExports("rkerasbridge"), sep = "\\n"); cat("\\n"); {methods}'],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    missing = sorted(set(SURFACE) - set(out))
    assert not missing, f"missing from the R package's exports: {missing}"
