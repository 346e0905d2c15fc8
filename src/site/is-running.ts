// Whether a process still runs: what a build that finds another's leftovers (a staging folder,
// a page-store segment, both named by their writer's pid) asks before removing them.

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
