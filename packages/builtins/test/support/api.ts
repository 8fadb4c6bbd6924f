/**
 * What the tests use: this package's exports and the protocol of `@mv/core`
 * they are consumed through.
 */
export * from "../../src/index.js";
export {
  BufferFlags,
  GET_BUFFER,
  RELEASE_BUFFER,
  getBuffer,
  releaseBuffer,
  resolveBuffer,
  type BufferInfo,
} from "@mv/core";
