#!/usr/bin/env python3
"""Every include runs down the layers (CONTRIBUTING.md, "How the source is laid out").

The source is in one folder per layer under src/, highest first:

    cli > report > engine > import > input > model > base > platform

A file may include the headers of its own layer and of the layers below it, never of
one above. A header in include/ belongs to the layer of the folder that holds its .c
file (report.h to src/report/, because src/report/report.c); the few headers with no .c
of their own are named below. A file in a folder that is not a layer, a header no rule
places, or an include that runs up fails the check, with the file and line.

Usage: check_layers.py [SOURCE-ROOT]   (exit 0 pass, 1 fail)
"""
import glob
import os
import re
import sys

LAYERS = ["cli", "report", "engine", "import", "input", "model", "base", "platform"]
# Headers with no .c file of the same name.
HEADER_LAYER = {"platform.h": "platform", "version.h": "base", "import_reader.h": "import", "importer.h": "import",
                "import_types.h": "import",
                "xlsx_limits.h": "import",
                "iconv.h": "platform", "benchmark_report.h": "report"}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    src = os.path.join(root, "src")
    layer_of = dict(HEADER_LAYER)
    problems = []
    files = []
    for path in sorted(glob.glob(os.path.join(src, "**", "*.[ch]"), recursive=True)):
        rel = os.path.relpath(path, src).split(os.sep)
        if rel[0] not in LAYERS or len(rel) < 2:
            problems.append(f"{os.path.relpath(path, root)}: not in a layer's folder "
                            f"({', '.join(LAYERS)})")
            continue
        files.append((path, rel[0]))
        stem = os.path.splitext(rel[-1])[0]
        layer_of[stem + ".h"] = rel[0]  # the module's header, and the file's own name
    for path, layer in files:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                header = os.path.basename(m.group(1))
                target = layer_of.get(header)
                where = f"{os.path.relpath(path, root)}:{n}"
                if target is None:
                    problems.append(f"{where}: no layer for \"{header}\": name it in "
                                    "HEADER_LAYER of tests/tools/check_layers.py")
                elif LAYERS.index(target) < LAYERS.index(layer):
                    problems.append(f"{where}: {layer} includes \"{header}\" of {target}, "
                                    f"a layer above it ({' > '.join(LAYERS)})")
    for p in problems:
        print(p)
    print(f"{len(files)} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
