#!/usr/bin/env python3
"""Checks JSON lines against docs/protocol.schema.json.

Usage: check-schema.py SCHEMA (reply|request) < lines
Exit 0 when every line is valid; otherwise prints each failure and exits 1.
"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
kind = sys.argv[2]
validator = jsonschema.Draft202012Validator({"$ref": f"#/$defs/{kind}", "$defs": schema["$defs"]})
failures = 0
count = 0
for number, line in enumerate(sys.stdin, 1):
    if not line.strip():
        continue
    count += 1
    for error in validator.iter_errors(json.loads(line)):
        failures += 1
        print(f"line {number}: {error.json_path}: {error.message}", file=sys.stderr)
print(f"{count} {kind} lines, {failures} failures")
sys.exit(1 if failures or count == 0 else 0)
