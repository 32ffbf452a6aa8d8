"""Training throughput and single-image inference time of each network, in CPython.

Prints, for each model: forward+backward images per second at its training batch
size, seconds per 60,000-image epoch, and the median time to read one image.
"""

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "py"))

from digits.nets import models  # noqa: E402
from digits.nets.optim import Adam  # noqa: E402
from digits.nets.train import RECIPES  # noqa: E402
from digits.nets.trainer import train_step  # noqa: E402


def images_per_second(name, seconds=3.0):
    recipe = RECIPES[name]
    model = models.ARCHITECTURES[name](np.random.default_rng(0))
    rng = np.random.default_rng(1)
    images = rng.random((recipe.batch_size, 28, 28), dtype=np.float32)
    labels = rng.integers(0, 10, recipe.batch_size)
    optimizer = Adam()
    train_step(model, optimizer, images, labels)          # warm up
    done, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        train_step(model, optimizer, images, labels)
        done += recipe.batch_size
    return done / (time.perf_counter() - started)


def inference_ms(name, repeats=200):
    model = models.load(name) if (models.WEIGHTS_DIR / name / "manifest.json").exists() \
        else models.ARCHITECTURES[name]()
    image = np.random.default_rng(2).random((1, 28, 28), dtype=np.float32)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        model.predict(image)
        times.append(time.perf_counter() - started)
    return 1000 * float(np.median(times))


def main():
    print("CPython training and inference speed")
    print(f"{'model':<9}{'batch':>6}{'train images/s':>16}{'s/epoch (60k)':>15}{'1 image (ms)':>14}")
    for name in ("cnn", "mlp", "nielsen"):
        rate = images_per_second(name)
        print(f"{name:<9}{RECIPES[name].batch_size:>6}{rate:>16,.0f}{60000 / rate:>15.1f}"
              f"{inference_ms(name):>14.3f}")


if __name__ == "__main__":
    main()
