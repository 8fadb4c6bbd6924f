/**
 * The suite's groups, by topic, and what each needs: the one place that
 * says which exports a group calls and which manifest feature gates it.
 *
 * A group is `topic/sub-group` (`memoryview/slicing`) and is made of
 * entries, each drawing its cases from one source (recorded golden data or
 * seeded random cases), so one group mixes both. An entry runs when the
 * module has what it needs (else it is reported skipped, with the reason,
 * never passed); an entry gated by a feature the module's `supports`
 * manifest declares false runs its refusal twin instead, which checks that
 * the module refuses that feature cleanly (abstract-level's pattern).
 *
 * @packageDocumentation
 */

import type { Context } from "./common.js";
import type { ImplementationModule } from "./implementation.js";
import type { Supports } from "./supports.js";
import * as bufferCapi from "./cases/buffer-capi.js";
import * as capiPointers from "./cases/buffer-capi-pointers.js";
import { exportsOf } from "./cases/buffer-capi-support.js";
import * as builtinExporters from "./cases/builtin-exporters.js";
import * as getbufferFlags from "./cases/getbuffer-flags.js";
import * as goldenFormats from "./cases/golden-formats.js";
import * as goldenHashes from "./cases/golden-hashes.js";
import * as goldenHex from "./cases/golden-hex.js";
import * as goldenObjects from "./cases/golden-objects.js";
import * as goldenRecords from "./cases/golden-records.js";
import * as goldenSetitem from "./cases/golden-setitem.js";
import * as goldenSlices from "./cases/golden-slices.js";
import * as goldenStruct from "./cases/golden-struct.js";
import * as goldenViews from "./cases/golden-views.js";
import * as legacyBuffer from "./cases/legacy-buffer.js";
import * as manifest from "./cases/manifest.js";
import * as memoryviewMethods from "./cases/memoryview-methods.js";
import * as memoryviewProtocol from "./cases/memoryview-protocol.js";
import * as memoryviewRandom from "./cases/memoryview-random.js";
import * as ndarrayView from "./cases/ndarray-view.js";
import * as pythonExporters from "./cases/python-exporters.js";
import * as pythonObjects from "./cases/python-objects.js";
import * as reExporters from "./cases/re-exporters.js";
import * as refusals from "./cases/refusals.js";
import * as structCodec from "./cases/struct-codec.js";
import * as structSources from "./cases/struct-sources.js";
import * as typeNames from "./cases/type-names.js";

/** An export a group calls: one name, or `{ anyOf }` for a group content with any of several. */
export type Need = keyof ImplementationModule | { readonly anyOf: readonly (keyof ImplementationModule)[] };

/** A manifest key that switches a feature on or off. */
export type Feature = { [K in keyof Supports]: Supports[K] extends boolean ? K : never }[keyof Supports];

/** One source of cases inside a group. */
export interface GroupEntry {
  /** The exports its cases call. */
  readonly needs: readonly Need[];
  /** The manifest feature its cases exercise; when the module declares it false, `refusal` runs instead. */
  readonly feature?: Feature;
  /** Registers the cases. */
  readonly cases: (ctx: Context) => void;
  /** The refusal twin: registers cases checking that the undeclared feature is refused cleanly. */
  readonly refusal?: (ctx: Context) => void;
  /** Whether the entry applies at all under this manifest (a twin for a limit the module does not have, say). */
  readonly when?: (supports: Supports) => boolean;
}

/** A group: `topic/sub-group`, what it checks, and its entries. */
export interface GroupDefinition {
  readonly name: string;
  /** One line on what the group checks. */
  readonly about: string;
  readonly entries: readonly GroupEntry[];
}

const VIEW: readonly Need[] = ["memoryview"];
const STRUCT: readonly Need[] = ["struct"];
const CAPI: readonly Need[] = ["capi"];
const NDARRAY: readonly Need[] = ["MemoryView"];
const OBJECTS: Need = { anyOf: ["bytes", "bytearray", "array"] };

const struct = (ctx: Context) => ctx.impl.struct!;
const capi = (ctx: Context) => ctx.impl.capi!;

/** The golden scenarios and random cases of one memoryview topic. */
const viewScenarios = (topic: goldenViews.ScenarioTopic): GroupEntry => ({
  needs: VIEW,
  cases: (ctx) => {
    goldenViews.cpython(ctx, topic);
    goldenViews.numpy(ctx, topic);
  },
});
const randomOps = (...ops: memoryviewRandom.Operation[]): GroupEntry => ({
  needs: VIEW,
  cases: (ctx) => memoryviewRandom.random(ctx, ops),
});

/** Every group, in the order they run. */
export const GROUPS: readonly GroupDefinition[] = [
  {
    name: "manifest",
    about: "the manifest's shape; each error class named for its Python exception",
    entries: [{ needs: [], cases: (ctx) => { manifest.manifest(ctx); manifest.errors(ctx); } }],
  },
  // ------------------------------------------------------------------ protocol
  {
    name: "protocol/flags",
    about: "every exporter asked every request (40 flag combinations): refused exactly when it must be, each field filled or null as asked, well formed, released",
    entries: [
      { needs: [], cases: getbufferFlags.testExporters },
      { needs: VIEW, cases: getbufferFlags.memoryviewReexport },
      { needs: [{ anyOf: ["bytes", "bytearray", "array", "buffer"] }], cases: getbufferFlags.ownExporters },
    ],
  },
  {
    name: "protocol/requests",
    about: "what a memoryview requests (FULL_RO, once), memory_getbuf's refusals, answers that do not meet the request, exporters that edit the answer they pass on",
    entries: [
      { needs: VIEW, cases: memoryviewProtocol.reexportRefusals },
      { needs: VIEW, cases: memoryviewProtocol.unmetRequests },
      { needs: VIEW, cases: (ctx) => { reExporters.edited(ctx); reExporters.refused(ctx); } },
    ],
  },
  {
    name: "protocol/validation",
    about: "invalid BufferInfos and broken answers refused with BufferError and the export given back; detached and shrunk memory; the Python type named in TypeErrors",
    entries: [
      { needs: VIEW, cases: memoryviewProtocol.invalidInfos },
      { needs: VIEW, cases: memoryviewProtocol.brokenAnswers },
      { needs: VIEW, cases: memoryviewProtocol.lostMemory },
      {
        needs: [{ anyOf: ["memoryview", "struct"] }],
        cases: (ctx) => {
          if (!ctx.supports.structArguments) ctx.skip("type names of struct arguments", "the module declares structArguments: false");
          typeNames.argumentErrors(ctx);
        },
      },
      { needs: VIEW, feature: "suboffsets", cases: () => {}, refusal: refusals.suboffsetsRefused },
      { needs: VIEW, when: (s) => s.maxNdim < 64, cases: refusals.ndimRefused },
    ],
  },
  {
    name: "protocol/release",
    about: "export counting through derived views, release() refused with live exports, re-exports given back, consumers that give every export back",
    entries: [
      { needs: VIEW, cases: memoryviewProtocol.exports },
      { needs: VIEW, cases: reExporters.consumers },
      randomOps("reexport"),
    ],
  },
  {
    name: "protocol/builtin-exporters",
    about: "ArrayBuffer, SharedArrayBuffer, every TypedArray, DataView, WebAssembly.Memory and Node's Buffer, through getBuffer and memoryview",
    entries: [
      { needs: ["getBuffer"], cases: getbufferFlags.builtins },
      {
        needs: VIEW,
        cases: (ctx) => {
          builtinExporters.typedArrays(ctx);
          builtinExporters.byteExporters(ctx);
          builtinExporters.wasmMemory(ctx);
          builtinExporters.nodeBuffer(ctx);
          builtinExporters.subclasses(ctx);
          builtinExporters.memoryThatLeaves(ctx);
        },
      },
    ],
  },
  // ------------------------------------------------------------------ memoryview
  {
    name: "memoryview/attributes",
    about: "format, itemsize, shape, strides, contiguity and nbytes of views of every layout; the constructor; toreadonly; views of more dimensions than declared refused",
    entries: [
      viewScenarios("attributes"),
      randomOps("attributes", "toreadonly"),
      { needs: VIEW, cases: memoryviewMethods.constructor },
    ],
  },
  {
    name: "memoryview/indexing",
    about: "get and set of one item (every format and value kind, out-of-range indices, 0-d views, bad keys), writes of records and their refusals",
    entries: [
      viewScenarios("indexing"),
      randomOps("get-item", "get-out-of-range", "set-item", "set-readonly"),
      { needs: VIEW, cases: goldenSetitem.recorded },
      { needs: VIEW, cases: goldenRecords.records },
      { needs: VIEW, cases: (ctx) => { goldenFormats.truth(ctx); goldenFormats.badWrites(ctx); goldenFormats.complexWrites(ctx); } },
      { needs: VIEW, cases: memoryviewMethods.scalars },
      { needs: ["memoryview", "slice"], cases: memoryviewMethods.badKeys },
    ],
  },
  {
    name: "memoryview/slicing",
    about: "slices and sub-views (NumPy's multi-dimensional slicing), slice assignment, and the slice object itself",
    entries: [
      viewScenarios("slicing"),
      randomOps("subview", "slice", "slice-assign"),
      { needs: ["slice"], feature: "sliceObjects", cases: goldenSlices.recorded },
      { needs: VIEW, feature: "multiDimensionalSlicing", cases: () => {}, refusal: refusals.multiDimensionalRefused },
    ],
  },
  {
    name: "memoryview/cast",
    about: "cast between any two formats whose sizes fit, to and from bytes, and its argument errors",
    entries: [
      viewScenarios("cast"),
      randomOps("cast-bytes"),
      { needs: VIEW, feature: "cast", cases: (ctx) => { goldenRecords.casts(ctx); goldenRecords.castArguments(ctx); }, refusal: refusals.castRefused },
    ],
  },
  {
    name: "memoryview/compare",
    about: "== across formats and layouts (NaN, views struct cannot read), reflected to the other operand's equals, equality of methods and values",
    entries: [
      viewScenarios("compare"),
      randomOps("equals-copy"),
      { needs: VIEW, cases: goldenFormats.equality },
      { needs: VIEW, cases: memoryviewMethods.values },
      { needs: [], cases: pythonObjects.reflectedEquality },
    ],
  },
  {
    name: "memoryview/hash",
    about: "hash() of byte formats: CPython's values under PYTHONHASHSEED=0, equal bytes hash equal, writable views refused",
    entries: [
      { needs: ["memoryview", "bytes"], feature: "hash", cases: (ctx) => { goldenRecords.hash(ctx); goldenRecords.hashWithoutObject(ctx); }, refusal: refusals.hashRefused },
      { needs: VIEW, feature: "hashValues", when: (s) => s.hash, cases: goldenHashes.recorded },
    ],
  },
  {
    name: "memoryview/hex",
    about: "hex(sep, bytes_per_sep) recorded from CPython, on views of every layout and of thousands of bytes",
    entries: [
      viewScenarios("hex"),
      randomOps("hex"),
      { needs: VIEW, cases: (ctx) => { goldenHex.recorded(ctx); goldenHex.layouts(ctx); goldenHex.large(ctx); } },
    ],
  },
  {
    name: "memoryview/tolist-tobytes",
    about: "tolist(), tobytes() in C, F and A order, and iteration, over every layout",
    entries: [viewScenarios("tolist-tobytes"), randomOps("tolist", "tobytes", "iterate")],
  },
  {
    name: "memoryview/count-index",
    about: "count(value) and index(value, start, stop) (Python 3.14)",
    entries: [
      randomOps("count-index"),
      { needs: VIEW, feature: "countIndex", cases: () => {}, refusal: refusals.countIndexRefused },
    ],
  },
  {
    name: "memoryview/lifetime",
    about: "release(): every later use refused, the export given back once no view shares it",
    entries: [viewScenarios("lifetime"), randomOps("release")],
  },
  // ------------------------------------------------------------------ struct
  {
    name: "struct/calcsize",
    about: "calcsize recorded from CPython, and its format argument of every type",
    entries: [
      { needs: STRUCT, cases: (ctx) => goldenStruct.recorded(ctx, ["calcsize"]) },
      { needs: STRUCT, cases: goldenFormats.formatArguments },
    ],
  },
  {
    name: "struct/pack",
    about: "pack recorded from CPython, random formats and values against the suite's byte model, large structs, native pointers",
    entries: [
      { needs: STRUCT, cases: (ctx) => goldenStruct.recorded(ctx, ["pack"]) },
      { needs: STRUCT, cases: (ctx) => { structCodec.random(ctx, struct(ctx)); structCodec.largeStructs(ctx, struct(ctx)); } },
    ],
  },
  {
    name: "struct/unpack",
    about: "unpack recorded from CPython, and formats of more than 8 values in every byte order",
    entries: [
      { needs: STRUCT, cases: (ctx) => goldenStruct.recorded(ctx, ["unpack"]) },
      {
        needs: STRUCT,
        feature: "structArguments",
        cases: (ctx) => {
          if (structSources.hasFunctions(struct(ctx))) structSources.longFormats(ctx);
          else ctx.skip("long formats", "the module's struct lacks pack, unpack, unpackFrom or packInto");
        },
      },
    ],
  },
  {
    name: "struct/pack_into-unpack_from",
    about: "pack_into and unpack_from recorded from CPython, over every kind of buffer and offset, refused targets, failed writes, every export given back",
    entries: [
      { needs: STRUCT, cases: (ctx) => goldenStruct.recorded(ctx, ["pack_into", "unpack_from"]) },
      {
        needs: STRUCT,
        feature: "structArguments",
        cases: (ctx) => {
          structCodec.exporterOffsets(ctx, struct(ctx));
          structCodec.exporterRefusals(ctx, struct(ctx));
          structCodec.packIntoArity(ctx, struct(ctx));
          structSources.bufferKindsGroup(ctx);
          structSources.argumentKinds(ctx);
          if (!structSources.hasFunctions(struct(ctx))) {
            ctx.skip("less common paths", "the module's struct lacks pack, unpack, unpackFrom or packInto");
            return;
          }
          structSources.failedWrites(ctx);
          structSources.pointerValues(ctx);
          structSources.resizedBuffers(ctx);
          structSources.detachedAndRefused(ctx);
        },
      },
    ],
  },
  {
    name: "struct/iter_unpack",
    about: "iter_unpack recorded from CPython; the export given back when a loop is left early",
    entries: [
      { needs: STRUCT, cases: (ctx) => goldenStruct.recorded(ctx, ["iter_unpack"]) },
      { needs: STRUCT, feature: "structArguments", cases: (ctx) => structCodec.exportRelease(ctx, struct(ctx)) },
    ],
  },
  {
    name: "struct/Struct",
    about: "the compiled Struct: every recorded case again through a Struct object, its attributes, methods and repr",
    entries: [
      { needs: STRUCT, cases: structSources.structObjects },
      { needs: STRUCT, cases: (ctx) => { structCodec.api(ctx, struct(ctx)); structCodec.structRepr(ctx, struct(ctx)); } },
    ],
  },
  {
    name: "struct/errors",
    about: "the exact 3.14 wording of every integer range error",
    entries: [{ needs: STRUCT, cases: (ctx) => structCodec.rangeMessages(ctx, struct(ctx)) }],
  },
  {
    name: "struct/pep3118",
    about: "434 PEP 3118 formats (T{} nesting, byte orders, counts, sub-arrays, names, padding) read, written, cast and sized as NumPy and CPython do; unreadable formats refused",
    entries: [
      { needs: VIEW, cases: (ctx) => { goldenFormats.formats(ctx); goldenFormats.refusals(ctx); } },
      { needs: VIEW, feature: "structFormats", cases: () => {}, refusal: refusals.structFormatsRefused },
    ],
  },
  // ------------------------------------------------------------------ objects
  {
    name: "objects/types",
    about: "each type named as in Python, memoryview with and without new, the Ellipsis singleton",
    entries: [{ needs: [], cases: pythonObjects.types }],
  },
  {
    name: "objects/bytes",
    about: "bytes driven through its public API, recorded from CPython; the reprs of every byte value",
    entries: [{ needs: [OBJECTS], cases: (ctx) => { goldenObjects.reprs(ctx); goldenObjects.bytes(ctx); } }],
  },
  {
    name: "objects/bytearray",
    about: "bytearray driven through its public API, recorded from CPython",
    entries: [{ needs: [OBJECTS], cases: goldenObjects.bytearray }],
  },
  {
    name: "objects/array",
    about: "array of every type code driven through its public API, recorded from CPython",
    entries: [{ needs: [OBJECTS], cases: goldenObjects.array }],
  },
  {
    name: "objects/exports",
    about: "export counting: bytes read-only; bytearray and array refusing to resize while exported, then working once released",
    entries: [
      { needs: [OBJECTS], cases: pythonExporters.exporters },
      { needs: [OBJECTS], cases: goldenObjects.exports },
    ],
  },
  // ------------------------------------------------------------------ legacy
  {
    name: "legacy/buffer",
    about: "Python 2.7's buffer, a table from bufferobject.c: construction, indexing, slicing, assignment, concat/repeat/compare, hash, repr, the export side",
    entries: [
      {
        needs: ["buffer"],
        cases: (ctx) => {
          legacyBuffer.readOnly(ctx);
          legacyBuffer.table(ctx);
          legacyBuffer.extendedSlicing(ctx);
          legacyBuffer.hashes(ctx);
          legacyBuffer.reprs(ctx);
          legacyBuffer.exporterSide(ctx);
          legacyBuffer.copies(ctx);
          legacyBuffer.api(ctx);
        },
      },
    ],
  },
  {
    name: "legacy/capi",
    about: "2.7's PyObject_AsReadBuffer, AsWriteBuffer, AsCharBuffer and CheckReadBuffer over every kind of object",
    entries: [{ needs: ["buffer", "legacyCapi"], cases: legacyBuffer.oldBufferApi }],
  },
  // ------------------------------------------------------------------ numpy
  {
    name: "numpy/items",
    about: "MemoryView against NumPy: items, tobytes, toTypedArray, writes and fill, item indices and their errors",
    entries: [
      {
        needs: NDARRAY,
        cases: (ctx) => {
          ndarrayView.sources(ctx);
          ndarrayView.typedArrays(ctx);
          ndarrayView.writes(ctx);
          ndarrayView.fillErrors(ctx);
          ndarrayView.getErrors(ctx);
          ndarrayView.partialFills(ctx);
          ndarrayView.itemIndices(ctx);
        },
      },
    ],
  },
  {
    name: "numpy/shape",
    about: "reshape (exact strides, or NumPy's refusal), permute and transpose, cast of non-contiguous views, their argument errors",
    entries: [
      {
        needs: NDARRAY,
        cases: (ctx) => {
          ndarrayView.reshapes(ctx);
          ndarrayView.permutes(ctx);
          ndarrayView.casts(ctx);
          ndarrayView.argumentErrors(ctx);
        },
      },
    ],
  },
  {
    name: "numpy/slicing",
    about: "index, sliceDim and slice as NumPy's basic indexing and slicing, slice specs",
    entries: [{ needs: NDARRAY, cases: (ctx) => { ndarrayView.indexing(ctx); ndarrayView.slicing(ctx); ndarrayView.sliceSpecs(ctx); } }],
  },
  {
    name: "numpy/copies",
    about: "copyFrom (np.copyto, overlapping too), derive (as_strided), equality",
    entries: [{ needs: NDARRAY, cases: (ctx) => { ndarrayView.copies(ctx); ndarrayView.derives(ctx); ndarrayView.equality(ctx); } }],
  },
  {
    name: "numpy/pil",
    about: "PIL-style views and their inner pointers",
    entries: [{ needs: NDARRAY, cases: (ctx) => { ndarrayView.pil(ctx); ndarrayView.innerPointers(ctx); } }],
  },
  {
    name: "numpy/lifetime",
    about: "release and export counting of MemoryView",
    entries: [{ needs: NDARRAY, cases: ndarrayView.lifetime }],
  },
  // ------------------------------------------------------------------ capi
  {
    name: "capi/pointers",
    about: "getPointer of every index and its refusals, suboffset pointers outside the memory or corrupted after the export, the contract's pointer encoding",
    entries: [
      { needs: CAPI, cases: (ctx) => bufferCapi.reportMissing(ctx, capi(ctx)) },
      {
        needs: CAPI,
        cases: (ctx) => {
          const exports = exportsOf(ctx);
          bufferCapi.pointers(ctx, capi(ctx), exports);
          bufferCapi.pointerErrors(ctx, capi(ctx), exports);
          bufferCapi.badPointers(ctx, capi(ctx), exports);
          capiPointers.corruptWalks(ctx, capi(ctx), exports);
          capiPointers.pointerEncoding(ctx, capi(ctx), exports);
          capiPointers.rawLayouts(ctx, capi(ctx), exports);
        },
      },
    ],
  },
  {
    name: "capi/contiguous",
    about: "toContiguous and fromContiguous in each order, isContiguous under four requests, fillContiguousStrides, 0-d exports",
    entries: [
      {
        needs: CAPI,
        cases: (ctx) => {
          const exports = exportsOf(ctx);
          bufferCapi.toContiguous(ctx, capi(ctx), exports);
          bufferCapi.fromContiguous(ctx, capi(ctx), exports);
          bufferCapi.contiguity(ctx, capi(ctx), exports);
          bufferCapi.scalars(ctx, capi(ctx), exports);
          bufferCapi.strides(ctx, capi(ctx));
        },
      },
    ],
  },
  {
    name: "capi/copies",
    about: "copyBuffer and copyData between layouts, overlapping and aliased memory too",
    entries: [{ needs: CAPI, cases: (ctx) => bufferCapi.copies(ctx, capi(ctx), exportsOf(ctx)) }],
  },
  {
    name: "capi/fill-info",
    about: "fillInfo under every request, sizeFromFormat",
    entries: [
      {
        needs: CAPI,
        cases: (ctx) => {
          bufferCapi.fillInfo(ctx, capi(ctx), exportsOf(ctx));
          bufferCapi.sizes(ctx, capi(ctx));
        },
      },
    ],
  },
];

/** The topics, in order: the part of each group name before the slash. */
export const TOPICS: readonly string[] = [...new Set(GROUPS.map((g) => g.name.split("/")[0]!))];

/**
 * Why an entry cannot run against `impl`, or null when it can.
 *
 * @example
 * ```ts
 * missingNeed({}, ["memoryview"]); // returns "the module exports no memoryview"
 * ```
 */
export function missingNeed(impl: ImplementationModule, needs: readonly Need[]): string | null {
  const has = (name: keyof ImplementationModule) => impl[name] !== undefined && impl[name] !== null;
  for (const need of needs) {
    if (typeof need === "string") {
      if (!has(need)) return `the module exports no ${need}`;
    } else if (!need.anyOf.some(has)) {
      return `the module exports none of ${need.anyOf.join(", ")}`;
    }
  }
  return null;
}

/**
 * The groups a selection names: each name is a group (`memoryview/slicing`)
 * or a topic (`memoryview`, all its groups). Throws a RangeError naming an
 * unknown one.
 *
 * @example
 * ```ts
 * selectGroups(["struct/pack", "capi"]).length; // returns 5
 * selectGroups(["nope"]); // throws RangeError: unknown group 'nope'
 * ```
 */
export function selectGroups(names: readonly string[] | undefined): readonly GroupDefinition[] {
  if (names === undefined) return GROUPS;
  for (const name of names) {
    if (!GROUPS.some((g) => g.name === name) && !TOPICS.includes(name)) throw new RangeError(`unknown group '${name}'`);
  }
  return GROUPS.filter((g) => names.includes(g.name) || names.includes(g.name.split("/")[0]!));
}
