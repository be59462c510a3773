"""Unit tests: the filter modules share the checks in ``filter_cases``."""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))  # for filter_cases
