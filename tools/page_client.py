"""The page's client for Python, written from Python's own annotations: js/generated/client/*.js.

Every page function (digits.page.api.PAGE_FUNCTIONS) becomes a JavaScript function of the same
name in camelCase, `predict(python, model, bitmap, height, width)`, that asks the worker for it,
with JSDoc types read from the Python function's annotations and its docstring as its comment.
The TypedDicts those annotations name (each defined in the page module whose functions answer
it, and any other the facts functions return) become JSDoc typedefs, so tsc (tests/test_types.py)
holds every section's use of an answer to what Python says it answers. One file per Python
module: a page module's functions and its answer types go together.

This runs in a CPython with numpy (build.py's own Python may have none): from_python.py
runs it there, together with page_facts.py, in one run.
"""

import inspect
import json
import sys
import types
import typing

WORKER_ONLY = ("runtime", "memory", "load_model")      # worker.js asks for these itself, by name
JS_NAMES = {"true": "truth"}                            # a Python parameter whose name JavaScript reserves
HANDLE = 'import("../../api.js").PythonHandle'     # what calls Python: python.js's, or a patient or limited one
HEADER = "// Written by build.py from py/digits' annotations (tools/page_client.py): do not edit.\n"


def write_client(folder):
    """Write the client into `folder` (js/generated/client/); from_python.py runs this in a Python with numpy."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in client_files().items():
        (folder / name).write_text(text)


def client_files():
    """{file name: its text}: every page function and the types they and the facts functions use,
    and index.js, which gathers them."""
    from digits.page import api           # here, not above: build.py's own Python may lack numpy
    functions = {name: api.page_function(name) for name in api.PAGE_FUNCTIONS if name not in WORKER_ONLY}
    facts = [api.found(where) for where in api.FACTS.values()]
    shapes = Shapes(list(functions.values()) + facts)
    files = {}
    for module in shapes.modules:
        files.setdefault(file_of(module), []).extend(shapes.typedefs(module))
    for name, function in functions.items():
        files.setdefault(file_of(function.__module__), []).append(client_function(name, function, shapes))
    written = {file: client_file(parts) for file, parts in sorted(files.items())}
    index = "".join(f'export * from "./{file}";\n' for file in written)
    return {"index.js": HEADER + "// Every file of the client, which ../../api.js gathers.\n" + index, **written}


def client_file(parts):
    """One file of the client: its typedefs and functions, with `given` if a function needs it."""
    text = "\n\n".join(parts)
    helper = GIVEN if "given(" in text else ""
    types_only = "" if "export function" in text else "\nexport {};     // its types only: still a module\n"
    return HEADER + "\n" + helper + text + "\n" + types_only


# Python fills in the arguments the page leaves out with its defaults: send only those given.
GIVEN = """/** The arguments up to the last one given (Python has defaults for the rest). */
function given(/** @type {any[]} */ ...values) {
  return values.slice(0, values.findLastIndex((value) => value !== undefined) + 1);
}

"""


def file_of(module):
    """digits.page.recognizer → recognizer.js, digits.images.handwriting → handwriting.js."""
    return module.rpartition(".")[2] + ".js"


def camel_case(name):
    """why_map_run → whyMapRun: the page's name for a Python page function."""
    first, *rest = name.split("_")
    return first + "".join(word.capitalize() for word in rest)


class Shapes:
    """The named types a set of functions' annotations reach: TypedDicts, and the unions and
    Literals their modules give a name (Reading = Empty | Answer), in order of definition."""

    def __init__(self, functions):
        self.dicts = {}                                   # TypedDict → its module
        for function in functions:
            for annotation in typing.get_type_hints(function, include_extras=True).values():
                self.reach(annotation)
        self.modules = sorted({module for module in self.dicts.values()})
        self.aliases = {value: (name, module) for module in self.modules
                        for name, value in vars(sys.modules[module]).items() if is_alias(value)}

    def reach(self, annotation):
        if typing.is_typeddict(annotation):
            if annotation not in self.dicts:
                self.dicts[annotation] = annotation.__module__
                for field in typing.get_type_hints(annotation).values():
                    self.reach(field)
        for argument in typing.get_args(annotation):
            self.reach(argument)

    def typedefs(self, module):
        """Each TypedDict and named union of `module` as a JSDoc typedef, in the module's order."""
        found = []
        for name, value in vars(sys.modules[module]).items():
            if typing.is_typeddict(value) and value in self.dicts and value.__module__ == module:
                found.append(typedef_of_dict(value, self, file_of(module)))
            elif is_alias(value) and self.aliases.get(value, (None, None))[1] == module:
                found.append(f"/** @typedef {{{self.js(value, file_of(module), named=False)}}} {name} */")
        return found

    def js(self, annotation, here, named=True):
        """`annotation` as a JSDoc type, written in file `here` (a type of another file is imported)."""
        if named and is_alias(annotation) and annotation in self.aliases:
            return self.reference(*self.aliases[annotation], here)
        if typing.is_typeddict(annotation):
            return self.reference(annotation.__name__, annotation.__module__, here)
        origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
        if annotation in PLAIN:
            return PLAIN[annotation]
        if annotation is sys.modules.get("numpy", types).__dict__.get("ndarray"):
            return "Uint8Array | Uint8ClampedArray"          # what the page sends as a binary: pixels, file bytes
        if origin in (typing.NotRequired, typing.Required):      # a field's, which typedef_of_dict marks
            return self.js(arguments[0], here)
        if origin is typing.Annotated:
            from digits.page.on_the_page import OnThePage    # here, not above: see client_files
            named = [note for note in arguments[1:] if isinstance(note, OnThePage)]
            return f'import("../../{named[0].file}").{named[0].name}' if named else self.js(arguments[0], here)
        if origin is typing.Literal:
            return " | ".join(json.dumps(value) for value in arguments)
        if origin in (typing.Union, types.UnionType):
            return " | ".join(self.js(argument, here) for argument in arguments)
        if origin is list:
            item = self.js(arguments[0], here)
            return f"({item})[]" if " | " in item else f"{item}[]"
        if origin is tuple:
            return "[" + ", ".join(self.js(argument, here) for argument in arguments) + "]"
        if origin is dict and arguments[0] is str:
            return f"Record<string, {self.js(arguments[1], here)}>"
        raise TypeError(f"{annotation!r} has no JSDoc type here: annotate it with str, int, float, bool, None, "
                        "list[...], tuple[...], dict[str, ...], a Literal, a TypedDict or a union of these.")

    @staticmethod
    def reference(name, module, here):
        return name if file_of(module) == here else f'import("./{file_of(module)}").{name}'


PLAIN = {str: "string", int: "number", float: "number", bool: "boolean", type(None): "null",
         list: "any[]", dict: "Record<string, any>"}                  # a bare list or dict says nothing more


def is_alias(value):
    """A union or a Literal a module gives a name to, so the page names it too."""
    return isinstance(value, types.UnionType) or typing.get_origin(value) in (typing.Literal, typing.Union)


def typedef_of_dict(shape, shapes, here):
    """A TypedDict as a JSDoc typedef: its docstring, then a @property per field (`[name]` if it may be missing)."""
    optional = shape.__optional_keys__
    lines = [*comment_lines(inspect.getdoc(shape) if shape.__doc__ else ""), f"@typedef {{object}} {shape.__name__}"]
    lines += [f"@property {{{shapes.js(field, here)}}} {f'[{name}]' if name in optional else name}"
              for name, field in typing.get_type_hints(shape, include_extras=True).items()]
    return block(lines)


def client_function(name, function, shapes):
    """A page function as the page's JavaScript function that calls it: JSDoc from its annotations."""
    here = file_of(function.__module__)
    hints = typing.get_type_hints(function, include_extras=True)
    if "return" not in hints:
        raise TypeError(f"{name} does not say what it answers: give it a return annotation.")
    from digits.page import api
    parameters = api.parameters(function)        # the session, which Python adds, is not the page's to send
    names = [JS_NAMES.get(parameter.name, camel_case(parameter.name)) for parameter in parameters]
    lines = [*comment_lines(inspect.getdoc(function) or ""), f"@param {{{HANDLE}}} python"]
    for parameter, js_name in zip(parameters, names):
        kind = shapes.js(hints[parameter.name], here) + (" | null" if parameter.default is None else "")
        optional = parameter.default is not inspect.Parameter.empty
        lines.append(f"@param {{{kind}}} {f'[{js_name}]' if optional else js_name}{described(hints[parameter.name])}")
    lines.append(f"@returns {{Promise<{shapes.js(hints['return'], here)}>}}")
    arguments = ", ".join(names)
    sent = f"...given({arguments})" if any(p.default is not inspect.Parameter.empty for p in parameters) else arguments
    return (block(lines) + f"\nexport function {camel_case(name)}({', '.join(['python', *names])}) {{\n"
            f"  return python.call({', '.join([json.dumps(name), *([sent] if sent else [])])});\n}}")


def described(annotation):
    """What an Annotated parameter means, as its @param text: Annotated[list[float], "784 values in [0, 1]"]."""
    notes = [note for note in typing.get_args(annotation)[1:] if isinstance(note, str)]
    return "".join(f" {note}" for note in notes) if typing.get_origin(annotation) is typing.Annotated else ""


def comment_lines(text):
    return [line.rstrip() for line in text.splitlines()]


def block(lines):
    return "/**\n" + "\n".join(f" * {line}".rstrip() for line in lines) + "\n */"

