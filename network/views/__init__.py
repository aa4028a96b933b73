"""Network pages, one module per noun."""
