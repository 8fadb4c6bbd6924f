// The suite's own tools: the checker must catch a non-compliant exporter,
// the options must be checked, the CLI must end with its closing line, and
// the mutation run's chunks must cover the suite.
import { describe, expect, test, vi } from "vitest";
import {
  BufferFlags,
  checkRequest,
  createContext,
  GET_BUFFER,
  RELEASE_BUFFER,
  TestExporter,
  type BufferInfo,
} from "../src/index.js";
import { main, parseArgs, UsageError } from "../src/cli.js";
import { readSupports } from "../src/supports.js";
import { dependsOnDataModel } from "../src/model/data-model.js";
import { modelLayout } from "../src/model/format-model.js";

describe("the request checker", () => {
  test("accepts the test exporter's answers", () => {
    const x = TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3] });
    const full = x[GET_BUFFER](BufferFlags.FULL_RO);
    for (const flags of [BufferFlags.SIMPLE, BufferFlags.ND, BufferFlags.F_CONTIGUOUS, BufferFlags.WRITABLE]) {
      checkRequest(
        (f) => x[GET_BUFFER](f),
        (i) => x[RELEASE_BUFFER](i),
        full,
        flags,
        "test exporter",
      );
    }
    x[RELEASE_BUFFER](full);
    expect(x.exports).toBe(0);
  });
  test("catches an exporter that ignores the request flags", () => {
    const x = TestExporter.fromItems([1, 2, 3, 4, 5, 6], { shape: [2, 3], ignoreRequests: true });
    const full = x[GET_BUFFER](BufferFlags.FULL_RO);
    const check = (flags: number) => () =>
      checkRequest(
        (f) => x[GET_BUFFER](f),
        (i: BufferInfo) => x[RELEASE_BUFFER](i),
        full,
        flags,
        "liar",
      );
    expect(check(BufferFlags.SIMPLE)).toThrow(/not requested/);
    expect(check(BufferFlags.F_CONTIGUOUS)).toThrow(/must refuse/);
    expect(check(BufferFlags.WRITABLE)).toThrow(/must refuse/);
  });
  test("catches an exporter that refuses with the wrong error", () => {
    const full = TestExporter.fromItems([1, 2])[GET_BUFFER](BufferFlags.FULL_RO);
    const get = () => {
      throw new RangeError("no");
    };
    expect(() => checkRequest(get, () => {}, full, BufferFlags.WRITABLE, "x")).toThrow(/must be a BufferError/);
  });
});

describe("options", () => {
  test("are checked at once", () => {
    expect(() => createContext({ test: 1 as never, impl: {} })).toThrow(TypeError);
    expect(() => createContext({ test: () => {}, impl: null as never })).toThrow("impl must be a module object");
    expect(() => createContext({ test: () => {}, impl: {}, suboffsets: false } as never)).toThrow(
      /moved to the implementation's 'supports'/,
    );
    expect(() => readSupports({ suboffset: false })).toThrow("unknown manifest key 'suboffset'");
    expect(() => readSupports({ maxNdim: "1" })).toThrow(TypeError);
    expect(readSupports({}).dataModel).toBe("LP64");
    expect(readSupports({ dataModel: "ILP32" }).dataModel).toBe("ILP32");
    expect(() => readSupports({ dataModel: "LLP64" })).toThrow("supports.dataModel must be one of LP64, ILP32");
    expect(() => readSupports({ dataModel: 32 })).toThrow("supports.dataModel must be a string");
  });
});

describe("the data model", () => {
  test("sizes native l L n N P, and only those, in native formats", () => {
    expect(modelLayout("cl", "ILP32").itemsize).toBe(8);
    expect(modelLayout("cl").itemsize).toBe(16);
    expect(modelLayout("cq", "ILP32").itemsize).toBe(16);
    expect(modelLayout("<cl", "ILP32").itemsize).toBe(5);
    expect(dependsOnDataModel("2hP")).toBe(true);
    expect(dependsOnDataModel("@n")).toBe(true);
    expect(dependsOnDataModel("=n")).toBe(false);
    expect(dependsOnDataModel("qQd")).toBe(false);
  });
});

describe("the command", () => {
  test("parses its arguments", () => {
    expect(parseArgs(["--seed", "7", "--filter", "/gold/", "--json"])).toMatchObject({ seed: 7, json: true, filter: /gold/ });
    expect(parseArgs(["--group", "struct", "--group", "memoryview/slicing"]).groups).toEqual(["struct", "memoryview/slicing"]);
    expect(() => parseArgs(["--nope"])).toThrow("unknown option --nope");
    expect(() => parseArgs(["--scale", "abc"])).toThrow(UsageError);
  });
  test("ends with N passed, M failed, and exits 0 when all pass", async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    try {
      const status = await main(["--impl", "./src/independent/index.ts", "--filter", "manifest", "--seed", "3"]);
      expect(status).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const lines = out.join("").trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(/^\d+ passed, 0 failed, \d+ skipped$/);
    expect(out.join("")).toContain("seed: 3");
  });
  test("exits non-zero on a failure", async () => {
    const spy = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      const status = await main(["--impl", "./test/fixtures/broken-slice.ts", "--group", "memoryview/slicing", "--quiet"]);
      expect(status).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("mutation chunks", () => {
  test("cut the suite into uniquely named chunks of one group each, which pass against @mv/builtins", async () => {
    const { mutationChunks } = await import("./mutation/suite-chunks.js");
    const chunks = mutationChunks({ groups: /^(struct\/errors|protocol\/requests):/, size: 7, scale: 0.1 });
    const names = chunks.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.some((n) => n.startsWith("struct/errors ["))).toBe(true);
    expect(names.some((n) => n.startsWith("protocol/requests ["))).toBe(true);
    // No name is found inside another (Stryker filters by unanchored pattern).
    for (const name of names) expect(names.filter((other) => other.includes(name))).toEqual([name]);
    for (const chunk of chunks) await chunk.run();
  });
});
