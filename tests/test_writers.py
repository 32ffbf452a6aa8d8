"""Synthetic people (py/digits/images/writers.py): each writes like themselves, drawing after drawing."""

import numpy as np

from digits.images import catalogue, handwriting
from digits.images.writers import HabitualWriter, Person, Steadiness, people

GERMAN = catalogue.SCRIPTS["German school"]


def images_of(person, per_digit, seed, digits=(1, 4, 7)):
    """(digits, per_digit, 28, 28): the person's drawings of a few digits, as the networks see them."""
    rng = np.random.default_rng(seed)
    drawn = [(digit, "", person.write(digit, rng)) for digit in digits for _ in range(per_digit)]
    return handwriting.as_mnist(drawn).reshape(len(digits), per_digit, 28, 28)


def test_a_habitual_writer_asks_its_habits_in_order_and_varies_them_only_by_its_jitter():
    steady = HabitualWriter([0.0, 0.5, 1.0], np.random.default_rng(0), jitter=0.0)
    assert [steady((0, 10)), steady((0, 10)), steady((2, 4)), steady((0, 10))] == [0, 5, 4, 0]
    assert steady(0.3) == 0.3                   # a fixed proportion stays fixed and uses no habit
    assert steady.chance(0.6) and not steady.chance(0.4)    # habits 0.5, then 1.0
    shaky = HabitualWriter([0.5], np.random.default_rng(0), jitter=0.1)
    values = [shaky((0, 1)) for _ in range(200)]
    assert 0.45 < np.mean(values) < 0.55 and 0.07 < np.std(values) < 0.13


def test_a_person_draws_the_same_drawings_from_the_same_seeds():
    person = Person("one", GERMAN, seed=3)
    again = Person("one", GERMAN, seed=3)
    first, second = person.drawings(1, seed=5), again.drawings(1, seed=5)
    assert [digit for digit, _, _ in first] == list(range(10))
    assert all(np.array_equal(a, b) for (_, _, one), (_, _, other) in zip(first, second) for a, b in zip(one, other))
    assert [style for _, style, _ in first] == [GERMAN[digit].name for digit in range(10)]


def test_a_persons_drawings_of_a_digit_are_more_alike_than_two_peoples_in_the_same_style():
    """Two people who learned the same script: each one's drawings differ less from each other
    than from the other person's (pixels of the 28x28 images the networks read)."""
    crowd = [Person(str(seed), GERMAN, seed=seed) for seed in range(3)]
    drawn = [images_of(person, 2, seed=1) for person in crowd]
    within = np.mean([np.abs(d[:, 0] - d[:, 1]).mean() for d in drawn])
    between = np.mean([np.abs(a[:, 0] - b[:, 0]).mean() for i, a in enumerate(drawn) for b in drawn[i + 1:]])
    assert within < 0.75 * between


def test_a_steadier_person_varies_less():
    steady = Person("steady", GERMAN, seed=0, steadiness=Steadiness(0.01, 0.005, 0.3, 0.004, 0.01))
    shaky = Person("shaky", GERMAN, seed=0, steadiness=Steadiness(0.3, 0.15, 9.0, 0.12, 0.2))
    spread = {person.name: images_of(person, 3, seed=2).std(axis=1).mean() for person in (steady, shaky)}
    assert spread["steady"] < 0.6 * spread["shaky"]


def test_people_learned_every_script_the_held_out_ones_too_and_some_have_habits_of_their_own():
    crowd = people(40, seed=0)
    assert all(person.styles[digit].digit == digit for person in crowd for digit in range(10))
    scripts = {person.name.split(", ", 1)[1] for person in crowd}
    assert scripts == set(catalogue.SCRIPTS)
    assert sum(bool(person.held_out) for person in crowd) >= 10
    variants = {style.name for style in catalogue.VARIANTS}
    assert any(style.name in variants for person in crowd for style in person.styles.values())
    assert [person.name for person in people(40, seed=0)] == [person.name for person in crowd]
