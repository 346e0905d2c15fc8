// The site a build replaced is removed by a process of its own that outlives the build: a
// 10,000-entry site is ~60,000 files and folders, whose removal took ~2.5 s of the build's wall
// time (mostly the file system's; with promises, ~60 MB of the build's heap too) after the new
// site was already in place.
//
// The remover first renames the folder to carry its own process id: `removeStale` of the next
// build then sees a live process and leaves the folder to it, and removes it only if the
// remover was killed.

import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";

// CommonJS under `node -e`; the folder is the first argument. A rename that fails means the
// folder is gone already (or another build's `removeStale` took it).
const REMOVER = `
const fs = require("node:fs");
const dir = process.argv[1];
const mine = dir.replace(/-\\d+$/, "-" + process.pid);
try { fs.renameSync(dir, mine); } catch { process.exit(0); }
fs.rmSync(mine, { recursive: true, force: true, maxRetries: 3 });
`;

/**
 * Starts removing `dir` (a folder named `…-<pid>`, as `removeStale` expects) and returns without
 * waiting. When no process can be started, the folder is removed here before returning.
 */
export async function removeInBackground(dir: string): Promise<void> {
  const started = await new Promise<boolean>((resolve) => {
    const child = spawn(process.execPath, ["-e", REMOVER, dir], { detached: true, stdio: "ignore" });
    child.once("error", () => resolve(false));
    child.once("spawn", () => {
      child.unref();
      resolve(true);
    });
  });
  if (!started) await rm(dir, { recursive: true, force: true });
}
