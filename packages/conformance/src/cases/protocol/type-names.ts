/**
 * Argument errors that name a value's Python type: `memoryview(5)` says
 * "memoryview: a bytes-like object is required, not 'int'", `struct.unpack`
 * "a bytes-like object is required, not 'int'", `struct.pack_into` "argument
 * must be read-write bytes-like object, not int" (None named "None"), and a
 * struct offset "'float' object cannot be interpreted as an integer".
 *
 * Each JavaScript value stands for a Python value, by the contract's value
 * mapping (§2) extended the way the packages document it: `undefined` and
 * `null` are None, booleans `bool`, integral numbers and bigints `int`, other
 * numbers `float`, strings `str`, arrays `list`, a `Uint8Array` `bytes`, a
 * `Map` a `dict`, a `Set` a `set`, a plain object (or one with no prototype,
 * or an instance of an anonymous class) Python's `object`, a function
 * `function`; the module's own objects are the Python objects they render;
 * an instance of any other class (Date, Int16Array, a user's class) is an
 * instance of a class of that name, and a symbol, which Python lacks, an
 * instance of a class named `symbol`. The message each call must give is the
 * one CPython gives for that Python value (fixtures/golden_type_names.py).
 *
 * @packageDocumentation
 */

import { assertThrows } from "../../assert/index.js";
import type { Context } from "../../common.js";
import { goldenTypeNames, type TypeNameCall } from "../../golden/golden-type-names-data.js";
import { construct } from "../../implementation.js";

/** A JavaScript value, the Python value it stands for, and the calls it can be given. */
interface ValueKind {
  readonly label: string;
  /** The key of the Python value in the fixture. */
  readonly python: string;
  /** The value; undefined when the module lacks what it needs. */
  readonly make: (ctx: Context) => { value: unknown } | undefined;
  /** Only these calls (the value is an exporter, or the call would read it as a default). */
  readonly only?: readonly TypeNameCall[];
}

const OFFSETS: readonly TypeNameCall[] = ["offset_unpack_from", "offset_pack_into"];
const BUFFER_CALLS: readonly TypeNameCall[] = ["memoryview", "unpack", "unpack_from", "iter_unpack", "pack_into"];

class Point {
  x = 1;
}

const plain = (label: string, python: string, make: () => unknown, only?: readonly TypeNameCall[]): ValueKind => ({
  label,
  python,
  make: () => ({ value: make() }),
  only,
});

const fromModule = (
  label: string,
  python: string,
  name: "bytes" | "bytearray" | "array" | "memoryview" | "slice" | "Ellipsis",
  make: (ctx: Context) => unknown,
  only?: readonly TypeNameCall[],
): ValueKind => ({ label, python, make: (ctx) => (ctx.has(name) ? { value: make(ctx) } : undefined), only });

/** Every kind of value, and the Python value it stands for. */
function valueKinds(): ValueKind[] {
  return [
    // An offset left undefined is the default, 0: only the buffer calls see None.
    plain("undefined", "None", () => undefined, BUFFER_CALLS),
    plain("null", "None", () => null),
    plain("true", "bool", () => true),
    plain("false", "bool", () => false),
    plain("5", "int", () => 5),
    plain("0", "int", () => 0),
    plain("-3", "int", () => -3),
    plain("5n", "int", () => 5n),
    plain("1.5", "float", () => 1.5),
    plain("-0.25", "float", () => -0.25),
    plain("NaN", "float-nan", () => Number.NaN),
    plain("Infinity", "float", () => Number.POSITIVE_INFINITY),
    plain("'abc'", "str", () => "abc"),
    plain("''", "str", () => ""),
    plain("[1, 2]", "list", () => [1, 2]),
    plain("[]", "list", () => []),
    plain("{}", "object", () => ({})),
    plain("{ length: 2 }", "object", () => ({ length: 2 })),
    plain("Object.create(null)", "object", () => Object.create(null) as object),
    plain("an instance of an anonymous class", "object", () => new (class {})()),
    plain("an arrow function", "function", () => () => 0),
    plain("a function", "function", () => function named() {}),
    plain("Symbol('x')", "instance:symbol", () => Symbol("x")),
    plain("new Point()", "instance:Point", () => new Point()),
    plain("new Date(0)", "instance:Date", () => new Date(0)),
    plain("new Map()", "dict", () => new Map([[1, 2]])),
    plain("new Set()", "set", () => new Set([1])),
    // Exporters: only where a buffer is not what is asked for.
    plain("Uint8Array", "bytes", () => Uint8Array.of(1, 2), OFFSETS),
    plain("Int16Array", "instance:Int16Array", () => Int16Array.of(1, 2), OFFSETS),
    fromModule("bytes", "bytes", "bytes", (ctx) => construct(ctx.impl.bytes, Uint8Array.of(1, 2)), [...OFFSETS, "pack_into"]),
    fromModule("bytearray", "bytearray", "bytearray", (ctx) => construct(ctx.impl.bytearray, Uint8Array.of(1, 2)), OFFSETS),
    fromModule("array('B')", "array", "array", (ctx) => construct(ctx.impl.array, "B", [1, 2]), OFFSETS),
    fromModule("a read-only memoryview", "memoryview", "memoryview", (ctx) => ctx.memoryview(Uint8Array.of(1, 2)).toreadonly(), [
      ...OFFSETS,
      "pack_into",
    ]),
    fromModule("slice(1, 2)", "slice", "slice", (ctx) => ctx.slice(1, 2, null)),
    fromModule("Ellipsis", "ellipsis", "Ellipsis", (ctx) => ctx.Ellipsis),
  ];
}

/** The calls, as the module under test spells them; undefined when it lacks one. */
function callsOf(ctx: Context): Partial<Record<TypeNameCall, (value: unknown) => unknown>> {
  const calls: Partial<Record<TypeNameCall, (value: unknown) => unknown>> = {};
  if (ctx.has("memoryview")) calls.memoryview = (v) => ctx.memoryview(v);
  const struct = ctx.impl.struct;
  // Struct arguments of every kind, with CPython's errors, are an optional feature.
  if (struct === undefined || !ctx.supports.structArguments) return calls;
  if (struct.unpack) calls.unpack = (v) => struct.unpack!("<B", v);
  if (struct.unpackFrom) {
    calls.unpack_from = (v) => struct.unpackFrom!("<B", v);
    calls.offset_unpack_from = (v) => struct.unpackFrom!("<B", Uint8Array.of(1, 2), v as number);
  }
  if (struct.iterUnpack) calls.iter_unpack = (v) => struct.iterUnpack!("<B", v);
  if (struct.packInto) {
    calls.pack_into = (v) => struct.packInto!("<B", v, 0, 1);
    calls.offset_pack_into = (v) => struct.packInto!("<B", new Uint8Array(2), v as number, 1);
  }
  return calls;
}

const SPELLING: Record<TypeNameCall, string> = {
  memoryview: "memoryview(v)",
  unpack: "struct.unpack('<B', v)",
  unpack_from: "struct.unpackFrom('<B', v)",
  iter_unpack: "struct.iterUnpack('<B', v)",
  pack_into: "struct.packInto('<B', v, 0, 1)",
  offset_unpack_from: "struct.unpackFrom('<B', buffer, v)",
  offset_pack_into: "struct.packInto('<B', buffer, v, 1)",
};

/** Each value kind through each call that refuses it: CPython's message, naming the Python type. */
export function argumentErrors(ctx: Context): void {
  const calls = callsOf(ctx);
  for (const kind of valueKinds()) {
    const recorded = goldenTypeNames().messages[kind.python];
    if (recorded === undefined) throw new Error(`type-names: no recorded messages for ${kind.python}`);
    for (const call of Object.keys(SPELLING) as TypeNameCall[]) {
      const message = recorded[call];
      const fn = calls[call];
      if (message === null || fn === undefined || (kind.only !== undefined && !kind.only.includes(call))) continue;
      const what = `${SPELLING[call]} with v = ${kind.label}`;
      ctx.test(`${what}`, () => {
        const made = kind.make(ctx);
        if (made === undefined) return;
        assertThrows(() => fn(made.value), { name: "TypeError", message }, what);
      });
    }
  }
}
