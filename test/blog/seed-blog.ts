// Shared by the blog tests: a content folder made of the seed log and a fixture's posts.

import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const seedLog = join(root, "content/000_76b23a5250f26162.txt");
export const fixtures = join(root, "test/fixtures/blog");

/** A temporary content folder: the seed log, plus `posts/` from the named fixture when given. */
export async function seedContent(fixture?: string, config?: object): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "dotlog-blog-"));
  await cp(seedLog, join(dir, "000_76b23a5250f26162.txt"));
  if (fixture) await cp(join(fixtures, fixture, "posts"), join(dir, "posts"), { recursive: true });
  if (config) {
    const { writeFile } = await import("node:fs/promises");
    await writeFile(join(dir, "dotlog.config.json"), JSON.stringify(config));
  }
  return dir;
}
