"""python -m crs.exports: what scripts/export runs."""

import sys

from crs.exports.formats import main

sys.exit(main())
