// The scale issue's baseline: the same Eleventy version building one Markdown page per
// entry holding the same entry text (one layout, one tag each, markdown-it, nothing else).
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureChild, type ChildRun } from "./measure-child.ts";

// Eleventy's exports hide cmd.cjs: it sits beside src/, where the package's main module is.
const eleventyCmd = path.join(path.dirname(fileURLToPath(import.meta.resolve("@11ty/eleventy"))), "..", "cmd.cjs");

export interface BaselineEntry {
  title: string;
  tag: string;
  text: string;
}

export async function writeBaselineSite(entries: BaselineEntry[], dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const input = path.join(dir, "src");
  await mkdir(path.join(input, "_includes"), { recursive: true });
  await mkdir(path.join(input, "entries"), { recursive: true });
  await writeFile(
    path.join(input, "_includes", "entry.njk"),
    "<!doctype html><html lang=en><title>{{ title }}</title><main>{{ content | safe }}</main></html>\n",
  );
  await writeFile(path.join(dir, "eleventy.config.cjs"), "module.exports = () => ({ dir: { input: 'src', output: 'out' } });\n");
  let index = 0;
  for (const entry of entries) {
    const frontMatter = `---\nlayout: entry.njk\ntitle: ${JSON.stringify(entry.title)}\ntags: [${JSON.stringify(entry.tag)}]\n---\n`;
    await writeFile(path.join(input, "entries", `e${index++}.md`), frontMatter + entry.text);
  }
}

export function buildBaseline(dir: string): Promise<ChildRun> {
  return measureChild(process.execPath, [eleventyCmd, "--config=eleventy.config.cjs", "--quiet"], { cwd: dir });
}
