#!/usr/bin/env python3
"""The one entry point: build, serve, test, bench, train and predict.

    python3 build.py serve [--port 8000]   build dist/, serve it on 127.0.0.1, print the URL
    python3 build.py test [pytest args]    install what the tests need, build, run every test
    python3 build.py test --quick          the same, but only the tests neither browser nor slow
    python3 build.py build                 assemble dist/ (what GitHub Pages publishes)
    python3 build.py bench                 print speed figures (every bench/*.py)
    python3 build.py train --model NAME    train a network from scratch, write weights/NAME/
    python3 build.py predict --model NAME --input X.npy --output P.npy

Standard library only at the top level: numpy, pytest and Playwright live in .venv/
and are used by the commands that need them. The work itself is in tools/: runtime.py
(Pyodide and its numpy, fetched once and checked), assemble.py and from_python.py, with
page_facts.py and page_client.py (site/js/generated/), environment.py (.venv/, Chromium and the
tests' libraries).
"""

import argparse
import importlib
import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "tools"))

from assemble import DIST, build  # noqa: E402  (tools/ is on the path only from here)
from build_error import BuildError  # noqa: E402
from environment import TEST_LIBRARIES, VENV, ensure_chromium, ensure_venv, in_venv, test_library  # noqa: E402
from static_server import StaticServer  # noqa: E402


def serve(args):
    build()
    try:
        server = StaticServer(DIST, port=args.port)
    except OSError as error:
        raise BuildError(f"Cannot serve on 127.0.0.1:{args.port} ({error.strerror}): another program may "
                         f"be using it, so try 'python3 build.py serve --port {args.port + 1}'.") from None
    print(f"Serving dist/ at {server.url}  (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


QUICK = ["-m", "not browser and not slow"]       # the edit-test loop: no Chromium, no model-quality runs
# Tests run in parallel (pytest-xdist), a file to a worker: a file's browser tests share one booted page.
# One worker more than there are cores: a browser test spends much of its time waiting on the page
# (2 cores: 573 s with 3 workers against 605 s with 2, the whole suite).
IN_PARALLEL = ["-n", str((os.cpu_count() or 1) + 1), "--dist", "loadfile"]


def test(args):
    """Exit code: pytest's."""
    ensure_venv()
    if not args.quick:
        ensure_chromium()
    build()
    for name in TEST_LIBRARIES:
        test_library(name)
    chosen = QUICK if args.quick else []
    return in_venv("-m", "pytest", *parallel_unless_told(args.extra), *chosen, *args.extra)   # pytest.ini names tests/


def parallel_unless_told(extra):
    """IN_PARALLEL, unless the arguments choose how to run (-n 0 runs in this one process) or need
    one process (--pdb and --trace debug, -s shows the tests' output as it comes)."""
    own = ("-n", "--numprocesses", "--dist", "--pdb", "--trace", "-s", "no:xdist")
    told = any(argument.split("=")[0] in own or argument.startswith("-n") for argument in extra)
    return [] if told else IN_PARALLEL


def bench(args):
    ensure_venv()
    ensure_chromium()
    build(quiet=True)
    failed = 0
    for script in sorted((ROOT / "bench").glob("*.py")):
        print(f"\n== bench/{script.name}", flush=True)
        failed |= in_venv(str(script))
    return failed


def python_command(name, argv):
    """`train` and `predict` run py/digits/cli.py, which needs numpy: in .venv/ if this Python lacks it."""
    if importlib.util.find_spec("numpy") is None and Path(sys.prefix).resolve() != VENV.resolve():
        ensure_venv()
        return in_venv(str(ROOT / "build.py"), name, *argv)
    sys.path.insert(0, str(ROOT / "py"))
    try:
        cli = importlib.import_module("digits.cli")
    except ModuleNotFoundError as error:
        if error.name not in ("digits", "digits.cli"):
            raise
        raise BuildError(f"'{name}' needs py/digits/cli.py, which is missing.") from None
    return getattr(cli, f"{name}_main")(argv)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="build.py", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("build", help="assemble dist/").set_defaults(run=lambda args: build())
    serve_parser = commands.add_parser("serve", help="build dist/ and serve it on 127.0.0.1")
    serve_parser.add_argument("--port", type=int, default=8000)
    serve_parser.set_defaults(run=serve)
    test_parser = commands.add_parser("test", help="install what tests need, build, run pytest (extra arguments go to it)")
    test_parser.add_argument("--quick", action="store_true",
                             help="only the tests that are neither browser nor slow: the edit-test loop")
    test_parser.set_defaults(run=test)
    commands.add_parser("bench", help="print speed figures").set_defaults(run=bench)
    commands.add_parser("train", help="train a network from scratch, write weights/NAME/ (train --help)")
    commands.add_parser("predict", help="probabilities for a batch of images in a .npy (predict --help)")

    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and argv[0] in ("train", "predict"):       # their options belong to py/digits/cli.py
            return python_command(argv[0], argv[1:]) or 0
        args, extra = parser.parse_known_args(argv)
        if extra and args.command != "test":
            parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args.extra = extra
        return args.run(args) or 0
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopped.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
