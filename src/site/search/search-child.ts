// The child side of index-in-child.ts: writes the index each request's file describes, answers
// each through the IPC channel, and stops when the build lets it go.
import { readFile } from "node:fs/promises";
import type { ChildAnswer, ChildRequest } from "./index-in-child.ts";
import { writeSearchIndex, type WriteSearchIndexOptions } from "./write-search-index.ts";

let working = 0;
// Let go by the build once its answers are in (0), or the build is gone, killed or its channel
// closed mid-index (1): nobody would use the index.
process.once("disconnect", () => process.exit(working === 0 ? 0 : 1));

async function answer({ id, input }: ChildRequest): Promise<ChildAnswer> {
  try {
    const options = JSON.parse(await readFile(input, "utf8")) as WriteSearchIndexOptions;
    return { id, report: await writeSearchIndex(options) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}

process.on("message", (request: ChildRequest) => {
  working++;
  void answer(request).then((result) => {
    working--;
    process.send?.(result);
  });
});
