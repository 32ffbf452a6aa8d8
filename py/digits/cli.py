"""The `train` and `predict` commands of build.py."""

import argparse
import json
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from .images import catalogue, handwriting
from .images.data import DataError, load_mnist
from .images.pixels import to_float
from .nets import models
from .nets.train import RECIPES, fit, progress_printer, recipe_dict


def train_main(argv):
    parser = argparse.ArgumentParser(prog="build.py train",
                                     description="Train a network from scratch on MNIST and write weights/NAME/.")
    parser.add_argument("--model", required=True, choices=sorted(RECIPES))
    parser.add_argument("--epochs", type=int, help="default: the model's recipe")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=models.WEIGHTS_DIR, help="parent folder of NAME/")
    args = parser.parse_args(argv)

    recipe = RECIPES[args.model]
    if args.epochs:
        recipe = replace(recipe, epochs=args.epochs)
    try:
        train, test = load_mnist("train"), load_mnist("test")
    except DataError as error:
        sys.exit(f"error: {error}")

    model = models.ARCHITECTURES[args.model](np.random.default_rng(args.seed))
    print(f"Training {args.model} ({model.count_parameters():,} parameters) for {recipe.epochs} epochs, "
          f"seed {args.seed}.", file=sys.stderr)
    started = time.time()
    try:
        history = fit(model, recipe, train, test, seed=args.seed, report=progress_printer())
    except KeyboardInterrupt:
        sys.exit("\nInterrupted: no weights were written.")
    seconds = time.time() - started
    ship(model, args.model, recipe, args.seed, history, seconds, test, args.out)


# Trained weights ship as half floats: half the bytes for the page to download and keep, for
# answers that differ by less than the networks' own doubt (the manifest measures the rounded
# weights, which are what ships).
SHIPPED_DTYPE = np.float16


def as_shipped(model):
    """Round every weight of `model` to SHIPPED_DTYPE, in place, keeping float32 tensors."""
    for value in model.parameters().values():
        value[...] = value.astype(SHIPPED_DTYPE)


def ship(model, name, recipe, seed, history, seconds, test, out):
    """Round the trained `model` as it ships, measure it, and write it with its manifest to out/NAME/."""
    as_shipped(model)
    test_images, test_labels = test
    correct = int((model.predict(to_float(test_images)).argmax(axis=1) == test_labels).sum())
    command = f"python3 build.py train --model {name} --epochs {recipe.epochs} --seed {seed}"
    info = {
        "test_accuracy": correct / len(test_labels),
        "test_correct": correct,
        "test_images": len(test_labels),
        "training_seconds": round(seconds, 1),
        "seconds_per_epoch": round(seconds / recipe.epochs, 2),
        "seed": seed,
        "recipe": recipe_dict(recipe),
        "history": history,
        "command": command,
        "held_out_styles": handwriting.styles_read({name: model}, catalogue.HELD_OUT_STYLES)[name],
        "trained_on": f"{platform.machine()}, Python {platform.python_version()}, numpy {np.__version__}",
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
    }
    write_atomically(model, out / name, info, SHIPPED_DTYPE)
    print(f"{name}: {correct} of {len(test_labels)} test images right "
          f"({correct / len(test_labels):.2%}) in {seconds / 60:.1f} min; wrote {out / name}/",
          file=sys.stderr)


def write_atomically(model, folder, info, dtype=np.float32):
    """Write into a fresh sibling folder, then swap it in: never half-written weights."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    models.save(model, staging, info, dtype)
    if folder.exists():
        old = folder.with_name(f".{folder.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        folder.rename(old)
        staging.rename(folder)
        shutil.rmtree(old)
    else:
        staging.rename(folder)


def predict_main(argv):
    parser = argparse.ArgumentParser(prog="build.py predict",
                                     description="Probabilities for a batch of 28x28 MNIST-style images.")
    parser.add_argument("--model", required=True, help="writers, cnn, mlp, nielsen or a weights folder")
    parser.add_argument("--input", required=True, type=Path, help="uint8 (N, 28, 28), 0 background, 255 ink")
    parser.add_argument("--output", required=True, type=Path, help="float32 (N, 10), rows sum to 1")
    args = parser.parse_args(argv)

    try:
        images = np.load(args.input, allow_pickle=False)
    except FileNotFoundError:
        sys.exit(f"error: {args.input} does not exist.")
    except (ValueError, OSError) as error:
        sys.exit(f"error: {args.input} is not a .npy array file ({error}).")
    problem = check_images(images)
    if problem:
        sys.exit(f"error: {args.input}: {problem}")
    try:
        model = models.load(args.model)
    except models.WeightsError as error:
        remedy = f"\n'python3 build.py train --model {args.model}' makes its weights." if args.model in RECIPES else ""
        sys.exit(f"error: {error}{remedy}")
    probabilities = model.predict(to_float(images))
    np.save(args.output, probabilities)
    print(f"Wrote {args.output}: {len(probabilities)} rows of 10 probabilities ({model.name}).", file=sys.stderr)


def check_images(images):
    """Why `images` is not a uint8 (N, 28, 28) batch, or None when it is."""
    if images.dtype != np.uint8:
        return f"expected dtype uint8 (0 background, 255 ink), got {images.dtype}."
    if images.ndim != 3 or images.shape[1:] != (28, 28):
        return f"expected shape (N, 28, 28), got {images.shape}."
    return None
