"""Fuzz chronology's readers for a set time; keep every new crashing input in fuzz/corpus/ or --corpus DIR.

Run: ``python fuzz/run.py --seconds 300 [--target parse --target load_text] [--hang 10] [--corpus DIR]``.

The targets and the strategies that build their inputs are the test suite's
(``tests/fuzz_targets.py``): dates read by ``parse`` and ``parse_expression``
(random text and text assembled from the grammar's fragments, against
anchors and tenses), claimed figures, event files for ``load_text`` (random
text, structured mutations of sound files, character edits), raw bytes for
``load``, events added to and removed from a file, and the ``add`` command.

Hypothesis runs each target in batches, round-robin, until the time is up. A
failure is any exception other than a ``ChronologyError``, a broken promise
(an assertion in the target), or an input that takes longer than ``--hang``
seconds (POSIX only). Hypothesis shrinks it to a small input, which is written
to ``fuzz/corpus/<target>-<signature>.json`` unless a finding with the same
signature (the exception and where it was raised) is already there.
``tests/test_fuzz_corpus.py`` replays every file of that corpus. ``--corpus
DIR`` keeps a run's findings in DIR instead (made if missing); only the
findings already in DIR count as known there.

Exit status: 0 when nothing new was found, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import signal
import sys
import time
import traceback
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fuzz_targets import STRATEGIES, TARGETS  # noqa: E402
from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from chronology import ChronologyError  # noqa: E402

CORPUS = ROOT / "fuzz" / "corpus"
#: Examples per batch: the quick targets read one short text, the others whole files.
BATCH = {"parse": 2000, "parse_expression": 2000, "quantity": 2000, "load_text": 200, "load_bytes": 200}
FILE_BATCH = 50


class HangError(Exception):
    """An input took longer than the time allowed for one."""


class FindingError(Exception):
    """A target failed; carries the input and what went wrong."""

    def __init__(self, case: Mapping[str, Any], error: BaseException) -> None:
        super().__init__(f"{type(error).__name__}: {error}")
        self.case = dict(case)
        self.error = error


def signature(error: BaseException) -> tuple[str, str]:
    """What identifies a bug: the exception's type, and the innermost frame of chronology it passed through."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "/chronology/" in f.filename.replace("\\", "/")] or frames[-1:]
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    if isinstance(error, AssertionError):
        where += ":" + str(error).split("\n")[0][:80]  # one broken promise is not another
    return type(error).__name__, where


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise HangError("took too long")


def checked(name: str, case: Mapping[str, Any], hang: float) -> None:
    """Run one target on one input; anything but a ChronologyError (or a normal return) is a FindingError."""
    if hang and hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_REAL, hang)
    try:
        TARGETS[name](case)
    except ChronologyError:
        pass
    except (Exception, HangError) as error:
        raise FindingError(case, error) from error
    finally:
        if hang and hasattr(signal, "setitimer"):
            signal.setitimer(signal.ITIMER_REAL, 0)


def batch(name: str, examples: int, hang: float, run_seed: int) -> FindingError | None:
    """One Hypothesis run of ``examples`` inputs; the shrunk finding, if any."""
    found: list[FindingError] = []

    @seed(run_seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    @given(STRATEGIES[name])
    def fuzz(case: dict[str, Any]) -> None:
        try:
            checked(name, case, hang)
        except FindingError as finding:
            found.append(finding)  # the last one recorded is the shrunk one
            raise

    try:
        fuzz()
    except FindingError:
        return found[-1]
    except Exception as error:  # Hypothesis's own complaints (a flaky input): report, but keep going
        print(f"  {name}: Hypothesis stopped: {type(error).__name__}: {str(error).splitlines()[0][:200]}")
        return found[-1] if found else None
    return None


def keep(name: str, finding: FindingError, corpus: Path = CORPUS) -> Path | None:
    """Write the finding to the corpus folder unless one with its signature is there; the new file, or None."""
    kind, where = signature(finding.error)
    digest = hashlib.sha1(f"{name}|{kind}|{where}".encode()).hexdigest()[:10]
    path = corpus / f"{name}-{digest}.json"
    if path.exists():
        return None
    record = {
        "target": name,
        "input": finding.case,
        "error": f"{kind}: {str(finding.error)[:500]}",
        "where": where,
        "note": "found by fuzz/run.py; say here what was wrong once it is fixed",
    }
    corpus.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=2, ensure_ascii=True) + "\n", encoding="utf-8")
    return path


def shown(path: Path) -> str:
    """A path as the report names it: from the repository's root when it lies inside, else as given."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to fuzz (default 60)")
    parser.add_argument("--target", action="append", choices=sorted(TARGETS), help="repeatable; all by default")
    parser.add_argument("--hang", type=float, default=10.0, help="seconds one input may take (0: no limit)")
    parser.add_argument("--seed", type=int, default=None, help="first Hypothesis seed (default: random)")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        metavar="DIR",
        help=f"the folder new findings are written to (default: {shown(CORPUS)})",
    )
    args = parser.parse_args(argv)
    try:  # a folder that cannot be made is said now, not after the first finding
        args.corpus.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = "it is a file" if args.corpus.is_file() else error.strerror or str(error)
        parser.error(f"argument --corpus: cannot keep findings in {str(args.corpus)!r}: {reason}; give a folder")
    if args.hang and hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, _alarm)

    names = args.target or sorted(TARGETS)
    run_seed = args.seed if args.seed is not None else random.randrange(2**32)
    began = time.monotonic()
    examples = dict.fromkeys(names, 0)
    new: list[Path] = []
    print(
        f"fuzzing {', '.join(names)} for {args.seconds:g} s from seed {run_seed}; findings go to {shown(args.corpus)}"
    )
    while time.monotonic() - began < args.seconds:
        for name in names:
            if time.monotonic() - began >= args.seconds:
                break
            size = BATCH.get(name, FILE_BATCH)
            finding = batch(name, size, args.hang, run_seed)
            run_seed += 1
            examples[name] += size
            if finding is None:
                continue
            kept = keep(name, finding, args.corpus)
            what = f"{type(finding.error).__name__}: {str(finding.error)[:160]}"
            if kept is None:
                print(f"  {name}: known finding again ({what})")
            else:
                new.append(kept)
                print(f"  {name}: NEW finding ({what}) -> {shown(kept)}")
    elapsed = time.monotonic() - began
    print(f"\n{elapsed:.0f} s; inputs tried (at most): " + ", ".join(f"{n} {c:,}" for n, c in examples.items()))
    print(f"new findings: {len(new)}" + "".join(f"\n  {shown(p)}" for p in new))
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
