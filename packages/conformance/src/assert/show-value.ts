/**
 * Renders values for failure messages: bigints keep their `n`, byte strings
 * show as `b"…"` hex, nested arrays stay readable.
 *
 * @packageDocumentation
 */

/**
 * A short, unambiguous rendering of a value.
 *
 * @example
 * ```ts
 * showValue([1n, new Uint8Array([255]), -0]); // returns '[1n, bytes(ff), -0]'
 * ```
 */
export function showValue(value: unknown, budget = 400): string {
  const text = render(value);
  return text.length > budget ? `${text.slice(0, budget)}…` : text;
}

function render(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Uint8Array) {
    const hex = Array.from(value, (b) => b.toString(16).padStart(2, "0")).join("");
    const kind = Object.getPrototypeOf(value) === Uint8Array.prototype ? "bytes" : (value.constructor?.name ?? "?");
    return `${kind}(${hex})`;
  }
  if (Array.isArray(value)) return `[${value.map(render).join(", ")}]`;
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "object") {
    const { real, imag } = value as { real?: unknown; imag?: unknown };
    if (typeof real === "number" && typeof imag === "number") return `{ real: ${render(real)}, imag: ${render(imag)} }`;
    const ctor = (value as object).constructor?.name ?? "Object";
    return `<${ctor}>`;
  }
  return String(value);
}
