#!/usr/bin/env bash
# What a new user does, from nothing: a fresh clone of this repository (its last
# commit), the README's two commands (set-up, tests), then every other command of the
# README's bash blocks in order, in one shell (so `source .venv/bin/activate` holds).
# Stops at the first command that fails. Takes several minutes (the install and the
# tests); the clone is left in a temp folder for a look, its path printed at the end.
#
#   bash scripts/check_readme.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/quotex-readme-XXXXXX")"
git clone --quiet "$repo" "$work/quotex"
# the data the tests and the dev-set command read sits beside the clone, as in the project
if [ -d "$repo/../shared" ]; then ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"; fi
cd "$work/quotex"
script="$work/readme-commands.sh"
{
    echo "set -e"
    python3 scripts/readme_commands.py README.md | while IFS= read -r command; do
        printf 'echo %q\n' "\$ $command"
        printf 'SECONDS=0\n%s\n' "$command"
        echo 'echo "  ($SECONDS s)"'
    done
} > "$script"
bash "$script"
echo "README commands all ran: $work/quotex"
