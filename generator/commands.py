"""How an editor runs the generator, written once for every message that tells them to.

Pasted from the repository root after `scripts/build` (which makes `.venv`),
this works whatever plain `python` on the machine has installed.
"""

RUN = ".venv/bin/python -m generator"
