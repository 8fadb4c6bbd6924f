// Random views over random memory, for comparing addressOf's fast path with
// its slow twin: every TypedArray kind and DataView, over plain, shared,
// resizable (sometimes shrunk below the view) and detached buffers.
import fc from "fast-check";
import { type ResizableArrayBuffer, resizableArrayBuffer } from "./resizable.js";
import { TYPED_ARRAYS } from "./typed-array-kinds.js";

const KINDS = [...TYPED_ARRAYS, DataView] as const;

export interface ViewCase {
  describe: string;
  make: () => unknown;
}

export const viewCase: fc.Arbitrary<ViewCase> = fc
  .record({
    kind: fc.integer({ min: 0, max: KINDS.length - 1 }),
    memory: fc.constantFrom("plain", "shared", "resizable", "shrunk", "detached", "buffer-itself"),
    byteLength: fc.integer({ min: 0, max: 96 }),
    startItems: fc.integer({ min: 0, max: 8 }),
    lengthItems: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
  })
  .map(({ kind, memory, byteLength, startItems, lengthItems }) => {
    const ctor = KINDS[kind]!;
    const itemsize = ctor === DataView ? 1 : (ctor as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
    const make = (): unknown => {
      const size = Math.ceil(byteLength / 8) * 8;
      const buffer =
        memory === "shared"
          ? new SharedArrayBuffer(size)
          : memory === "resizable" || memory === "shrunk"
            ? resizableArrayBuffer(size, size + 64)
            : new ArrayBuffer(size);
      if (memory === "buffer-itself") return buffer;
      const byteOffset = Math.min(startItems * itemsize, Math.floor(size / itemsize) * itemsize);
      const fits = Math.floor((size - byteOffset) / itemsize);
      const length = lengthItems === undefined ? undefined : Math.min(lengthItems, fits);
      const view =
        ctor === DataView
          ? new DataView(buffer, byteOffset, length)
          : new (ctor as new (b: ArrayBufferLike, o: number, l?: number) => ArrayBufferView)(buffer, byteOffset, length);
      if (memory === "shrunk") (buffer as ResizableArrayBuffer).resize(Math.max(0, byteOffset - 1));
      if (memory === "detached") structuredClone(buffer, { transfer: [buffer as ArrayBuffer] });
      return view;
    };
    return { describe: `${ctor.name} ${memory} ${byteLength}B from item ${startItems} length ${lengthItems}`, make };
  });

/** The value or the error name: what a call gave. */
export function outcome(call: () => unknown): unknown {
  try {
    return { value: call() };
  } catch (error) {
    return { error: (error as Error).name };
  }
}
