"""Every write of the advocacy app, one module per noun: outputs (and their published versions),
institutions (the addresses, with their guardian grants), recommendations, comments, submissions."""
