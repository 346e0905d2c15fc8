// Runs a command in a child process and reports its wall time and peak RSS, so that each
// side of a comparison is measured the same way (and the parent's own memory is not counted).
import { spawn } from "node:child_process";
import { readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export interface ChildRun {
  ms: number;
  maxRssMiB: number;
  /**
   * User + system CPU of the process and the children it waited for (GNU time's; NaN without
   * it): what the run costs whatever the cores, and so the least wall time two cores allow.
   */
  cpuMs: number;
  code: number | null;
  /**
   * The peak RSS of each process of the tree that lived long enough to be seen, largest first
   * (Linux only, sampled from /proc; empty elsewhere): which process GNU time's figure is.
   */
  processes: { name: string; maxRssMiB: number }[];
}

/**
 * GNU time reports the peak RSS of the child and its own children (Pagefind's binary
 * included), and their CPU; without it, only the wall time and the sampled peaks are known.
 */
export async function measureChild(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ChildRun> {
  const timeFile = path.join(os.tmpdir(), `dotlog-bench-${process.pid}-${Date.now()}.time`);
  const useGnuTime = await hasGnuTime();
  const started = performance.now();
  // Output goes to a pipe that is read to its end (Eleventy spins when its pipe closes early);
  // stderr is shown only when the command fails, so progress lines do not bury the figures.
  const stdio: ["ignore", "ignore", "pipe"] = ["ignore", "ignore", "pipe"];
  const child = useGnuTime
    ? spawn("/usr/bin/time", ["-f", "%M %U %S", "-o", timeFile, command, ...args], { cwd: options.cwd, env: options.env, stdio })
    : spawn(command, args, { cwd: options.cwd, env: options.env, stdio });
  const errors: Buffer[] = [];
  child.stderr.on("data", (chunk: Buffer) => errors.push(chunk));
  const peaks = new Map<number, { name: string; maxRssMiB: number }>();
  const sampler = child.pid !== undefined && process.platform === "linux" ? setInterval(() => void samplePeaks(child.pid!, peaks), 200) : null;
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (sampler) clearInterval(sampler);
  if (code !== 0) process.stderr.write(Buffer.concat(errors));
  const ms = performance.now() - started;
  let maxRssMiB = Number.NaN;
  let cpuMs = Number.NaN;
  if (useGnuTime) {
    // The last line: a failed command adds a line of its own before it.
    const [rssKiB, user, system] = ((await readFile(timeFile, "utf8")).trim().split("\n").at(-1) ?? "").split(" ").map(Number);
    maxRssMiB = (rssKiB ?? Number.NaN) / 1024;
    cpuMs = ((user ?? Number.NaN) + (system ?? Number.NaN)) * 1000;
    await rm(timeFile, { force: true });
  }
  const processes = [...peaks.values()].sort((a, b) => b.maxRssMiB - a.maxRssMiB);
  return { ms, maxRssMiB, cpuMs, code, processes };
}

/** `VmHWM` (the peak RSS so far) of `root` and every process under it, kept by pid. */
async function samplePeaks(root: number, peaks: Map<number, { name: string; maxRssMiB: number }>): Promise<void> {
  const parents = new Map<number, number>();
  for (const name of await readdir("/proc").catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, "utf8").catch(() => "");
    // `pid (name) state ppid …`: the name may hold spaces and parentheses; the ppid follows its last ")".
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    if (ppid) parents.set(Number(name), ppid);
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid; p; p = parents.get(p)) if (p === root) return true;
    return false;
  };
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
    const hwm = Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024;
    if (hwm <= (peaks.get(pid)?.maxRssMiB ?? 0)) continue;
    let name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "?";
    // Node processes told apart by their script (the build, the search index's child).
    if (name === "node") {
      const args = (await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).split("\0");
      const script = args.slice(1).find((arg, i, rest) => /\.(?:[cm]?js|ts)$/.test(arg) && !/^(?:--import|--require|-r|--loader)$/.test(rest[i - 1] ?? ""));
      if (script) name = `node ${path.basename(script)}`;
    }
    peaks.set(pid, { name, maxRssMiB: hwm });
  }
}

/** `pagefind_extend 989 MiB, node 535 MiB` — the largest processes a run had. */
export function describeProcesses(run: Pick<ChildRun, "processes">, count = 3): string {
  return run.processes
    .slice(0, count)
    .map((p) => `${p.name} ${p.maxRssMiB.toFixed(0)} MiB`)
    .join(", ");
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
