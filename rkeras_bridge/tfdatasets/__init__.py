"""The R ``tfdatasets`` package's surface: datasets built from R structures, their methods, iterators.

Imports ``rkeras_bridge.bridge`` and ``rkeras_bridge.tensorflow``, never ``keras``.
"""
