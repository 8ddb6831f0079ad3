#' Distributed training with TensorFlow's strategies
#'
#' `multi_worker_mirrored_strategy()` is TensorFlow's `MultiWorkerMirroredStrategy` (several
#' processes on one or several machines; gRPC and collective all-reduce) and
#' `mirrored_strategy()` its one-machine sibling `MirroredStrategy`. Use them with the usual
#' idioms: create the model and the optimizer in `with(strategy$scope(), { ... })`, run a step
#' on every replica with `strategy$run(step, args = list(x, y))`, combine with
#' `strategy$reduce("SUM", per_replica, axis = NULL)`.
#'
#' Use these constructors rather than `tf$distribute$MultiWorkerMirroredStrategy()` from R:
#' TensorFlow calls the step on a helper thread, where R's C stack check fails and aborts the
#' process, and reticulate >= 1.29 would hand the call to R's main thread, which waits in
#' `run()`, so the step would never run. Their `run()` turns that check off while the step
#' runs and lets R functions run on the replica thread through the package's own entry point (R's
#' main thread is blocked meanwhile, so R is never entered twice), on every supported reticulate.
#' Everything else is TensorFlow's own.
#'
#' Create the strategy first thing in the script (before models and datasets): it starts this
#' worker's server and waits for the other workers. Every worker must then run the same
#' number of steps. Scale each replica's loss by the **global** batch size
#' (`tf$nn$compute_average_loss(per_example_loss, global_batch_size = B)`) so that the summed
#' gradient equals the single-process mean-loss gradient.
#'
#' @param workers Every worker's `"host:port"`, the same vector in the same order on all
#'   workers. With `index`, sets `TF_CONFIG` (see [set_worker_config()]). Defaults to `NULL`
#'   (use the `TF_CONFIG` already set; without one, a single local worker).
#' @param index This worker's position in `workers`, **counted from 0** as in `TF_CONFIG`
#'   (worker 0 is the chief). Defaults to `NULL`.
#' @param implementation Collective communication: `"auto"`, `"ring"` (gRPC, what CPUs use) or
#'   `"nccl"` (GPUs). Defaults to `"auto"`.
#' @param timeout_seconds Give up a collective operation (including waiting for the other
#'   workers) after this many seconds. Defaults to `NULL` (wait forever).
#' @returns A strategy (Python `rkeras_bridge.tensorflow.distribute.MultiWorkerMirroredStrategy`, a
#'   `tf$distribute$MultiWorkerMirroredStrategy`).
#' @seealso [distributed_dataset()], [worker_config()]; `docs/distributed.md` in the project
#'   for running on several machines.
#' @examples
#' \donttest{
#' strategy <- multi_worker_mirrored_strategy()  # one local worker when TF_CONFIG is unset
#' with(strategy$scope(), {
#'   model <- keras_model_custom(function(self) {
#'     self$dense <- layer_dense(units = 1)
#'     function(x, mask = NULL, training = FALSE) self$dense(x)
#'   })
#'   invisible(model(matrix(0, 1, 3)))
#'   optimizer <- tf$train$AdamOptimizer(learning_rate = 0.01)
#' })
#' step <- function(x, y) {
#'   with(tf$GradientTape() %as% tape, {
#'     per_example <- tf$losses$mean_squared_error(y, model(x),
#'                                                 reduction = tf$losses$Reduction$NONE)
#'     loss <- tf$nn$compute_average_loss(per_example, global_batch_size = 4L)
#'   })
#'   gradients <- tape$gradient(loss, model$variables)
#'   optimizer$apply_gradients(purrr::transpose(list(gradients, model$variables)))
#'   loss
#' }
#' x <- matrix(runif(12), 4, 3); y <- matrix(runif(4), 4, 1)
#' loss <- strategy$run(step, args = list(x, y))
#' strategy$reduce("SUM", loss, axis = NULL)
#' }
#' @export
multi_worker_mirrored_strategy <- function(workers = NULL, index = NULL, implementation = "auto",
                                           timeout_seconds = NULL) {
  bridge$tensorflow$distribute$multi_worker_mirrored_strategy(
    workers = if (is.null(workers)) NULL else as.list(workers), index = index,
    implementation = implementation, timeout_seconds = timeout_seconds
  )
}

#' @rdname multi_worker_mirrored_strategy
#' @param devices Device names such as `c("/gpu:0", "/gpu:1")`. Defaults to `NULL` (every GPU,
#'   else the CPU).
#' @returns `mirrored_strategy()`: a `tf$distribute$MirroredStrategy` whose `run()` takes R
#'   functions.
#' @export
mirrored_strategy <- function(devices = NULL) {
  bridge$tensorflow$distribute$mirrored_strategy(devices = if (is.null(devices)) NULL else as.list(devices))
}

#' Cluster configuration: TF_CONFIG, free ports
#'
#' A multi-worker cluster is described to each worker by the environment variable `TF_CONFIG`:
#' the same list of worker addresses everywhere, and this worker's position in it.
#' `worker_config()` builds it, `set_worker_config()` puts it where TensorFlow reads it
#' (Python's `os.environ`: `Sys.setenv()` after Python has started is not seen by Python),
#' `free_ports()` and `loopback_workers()` find ports no process listens on (by binding to
#' port 0) for workers on this machine.
#'
#' @param workers Every worker's `"host:port"`, the same vector in the same order on all workers.
#' @param index This worker's position in `workers`, **counted from 0** as in `TF_CONFIG`.
#' @returns `worker_config()`: a named list `list(cluster = list(worker = ...), task = list(type =
#'   "worker", index = ...))`; `jsonlite::toJSON(x, auto_unbox = TRUE)` of it is a `TF_CONFIG`.
#' @examples
#' \donttest{
#' workers <- loopback_workers(2)            # e.g. "127.0.0.1:40123" "127.0.0.1:40125"
#' str(worker_config(workers, index = 1))
#' free_ports(3)
#' }
#' @export
worker_config <- function(workers, index) {
  bridge$tensorflow$distribute$worker_config(workers = as.list(workers), index = index)
}

#' @rdname worker_config
#' @returns `set_worker_config()`: the `TF_CONFIG` JSON string now set, invisibly.
#' @export
set_worker_config <- function(workers, index) {
  invisible(bridge$tensorflow$distribute$set_worker_config(workers = as.list(workers), index = index))
}

#' @rdname worker_config
#' @param n How many ports (workers). Defaults to `2`.
#' @param host The address to bind. Defaults to `"127.0.0.1"`.
#' @returns `free_ports()`: an integer vector of distinct free ports.
#' @export
free_ports <- function(n = 2L, host = "127.0.0.1") {
  as.integer(unlist(bridge$tensorflow$distribute$free_ports(n = n, host = host)))
}

#' @rdname worker_config
#' @returns `loopback_workers()`: a character vector `"127.0.0.1:<port>"`, one per worker.
#' @export
loopback_workers <- function(n = 2L) {
  as.character(unlist(bridge$tensorflow$distribute$loopback_workers(n = n)))
}

#' Split each global batch among the replicas of a strategy
#'
#' `dataset` yields global batches (`dataset_batch(ds, global_batch_size)`), built the same way on
#' every worker (same data, same shuffle seed); TensorFlow gives each replica its slice of
#' every global batch (`AutoShardPolicy$DATA`), so the replicas together see exactly the batches
#' one process would.
#'
#' @param strategy A strategy, e.g. from [multi_worker_mirrored_strategy()].
#' @param dataset A dataset of global batches.
#' @returns A distributed dataset; iterate it with [as_iterator()] and [iter_next()].
#' @examples
#' \donttest{
#' strategy <- multi_worker_mirrored_strategy()
#' ds <- tensor_slices_dataset(matrix(1:8, 4, 2)) %>% dataset_batch(2)
#' it <- as_iterator(distributed_dataset(strategy, ds))
#' iter_next(it)
#' }
#' @export
distributed_dataset <- function(strategy, dataset) {
  bridge$tensorflow$distribute$distributed_dataset(strategy = strategy, dataset = dataset)
}
