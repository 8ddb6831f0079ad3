"""The R ``keras`` 2.x package's surface on Keras 3, one module per area as R keras splits its files.

``layers`` (the ``layer_*`` functions), ``models`` (build, compile, fit, weights), ``model_custom``
(``keras_model_custom``), ``custom_layer``, ``backend`` (``k_*``, 1-based axes), ``optimizers``,
``losses``, ``initializers``, ``preprocessing_text``, ``preprocessing_image``, ``applications``,
``datasets`` (``dataset_mnist`` ...) and ``package`` (session-era helpers, reticulate re-exports).
Imports ``bridge``, ``tensorflow`` and ``tfdatasets`` (R keras depended on both packages), nothing above.
"""
