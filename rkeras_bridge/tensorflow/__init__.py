"""The R ``tensorflow`` package's surface on TensorFlow 2: ``tf`` with its TF1-era names (``compat``),
``tf_function`` (``tracing``), gradients as the 2018 code applied them (``gradients``), seeds and
distribution strategies.

Imports only ``rkeras_bridge.bridge``: the R tensorflow package depended on no other of ours.
"""
