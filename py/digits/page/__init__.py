"""The adapter the page's worker calls: api.dispatch, the visitor's session, and one module per
page section. Nothing outside this package imports it.

Each section's module holds its page functions and, beside them, the types of what they are sent
and answer (TypedDicts whose docstrings say what the fields mean). build.py writes both as the
section's file of the page's client (tools/page_client.py → js/generated/client/recognizer.js for
recognizer.py), the types as JSDoc, so the page is type-checked against what Python answers."""
