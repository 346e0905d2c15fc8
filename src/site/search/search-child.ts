// The child side of index-in-child.ts: writes the index each request's file describes, in the
// order asked, answers each through the IPC channel, and stops when the build lets it go. It
// holds the documents of its last index: the next request may send only those that changed.
import { readFile } from "node:fs/promises";
import type { SearchDocument } from "./documents.ts";
import type { ChildAnswer, ChildRequest, IndexInput } from "./index-in-child.ts";
import { writeSearchIndex } from "./write-search-index.ts";

let working = 0;
// Let go by the build once its answers are in (0), or the build is gone, killed or its channel
// closed mid-index (1): nobody would use the index.
process.once("disconnect", () => process.exit(working === 0 ? 0 : 1));

let held = new Map<string, SearchDocument>();

/** Every document of the index, in order: sent whole, or the held ones with those that changed. */
function documentsOf(input: IndexInput): readonly SearchDocument[] {
  if ("documents" in input) return input.documents;
  const changed = new Map(input.changed.map((document) => [document.url, document]));
  return input.urls.map((url) => {
    const document = changed.get(url) ?? held.get(url);
    if (!document) throw new Error(`the search index process holds no document for ${url}`);
    return document;
  });
}

async function answer({ id, input }: ChildRequest): Promise<ChildAnswer> {
  try {
    const request = JSON.parse(await readFile(input, "utf8")) as IndexInput;
    const documents = documentsOf(request);
    held = new Map(documents.map((document) => [document.url, document]));
    const { outDir, cacheDir, partSizes } = request;
    return { id, report: await writeSearchIndex({ outDir, documents, ...(cacheDir ? { cacheDir } : {}), ...(partSizes ? { partSizes } : {}) }) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}

// One request at a time, in order: each may build on the documents the one before left held.
let queue = Promise.resolve();
process.on("message", (request: ChildRequest) => {
  working++;
  queue = queue.then(async () => {
    const result = await answer(request);
    working--;
    process.send?.(result);
  });
});
