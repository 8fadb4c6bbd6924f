#!/usr/bin/env python3
"""What NumPy makes of .npy files that @mv/core/npy wrote (run by npy.test.ts).

Reads a JSON list from stdin: [{"name", "path", "original": hex of a .npy
file NumPy wrote, or null}], loads each path with numpy.load(allow_pickle=False)
and prints, for each, a JSON object: its shape, its descr (dtype_to_descr,
as repr), its C-order bytes as hex, and whether its dtype equals the
original file's dtype.
"""

import io
import json
import sys

import numpy as np

out = []
for entry in json.load(sys.stdin):
    # Headers over 10000 bytes (a version 2.0 file) need a larger max_header_size.
    array = np.load(entry["path"], allow_pickle=False, max_header_size=1 << 20)
    original = entry.get("original")
    same_dtype = None
    if original is not None:
        same_dtype = bool(np.load(io.BytesIO(bytes.fromhex(original)), allow_pickle=False).dtype == array.dtype)
    out.append({
        "name": entry["name"],
        "shape": list(array.shape),
        "descr": repr(np.lib.format.dtype_to_descr(array.dtype)),
        "bytes": array.tobytes("C").hex(),
        "same_dtype": same_dtype,
    })
json.dump(out, sys.stdout)
