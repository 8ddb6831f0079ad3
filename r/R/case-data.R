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
#' \dontrun{
#' data <- prepare_ratings(dslabs::movielens$userId, dslabs::movielens$movieId, dslabs::movielens$rating)
#' }
#' @export
prepare_ratings <- function(user_id, movie_id, rating, seed = 42L, valid_fraction = 0.2) {
  bridge$case_data$prepare_ratings(array(user_id), array(movie_id), array(rating), seed = seed,
                                   valid_fraction = valid_fraction)
}
