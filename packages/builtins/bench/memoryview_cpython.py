"""CPython's side of bench/memoryview.bench.ts: the same operations on the
same sizes, timed with timeit as `python3 -m timeit` times a statement
(median of 11 repeats, seconds per execution),
printed as JSON. The bench runs it once per operation, right after timing
the JavaScript side, so both see the same machine load; by hand:
`python3 bench/memoryview_cpython.py ["operation name" ...]`."""
import array
import json
import platform
import statistics
import sys
import timeit

import numpy

N = 1_000_000
doubles = memoryview(array.array("d", (i * 0.5 for i in range(N))))
grid = numpy.arange(2_000_000, dtype="d").reshape(1000, 2000)[:, ::2]
columns = memoryview(grid)  # 1000x1000 doubles, every other column
mb = memoryview(bytes(range(256)) * 4096)  # 1 MiB
eight_b = bytes(i * 7 & 0xFF for i in range(8 * 2**20))
eq_b1, eq_b2 = memoryview(eight_b), memoryview(bytearray(eight_b))
eq_d1 = memoryview(array.array("d", range(2**20)))
eq_d2 = memoryview(array.array("d", range(2**20)))
small = memoryview(bytearray(4096))
small_bytes = bytes(4096)

CASES = {
    "tolist of 1M doubles": "doubles.tolist()",
    "tobytes of a 1000x1000 float64 view of every other column": "columns.tobytes()",
    "hex of 1 MiB": "mb.hex()",
    "floor of hex of 1 MiB: TextDecoder.decode of its 2 MiB of digits": "mb.hex()",
    "hex of 1 MiB with sep": "mb.hex(':')",
    "equality of two 8 MiB views ('B')": "eq_b1 == eq_b2",
    "equality of two 8 MiB views ('d')": "eq_d1 == eq_d2",
    "core MemoryView.equals of two 8 MiB views ('B')": "eq_b1 == eq_b2",
    "core MemoryView.equals of two 8 MiB views ('d')": "eq_d1 == eq_d2",
    "memoryview(obj) of a 4096-byte bytes": "memoryview(small_bytes)",
    "slice m[1:-1]": "small[1:-1]",
    "slice m[10:100:3]": "small[10:100:3]",
    "cast('I')": "small.cast('I')",
    "cast('d')": "small.cast('d')",
}


def per_element_get():
    m = doubles
    for i in range(N):
        m[i]


CASES["get(i) over 1M doubles"] = per_element_get


def median_seconds(fn):
    # A statement is timed as `python3 -m timeit` times it (no function call around it).
    timer = timeit.Timer(fn, globals=globals()) if isinstance(fn, str) else timeit.Timer(fn)
    number, _ = timer.autorange()
    runs = timer.repeat(repeat=11, number=number)
    return statistics.median(runs) / number


def main():
    out = {"python": platform.python_version(), "numpy": numpy.__version__, "results": {}}
    for name in sys.argv[1:] or list(CASES):
        out["results"][name] = median_seconds(CASES[name])
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
