// The child side of index-in-child.ts: writes the index described by the file it is given,
// answers once through the IPC channel, and stops.
import { readFile } from "node:fs/promises";
import type { ChildAnswer } from "./index-in-child.ts";
import { writeSearchIndex, type WriteSearchIndexOptions } from "./write-search-index.ts";

// The build that started this process is gone (killed, or its IPC channel closed): nobody
// would use the index.
const orphaned = (): never => process.exit(1);
process.once("disconnect", orphaned);

async function answer(): Promise<ChildAnswer> {
  try {
    const input = process.argv[2];
    if (!input) throw new Error("no options file given");
    const options = JSON.parse(await readFile(input, "utf8")) as WriteSearchIndexOptions;
    return { report: await writeSearchIndex(options) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const result = await answer();
process.off("disconnect", orphaned);
// Disconnecting lets the process end once the answer is sent.
process.send?.(result, () => process.disconnect());
