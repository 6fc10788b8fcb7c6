"""Run the generator: ``python -m generator check|build|serve|nieuw``."""

import sys

from generator.cli import main

sys.exit(main())
