// Resizable ArrayBuffer and growable SharedArrayBuffer (ES2024), typed for
// the ES2023 lib the workspace compiles against. Node 20 has both.

export interface ResizableArrayBuffer extends ArrayBuffer {
  resize(byteLength: number): void;
}

export interface GrowableSharedArrayBuffer extends SharedArrayBuffer {
  grow(byteLength: number): void;
}

export function resizableArrayBuffer(byteLength: number, maxByteLength: number): ResizableArrayBuffer {
  const Ctor = ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ResizableArrayBuffer;
  return new Ctor(byteLength, { maxByteLength });
}

export function growableSharedArrayBuffer(byteLength: number, maxByteLength: number): GrowableSharedArrayBuffer {
  const Ctor = SharedArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => GrowableSharedArrayBuffer;
  return new Ctor(byteLength, { maxByteLength });
}
