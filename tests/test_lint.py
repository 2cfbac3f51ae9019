import subprocess
import sys

from keras_kb import pages


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=pages.ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
