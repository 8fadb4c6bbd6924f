// Issue 16, class 1, in @mv/native: an address is computed after every
// piece of user code its arguments run (a GET_BUFFER getter or method, an
// index's getter), so a released, detached, shrunk or grown-away target
// gives the Python error, never a stale address. The table runs through the
// user-code harness of @mv/vitest-config; without the addon it is skipped.
import { type BufferInfo, GET_BUFFER, getBuffer, MemoryView, RELEASE_BUFFER, releaseBuffer } from "@mv/core";
import { defineHarness, GUARD, type Memory, RELEASED, type Row, type Scenario, SIZE } from "@mv/vitest-config/user-code-harness";
import { expect, test } from "vitest";
import { addressOf, alignmentOf, elementAddress, extentOf } from "../src/index.js";
import { describeNative } from "./support/native-suite.js";
import { resizableArrayBuffer } from "./support/resizable.js";

interface Target {
  view: MemoryView | null;
  readonly exports: { got: number; released: number };
}

/** A view of the target's bytes whose export survives grow() of a wasm memory. */
function viewOver(memory: Memory): MemoryView {
  if (memory.wasm !== null) {
    const whole = MemoryView.from(memory.wasm);
    const view = whole.slice([GUARD, GUARD + SIZE]);
    whole.release();
    return view;
  }
  return MemoryView.from(new Uint8Array(memory.original, GUARD, SIZE));
}

/** The address of the target's bytes as they are now. */
const targetAddress = (memory: Memory) => addressOf(memory.target());

function scenario(memory: Memory, withView: boolean, make: (t: Target) => (hook: () => void) => unknown): Scenario<Target> {
  const target: Target = { view: withView ? viewOver(memory) : null, exports: { got: 0, released: 0 } };
  return { target, run: make(target) };
}

/** A Uint8Array over the target's bytes whose own GET_BUFFER getter runs the hook and says "none". */
function arrayWithGetBufferGetter(memory: Memory, hook: () => void): Uint8Array {
  const array = new Uint8Array(memory.original, GUARD, SIZE);
  Object.defineProperty(array, GET_BUFFER, {
    get() {
      hook();
      return undefined;
    },
  });
  return array;
}

/** An exporter of the target view whose GET_BUFFER runs the hook first. */
function hookedExporter(t: Target, hook: () => void): object {
  return {
    [GET_BUFFER](flags: number): BufferInfo {
      hook();
      const info = getBuffer(t.view, flags);
      t.exports.got++;
      return info;
    },
    [RELEASE_BUFFER](info: BufferInfo): void {
      t.exports.released++;
      releaseBuffer(info);
    },
  };
}

/** Indices whose first entry's getter runs the hook. */
function hookedIndices(index: number, hook: () => void): number[] {
  const indices = [0];
  Object.defineProperty(indices, 0, {
    get() {
      hook();
      return index;
    },
  });
  return indices;
}

const balanced = (t: Target) => {
  expect(t.exports.released, "every export of the source released").toBe(t.exports.got);
  if (t.view !== null && !t.view.released) expect(t.view.exports, "the target view's exports").toBe(0);
};

const rows: Row<Target>[] = [
  {
    op: "addressOf(a Uint8Array with a GET_BUFFER getter)",
    points: {
      "the GET_BUFFER getter": (memory) =>
        scenario(memory, false, () => (hook) => addressOf(arrayWithGetBufferGetter(memory, hook))),
    },
    release: () => {},
    // No view to release: the address is the array's. A grown wasm memory
    // detaches the buffer the array was made over.
    expected: (action) => (action === "release" ? null : { name: "ValueError", message: /detached|resized/ }),
    check: (memory, result) => expect(result).toBe(targetAddress(memory)),
  },
  {
    op: "addressOf / extentOf / alignmentOf(exporter)",
    points: {
      "addressOf: the source's GET_BUFFER": (memory) =>
        scenario(memory, true, (t) => (hook) => addressOf(hookedExporter(t, hook))),
      "extentOf: the source's GET_BUFFER": (memory) =>
        scenario(memory, true, (t) => (hook) => extentOf(hookedExporter(t, hook)).start),
      "alignmentOf: the source's GET_BUFFER": (memory) =>
        scenario(memory, true, (t) => (hook) => {
          alignmentOf(hookedExporter(t, hook));
          return addressOf(t.view);
        }),
    },
    release: (t) => t.view?.release(),
    check: (memory, result) => expect(result).toBe(targetAddress(memory)),
    balanced,
  },
  {
    op: "elementAddress(view, indices)",
    points: {
      "an index's getter": (memory) => scenario(memory, true, (t) => (hook) => elementAddress(t.view, hookedIndices(3, hook))),
      "an index's getter, through an exporter": (memory) =>
        scenario(
          memory,
          true,
          (t) => (hook) =>
            elementAddress(
              hookedExporter(t, () => {}),
              hookedIndices(3, hook),
            ),
        ),
    },
    release: (t) => t.view?.release(),
    // The operation holds an export of the view while it reads the indices: it cannot be released.
    expected: (action) => (action === "release" ? { name: "BufferError", message: /exported buffer/ } : undefined),
    check: (memory, result) => expect(result).toBe(targetAddress(memory) + 3n),
    balanced,
  },
];

describeNative("user code in the middle of an address (issue 16, class 1)", () => {
  const count = defineHarness(rows, { test, expect });
  test("coverage", () => expect(count).toBeGreaterThan(20));

  const detach = (buffer: ArrayBufferLike) => structuredClone(buffer, { transfer: [buffer as ArrayBuffer] });

  test("a subclass's byteLength getter never runs on the fast path: no address of a detached array", () => {
    let calls = 0;
    class Detaching extends Uint8Array {
      override get byteLength(): number {
        calls++;
        detach(this.buffer);
        return SIZE;
      }
    }
    const array = new Detaching(SIZE);
    const address = addressOf(array);
    expect(calls).toBe(0);
    expect(address).toBe(addressOf(array)); // still attached: the same memory
    class DetachingBuffer extends ArrayBuffer {
      override get byteLength(): number {
        calls++;
        detach(this);
        return SIZE;
      }
    }
    const buffer = new DetachingBuffer(SIZE);
    addressOf(buffer);
    expect(calls).toBe(0);
  });

  test("a GET_BUFFER getter that detaches or shrinks gives ValueError, not address 0 or past the end", () => {
    const plain = new ArrayBuffer(SIZE);
    Object.defineProperty(plain, GET_BUFFER, {
      get() {
        detach(plain);
        return undefined;
      },
    });
    expect(() => addressOf(plain)).toThrow(expect.objectContaining({ name: "ValueError" }));
    const resizable = resizableArrayBuffer(SIZE, 2 * SIZE);
    const tail = new Uint8Array(resizable, 8, 8);
    Object.defineProperty(tail, GET_BUFFER, {
      get() {
        resizable.resize(4);
        return undefined;
      },
    });
    expect(() => addressOf(tail)).toThrow(expect.objectContaining({ name: "ValueError" }));
  });

  test("a view released by the source's GET_BUFFER gives CPython's message", () => {
    const view = MemoryView.from(new Uint8Array(SIZE));
    const source = {
      [GET_BUFFER](flags: number): BufferInfo {
        view.release();
        return getBuffer(view, flags);
      },
    };
    expect(() => addressOf(source)).toThrow(expect.objectContaining({ name: "ValueError", message: RELEASED }));
  });
});
