"""Thousands of events: density bands per lane instead of unreadable labels.

Run: ``python examples/dense.py [OUT_DIR]`` (writes dense.png). The events are synthetic and
reproducible: exact days, uncertain weeks and months, and things that last, over ten years.
"""

import random
import sys
from pathlib import Path

import chronology
from chronology import Event, Interval, Precision, Qualifier, Timeline, UncertainDate

HERE = Path(__file__).resolve().parent

rng = random.Random(42)
first = UncertainDate.parse("2015-01-01").earliest_day
events = []
for number in range(3000):
    day = first + int(rng.triangular(0, 3650, 2900))
    kind = rng.choice(["strike", "statement", "deployment", "diplomacy"])
    shape = rng.random()
    when: chronology.DateValue
    if shape < 0.5:
        when = UncertainDate.from_days(day, day)
    elif shape < 0.8:
        when = UncertainDate.from_days(day, day + rng.choice([6, 30]), Precision.DAY, qualifier=Qualifier.NONE)
    else:
        when = Interval(
            UncertainDate.from_days(day, day), UncertainDate.from_days(day + rng.randint(10, 300), day + 300)
        )
    events.append(Event(id=f"e{number}", title=f"Event {number}", when=when, kind=kind))

if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "docs" / "gallery"
    out.mkdir(parents=True, exist_ok=True)
    Timeline(events, title="3,000 synthetic events: expected events a day, per lane").to_png(out / "dense.png")
    print(f"wrote {out / 'dense.png'}")
