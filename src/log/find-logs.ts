// Finds the log files under a content folder: files matching the pattern (globs relative to
// the folder, `!` to exclude), plus any other text file whose first line is `.LOG`, plus the
// Markdown journals: `.md`/`.markdown` files with a stamp line near their start (a Markdown
// file of notes, without stamps, is not a log). The `posts/` folder holds hand-written blog
// posts, never logs; hidden folders are skipped.
// A symbolic link to a file counts; one to a folder is not followed (it could loop).

import { open, readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { decode } from "./decode.ts";
import { isMarkdownName } from "./format.ts";
import { matchStampShape } from "./stamp.ts";

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
    if (include.some((re) => re.test(rel)) || (await sniffsAsLog(path))) found.push(path);
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

/** How far into a Markdown file its first stamp is looked for: a title and a few notes may come first. */
const MARKDOWN_SNIFF_BYTES = 8192;

async function sniffsAsLog(path: string): Promise<boolean> {
  const markdown = isMarkdownName(path);
  const handle = await open(path, "r").catch(() => null);
  if (handle === null) return false;
  try {
    const size = markdown ? MARKDOWN_SNIFF_BYTES : 16;
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(size), 0, size, 0);
    const { text } = decode(path, buffer.subarray(0, bytesRead));
    if (/^\.LOG(?:\r|\n|$)/.test(text)) return true;
    // The last line read may be cut short: it is not looked at.
    return markdown && text.split(/\r\n|\n|\r/).slice(0, -1).some((line) => matchStampShape(line, true) !== null);
  } finally {
    await handle.close();
  }
}
