// Search documents → a Pagefind index in `<outDir>/pagefind/`, with Pagefind's Node API in
// this process: records are fed as they are (no HTML to re-parse), so only entry pages and
// posts are ever indexed — never the day, month, tag or home pages that repeat them.

import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { close, createIndex } from "pagefind";
import type { SearchDocument } from "./documents.ts";

/**
 * Pagefind splits an index by language and a browser searches only its page's language.
 * One index under a segmenting language makes Chinese words findable inside Chinese
 * sentences, and English words and identifiers are indexed as usual alongside them, so a
 * page in any language searches every entry.
 */
export const SEARCH_LANGUAGE = "zh-cn";

export interface SearchReport {
  /** `<outDir>/pagefind` */
  outputPath: string;
  records: number;
  /** Problems Pagefind reported for single records; the index is written without them. */
  errors: string[];
  ms: number;
}

export interface WriteSearchIndexOptions {
  outDir: string;
  documents: readonly SearchDocument[];
}

// One index at a time: Pagefind runs as one shared child process, and closing it after one
// index must not cut off another (the dev server rebuilds while a reader edits).
let queue: Promise<unknown> = Promise.resolve();

export function writeSearchIndex(options: WriteSearchIndexOptions): Promise<SearchReport> {
  const run = queue.then(() => writeOnce(options));
  queue = run.catch(() => undefined);
  return run;
}

async function writeOnce({ outDir, documents }: WriteSearchIndexOptions): Promise<SearchReport> {
  const started = performance.now();
  const outputPath = path.join(outDir, "pagefind");
  // Written beside the old bundle and swapped in, so a rebuild under the dev server leaves no
  // fragment of an entry that is gone (or no longer published) and no window without an index.
  const fresh = path.join(outDir, `.pagefind-${process.pid}`);
  await rm(fresh, { recursive: true, force: true });
  const created = await createIndex({ forceLanguage: SEARCH_LANGUAGE });
  const index = created.index;
  if (!index) throw new Error(`Pagefind could not create an index: ${created.errors.join("; ")}`);
  try {
    const errors: string[] = [...created.errors];
    let records = 0;
    // Pagefind's service answers messages by id, so records can be sent without waiting.
    const added = await Promise.all(documents.map((document) => index.addCustomRecord(toRecord(document))));
    added.forEach((response, i) => {
      if (response.errors.length > 0) errors.push(`${documents[i]!.url}: ${response.errors.join("; ")}`);
      else records++;
    });
    const written = await index.writeFiles({ outputPath: fresh });
    errors.push(...written.errors);
    await rm(outputPath, { recursive: true, force: true });
    await rename(fresh, outputPath);
    return { outputPath, records, errors, ms: Math.round(performance.now() - started) };
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  } finally {
    await index.deleteIndex();
    // The Pagefind binary is a child process: leaving it running keeps Node from exiting.
    await close();
  }
}

function toRecord(document: SearchDocument) {
  return {
    url: document.url,
    content: document.text,
    language: SEARCH_LANGUAGE,
    meta: {
      title: document.title,
      date: document.date,
      tags: document.tags.join(", "),
      terms: document.terms,
    },
    filters: { tag: document.tags, year: [document.year], kind: [document.kind] },
    sort: { date: document.date },
  };
}
