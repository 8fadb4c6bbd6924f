"""CPython's side of bench/memoryview.bench.ts: the same operations on the
same sizes, timed with timeit (median of 11 repeats, seconds per call),
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

CASES = {
    "tolist of 1M doubles": lambda: doubles.tolist(),
    "tobytes of a 1000x1000 float64 view of every other column": lambda: columns.tobytes(),
    "hex of 1 MiB": lambda: mb.hex(),
    "hex of 1 MiB with sep": lambda: mb.hex(":"),
    "equality of two 8 MiB views ('B')": lambda: eq_b1 == eq_b2,
    "equality of two 8 MiB views ('d')": lambda: eq_d1 == eq_d2,
    "slice m[1:-1]": lambda: small[1:-1],
    "cast('I')": lambda: small.cast("I"),
}


def per_element_get():
    m = doubles
    for i in range(N):
        m[i]


CASES["get(i) over 1M doubles"] = per_element_get


def median_seconds(fn):
    timer = timeit.Timer(fn)
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
