"""Pages. A view parses the request, calls one selector or service, and renders or redirects."""
