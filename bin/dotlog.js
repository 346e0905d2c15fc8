#!/usr/bin/env node
// Node 20 cannot run TypeScript: load the CLI through tsx, found next to this file so the
// command works from any folder.
import { tsImport } from "tsx/esm/api";

const { main } = await tsImport("../src/cli/main.ts", import.meta.url);
process.exitCode = await main(process.argv.slice(2));
