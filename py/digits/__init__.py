"""Handwritten digits, read by small neural networks written in numpy.

One implementation, two runtimes: CPython trains and tests these modules,
Pyodide runs the very same files in the visitor's browser.
"""
