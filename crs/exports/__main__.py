import sys

from crs.exports import main

sys.exit(main())
