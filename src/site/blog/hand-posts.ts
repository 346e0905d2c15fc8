// Hand-written posts: `content/posts/*.md` with YAML front matter (title, date, tags, from,
// draft, slug), rendered as GitHub-flavoured Markdown. Raw HTML in the Markdown is dropped,
// and links only go to safe URLs (remark-safe-urls.ts), so a post cannot break the page or its
// security policy. The
// build's redaction masks a post as it masks a log: a post quoting the log quotes its names
// and addresses too.

import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Root } from "hast";
import { toHtml } from "hast-util-to-html";
import { toString } from "hast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";
import { matter } from "vfile-matter";
import { redactText, slugify, type LogWarning, type Redaction } from "../../log/index.ts";
import { plainText } from "./plain-text.ts";
import { normalizeRequestName } from "./request-name.ts";
import type { Highlight } from "../../render/highlight.ts";
import rehypeCode from "../../render/rehype-code.ts";
import rehypeTranscript from "../../render/rehype-transcript.ts";
import rehypeFencedCode from "../../render/rehype-fenced-code.ts";
import remarkSafeUrls from "../../render/remark-safe-urls.ts";
import { collectPostFiles, type PostFile } from "./post-files.ts";

/** A warning about a hand-written post: a `LogWarning` with code `post`, for the build report. */
export type PostWarning = LogWarning & { code: "post" };

/** A hand-written post before it is placed among the others (tags are plain names yet). */
export interface HandPost {
  file: string;
  slug: string;
  title: string;
  /** Naive local `YYYY-MM-DDTHH:MM`, or null when the front matter has none. */
  date: string | null;
  tags: string[];
  /** Canonical request id, or null. */
  from: string | null;
  draft: boolean;
  html: string;
  text: string;
  /** Matches the build's redaction masked in this post (front matter, file name and body). */
  redacted: number;
  /** Images and documents the post names, published in its folder. */
  files: PostFile[];
}

export interface HandPostOptions {
  /** The build's highlighter; without it (unit tests) fenced code stays plain `<pre><code>`. */
  highlight?: Highlight;
  /** The build's `redact` and `redactNames`, compiled; null or absent masks nothing. */
  redaction?: Redaction | null;
  /** The posts folder, out of which no file is published; by default the post's own folder. */
  postsDir?: string;
}

export async function readHandPosts(
  postsDir: string,
  options: HandPostOptions = {},
): Promise<{ posts: HandPost[]; warnings: PostWarning[] }> {
  const names = await readdir(postsDir).catch(() => [] as string[]);
  const posts: HandPost[] = [];
  const warnings: PostWarning[] = [];
  for (const name of names.filter((n) => n.toLowerCase().endsWith(".md")).sort()) {
    const file = join(postsDir, name);
    const text = await readFile(file, "utf8").catch((error: Error) => {
      warnings.push({ file, line: 0, code: "post", message: error.message });
      return null;
    });
    if (text === null) continue;
    const read = await parseHandPost(file, text, { ...options, postsDir });
    posts.push(read.post);
    warnings.push(...read.warnings);
  }
  return { posts, warnings };
}

export async function parseHandPost(
  file: string,
  markdown: string,
  { highlight, redaction, postsDir = dirname(file) }: HandPostOptions = {},
): Promise<{ post: HandPost; warnings: PostWarning[] }> {
  const warnings: PostWarning[] = [];
  const warn = (message: string): void => void warnings.push({ file, line: 1, code: "post", message });
  const vfile = new VFile({ path: file, value: markdown });
  try {
    matter(vfile, { strip: true });
  } catch (error) {
    warn(`front matter is not valid YAML: ${(error as Error).message}`);
  }
  // Masked after the YAML is read, value by value: a mask written into the YAML text could
  // read as YAML itself (`[hidden]` is a list).
  let redacted = 0;
  const redact = (text: string): string => {
    if (!redaction) return text;
    const result = redactText(text, redaction);
    redacted += result.count;
    return result.text;
  };
  const data = redactStrings(vfile.data.matter ?? {}, redact) as Record<string, unknown>;
  const lineOffset = markdown.slice(0, markdown.length - String(vfile.value).length).split("\n").length - 1;
  vfile.value = redact(String(vfile.value));

  const base = unified().use(remarkParse).use(remarkGfm).use(remarkSafeUrls, { localImages: true }).use(remarkRehype);
  // Without the build's highlighter (unit tests), fenced code stays plain `<pre><code>`.
  const processor = highlight
    ? base.use(rehypeFencedCode).use(rehypeTranscript, { highlight }).use(rehypeCode, { highlight })
    : base;
  const tree = (await processor.run(processor.parse(vfile), vfile)) as Root;
  const published = await collectPostFiles(tree, { file, postsDir, lineOffset, ...(redaction ? { mask: redaction.mask } : {}) });
  warnings.push(...published.warnings);

  // The file name is the slug when the front matter has none: it is published too.
  const stem = redact(basename(file).replace(/\.md$/i, ""));
  const title = stringField(data.title) ?? firstHeading(tree) ?? stem;
  if (stringField(data.title) === null) warn(`no \`title:\` in the front matter; using "${title}"`);

  const from = readFrom(data.from, warn);
  const date = readDate(data.date, warn);
  const draft = data.draft === true;
  if (data.draft !== undefined && typeof data.draft !== "boolean") warn("`draft:` should be true or false");

  return {
    post: {
      file,
      slug: slugify(stringField(data.slug) ?? stem) || slugify(title) || "post",
      title,
      date,
      tags: readTags(data.tags, warn),
      from,
      draft,
      html: toHtml(tree),
      text: plainText(tree),
      redacted,
      files: published.files,
    },
    warnings,
  };
}

/** Every string in parsed YAML, masked; other values (numbers, dates) as they are. */
function redactStrings(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redact));
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item, redact)]));
  }
  return value;
}

function stringField(value: unknown): string | null {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function readFrom(value: unknown, warn: (m: string) => void): string | null {
  if (value === undefined || value === null) return null;
  const name = stringField(value);
  const id = name === null ? null : normalizeRequestName(name);
  if (id === null) warn(`\`from: ${String(value)}\` names no entry or item (write it as "2012-11-05T10:37#1-1")`);
  return id;
}

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;

function readDate(value: unknown, warn: (m: string) => void): string | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 16);
  const text = stringField(value) ?? "";
  const found = DATE.exec(text);
  if (found) {
    const [, y, mo, d, h = "0", mi = "00"] = found as unknown as string[];
    return `${y}-${mo!.padStart(2, "0")}-${d!.padStart(2, "0")}T${h.padStart(2, "0")}:${mi}`;
  }
  // The log's own stamp is welcome too.
  const stamp = normalizeRequestName(text);
  if (stamp !== null && !stamp.includes("#")) return stamp.replace(/-\d+$/, "");
  warn(`\`date: ${text}\` is not a date (write it as 2012-11-20 or 2012-11-20 10:00)`);
  return null;
}

function readTags(value: unknown, warn: (m: string) => void): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map((tag) => stringField(tag)).filter((tag): tag is string => tag !== null);
  const text = stringField(value);
  if (text !== null) return text.split(/[,;，；]/).map((tag) => tag.trim()).filter((tag) => tag !== "");
  warn("`tags:` should be a list or a comma-separated string");
  return [];
}

function firstHeading(tree: Root): string | null {
  const heading = tree.children.find((node) => node.type === "element" && /^h[1-6]$/.test(node.tagName));
  return heading ? toString(heading).trim() || null : null;
}
