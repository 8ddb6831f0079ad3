"""Data and helpers of single case studies (captioning, style transfer, pix2pix pairs, translation,
plots). Not part of the public surface: case studies reach them as ``rkeras_bridge.cases.<module>``.

May import the bridge and the three surfaces; never ``tools``.
"""
