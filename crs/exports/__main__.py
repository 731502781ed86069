"""python -m crs.exports: what scripts/export runs."""

import sys

from crs.exports import main

sys.exit(main())
