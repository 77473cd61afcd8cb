"""Where the project's shipped files live.

The project runs from a checkout (the README installs it editable), so shipped data sits
beside the packages rather than inside them.
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
COGS_DIR = PROJECT_ROOT / "cogs"
