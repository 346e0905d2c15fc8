// A full garbage collection between two batches of pages. Once a batch is written its pages
// are garbage, but V8, far below its heap limit, would rather grow the heap than collect them:
// on 10,000 entries the heap grew by a batch each time (1.1 GB peak) where collecting between
// batches keeps it at one batch (~0.75 GB). Node exposes `gc` only under a flag; the flag
// set at run time applies to contexts made afterwards, so `gc` is taken from a new one.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}
