# tensorboard() (rkeras_bridge/tensorflow/tensorboard.py).

#' Start or stop TensorBoard
#'
#' Starts TensorBoard on a folder of event logs (as `callback_tensorboard()` writes them) in a
#' separate process, waits until it answers and returns its address; `action = "stop"` stops the
#' TensorBoards this session started. The `tensorboard` Python package is not a dependency of this
#' package: without it, starting is an error of class `python.builtin.ModuleNotFoundError` that
#' says how to add it.
#'
#' @param log_dir The folder of event logs, or several folders.
#' @param action `"start"` or `"stop"`. Defaults to `"start"`.
#' @param host The address to serve on. Defaults to `"127.0.0.1"`.
#' @param port A port number, or `"auto"` (the first free one from 6006). Defaults to `"auto"`.
#' @param launch_browser Open the page in a browser. Defaults to
#'   `getOption("tensorflow.tensorboard.browser", interactive())`.
#' @param reload_interval Seconds between reloads of the logs. Defaults to `5`.
#' @param purge_orphaned_data Discard data of runs that restarted. Defaults to `TRUE`.
#' @returns The URL, invisibly (`NULL` for `"stop"`).
#' @examples
#' \donttest{
#' try(tensorboard(file.path(tempdir(), "logs")))
#' tensorboard(action = "stop")
#' }
#' @export
tensorboard <- function(log_dir, action = c("start", "stop"), host = "127.0.0.1", port = "auto",
                        launch_browser = getOption("tensorflow.tensorboard.browser", interactive()),
                        reload_interval = 5, purge_orphaned_data = TRUE) {
  action <- match.arg(action)
  invisible(bridge$tensorboard(if (missing(log_dir)) NULL else as.list(log_dir), action = action,
                               host = host, port = port, launch_browser = launch_browser,
                               reload_interval = reload_interval, purge_orphaned_data = purge_orphaned_data))
}
