#!/usr/bin/python3
"""check_json_schema.py SCHEMA [FILE...]: validates each JSON FILE (or standard input)
against SCHEMA with Debian's python3-jsonschema, and prints "N passed, M failed"."""
import json
import sys

import jsonschema


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    files = sys.argv[2:] or ["-"]
    failed = 0
    for name in files:
        text = sys.stdin.read() if name == "-" else open(name, encoding="utf-8").read()
        errors = sorted(validator.iter_errors(json.loads(text)), key=lambda e: list(e.path))
        for e in errors[:10]:
            print(f"{name}: {'/'.join(map(str, e.path))}: {e.message}", file=sys.stderr)
        failed += bool(errors)
    print(f"{len(files) - failed} passed, {failed} failed")
    return 1 if failed else 0


sys.exit(main())
