// Finds the log files under a content folder: files matching the pattern (globs relative to
// the folder, `!` to exclude), plus any other text file whose first line is `.LOG`. The
// `posts/` folder holds hand-written blog posts, never logs; hidden folders are skipped.
// A symbolic link to a file counts; one to a folder is not followed (it could loop).

import { open, readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { decode } from "./decode.ts";

export const DEFAULT_PATTERN = ["**/*.log", "**/*.txt"];
const SKIPPED_DIRS = new Set(["posts", "node_modules"]);

export async function findLogs(contentDir: string, options: { pattern?: string[] } = {}): Promise<string[]> {
  const pattern = options.pattern ?? DEFAULT_PATTERN;
  const include = pattern.filter((glob) => !glob.startsWith("!")).map(globToRegExp);
  const exclude = pattern.filter((glob) => glob.startsWith("!")).map((glob) => globToRegExp(glob.slice(1)));

  const found: string[] = [];
  for (const path of await walk(contentDir, contentDir)) {
    const rel = relative(contentDir, path).split(sep).join("/");
    if (exclude.some((re) => re.test(rel))) continue;
    if (include.some((re) => re.test(rel)) || (await startsWithLogDirective(path))) found.push(path);
  }
  return found.sort();
}

async function walk(root: string, dir: string): Promise<string[]> {
  const dirents = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const dirent of dirents) {
    const path = join(dir, dirent.name);
    if (dirent.isDirectory()) {
      const topLevelSkip = dir === root && SKIPPED_DIRS.has(dirent.name);
      if (!dirent.name.startsWith(".") && !topLevelSkip) files.push(...(await walk(root, path)));
    } else if (dirent.isFile() || (dirent.isSymbolicLink() && (await stat(path).catch(() => null))?.isFile())) files.push(path);
  }
  return files;
}

/** `**` any folders, `*` any name part, `?` one character; case-insensitive like Windows. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === "*" && glob[i + 1] === "*") {
      const slash = glob[i + 2] === "/";
      source += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else source += char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "i");
}

async function startsWithLogDirective(path: string): Promise<boolean> {
  const handle = await open(path, "r").catch(() => null);
  if (handle === null) return false;
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(16), 0, 16, 0);
    const { text } = decode(path, buffer.subarray(0, bytesRead));
    return /^\.LOG(?:\r|\n|$)/.test(text);
  } finally {
    await handle.close();
  }
}
