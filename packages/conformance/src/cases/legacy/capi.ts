/**
 * The `legacy/capi` group: 2.7's PyObject_AsReadBuffer, AsWriteBuffer,
 * AsCharBuffer and CheckReadBuffer over every kind of object.
 *
 * @packageDocumentation
 */

import type { GroupDefinition } from "../../group-definition.js";
import * as bufferObject from "./buffer-object.js";

/** The `legacy/capi` group: its sources of cases, what each needs, and the feature that gates it. */
export const group: GroupDefinition = {
  name: "legacy/capi",
  about: "2.7's PyObject_AsReadBuffer, AsWriteBuffer, AsCharBuffer and CheckReadBuffer over every kind of object",
  entries: [{ needs: ["buffer", "legacyCapi"], cases: bufferObject.oldBufferApi }],
};
