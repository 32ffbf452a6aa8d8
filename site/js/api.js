// What the page may ask of Python: one function per page function of py/digits/page/api.py, all
// gathered here so that a section imports them in one line (`import * as api from "../../api.js"`).
//
// The functions and the types of Python's answers are written by the build from Python's own
// annotations (tools/page_client.py → generated/client/, a file per Python module), so a section
// that reads a field Python does not give fails the type check (tests/test_types.py).
//
// Every function takes the Python handle first (a `Python` from python.js, or the patient
// handle of `python.after(...)`: anything with `call(fn, ...args)`) and resolves to Python's
// answer, or rejects with a PythonError whose message is one sentence for the visitor.
// Typed arrays travel as binaries, everything else as JSON.
//
// runtime, memory and load_model are called by worker.js itself, not through here. Each
// section's rules (the *Facts types) are no calls: build.py writes Python's facts functions'
// answers into generated/facts.js, so they are there before Python is.

/**
 * @typedef {{ call: (fn: string, ...args: any[]) => Promise<any> }} PythonCalls
 * @typedef {PythonCalls & { within?: (limitMs: number) => PythonCalls }} PythonHandle
 *   within(limitMs): the same Python, its calls stopped (and Python started again) past limitMs
 */

export * from "./generated/client/index.js";
