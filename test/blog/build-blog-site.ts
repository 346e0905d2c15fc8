// Builds a real site for the blog tests: the seed log plus a fixture's `posts/`, with the
// project's own `.eleventy.js` and templates, into a temporary folder (no search index).

import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createEleventy } from "../../src/site/build-site.ts";
import type { DotlogBuild } from "../../src/site/plugin.ts";
import type { SiteData } from "../../src/site/site-data.ts";
import type { BlogPages } from "../../src/site/blog/index.ts";
import { seedContent } from "./seed-blog.ts";

export interface BlogSite {
  contentDir: string;
  outDir: string;
  data: SiteData;
  blog: BlogPages;
  remove(): Promise<void>;
}

export async function buildBlogSite(
  fixture?: string,
  config: object = {},
  runMode: "build" | "serve" = "build",
  /** More hand-written posts, file name → Markdown, written into `posts/` before the build. */
  posts: Record<string, string> = {},
): Promise<BlogSite> {
  const contentDir = await seedContent(fixture, { baseUrl: "https://log.example.org", timeZone: "Asia/Shanghai", ...config });
  if (Object.keys(posts).length > 0) await mkdir(path.join(contentDir, "posts"), { recursive: true });
  for (const [name, markdown] of Object.entries(posts)) await writeFile(path.join(contentDir, "posts", name), markdown);
  const outDir = await mkdtemp(path.join(tmpdir(), "dotlog-blog-site-"));
  const build: DotlogBuild = { contentDir };
  const previous = process.env.ELEVENTY_RUN_MODE;
  const eleventy = createEleventy({ build, outDir, runMode });
  eleventy.logger.overrideLogger(false);
  await eleventy.init();
  await eleventy.write();
  if (previous === undefined) delete process.env.ELEVENTY_RUN_MODE;
  else process.env.ELEVENTY_RUN_MODE = previous;
  if (!build.data) throw new Error("the dotlog plugin did not run");
  const blog = (build.data.pages as typeof build.data.pages & { blog: BlogPages }).blog;
  return {
    contentDir,
    outDir,
    data: build.data,
    blog,
    remove: async () => {
      await rm(contentDir, { recursive: true, force: true });
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
