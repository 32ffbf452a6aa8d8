"""The adapter the page's worker calls: api.dispatch, the visitor's session, and one module per
page section, named like its client in site/js/api/. Nothing outside this package imports it."""
