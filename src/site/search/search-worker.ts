// The worker side of index-in-worker.ts: writes the index it is given and answers once.
import { parentPort, workerData } from "node:worker_threads";
import { writeSearchIndex, type WriteSearchIndexOptions } from "./write-search-index.ts";

try {
  const report = await writeSearchIndex(workerData as WriteSearchIndexOptions);
  parentPort?.postMessage({ report });
} catch (error) {
  parentPort?.postMessage({ error: (error as Error).message ?? String(error) });
}
