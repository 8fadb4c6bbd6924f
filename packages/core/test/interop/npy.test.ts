// @mv/core/npy against NumPy: files NumPy wrote (fixtures/npy_cases.json,
// made by fixtures/npy_cases.py) read without copies, malformed and
// truncated files refused with ValueError, and files @mv wrote loaded by
// NumPy itself (python3 with numpy; skipped with the reason where missing).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { type ParsedFormat, MemoryView, parseFormat } from "../../src/index.js";
import { readNpy, writeNpy } from "../../src/interop/npy.js";
import { bytesToHex, hexToBytes } from "../fixture-values.js";

type Fields = [string, number, number[], Fields | null][];
interface NpyCase {
  name: string;
  file: string;
  version: [number, number];
  shape: number[];
  strides: number[];
  itemsize: number;
  fortran_order: boolean;
  c_bytes: string;
  fields: Fields | null;
  values: unknown[] | null;
  numpy_format: string | null;
}
const fixture = JSON.parse(readFileSync(new URL("../../fixtures/npy_cases.json", import.meta.url), "utf8")) as {
  header: { numpy: string };
  cases: NpyCase[];
  refused: { name: string; file: string }[];
};
const byName = (name: string) => fixture.cases.find((c) => c.name === name)!;

const named = (name: string, message?: string | RegExp) =>
  message === undefined
    ? expect.objectContaining({ name })
    : expect.objectContaining({ name, message: typeof message === "string" ? message : expect.stringMatching(message) });

/** The named fields of a parsed format, as NumPy lists a dtype's (padding makes none). */
function fieldsOf(parsed: ParsedFormat): Fields | null {
  const top = parsed.fields.length === 1 && parsed.fields[0]!.kind === "struct" && parsed.fields[0]!.name === null;
  const fields = top ? parsed.fields[0]!.struct!.fields : parsed.fields;
  if (!fields.some((f) => f.name !== null)) return null;
  return fields.map((f) => [
    f.name!,
    f.byteOffset,
    [...f.shape].slice(0, f.kind === "character" ? -1 : undefined),
    f.kind === "struct" ? fieldsOf(f.struct!) : null,
  ]);
}

describe("readNpy: files NumPy wrote", () => {
  it(`has the fixture (NumPy ${fixture.header.numpy})`, () => {
    expect(fixture.cases.length).toBeGreaterThan(40);
  });

  for (const c of fixture.cases) {
    it(c.name, () => {
      const file = hexToBytes(c.file);
      const view = readNpy(file);
      expect([view.shape, view.itemsize]).toEqual([c.shape, c.itemsize]);
      // (An empty array's strides reach nothing; NumPy reports them as it likes.)
      if (view.nbytes > 0) expect(view.strides).toEqual(c.strides);
      expect(bytesToHex(view.toBytes("C"))).toBe(c.c_bytes);
      expect(fieldsOf(parseFormat(view.format))).toEqual(c.fields);
      if (c.values !== null) expect(view.toList()).toEqual(c.values);
      // NumPy aligns the data to 64 bytes of the file: no copy.
      expect(view.buffer).toBe(file.buffer);
    });
  }

  it("gives NumPy's types their struct and PEP 3118 formats", () => {
    const formatOf = (name: string) => readNpy(hexToBytes(byName(name).file)).format;
    expect(
      ["<i1", ">u2", ">i4", "<i8", ">u8", "<f2", ">f4", "<f8", "<c8", ">c16", "bool", "S5", "V4", "<U3", ">U3"].map(formatOf),
    ).toEqual(["b", ">H", ">i", "<q", ">Q", "<e", ">f", "<d", "<Zf", ">Zd", "?", "5s", "4s", "<3w", ">3w"]);
    expect(formatOf("packed record")).toBe("T{<i:id:<d:value:}");
    expect(formatOf("aligned record (padding)")).toBe("T{<i:id:4x<d:value:}");
    expect(formatOf("explicit offsets, larger itemsize")).toBe("T{<f:a:2x>H:b:4x}");
    expect(formatOf("nested, sub-arrays")).toBe("T{B:head:T{<f:x:>f:y:}:pos:(2)3s:tags:(2,3)<h:m:}");
    expect(formatOf("titled fields")).toBe("T{B:r:B:g:}");
    expect(formatOf("version 3.0, UTF-8 names")).toBe("T{<i:température:<d:δ:}");
  });

  it("reads values: records as lists of fields, both byte orders, Fortran order", () => {
    expect(readNpy(hexToBytes(byName("packed record").file)).toList()).toEqual([
      [1, 2.5],
      [-3, -0.125],
    ]);
    expect(readNpy(hexToBytes(byName(">i8").file)).toList()).toEqual([-(2n ** 63n), -1n, 2n, 2n ** 63n - 1n]);
    expect(readNpy(hexToBytes(byName("<f8").file)).toList()).toEqual([1e300, -2.5, 1 / 3, -0]);
    const fortran = readNpy(hexToBytes(byName("fortran 2-D").file));
    expect([fortran.fContiguous, fortran.get(2, 3), (fortran.toList() as number[][])[1]]).toEqual([true, 11, [4, 5, 6, 7]]);
    const s = readNpy(hexToBytes(byName("S5").file)).get(3);
    expect(s).toEqual(Uint8Array.of(0, 0x61, 0xff, 0x7a, 0));
    expect(readNpy(hexToBytes(byName("0-d").file)).get()).toBe(7.25);
  });

  it("writes through to the file's bytes (no copy)", () => {
    const file = hexToBytes(byName("<i4").file);
    const view = readNpy(file);
    view.set(0, 42);
    expect(readNpy(file).get(0)).toBe(42);
    const readonly = readNpy(MemoryView.from(file).toReadonly());
    expect(readonly.readonly).toBe(true);
  });

  it("copies data that is not aligned for its items, and only then", () => {
    const file = hexToBytes(byName("<f8").file);
    const shifted = new Uint8Array(file.length + 3);
    shifted.set(file, 3);
    const copied = readNpy(shifted.subarray(3));
    expect([copied.buffer === shifted.buffer, copied.toList()]).toEqual([false, readNpy(file).toList()]);
    const bytes = hexToBytes(byName("<i1").file);
    const shiftedBytes = new Uint8Array(bytes.length + 3);
    shiftedBytes.set(bytes, 3);
    expect(readNpy(shiftedBytes.subarray(3)).buffer).toBe(shiftedBytes.buffer); // 1-byte items are always aligned
    const ro = readNpy(MemoryView.from(shifted.subarray(3)).toReadonly());
    expect(ro.readonly).toBe(true);
  });

  it("takes an ArrayBuffer, or any contiguous exporter", () => {
    const file = hexToBytes(byName("<u2").file);
    expect(readNpy(file.buffer).toList()).toEqual(byName("<u2").values);
    expect(() => readNpy(MemoryView.from(file).slice([null, null, 2]))).toThrow(named("BufferError"));
  });
});

describe("readNpy: refusals", () => {
  for (const r of fixture.refused) {
    it(r.name, () => {
      expect(() => readNpy(hexToBytes(r.file))).toThrow(named("ValueError"));
    });
  }

  it("refuses pickles with NumPy's message", () => {
    const pickled = fixture.refused.find((r) => r.name === "object array (pickle)")!;
    expect(() => readNpy(hexToBytes(pickled.file))).toThrow(
      named("ValueError", "Object arrays cannot be loaded when allow_pickle=False"),
    );
  });

  /** A version 1.0 file with `header` as its dict and `data` after it. */
  const fileWith = (header: string, data: Uint8Array = new Uint8Array(0), version = 1) => {
    const text = new TextEncoder().encode(header);
    const start = version === 1 ? 10 : 12;
    const file = new Uint8Array(start + text.length + data.length);
    file.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
    new DataView(file.buffer).setUint32(8, text.length, true);
    if (version === 1) file[10 - 2 + 2] = file[10]!; // a 2-byte length; the upper half is overwritten by the header
    file.set(text, start);
    file.set(data, start + text.length);
    return file;
  };
  const header = (descr: string, shape: string, fortran = "False") =>
    `{'descr': ${descr}, 'fortran_order': ${fortran}, 'shape': ${shape}, }`;

  it("refuses bad magic, versions and header lengths", () => {
    expect(() => readNpy(new Uint8Array(0))).toThrow(
      named("ValueError", "the magic string is not correct; expected b'\\x93NUMPY', got b''"),
    );
    expect(() => readNpy(new TextEncoder().encode("PK\x03\x04zip"))).toThrow(
      named("ValueError", /^the magic string is not correct/),
    );
    const v4 = fileWith(header("'<i4'", "(1,)"), new Uint8Array(4));
    v4[6] = 4;
    expect(() => readNpy(v4)).toThrow(named("ValueError", "we only support format version (1,0), (2,0), and (3,0), not (4, 0)"));
    const long = fileWith(header("'<i4'", "(1,)"));
    long[8] = 0xff;
    long[9] = 0xff;
    expect(() => readNpy(long)).toThrow(named("ValueError", /^EOF: reading array header, expected 65535 bytes got/));
    expect(() => readNpy(long.subarray(0, 9))).toThrow(
      named("ValueError", "EOF: reading array header length, expected 2 bytes got 1"),
    );
  });

  it("refuses headers that are not NumPy's dict, without evaluating anything", () => {
    for (const [text, message] of [
      ["[1, 2]", /^Header is not a dictionary: \[1, 2\]/],
      ["{'descr': '<i4', 'shape': (1,)}", "Header does not contain the correct keys: ['descr', 'shape']"],
      [
        `{'descr': '<i4', 'fortran_order': False, 'shape': (1,), 'extra': 1}`,
        "Header does not contain the correct keys: ['descr', 'extra', 'fortran_order', 'shape']",
      ],
      [header("'<i4'", "(1.5,)"), /^Cannot parse header/],
      [header("'<i4'", "(-1,)"), "shape is not valid: (-1,)"],
      [header("'<i4'", "[1]"), "shape is not valid: [1]"],
      [header("'<i4'", "(True,)"), "shape is not valid: (True,)"],
      [header("'<i4'", "(1,)", "0"), "fortran_order is not a valid bool: 0"],
      [header("__import__('os').system('echo hi')", "(1,)"), /^Cannot parse header/],
      [header("'<i4'", "(1,) if True else ()"), /^Cannot parse header/],
      [header("'<x4'", "(1,)"), /^descr is not a valid dtype descriptor: '<x4'/],
      [header("'<f16'", "(1,)"), /^descr is not a valid dtype descriptor: '<f16' \(no 16-byte float in struct\)/],
      [header("'|S0'", "(1,)"), /^descr is not a valid dtype descriptor/],
      [header("[('a', '<i4'), ('a', '<i4')]", "(1,)"), /is used twice/],
      [header("[('a:b', '<i4')]", "(1,)"), /has a ':'/],
      [header("[]", "(1,)"), /needs a field/],
      [header("[('a', [('b', '|O')])]", "(1,)"), "Object arrays cannot be loaded when allow_pickle=False"],
      [header(`${"[('a', ".repeat(70)}'<i4'${")]".repeat(70)}`, "(1,)"), /nested more than 64 deep/],
      [header(`${"[".repeat(300)}${"]".repeat(300)}`, "(1,)"), /^Cannot parse header/],
      [`{'descr': '<i4', 'fortran_order': False, 'shape': (1,), `, /^Cannot parse header/],
      ["{'descr': '<i4\n', 'fortran_order': False, 'shape': (1,)}", /^Cannot parse header/],
    ] as const) {
      expect(() => readNpy(fileWith(text, new Uint8Array(64))), text).toThrow(named("ValueError", message));
    }
  });

  it("refuses data shorter than the header says, and shapes too large to exist", () => {
    expect(() => readNpy(fileWith(header("'<i4'", "(3,)"), new Uint8Array(11)))).toThrow(
      named("ValueError", "EOF: reading array data, expected 12 bytes got 11"),
    );
    expect(() => readNpy(fileWith(header("'<i4'", "(2**40,)"), new Uint8Array(4)))).toThrow(named("ValueError"));
    expect(() => readNpy(fileWith(header("'<f8'", "(4294967296, 4294967296)"), new Uint8Array(8)))).toThrow(
      named("ValueError", "shape is not valid: the array would hold more than 2**53 bytes"),
    );
    expect(() => readNpy(fileWith(header("'<i4'", `(${"1, ".repeat(65)})`), new Uint8Array(4)))).toThrow(
      named("ValueError", /^shape is not valid/),
    );
  });

  it("reads the odd but valid headers Python's literal syntax allows", () => {
    const view = readNpy(fileWith(`{"shape": (2,), "fortran_order": True, "descr": "<i2"}`, Uint8Array.of(1, 0, 2, 0)));
    expect(view.toList()).toEqual([1, 2]);
    expect(readNpy(fileWith(header("[(('Title', 'x'), '<u2')]", "((2),)"), Uint8Array.of(1, 0, 2, 0))).format).toBe("T{<H:x:}");
    expect(readNpy(fileWith(header("'<i2'", "()"), Uint8Array.of(5, 0))).get()).toBe(5);
    expect(readNpy(fileWith(header("'\\x3ci2'", "(1,)"), Uint8Array.of(5, 0))).format).toBe("<h");
  });

  it("refuses every truncation of a valid file with ValueError", () => {
    for (const name of ["nested, sub-arrays", "version 3.0, UTF-8 names", "version 2.0", "fortran 3-D big-endian"]) {
      const file = hexToBytes(byName(name).file);
      for (let length = 0; length < file.length; length++) {
        expect(() => readNpy(file.subarray(0, length)), `${name}: ${length} bytes`).toThrow(named("ValueError"));
      }
      expect(readNpy(file).shape).toEqual(byName(name).shape);
    }
  });

  it("answers corrupted files with a view inside the file or a ValueError, nothing else", () => {
    const files = ["nested, sub-arrays", "packed record", "fortran 2-D", "<U3"].map((name) => hexToBytes(byName(name).file));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: files.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        (which, changes) => {
          const file = files[which]!.slice();
          // Mostly the header: that is where the parser lives.
          for (const [at, byte] of changes) file[at % Math.min(file.length, 128)] = byte;
          try {
            const view = readNpy(file);
            expect(view.buffer === file.buffer ? view.layout.byteOffset + view.nbytes : view.nbytes).toBeLessThanOrEqual(
              file.length,
            );
            view.toBytes();
          } catch (error) {
            if ((error as Error).name !== "ValueError") throw error;
          }
        },
      ),
      { numRuns: 400, seed: 20261207 },
    );
  });
});

describe("writeNpy", () => {
  it("writes NumPy's header, aligned to 64 bytes", () => {
    const file = writeNpy(Float64Array.of(1, 2, 3));
    const headerLength = file[8]! | (file[9]! << 8);
    const header = new TextDecoder().decode(file.subarray(10, 10 + headerLength));
    expect(header).toMatch(/^\{'descr': '<f8', 'fortran_order': False, 'shape': \(3,\), \} +\n$/);
    expect([file.length, (10 + headerLength) % 64, Array.from(file.subarray(0, 8))]).toEqual([
      128 + 24,
      0,
      [0x93, 78, 85, 77, 80, 89, 1, 0],
    ]);
  });

  it("round-trips every fixture through readNpy", () => {
    for (const c of fixture.cases) {
      const view = readNpy(hexToBytes(c.file));
      const again = readNpy(writeNpy(view));
      expect([again.shape, again.itemsize], c.name).toEqual([c.shape, c.itemsize]);
      expect(bytesToHex(again.toBytes()), c.name).toBe(c.c_bytes);
      expect(fieldsOf(parseFormat(again.format)), c.name).toEqual(c.fields);
    }
  });

  it("writes non-contiguous and sub-array views in C order", () => {
    const grid = MemoryView.from(Int32Array.from({ length: 12 }, (_, i) => i)).reshape([3, 4]);
    const flipped = grid.transpose().slice([null, null, -1], [null, null, 2]);
    expect(readNpy(writeNpy(flipped)).toList()).toEqual(flipped.toList());
    const sub = MemoryView.from(new Int16Array(12))
      .cast("B")
      .derive({ format: "(2,3)<h", shape: [2] });
    expect(readNpy(writeNpy(sub)).shape).toEqual([2, 2, 3]);
  });

  it("refuses formats NumPy has no dtype for", () => {
    const bytes = MemoryView.from(new Uint8Array(8));
    expect(() => writeNpy(bytes.derive({ format: "4p", shape: [2] }))).toThrow(
      named("ValueError", "writeNpy: NumPy has no dtype for Pascal strings ('p')"),
    );
    expect(() => writeNpy(bytes.derive({ format: "2u", shape: [2] }))).toThrow(named("ValueError"));
  });
});

// NumPy itself loading what @mv wrote. CI has python3 with numpy; elsewhere,
// where either is missing, the group is skipped and says why.
const probe = spawnSync("python3", ["-c", "import numpy; print(numpy.__version__)"], { encoding: "utf8" });
const numpyMissing =
  probe.status !== 0
    ? `python3 with numpy is not available (${(probe.error?.message ?? probe.stderr).trim().split("\n").pop()})`
    : null;
if (numpyMissing !== null) console.warn(`npy: NumPy round trip skipped: ${numpyMissing}`);

describe.skipIf(numpyMissing !== null)("numpy.load of files @mv wrote", () => {
  const dir = mkdtempSync(join(tmpdir(), "mv-npy-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`loads each one with allow_pickle=False (NumPy ${probe.stdout.trim()})`, () => {
    const entries: { name: string; path: string; original: string | null; expected: { shape: number[]; bytes: string } }[] = [];
    const add = (name: string, exporter: unknown, original: string | null, shape?: number[]) => {
      const view = MemoryView.from(exporter);
      const path = join(dir, `${entries.length}.npy`);
      writeFileSync(path, writeNpy(view));
      entries.push({ name, path, original, expected: { shape: shape ?? view.shape, bytes: bytesToHex(view.toBytes()) } });
    };
    for (const c of fixture.cases) add(c.name, readNpy(hexToBytes(c.file)), c.file);
    const grid = MemoryView.from(Float32Array.from({ length: 24 }, (_, i) => i / 4)).reshape([2, 3, 4]);
    add("transposed, reversed, strided", grid.permute(2, 0, 1).slice([null, null, -1], [null, null, -1], [null, null, 2]), null);
    add(
      "big-endian struct view",
      MemoryView.from(new Uint8Array(48)).derive({ format: "T{>i:id:4x>d:value:(2)<h:xy:}", shape: [2], itemsize: 20 }),
      null,
    );
    add("native struct with padding", MemoryView.from(new Uint8Array(40)).derive({ format: "@bqi", shape: [2] }), null);
    add(
      "sub-array items",
      MemoryView.from(Int16Array.from({ length: 12 }, (_, i) => -i))
        .cast("B")
        .derive({ format: "(2,3)<h", shape: [2] }),
      null,
      [2, 2, 3],
    );
    add(
      "long header (version 2.0)",
      MemoryView.from(new Uint8Array(3)).derive({
        format: `T{${Array.from({ length: 3 }, (_, i) => `B:${"n".repeat(30000)}${i}:`).join("")}}`,
        shape: [1],
        itemsize: 3,
      }),
      null,
    );
    add("0-d", MemoryView.from(Float64Array.of(2.5)).reshape([]), null);
    add("empty", MemoryView.from(new Int32Array(0)).reshape([0, 5]), null);
    const script = fileURLToPath(new URL("./numpy_loads.py", import.meta.url));
    const run = spawnSync("python3", [script], { input: JSON.stringify(entries), encoding: "utf8", maxBuffer: 1 << 26 });
    expect(run.stderr).toBe("");
    const loaded = JSON.parse(run.stdout) as {
      name: string;
      shape: number[];
      descr: string;
      bytes: string;
      same_dtype: boolean | null;
    }[];
    expect(loaded.length).toBe(entries.length);
    // Where @mv's format holds less than the original dtype: V items come back as S, titles are dropped.
    const dtypeChanges: Record<string, RegExp> = { V4: /^'\|S4'$/, "titled fields": /^\[\('r', '\|u1'\), \('g', '\|u1'\)\]$/ };
    loaded.forEach((result, i) => {
      const entry = entries[i]!;
      expect([result.name, result.shape, result.bytes]).toEqual([entry.name, entry.expected.shape, entry.expected.bytes]);
      if (entry.original === null) return;
      if (dtypeChanges[entry.name] !== undefined) expect(result.descr, entry.name).toMatch(dtypeChanges[entry.name]!);
      else expect(result.same_dtype, `${entry.name}: ${result.descr}`).toBe(true);
    });
    const byEntry = (name: string) => loaded.find((r) => r.name === name)!;
    expect(byEntry("native struct with padding").descr).toBe("[('f0', '|i1'), ('', '|V7'), ('f1', '<i8'), ('f2', '<i4')]");
    expect(byEntry("big-endian struct view").descr).toBe("[('id', '>i4'), ('', '|V4'), ('value', '>f8'), ('xy', '<i2', (2,))]");
  });
});
