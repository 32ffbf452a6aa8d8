"""How good is it: the confusion matrix in slices, MNIST's facts, the gallery."""

import numpy as np
import pytest

from digits.errors import VisitorError
from digits.explain import evaluation
from digits.images.pixels import to_float
from digits.nets import models
from digits.nets.models import WEIGHTS_DIR

SUBSET = WEIGHTS_DIR.parent / "data" / "web" / "mnist-small.npz"


@pytest.fixture(scope="module")
def subset():
    with np.load(SUBSET) as files:
        return {key: files[key] for key in files}


@pytest.fixture(scope="module")
def nets():
    return {name: models.load(name) for name in ("cnn", "mlp", "nielsen")}


def plain_confusion(model, images, labels):
    """The confusion matrix of one plain batch prediction, counted in the simplest way."""
    predicted = model.predict(to_float(images)).argmax(axis=1)
    matrix = [[0] * 10 for _ in range(10)]
    for t, p in zip(labels, predicted):
        matrix[t][p] += 1
    return matrix, predicted


@pytest.mark.parametrize("name", ["cnn", "mlp", "nielsen"])
def test_run_in_slices_counts_what_one_plain_batch_predicts(name, nets, subset):
    images, labels = subset["test_images"], subset["test_labels"]
    ev = evaluation.Evaluation(nets[name], images, labels)
    steps = []
    while not ev.done:
        steps.append(ev.run(count=333))
    assert [s["read"] for s in steps] == [333, 666, 999, 1332, 1665, 1998, 2000]
    matrix, predicted = plain_confusion(nets[name], images, labels)
    assert ev.confusion() == matrix
    assert sum(map(sum, ev.confusion())) == len(labels) == 2000
    correct = int((predicted == labels).sum())
    assert steps[-1] == {"read": 2000, "total": 2000, "fraction": 1.0, "done": True,
                         "correct": correct, "accuracy": correct / 2000}
    for t in range(10):
        for p in range(10):
            cell = ev.cell(t, p)
            np.testing.assert_array_equal(cell["indices"], np.flatnonzero((labels == t) & (predicted == p)))
            assert len(cell["indices"]) == matrix[t][p]


def test_the_per_digit_accuracy_reads_the_rows_of_the_matrix(nets, subset):
    ev = evaluation.Evaluation(nets["nielsen"], subset["test_images"], subset["test_labels"])
    ev.run(count=2000)
    matrix = np.asarray(ev.confusion())
    for row in ev.per_digit():
        t = row["digit"]
        assert row["count"] == int((subset["test_labels"] == t).sum()) == matrix[t].sum()
        assert row["correct"] == matrix[t, t] and row["accuracy"] == pytest.approx(matrix[t, t] / matrix[t].sum())
    summary = ev.summary()
    assert summary["confusion"] == ev.confusion() and summary["accuracy"] == pytest.approx(np.trace(matrix) / 2000)
    assert summary["accuracy"] < 0.99                      # the small network does misread some


def test_a_slice_by_time_stops_soon_and_reads_at_least_one_batch(nets, subset):
    ev = evaluation.Evaluation(nets["cnn"], subset["test_images"], subset["test_labels"])
    first = ev.run(seconds=0)
    assert first["read"] == evaluation.BATCH and not first["done"]
    assert first["accuracy"] == first["correct"] / evaluation.BATCH
    assert sum(map(sum, ev.confusion())) == evaluation.BATCH
    assert ev.cell(7, 7)["indices"].tolist() == [i for i in range(evaluation.BATCH) if subset["test_labels"][i] == 7]


def test_a_misread_cell_names_digits_whose_answer_is_its_column(nets, subset):
    images, labels = subset["test_images"], subset["test_labels"]
    ev = evaluation.Evaluation(nets["nielsen"], images, labels)
    ev.run(count=2000)
    matrix = np.asarray(ev.confusion())
    off = matrix - np.diag(np.diag(matrix))
    t, p = np.unravel_index(off.argmax(), off.shape)
    cell = ev.cell(t, p)
    assert len(cell["indices"]) == off.max() > 0
    reread = nets["nielsen"].predict(to_float(images[cell["indices"]]))
    assert reread.argmax(axis=1).tolist() == [p] * len(cell["indices"])
    np.testing.assert_allclose(cell["confidence"], reread[:, p], rtol=1e-5)


def test_evaluation_refuses_mismatched_sets_and_a_run_without_a_limit(nets):
    with pytest.raises(VisitorError, match="^There are 3 test images but 2 labels.$"):
        evaluation.Evaluation(nets["mlp"], np.zeros((3, 28, 28), np.uint8), [1, 2])
    ev = evaluation.Evaluation(nets["mlp"], np.zeros((3, 28, 28), np.uint8), [1, 2, 3])
    with pytest.raises(ValueError, match="^run needs seconds or count$"):
        ev.run()
    assert ev.progress()["accuracy"] is None


def test_mnist_facts_and_the_subsets_sizes(subset):
    facts = evaluation.mnist_facts(subset)
    assert (facts["digits"], facts["train"], facts["test"]) == (70_000, 60_000, 10_000)
    assert (facts["height"], facts["width"], facts["year"]) == (28, 28, 1998)
    assert "Census Bureau" in facts["writers"] and "high-school students" in facts["writers"]
    assert facts["authors"] == "Yann LeCun, Corinna Cortes and Christopher J. C. Burges"
    assert facts["subset"]["train"] == 10_000 and facts["subset"]["test"] == 2_000
    assert sum(facts["subset"]["test_per_digit"]) == 2_000
    assert facts["subset"]["test_per_digit"][1] == int((subset["test_labels"] == 1).sum())
    assert "subset" not in evaluation.mnist_facts()


def test_the_gallery_shows_every_digit_with_some_the_networks_find_hard(nets, subset):
    images, labels = subset["test_images"], subset["test_labels"]
    shown = evaluation.gallery(images, labels, nets)["digits"]
    assert len({d["index"] for d in shown}) == len(shown) == 80
    for digit in range(10):
        mine = [d for d in shown if d["label"] == digit]
        assert len(mine) == 8 and sum(d["kind"] != "ordinary" for d in mine) == 3
    for d in shown:
        assert d["label"] == labels[d["index"]]
        answers = {name: r["digit"] for name, r in d["readings"].items()}
        assert answers == {name: int(net.predict(to_float(images[d["index"]][None])).argmax())
                           for name, net in nets.items()}
        if d["kind"] == "ordinary":
            assert set(answers.values()) == {d["label"]}
            assert min(r["confidence"] for r in d["readings"].values()) >= 0.9
        elif d["kind"] == "misread":
            assert d["label"] not in answers.values()
        elif d["kind"] == "disagreement":
            assert len(set(answers.values())) > 1
        else:
            assert d["kind"] == "low confidence" and set(answers.values()) == {d["label"]}
    kinds = {d["kind"] for d in shown}
    assert {"ordinary", "disagreement"} <= kinds


def test_the_gallery_can_reuse_an_evaluations_readings(nets, subset):
    images, labels = subset["test_images"], subset["test_labels"]
    ev = evaluation.Evaluation(nets["cnn"], images, labels)
    ev.run(count=2000)

    class Unread:
        def predict(self, images):
            raise AssertionError("the gallery read the digits again")
    reused = evaluation.gallery(images, labels, {"cnn": Unread(), "nielsen": nets["nielsen"]},
                                readings={"cnn": ev.probabilities})
    fresh = evaluation.gallery(images, labels, {"cnn": nets["cnn"], "nielsen": nets["nielsen"]})
    assert [d["index"] for d in reused["digits"]] == [d["index"] for d in fresh["digits"]]
    small = evaluation.gallery(images, labels, {"nielsen": nets["nielsen"]}, pool=300)
    assert max(d["index"] for d in small["digits"]) < 300

