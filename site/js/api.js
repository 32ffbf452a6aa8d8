// What the page may ask of Python: one function per page function of py/digits/page/api.py, one file
// per section under api/, all gathered here so that a section imports them in one line.
//
// Every function takes the Python handle first (a `Python` from python.js, or the patient
// handle of `python.after(...)`: anything with `call(fn, ...args)`) and resolves to Python's
// answer, or rejects with a PythonError whose message is one sentence for the visitor.
// Typed arrays travel as binaries, everything else as JSON. tests/test_page_contract.py
// checks that the names called here are exactly the names Python's registry offers.
//
// runtime, memory and load_model are called by worker.js itself, not through here. Each
// section's rules (the *Facts types in api/) are no calls: build.py writes Python's facts
// functions' answers into generated/facts.js, so they are there before Python is.

/**
 * @typedef {{ call: (fn: string, ...args: any[]) => Promise<any> }} PythonCalls
 * @typedef {PythonCalls & { within?: (limitMs: number) => PythonCalls }} PythonHandle
 *   within(limitMs): the same Python, its calls stopped (and Python started again) past limitMs
 */

export * from "./api/recognizer.js";      // the recognizer
export * from "./api/perceptron.js";      // the perceptron
export * from "./api/machine.js";         // the machine
export * from "./api/training.js";        // training
export * from "./api/teach.js";           // teaching your handwriting
export * from "./api/inside.js";          // inside the network
export * from "./api/why.js";             // why it says what it says
export * from "./api/evaluation.js";      // how good is it, and MNIST
export * from "./api/code.js";            // the Python behind each part
