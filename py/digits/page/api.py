"""What the page may ask of Python: the registry of page functions, and `dispatch`.

This is the adapter between the page and the package: nothing else in the
package imports it. The worker calls `dispatch(name, args_json, binaries)`:
arguments arrive as JSON, bitmaps as typed arrays (an argument {"binary": i}
stands for binaries[i]); each answer goes back as one JSON string, so no
Python object ever has to live on the JavaScript side (nothing to leak).

PAGE_FUNCTIONS says where each function lives. Only the recognizer's module is
imported with this one, so the recognizer is up without waiting for the others;
another section's module is imported when the page first calls one of its
functions. A function whose first parameter is `session` is given the visitor's
session (session.py): their networks and the work in progress. The others need
nothing but their arguments.

Before a call, the arguments are checked against the function's signature: how
many there are, and the kind each annotation names (str, int, float, bool, list,
dict, or np.ndarray for a typed array; list[float] is a list, a TypedDict a dict,
Literal["a", "b"] a str). A mismatch is a sentence naming the function and the
argument, not a traceback from deep inside it. The annotations also say more than
the kind, and what each function answers: build.py writes the page's typed client
from them (tools/page_client.py).
"""

import functools
import importlib
import inspect
import json
import sys
import types
import typing

import numpy as np

from ..errors import VisitorError
from . import recognizer  # noqa: F401 — imported now: the page reads a drawing first
from .session import Session

PACKAGE = __package__.rpartition(".")[0]     # "digits": PAGE_FUNCTIONS and FACTS name modules from there

PAGE_FUNCTIONS = {
    # the worker itself
    "runtime": "page.api:runtime",
    "memory": "page.api:memory",
    "load_model": "page.recognizer:load_model",
    # the recognizer
    "predict": "page.recognizer:predict",
    "compare": "page.recognizer:compare",
    "explain": "page.recognizer:explain",
    "read_image": "page.recognizer:read_image",
    # write a number
    "read_number": "page.number:read_number",
    # inside the network
    "inside_architecture": "page.inside:inside_architecture",
    "inside_answer": "page.inside:inside_answer",
    "inside_feature_map": "page.inside:inside_feature_map",
    "inside_neuron": "page.inside:inside_neuron",
    "inside_loss": "page.inside:inside_loss",
    "inside_probe": "page.inside:inside_probe",
    # why it says what it says
    "why_attribution": "page.why:why_attribution",
    "why_nudge": "page.why:why_nudge",
    "why_map_start": "page.why:why_map_start",
    "why_map_run": "page.why:why_map_run",
    "why_map_place": "page.why:why_map_place",
    "why_map_digit": "page.why:why_map_digit",
    # the Python behind each part of the page
    "code_source": "page.code:code_source",
    "code_run": "page.code:code_run",
    "code_run_drawing": "page.code:code_run_drawing",
    # how good is it, and what MNIST looks like
    "evaluate_start": "page.evaluation:evaluate_start",
    "evaluate_run": "page.evaluation:evaluate_run",
    "evaluate_cell": "page.evaluation:evaluate_cell",
    "mnist_facts": "page.evaluation:mnist_facts",
    "mnist_gallery": "page.evaluation:mnist_gallery",
    # the perceptron at the beach
    "perceptron_evaluate": "page.perceptron:perceptron_evaluate",
    "perceptron_truth_table": "page.perceptron:perceptron_truth_table",
    "perceptron_train": "page.perceptron:perceptron_train",
    # the MNIST machine
    "machine_forward": "page.machine:machine_forward",
    "machine_gradient": "page.machine:machine_gradient",
    "machine_step": "page.machine:machine_step",
    "machine_set_losses": "page.machine:machine_set_losses",
    "machine_auto": "page.machine:machine_auto",
    # watch it learn
    "learn_shape": "page.training:learn_shape",
    "learn_data": "page.training:learn_data",
    "learn_start": "page.training:learn_start",
    "learn_run": "page.training:learn_run",
    "learn_use": "page.training:learn_use",
    "learn_feature_maps": "page.training:learn_feature_maps",
    # networks made in the page, as files
    "model_file": "page.saved_models:model_file",
    "adopt_model_file": "page.saved_models:adopt_model_file",
    "forget_model": "page.saved_models:forget_model",
    # teach it your handwriting
    "personal_export": "page.personal:personal_export",
    "personal_import": "page.personal:personal_import",
    "finetune_start": "page.teach:finetune_start",
    "finetune_run": "page.teach:finetune_run",
    "finetune_finish": "page.teach:finetune_finish",
    "guided_check": "page.guided:guided_check",
}

# Each section's rules (words, limits, examples, defaults), which the page needs before Python
# is ready: build.py writes them into the page from `all_facts`, so the page never asks for them.
FACTS = {
    "perceptron_facts": "page.perceptron:perceptron_facts",
    "machine_facts": "page.machine:machine_facts",
    "training_facts": "page.training:training_facts",
    "teach_facts": "page.teach:teach_facts",
    "guided_facts": "page.guided:guided_facts",
    "inside_facts": "page.inside:inside_facts",
    "code_facts": "page.code:code_facts",
    "pad_facts": "page.pad:pad_facts",
    "names_facts": "page.network_names:names_facts",
    "recognizer_facts": "page.menu:recognizer_facts",
    "number_facts": "page.number:number_facts",
}


class Page:
    """One visitor's Python: a session, and the page functions called on it."""

    def __init__(self):
        self.session = Session()

    def dispatch(self, name, args_json, binaries=None):
        """Call the page function `name` with the JSON arguments.

        Returns a JSON string: {"ok": result} or {"error": "a sentence"}. A
        VisitorError keeps its message; anything unexpected is summarised in one
        line, with the traceback in "detail" (the worker logs it for developers).
        """
        try:
            function = page_function(name)
            args = bound(name, function, [unpack(a, binaries) for a in parsed(args_json)])
            if takes_session(function):
                args = [self.session, *args]
            return json.dumps({"ok": function(*args)})
        except VisitorError as error:
            return json.dumps({"error": str(error)})
        except Exception as error:  # noqa: BLE001 — the page must recover from any failure
            import traceback
            return json.dumps({"error": f"Python failed in {name}: {type(error).__name__}: {error}",
                               "detail": traceback.format_exc()})


@functools.cache
def page_function(name):
    """The function PAGE_FUNCTIONS names, its module imported on first use."""
    if name not in PAGE_FUNCTIONS:
        raise VisitorError(f"Python has no page function called '{name}'.")
    return found(PAGE_FUNCTIONS[name])


def found(where):
    """The function at "page.recognizer:predict" (a module of the package), imported if it is not yet."""
    module, function = where.split(":")
    return getattr(importlib.import_module(f"{PACKAGE}.{module}"), function)


def takes_session(function):
    return next(iter(inspect.signature(function).parameters), None) == "session"


def parameters(function):
    """The parameters the page fills in (the session, if any, is not one of them)."""
    found = list(inspect.signature(function).parameters.values())
    return found[1:] if takes_session(function) else found


# What each annotation accepts from the page, and how a sentence names it.
KINDS = {str: "a string", int: "a whole number", float: "a number", bool: "true or false",
         list: "a list", dict: "an object", np.ndarray: "a typed array"}


def bound(name, function, args):
    """`args`, checked against `function`'s parameters: their count, and the kind each annotation names."""
    wanted = parameters(function)
    required = [p for p in wanted if p.default is inspect.Parameter.empty]
    if not len(required) <= len(args) <= len(wanted):
        raise VisitorError(f"{name} takes {counted(required, wanted)}; the page sent {len(args)}.")
    for parameter, value in zip(wanted, args):
        if not fits(value, parameter):
            raise VisitorError(f"{name} needs {KINDS[kind_named(parameter.annotation)]} for {parameter.name}, "
                               f"not {kind_of(value)}.")
    return args


def counted(required, wanted):
    """How many arguments a function takes, in words: "no arguments", "2 to 3 arguments (model, image, top)"."""
    if not wanted:
        return "no arguments"
    count = f"{len(required)} to {len(wanted)}" if len(required) < len(wanted) else str(len(wanted))
    return f"{count} argument{'' if count == '1' else 's'} ({', '.join(p.name for p in wanted)})"


@functools.cache                                    # asked at every call; an annotation never changes
def kind_named(annotation):
    """The kind of KINDS an annotation names, or None if it names none (then anything is let through):
    list[float] is a list, a TypedDict (or a union of TypedDicts) a dict, Literal["a", "b"] a str,
    Annotated[list[float], "what it means"] a list."""
    if annotation in KINDS:
        return annotation
    if typing.is_typeddict(annotation):
        return dict
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:                  # Annotated[list[float], "784 values in [0, 1]"]: a list
        return kind_named(arguments[0])
    if origin is typing.Literal:
        kinds = {type(value) for value in arguments}
    elif origin in (typing.Union, types.UnionType):
        kinds = {kind_named(argument) for argument in arguments}
    else:
        kinds = {origin}
    kind = kinds.pop() if len(kinds) == 1 else None
    return kind if kind in KINDS else None


def fits(value, parameter):
    kind = kind_named(parameter.annotation)
    if kind is None or (value is None and parameter.default is None):
        return True
    if kind in (int, float) and isinstance(value, bool):
        return False
    if kind is float:
        return isinstance(value, (int, float))
    return isinstance(value, kind)


def kind_of(value):
    if value is None:
        return "null"
    for kind in (bool, int, float, str, list, dict, np.ndarray):     # bool first: True is an int too
        if isinstance(value, kind):
            return KINDS[kind] if kind is not int else "a number"
    return type(value).__name__


def parsed(args_json):
    try:
        args = json.loads(args_json)
    except (TypeError, ValueError):
        raise VisitorError("The page's arguments are not valid JSON.") from None
    if not isinstance(args, list):
        raise VisitorError("The page's arguments must be a list.")
    return args


def unpack(argument, binaries):
    """A typed array for {"binary": i}; any other argument as it is."""
    if not (isinstance(argument, dict) and set(argument) == {"binary"}):
        return argument
    index = argument["binary"]
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(binaries or ()):
        raise VisitorError(f"The page referred to a typed array it did not send ({index!r}).")
    data = binaries[index]
    return np.asarray(data.to_py() if hasattr(data, "to_py") else data)


# ---------------------------------------------------------------------------
# The worker's own questions

def runtime():
    """Versions, for the page's footer and for tests."""
    return {"python": sys.version.split()[0], "numpy": np.__version__}


def memory(session):
    """How many objects Python holds: flat over many predictions means nothing leaks."""
    import gc
    gc.collect()
    return {"objects": len(gc.get_objects()), "models": sorted(session.models)}


def all_facts():
    """Every section's rules at once, {facts function: its answer}, for build.py to write into the page."""
    return {name: found(where)() for name, where in FACTS.items()}


page = Page()
dispatch = page.dispatch     # the worker's one entry point
