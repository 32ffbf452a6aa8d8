"""Write data/web/mnist-small.npz: the slice of MNIST the page trains on in the browser.

    python3 tools/make_web_subset.py     (with numpy; `build.py test` checks the file matches)
"""

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "py"))

from digits.images.data import load_mnist, small_subset  # noqa: E402

TARGET = ROOT / "data" / "web" / "mnist-small.npz"

if __name__ == "__main__":
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(TARGET, **small_subset(load_mnist("train"), load_mnist("test")))
    print(f"Wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size / 2**20:.2f} MiB).")
