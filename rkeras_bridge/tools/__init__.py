"""Tools around the case studies: the ``rkeras-bridge`` CLI (``cli``), run records and arguments
(``runs``), crash-safe checkpoints (``checkpoints``), progress output, parity comparison and reports,
distributed workers' harness (``workers``) and benchmarks (``bench``).

The top layer: may import every other; nothing imports it.
"""
