"""Every field of a Recipe changes how a network is trained: none is a dead setting."""

import dataclasses

import numpy as np
import pytest

from digits.images.data import load_mnist
from digits.images.pixels import to_float
from digits.nets.train import Recipe, augmented

WRITER_CHANGES = {"rotate": 12.0, "scale": 0.1, "shift": 2.5, "slant": 0.3, "aspect": 0.4, "elastic": 1.5,
                  "thinner": 0.5, "bolder": 1.5, "gaps": 2, "speckle": 0.02}


@pytest.fixture(scope="module")
def digits():
    return to_float(load_mnist("test")[0][:100])


def still(**change):
    """A recipe whose augmentation changes nothing, but for `change`."""
    nothing = {field: 0 for field in WRITER_CHANGES}
    return Recipe(epochs=1, batch_size=100, optimizer="sgd", learning_rate=0.1, augment=True,
                  **{**nothing, **change})


def test_the_recipe_names_every_change_augmentation_draws_and_nothing_it_does_not_use():
    fields = {field.name for field in dataclasses.fields(Recipe)}
    assert set(WRITER_CHANGES) <= fields
    assert not fields & {"momentum", "weight_decay", "clean_epochs"}


def test_with_every_change_at_zero_augmentation_leaves_mnist_digits_as_they_are(digits):
    images = digits
    out = augmented(images, still(), np.random.default_rng(0))
    # Preprocessing fits every digit in 20 pixels, so refitting it moves next to nothing.
    assert np.abs(out - images).mean() < 0.02


@pytest.mark.parametrize("field", sorted(WRITER_CHANGES))
def test_each_change_of_the_recipe_changes_the_training_images(field, digits):
    images = digits
    unchanged = augmented(images, still(), np.random.default_rng(0))
    changed = augmented(images, still(**{field: WRITER_CHANGES[field]}), np.random.default_rng(0))
    assert np.abs(changed - unchanged).mean() > 0.003, f"{field} does nothing"
