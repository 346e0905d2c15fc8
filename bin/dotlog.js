#!/usr/bin/env node
// Node 20 cannot run TypeScript: the CLI runs under tsx's loader, registered once for the
// whole process (found next to this file, so the command works from any folder).
//
// Once a loader is registered, Node hands every module resolution and load to the loader's
// thread, and every require() of a CommonJS module imported from ESM waits for it: Eleventy
// and the unified packages cost ~0.5 s more CPU that way than loaded natively. A build or a
// dev server therefore imports them first, natively. Registered without a namespace, tsx
// leaves module URLs as they are, so src/ gets these very modules (one Eleventy, not two).
import { register } from "tsx/esm/api";

/** The packages src/site and src/render import when a module of theirs loads (not Shiki: only a cold build needs it). */
const SITE_PACKAGES = [
  "@11ty/eleventy",
  "@11ty/eleventy-plugin-rss",
  "ajv",
  "chardet",
  "hast-util-from-html",
  "hast-util-to-html",
  "hast-util-to-string",
  "hastscript",
  "iconv-lite",
  "rehype-stringify",
  "remark-gfm",
  "remark-parse",
  "remark-rehype",
  "unified",
  "unist-util-visit",
  "vfile",
  "vfile-matter",
];
const SITE_COMMANDS = ["build", "serve"];

const argv = process.argv.slice(2);
if (SITE_COMMANDS.includes(argv[0])) await Promise.all(SITE_PACKAGES.map((name) => import(name)));
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(argv);
