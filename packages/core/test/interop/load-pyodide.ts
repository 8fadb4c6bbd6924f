// The real Pyodide (the `pyodide` devDependency: CPython 3.14 compiled to
// wasm), loaded offline from its package folder. Each test file that needs
// it loads it once (about 4 s).
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { type PyodideAPI, loadPyodide } from "pyodide";

/** The folder of the installed `pyodide` package, its indexURL. */
export const PYODIDE_INDEX_URL = `${dirname(createRequire(import.meta.url).resolve("pyodide/package.json"))}/`;

/** A fresh Pyodide instance, loaded from the package folder. */
export function loadLocalPyodide(): Promise<PyodideAPI> {
  return loadPyodide({ indexURL: PYODIDE_INDEX_URL });
}
