// The files a hand-written post shows or links to beside it (`![diagram](img/ring.png)`,
// `[the patch](fix.patch)`): published in the post's folder under the same relative path, so
// the Markdown's own links work on the site as they do in an editor. Only files the post names
// leave the machine, only from the posts folder, and only kinds a browser shows as data (no
// HTML or script: a post cannot put a page of its own on the site).

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";
import type { PostWarning } from "./hand-posts.ts";

/** A file published beside a post. */
export interface PostFile {
  /** Relative to the post's folder, `/`-separated, not URL-encoded: `img/ring.png`. */
  path: string;
  /** The file in the content folder. */
  source: string;
  /** Of its bytes: a changed file is written again by an incremental build. */
  hash: string;
}

const PUBLISHED_KINDS = new Set(
  ["png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "ico", "bmp", "pdf", "txt", "log", "patch", "diff", "csv", "zip", "gz", "tgz", "xz", "bz2"],
);

export interface PostFilesInput {
  /** The post's Markdown file. */
  file: string;
  /** The posts folder: nothing outside it is published. */
  postsDir: string;
  /** Lines before the Markdown body (the front matter), for warnings' line numbers. */
  lineOffset: number;
  /** The build's redaction mask, when the post was masked: a reference holding it named what the mask hides. */
  mask?: string;
}

/**
 * The local files the post's images and links name. Each reference is rewritten to the file's
 * path in the post's folder; a reference to a missing file, a file outside the posts folder or
 * a kind that is not published stays as written, with a warning.
 */
export async function collectPostFiles(tree: Root, { file, postsDir, lineOffset, mask }: PostFilesInput): Promise<{ files: PostFile[]; warnings: PostWarning[] }> {
  const references: { element: Element; property: "src" | "href" }[] = [];
  visit(tree, "element", (element: Element) => {
    if (element.tagName === "img" && typeof element.properties.src === "string") references.push({ element, property: "src" });
    if (element.tagName === "a" && typeof element.properties.href === "string") references.push({ element, property: "href" });
  });
  const files = new Map<string, PostFile>();
  const warnings: PostWarning[] = [];
  const postDir = path.dirname(file);
  for (const { element, property } of references) {
    const reference = String(element.properties[property]);
    const local = localPath(reference);
    if (local === null) continue;
    const line = (element.position?.start.line ?? 1) + lineOffset;
    const warn = (message: string): void => void warnings.push({ file, line, code: "post", message });
    const source = path.resolve(postDir, local);
    const relative = path.relative(postsDir, source);
    if (relative.startsWith("..") || path.isAbsolute(relative)) {
      warn(`\`${reference}\` is outside the posts folder: it is not published`);
      continue;
    }
    const kind = path.extname(source).slice(1).toLowerCase();
    // A link to another post's Markdown is the author's to fix; it is not a file to publish.
    if (kind === "md") continue;
    if (!PUBLISHED_KINDS.has(kind)) {
      warn(`\`${reference}\` is not published: only images and documents (${[...PUBLISHED_KINDS].join(", ")}) are copied beside a post`);
      continue;
    }
    // The file under its real name would publish the name the mask hides; under the masked
    // name it does not exist. Either way the reader is told why, not that the file is missing.
    if (mask && local.includes(mask)) {
      warn(`\`${local}\` was masked by the redaction rules: the file is not published (rename it to publish it)`);
      continue;
    }
    const bytes = await readFile(source).catch(() => null);
    if (bytes === null) {
      warn(`\`${reference}\` names no file in the posts folder`);
      continue;
    }
    const inPost = path.relative(postDir, source).split(path.sep).join("/");
    // In the post's folder `index.html` is the post itself; no published kind can be named so.
    element.properties[property] = encodeURI(inPost) + suffixOf(reference);
    files.set(inPost, { path: inPost, source, hash: createHash("sha256").update(bytes).digest("hex") });
  }
  return { files: [...files.values()], warnings };
}

/** The file path a relative URL names, decoded; null for anything else (a scheme, `/…`, `#…`, `?…`). */
function localPath(reference: string): string | null {
  if (reference === "" || /^[a-z][a-z0-9+.-]*:/i.test(reference) || /^[/\\#?]/.test(reference)) return null;
  const pathPart = reference.replace(/[?#].*$/s, "");
  // A folder (`./`, `../`) is a page of the site, not a file beside the post.
  if (pathPart === "" || /[/\\]$/.test(pathPart)) return null;
  try {
    return decodeURI(pathPart);
  } catch {
    return pathPart;
  }
}

/** The query and fragment of a reference, kept as written. */
function suffixOf(reference: string): string {
  return /[?#].*$/s.exec(reference)?.[0] ?? "";
}
