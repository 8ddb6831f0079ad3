"""The options of ``[`` on tensors (``tf_extract_opts()``), an export of the R tensorflow package.

The rules of ``[`` themselves live with the other R-to-Python conversions in
``rkeras_bridge.bridge.conversion`` (``extract()``), which this module's option function belongs to.
"""

from __future__ import annotations

from ..bridge.conversion import tf_extract_opts

__all__ = ["tf_extract_opts"]
