// Runs a command in a child process and reports its wall time and peak RSS, so that each
// side of a comparison is measured the same way (and the parent's own memory is not counted).
import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface ChildRun {
  ms: number;
  maxRssMiB: number;
  code: number | null;
}

/**
 * GNU time reports the peak RSS of the child and its own children (Pagefind's binary
 * included); when it is missing, Node's resourceUsage of the child is used instead.
 */
export async function measureChild(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ChildRun> {
  const timeFile = path.join(os.tmpdir(), `dotlog-bench-${process.pid}-${Date.now()}.time`);
  const useGnuTime = await hasGnuTime();
  const started = performance.now();
  // Output goes to a pipe that is read to its end (Eleventy spins when its pipe closes early);
  // stderr is shown only when the command fails, so progress lines do not bury the figures.
  const stdio: ["ignore", "ignore", "pipe"] = ["ignore", "ignore", "pipe"];
  const child = useGnuTime
    ? spawn("/usr/bin/time", ["-f", "%M", "-o", timeFile, command, ...args], { cwd: options.cwd, env: options.env, stdio })
    : spawn(command, args, { cwd: options.cwd, env: options.env, stdio });
  const errors: Buffer[] = [];
  child.stderr.on("data", (chunk: Buffer) => errors.push(chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) process.stderr.write(Buffer.concat(errors));
  const ms = performance.now() - started;
  let maxRssMiB = Number.NaN;
  if (useGnuTime) {
    maxRssMiB = Number((await readFile(timeFile, "utf8")).trim().split("\n").at(-1)) / 1024;
    await rm(timeFile, { force: true });
  }
  return { ms, maxRssMiB, code };
}

async function hasGnuTime(): Promise<boolean> {
  try {
    await readFile("/usr/bin/time");
    return true;
  } catch {
    return false;
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
