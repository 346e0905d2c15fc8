// Builds a real site from a few log files into a temporary folder with the project's own
// `.eleventy.js` and templates: Eleventy's programmatic API, no search index.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createEleventy } from "../../src/site/build-site.ts";
import type { SiteOptionsInput } from "../../src/site/options.ts";
import type { DotlogBuild } from "../../src/site/plugin.ts";
import type { SiteData } from "../../src/site/site-data.ts";

export interface BuiltSite {
  contentDir: string;
  outDir: string;
  data: SiteData;
  remove(): void;
}

/** Copies the logs into a content folder with `config` as its `dotlog.config.json`, and builds. */
export async function buildFixture(logFiles: string[], config: SiteOptionsInput): Promise<BuiltSite> {
  const root = mkdtempSync(path.join(tmpdir(), "dotlog-site-"));
  const contentDir = path.join(root, "content");
  const outDir = path.join(root, "site");
  mkdirSync(contentDir);
  for (const file of logFiles) copyFileSync(file, path.join(contentDir, path.basename(file)));
  writeFileSync(path.join(contentDir, "dotlog.config.json"), JSON.stringify(config));

  const build: DotlogBuild = { contentDir };
  const eleventy = createEleventy({ build, outDir, runMode: "build" });
  eleventy.logger.overrideLogger(false);
  await eleventy.init();
  await eleventy.write();
  if (!build.data) throw new Error("the dotlog plugin did not run");
  return { contentDir, outDir, data: build.data, remove: () => rmSync(root, { recursive: true, force: true }) };
}
