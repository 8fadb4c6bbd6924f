// Copies the repository's SPEC.md into the package being packed (the
// `prepack` script of each published package runs this from the package's
// directory), so every tarball ships the specification its README and TSDoc
// refer to ("SPEC §2"). The copy is generated, never edited: it is in
// .gitignore, and the root SPEC.md is the one to change.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const spec = fileURLToPath(new URL("../../SPEC.md", import.meta.url));
copyFileSync(spec, join(process.cwd(), "SPEC.md"));
