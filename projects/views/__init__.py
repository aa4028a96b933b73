"""Project pages, one module per noun: projects (the list, the page, the editors) and the activity log."""
