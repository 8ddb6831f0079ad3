#' Prepare MovieLens ratings for the recommender case study
#'
#' Makes movie ids dense (1..n) and splits the ratings 80/20 with a seeded permutation; the R
#' and Python case studies call this same function, so they train on identical data.
#'
#' @param user_id,movie_id,rating Columns of the ratings (e.g. of `dslabs::movielens`).
#' @param seed Seed of the split. Defaults to `42`.
#' @param valid_fraction Share of ratings held out. Defaults to `0.2`.
#' @returns A list with `x_train`, `y_train`, `x_valid`, `y_valid` (matrices), `n_users`, `n_movies`.
#' @examples
#' \donttest{
#' # e.g. with dslabs::movielens$userId, $movieId and $rating; here a few made-up ratings
#' data <- prepare_ratings(user_id = c(1, 1, 2, 2, 3), movie_id = c(10, 31, 10, 1029, 31),
#'                         rating = c(2.5, 3, 4, 5, 3.5))
#' }
#' @export
prepare_ratings <- function(user_id, movie_id, rating, seed = 42L, valid_fraction = 0.2) {
  bridge$cases$case_data$prepare_ratings(array(user_id), array(movie_id), array(rating), seed = seed,
                                   valid_fraction = valid_fraction)
}
