// What a page's HTML depends on besides its own model: the templates, the site layer's code
// (filters, the plugin, the Eleventy configuration), the versions of Eleventy and of the
// Nunjucks it renders with, and the site's options. A change to any of them rewrites every
// page (and no page is copied from the page store). The parser's and renderer's code is not
// part of it: what they make reaches a page through its model, which is hashed itself.

import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SOURCES = ["../../../templates/", "../"].map((dir) => fileURLToPath(new URL(dir, import.meta.url)));

const eleventyConfig = fileURLToPath(new URL("../../../.eleventy.js", import.meta.url));
// Eleventy's exports hide its package.json; it sits above src/, where the main module is.
const eleventyPackage = path.join(path.dirname(fileURLToPath(import.meta.resolve("@11ty/eleventy"))), "..", "package.json");
// Eleventy's own copy (nunjucks-library.ts): its range in Eleventy's package.json allows other versions.
const nunjucksPackage = createRequire(eleventyPackage).resolve("nunjucks/package.json");

/** Read afresh each time (a few dozen small files): the dev server rebuilds after a template is edited. */
export async function siteIdentity(options: unknown): Promise<string> {
  return createHash("sha256")
    .update(await hashSources())
    .update(await readFile(eleventyConfig))
    .update(await readFile(eleventyPackage))
    .update(await readFile(nunjucksPackage))
    .update(JSON.stringify(options))
    .digest("hex");
}

async function hashSources(): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of SOURCES) {
    const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((f) => f.isFile() && !f.name.endsWith(".test.ts"))
      .map((f) => path.join(f.parentPath, f.name))
      .sort();
    for (const file of files) hash.update(path.relative(dir, file)).update("\0").update(await readFile(file)).update("\0");
  }
  return hash.digest("hex");
}
