"""File formats to Document values: `read_inputs(paths)` yields Documents and InputErrors, never raises."""

from claimdb.readers.sources import READERS, InputSource, count_inputs, iter_sources, read_inputs
from claimdb.readers.types import Document

__all__ = ["READERS", "Document", "InputSource", "count_inputs", "iter_sources", "read_inputs"]
