"""The one door for reads from the Qt side, one module per subject: each function opens one Session,
calls ``db`` and returns plain data, so it can run on the task runner's pools."""
