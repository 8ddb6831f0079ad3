"""The bridge core: what only a bridge between R and Python needs, and nothing of Keras's surface.

R values to Python (``conversion``: integers, NA refusal, R structures), classed errors (``errors``),
the S3 semantics of tensors seen from R (``tensor_methods``), ``with()`` contexts (``contexts``), R
functions on TensorFlow's threads (``r_threads``), R inside a Python process (``rsession``) and the
tensor bytes handed to R, for R's garbage collector (``memory``).
Imports nothing else from ``rkeras_bridge``; every other layer may import it.
"""
