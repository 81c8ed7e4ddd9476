#!/usr/bin/env python3
"""Makes data/examples/network/: the share files of a FICTIONAL regional network of ten
authorities, for `stagegap benchmark` (docs/benchmarking.md).

Each authority's staff survey is made up here, from a fixed seed, and pooled with the
real `stagegap share`, so the files are what the tool writes and carry the model's hash.
Run it again when the built-in model changes:

    tools/make-network-example.py build/stagegap data/examples/network
"""
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

# name, respondents, maturity per stage (launch, implement, sustain) on 0-10, and the
# dates of its shares. Eastbrook, the reader in the docs, has three quarters.
AUTHORITIES = [
    ("Eastbrook County Council Children's Services", "eastbrook", 24, (6.5, 5.0, 3.4),
     ["2026-03-31", "2026-06-30", "2026-09-30"]),
    ("Northmoor Borough Children's Services", "northmoor", 12, (4.8, 3.1, 2.2), ["2026-09-30"]),
    ("Westvale Children's Services", "westvale", 30, (8.4, 7.6, 6.9), ["2026-06-30", "2026-09-30"]),
    ("Riverside Children's Services", "riverside", 20, (5.9, 5.2, 4.6), ["2026-03-15", "2026-09-15"]),
    ("Ashford Vale Family Services", "ashford-vale", 9, (7.1, 6.0, 4.9), ["2026-08-31"]),
    ("Kingsmere Council Children's Services", "kingsmere", 16, (5.2, 4.4, 3.9), ["2026-06-30", "2026-09-30"]),
    ("Harrowdale Children and Families", "harrowdale", 27, (6.9, 6.3, 5.5), ["2026-03-31", "2026-09-30"]),
    ("Lowfield District Children's Services", "lowfield", 11, (3.9, 2.8, 2.5), ["2026-04-30", "2026-07-31"]),
    ("Stonebridge Children's Services", "stonebridge", 18, (7.6, 5.8, 5.1), ["2026-05-31", "2026-09-30"]),
    ("Fenmouth Council Children's Social Care", "fenmouth", 14, (6.1, 4.7, 4.2), ["2026-02-28", "2026-08-15"]),
]


def questions(stagegap):
    out = subprocess.run([stagegap, "rules", "--format", "json"], check=True,
                         capture_output=True, text=True).stdout
    model = json.loads(out)
    for s, stage in enumerate(model["stages"]):
        for item in stage["items"]:
            if item.get("question"):
                yield s, item["id"], item["kind"]


def answers(rng, org, date, k, maturity, items, progress):
    lines = ["format: stagegap-answers/1", "rules: signs-of-safety",
             f"organisation: \"{org}\"", f"date: {date}",
             f"respondent: {{id: r{k:02d}}}", "answers:"]
    for stage, item, kind in items:
        level = min(10.0, maturity[stage] + progress)
        # a barrier is answered "how much it holds us back": high where maturity is low
        centre = 10 - level if kind == "barrier" else level
        if rng.random() < 0.04:
            lines.append(f"  {item}: unknown")
            continue
        value = round(min(10, max(0, rng.gauss(centre, 1.6))))
        lines.append(f"  {item}: {value}")
    return "\n".join(lines) + "\n"


def main():
    stagegap, out_dir = sys.argv[1], Path(sys.argv[2])
    items = list(questions(stagegap))
    rng = random.Random(20261207)
    out_dir.mkdir(parents=True, exist_ok=True)
    for org, slug, n, maturity, dates in AUTHORITIES:
        for q, date in enumerate(dates):
            progress = 0.55 * (q - (len(dates) - 1))  # earlier shares were lower
            with tempfile.TemporaryDirectory() as tmp:
                for k in range(1, n + 1):
                    Path(tmp, f"r{k:02d}.yaml").write_text(
                        answers(rng, org, date, k, maturity, items, progress))
                target = out_dir / f"{slug}-{date}.yaml"
                subprocess.run([stagegap, "share", "--jobs", "1", "--output", str(target), tmp],
                               check=True)


if __name__ == "__main__":
    main()
