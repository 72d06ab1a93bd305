"""The shell commands that README.md gives, in the order it gives them.

The README's fenced ```bash blocks hold commands that run as written, one per line (a
line ending in a backslash continues on the next; `#` lines are comments). Commands
shown in ```sh blocks need what a check cannot count on (the internet, an hour of CPU)
and are not listed. `tests/test_readme.py` runs the commands that read `samples/`;
`scripts/check_readme.sh` runs all of them from a fresh clone.

    python scripts/readme_commands.py README.md    # one command per line
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

BASH_BLOCK = re.compile(r"^```bash\n(.*?)^```", re.MULTILINE | re.DOTALL)
# `samples/...`, and the output folders made from it (`samples-out`)
READS_SAMPLES = re.compile(r"(?:^|[\s<])samples\b")
SETUP_COMMANDS = re.compile(r"python3 -m venv|pip install|source \S*activate")


def readme_commands(readme: str) -> list[str]:
    """Every command of the README's bash blocks, continuation lines joined."""
    commands = []
    for block in BASH_BLOCK.findall(readme):
        pending = ""
        for line in block.splitlines():
            if line.rstrip().endswith("\\"):
                pending += line.rstrip()[:-1]
                continue
            command = (pending + line).strip()
            pending = ""
            if command and not command.startswith("#"):
                commands.append(command)
    return commands


def reads_samples(command: str) -> bool:
    """A command that works on `samples/` (or on what an earlier one made of it) and
    needs nothing but an installed quotex."""
    return bool(READS_SAMPLES.search(command)) and not SETUP_COMMANDS.search(command)


if __name__ == "__main__":
    print("\n".join(readme_commands(Path(sys.argv[1]).read_text(encoding="utf-8"))))
