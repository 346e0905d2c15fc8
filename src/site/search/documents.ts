// Entries and blog posts → the records the search index is built from. A record carries the
// plain text a reader sees on the page (the excerpt is cut from it) and, apart, index-only
// words that help Pagefind's tokenizer with the identifiers an engineering log is full of.

import { tagKey, type BodyNode, type Entry, type TagInfo, type Timeline } from "../../log/index.ts";
import type { Post } from "../blog/types.ts";
import { remembered, type KeptModels } from "../kept-models.ts";
import type { TermsCache } from "./terms-cache.ts";

export type SearchKind = "entry" | "post";

export interface SearchDocument {
  /** Root-relative page URL, as in the model: `/2012/11/07/1459-rpcbind/`. */
  url: string;
  title: string;
  /** ISO local date-time, `2012-11-07T14:59`: sorts as text. */
  date: string;
  tags: string[];
  year: string;
  kind: SearchKind;
  /** What the page shows, as plain text: header, outline, prose, transcripts. */
  text: string;
  /** Index-only words (identifier parts, path parts); stored as meta, never shown. */
  terms: string;
}

/** What search needs of a blog post (`text` is its body as plain text). */
export type PostInput = Pick<Post, "url" | "title" | "date" | "text"> & { tags: readonly { name: string }[] };

/** A text's index-only words (`identifierTerms`), as one set of documents gets them. */
export type WordsOf = (text: string) => string;

/** Words taken apart with one memo of tokens, or, given a cache, kept from the last build where the text is the same. */
export function wordsOf(kept?: TermsCache): WordsOf {
  const tokens: TokenMemo = new Map();
  const make = (text: string): string => identifierTerms(text, tokens);
  return kept ? (text) => kept.terms(text, make) : make;
}

/**
 * Everything the site publishes that search should find: entry pages and posts, nothing else.
 * `documents`: the entries' documents kept from the last build of this process (the dev server's).
 */
export function searchDocuments(published: Timeline, posts: readonly PostInput[] = [], kept?: TermsCache, documents?: KeptModels<SearchDocument>): SearchDocument[] {
  const words = wordsOf(kept);
  return [...entryDocuments(published.entries, published.tags, words, documents), ...posts.map((post) => postDocument(post, words))];
}

/**
 * Search documents for the entries the site publishes. `tags` (the timeline's) gives every
 * spelling of a tag its one display name, so the tag filter lists each tag once.
 */
export function entryDocuments(
  entries: readonly Entry[],
  tags?: ReadonlyMap<string, TagInfo>,
  words: WordsOf = wordsOf(),
  kept?: KeptModels<SearchDocument>,
): SearchDocument[] {
  return entries.map((entry) => remembered(kept, entry.id, kept ? documentInputs(entry, tags) : null, () => entryDocument(entry, tags, words)));
}

/** What an entry's document is made of: its parse (the digest), its URL, and its tags' display names. */
function documentInputs(entry: Entry, tags?: ReadonlyMap<string, TagInfo>): unknown[] | null {
  if (!entry.digest) return null;
  return [entry.digest, entry.url, entry.title, entry.tags.map((tag) => tags?.get(tagKey(tag))?.name ?? tag).join("\u0000")];
}

export function entryDocument(entry: Entry, tags?: ReadonlyMap<string, TagInfo>, words: WordsOf = identifierTerms): SearchDocument {
  const lines: string[] = [];
  if (entry.header) lines.push(entry.header.text);
  collectLines(entry.body, lines);
  const text = lines.join("\n");
  return {
    url: entry.url,
    title: entry.title,
    date: entry.timestamp,
    tags: entry.tags.map((tag) => tags?.get(tagKey(tag))?.name ?? tag),
    year: String(entry.time.year),
    kind: "entry",
    text,
    terms: words(`${entry.title}\n${text}`),
  };
}

export function postDocument(post: PostInput, words: WordsOf = identifierTerms): SearchDocument {
  return {
    url: post.url,
    title: post.title,
    date: post.date,
    tags: post.tags.map((tag) => tag.name),
    year: post.date.slice(0, 4),
    kind: "post",
    text: post.text,
    terms: words(`${post.title}\n${post.text}`),
  };
}

function collectLines(nodes: readonly BodyNode[], out: string[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        out.push(node.text);
        break;
      case "item": {
        // A transcript can start on the marker's own line (`2, bamvor@linux-bjrd:~> cat …`).
        const [first, ...rest] = node.children;
        if (node.text === "" && first?.type === "block" && first.line === node.line) {
          out.push(node.marker + first.block.text);
          collectLines(rest, out);
        } else {
          out.push(node.marker + node.text);
          collectLines(node.children, out);
        }
        break;
      }
      case "block":
        out.push(node.block.text);
        break;
      case "blank":
        break;
      default: {
        // A new kind of body node must be given to search, or its text would not be found.
        const unhandled: never = node;
        void unhandled;
      }
    }
  }
}

// Characters that separate the parts of a path, an assignment, a call or a quoted word.
const PATH_SEPARATORS = /[/\\:=()[\]{}<>,;"'`|*&@!?#$%^~+，。：；（）“”‘’、]+/;
// Inside one identifier: snake_case, dotted.names, kebab-case.
const WORD_SEPARATORS = /[_.\-]+/;
const WORD_SEPARATORS_ALL = new RegExp(WORD_SEPARATORS.source, "g");
// lowerUpper or UPPERUpperlower (`WKWebView` → `WK Web View`), and letter/digit changes are not split.
const CAMEL_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u;
const LATIN = /[A-Za-z]/;
// Runs of Chinese (or any non-ASCII) text are Pagefind's segmenter's job, not ours.
const ASCII_WORD = /^[\x21-\x7e]+$/;
const STARTS_WITH_DIGIT = /^\d/;
// Tails of long machine-made names (hashes in URLs) find nothing anyone would type.
const MAX_TAIL_PARTS = 5;

/**
 * Index-only words for identifiers: every path part on its own (`xen_disk.c` out of
 * `/usr/src/…/hw/xen_disk.c:778`), every identifier by its parts (`domainBlockStats` →
 * `domain Block Stats`, `libxl_domain_create` → `libxl domain create`, `xen_disk.c` →
 * `xen disk c`), and the tails of longer ones (`BlockStats`, `domain_create`) so a search
 * for a part of a name finds it as a whole word. Words the text already holds as they are
 * are left out: only what the tokenizer would not see is added. Each word once.
 */
export function identifierTerms(text: string, tokens: TokenMemo = new Map()): string {
  // What a token gives depends on the token alone; tokens that give words, in order of first appearance.
  const giving = new Set<TokenTerms>();
  const plain = new Set<string>();
  for (const token of text.split(/\s+/)) {
    const found = termsOfToken(token, tokens);
    plain.add(found.plain);
    if (found.candidates.length > 0) giving.add(found);
  }
  const terms = new Map<string, string>();
  for (const { candidates } of giving) {
    for (const [key, word] of candidates) if (!plain.has(key) && !terms.has(key)) terms.set(key, word);
  }
  return [...terms.values()].join(" ");
}

interface TokenTerms {
  /** The token as the tokenizer sees it, lower case: words equal to it need not be added. */
  plain: string;
  /** The words the token adds if the text lacks them, in order, each once: [lower case, word]. */
  candidates: [string, string][];
}

/**
 * Tokens already taken apart. Identifiers and words repeat across a log's entries: the documents
 * of one build share one memo, so each distinct token is taken apart once, and drop it with them.
 */
export type TokenMemo = Map<string, TokenTerms>;

function termsOfToken(token: string, tokens: TokenMemo): TokenTerms {
  let found = tokens.get(token);
  if (found === undefined) {
    found = { plain: bare(token).toLowerCase(), candidates: LATIN.test(token) ? candidatesOf(token) : [] };
    tokens.set(token, found);
  }
  return found;
}

function candidatesOf(token: string): [string, string][] {
  const candidates = new Map<string, string>();
  const add = (word: string): void => {
    if (word.length < 2 || !LATIN.test(word) || !ASCII_WORD.test(word) || STARTS_WITH_DIGIT.test(word)) return;
    const key = word.toLowerCase();
    if (!candidates.has(key)) candidates.set(key, word);
  };
  const segments = token.split(PATH_SEPARATORS).filter((segment) => segment !== "");
  for (const raw of segments) {
    const segment = raw.replace(/^[.\-_]+|[.\-_]+$/g, "");
    if (segments.length > 1) add(segment);
    const words = segment.split(WORD_SEPARATORS).filter((word) => word !== "");
    if (words.length > 1 && words.length <= MAX_TAIL_PARTS) {
      for (const word of words) add(word);
      // Tails keep their own separators (`domain_create`); the last tail is a word already.
      const starts = [...segment.matchAll(WORD_SEPARATORS_ALL)].map((m) => m.index + m[0].length);
      for (const start of starts.slice(0, -1)) add(segment.slice(start));
    }
    for (const word of words) {
      const humps = word.split(CAMEL_BOUNDARY);
      if (humps.length < 2) continue;
      for (const hump of humps) add(hump);
      for (let start = 1; start < humps.length - 1; start++) add(humps.slice(start).join(""));
    }
  }
  return [...candidates];
}

/** A token without the punctuation around it, as the tokenizer sees it anyway. */
function bare(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}
