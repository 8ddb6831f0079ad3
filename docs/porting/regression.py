# The worked example of docs/porting.md: regression.R ported to Python, line for line. Run both:
# rkeras-bridge parity regression.R regression.py
from sklearn.datasets import load_iris

from rkeras_bridge import keras_model_custom, layer_dense, optimizer_sgd, parity_steps, record, tf, transpose

# Sepal.Width from Sepal.Length, Petal.Length and Petal.Width: the same 150 rows as R's iris
iris = load_iris().data
x = tf.constant(iris[0:120][:, [0, 2, 3]], dtype="float32")
y = tf.constant(iris[0:120][:, [1]], dtype="float32")


def regression(self):
    self.hidden = layer_dense(units=16, activation="relu")
    self.out = layer_dense(units=1)
    return lambda x, mask=None, training=False: self.out(self.hidden(x))


model = keras_model_custom(regression, name="regression")
optimizer = optimizer_sgd(lr=0.01)

for step in range(1, parity_steps(20) + 1):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(y - model(x)))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(transpose([grads, model.trainable_variables]))
    record("loss", loss)
    record("hidden_kernel_gradient", grads[0])
record("predictions", model(x[0:5]))
