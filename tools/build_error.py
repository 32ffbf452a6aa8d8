"""BuildError, and running outside tools (npm, pip, apt-get) so that a failure reads as one sentence.

The person running build.py should learn what to fix, not read a tool's log: every failure
the build foresees is a BuildError whose message says what failed and what to do.
"""

import subprocess


class BuildError(Exception):
    """Something the person running the command must fix; the message says what, in a sentence."""


def run_tool(command, what, hint, cwd=None):
    """Run an outside tool quietly; if it fails, raise a BuildError naming what failed and what to do."""
    try:
        result = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    except FileNotFoundError:
        raise BuildError(f"Could not {what}: '{command[0]}' is not installed. {hint}") from None
    if result.returncode != 0:
        reason = failure_reason(result.stderr + result.stdout) or f"exit code {result.returncode}"
        raise BuildError(f"Could not {what} ({reason}). {hint}")


def failure_reason(output):
    """The line of a tool's output that says why it failed, without log paths or stack frames."""
    noise = ("complete log", " code ", " syscall ", " errno ", "    at ")
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower() and not any(n in line for n in noise)]
    return (errors or lines or [""])[0][:200]

