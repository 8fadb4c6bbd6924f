/**
 * The test exporters: {@link TestExporter} (like `_testbuffer.ndarray`),
 * {@link ReExporter} and {@link RawExporter}.
 *
 * @packageDocumentation
 */
export { TestExporter, MEMORYVIEW_REQUEST, type TestExporterOptions, type ExportLog } from "./test-exporter.js";
export { ReExporter, type ReExporterOptions } from "./re-exporter.js";
export { RawExporter } from "./raw-exporter.js";
export { ExporterBufferError } from "./buffer-error.js";
export { answerRequest } from "./answer-request.js";
export { toPilLayout, type PilLayout, type StridedLayout } from "./pil-layout.js";
