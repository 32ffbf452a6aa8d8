// Python first: this module runs the moment it arrives (it is loaded `async`, ahead of the
// stylesheets and the page's other scripts) and starts the worker that downloads Pyodide.

import { Python } from "./python.js";

export const python = new Python(new URL("./worker.js", import.meta.url));
