"""The shapes of what each page function answers, one module per page module of the same name.

Each is a TypedDict the page function's return annotation names: build.py's client generator
(tools/page_client.py) writes them as the JSDoc types of the page's JavaScript client, so the page
is type-checked against what Python says it answers. A docstring's lines say what the fields mean.
"""
