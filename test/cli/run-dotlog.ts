// Runs the real command line (`node bin/dotlog.js …`) in a child process, the way a user or
// CI does, and collects its exit code and both output streams in full (never a pipe that
// closes early: Eleventy spins when its stdout goes away).

import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const bin = fileURLToPath(new URL("../../bin/dotlog.js", import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runDotlog(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The `  label  value` rows of a build report. */
export function reportRows(stdout: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const match of stdout.matchAll(/^ {2}([a-z][a-z ]*?) {2,}(\S.*)$/gm)) rows.set(match[1]!, match[2]!);
  return rows;
}

/** A stack trace line, as Node prints them. */
export const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;
