"""Report tables: selectors fetch plain data, pure builders make rows, renderers print them."""
