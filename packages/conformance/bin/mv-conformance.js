#!/usr/bin/env node
// mv-conformance: runs the @mv conformance suite (see ../README.md).
import { main } from "../dist/src/cli.js";

main(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
