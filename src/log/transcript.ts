// A transcript: a prompt line, its output, more prompts. It runs across blank lines while what
// follows is still prompts or output, and ends at an outline marker, a stamp line of the
// author's (an item time or an insertion end) or prose — after a blank line, or a line in
// Chinese right after the output.

import { matchPrompt, type PromptMatch } from "./prompts.ts";
import { isBlank, isCjkSentence, isProse } from "./prose.ts";
import { isAuthorLine, joinLines, type ScanLine } from "./block-lines.ts";
import type { TranscriptStep } from "./types.ts";

export interface TranscriptScan {
  end: number; // index of the last line
  steps: TranscriptStep[];
}

/**
 * A bare `> ` or `# ` line is a prompt when a command follows and output comes next: not in a
 * run of quoted mail (`> ` on the lines around), not a comment or heading before prose.
 */
export function isBarePrompt(lines: ScanLine[], index: number): boolean {
  const here = lines[index]!.content;
  if (!(here.startsWith("> ") || here.startsWith("# "))) return false;
  if (!matchPrompt(here, { bare: true }) || isProse(here.slice(2))) return false;
  const mark = here[0]!;
  const before = lines[index - 1];
  const after = lines[index + 1];
  if (before && before.text.startsWith(mark)) return false;
  if (!after || isBlank(after.text) || after.marked || after.text.startsWith(mark)) return false;
  // A `# heading` is followed by prose; a `> command` may well print sentences.
  return mark === ">" || !isProse(after.text);
}

// A program's banner can read like prose (`Type:  'help' for help with commands`); when a
// prompt comes within a few lines, with no author's line before it, it is still output.
const BANNER_REACH = 8;

function promptSoon(lines: ScanLine[], from: number, promptAt: (scan: ScanLine) => PromptMatch | null): boolean {
  for (let index = from; index < Math.min(lines.length, from + BANNER_REACH); index++) {
    const scan = lines[index]!;
    if (isAuthorLine(scan) || isCjkSentence(scan.text)) return false;
    if (promptAt(scan)) return true;
  }
  return false;
}

export function scanTranscript(lines: ScanLine[], start: number, first: PromptMatch, body?: string): TranscriptScan {
  const bare = first.style === "angle" || first.style === "hash";
  const promptAt = (scan: ScanLine): PromptMatch | null => {
    const found = matchPrompt(scan.content, { bare });
    // irb prints results as `=> value`: output there, not a psql prompt.
    if (found && first.style === "irb" && found.style === "psql") return null;
    return found;
  };
  const steps: TranscriptStep[] = [];
  // A step's output is the run of lines after its prompt line, up to `last` (none when below it).
  let current: { prompt: string; command: string; index: number; last: number; line: number } | null = null;
  let end = start;
  const close = () => {
    if (!current) return;
    const output = current.last > current.index ? joinLines(lines, current.index + 1, current.last, body) : "";
    steps.push({ prompt: current.prompt, command: current.command, output, line: current.line });
  };
  for (let index = start; index < lines.length; index++) {
    const scan = lines[index]!;
    // Output follows its command directly; a Chinese line there is the author commenting.
    if (index > start && (isAuthorLine(scan) || isCjkSentence(scan.text))) break;
    if (isBlank(scan.text)) {
      let after = index + 1;
      while (after < lines.length && isBlank(lines[after]!.text)) after++;
      const next = lines[after];
      if (!next || isAuthorLine(next)) break;
      if (!promptAt(next) && isProse(next.text) && !promptSoon(lines, after, promptAt)) break;
      if (current) current.last = after - 1;
      index = after - 1;
      continue;
    }
    const prompt = index === start ? first : promptAt(scan);
    if (prompt) {
      close();
      current = { prompt: prompt.prompt, command: scan.content.slice(prompt.prompt.length), index, last: index, line: scan.line };
    } else if (current) {
      current.last = index;
    }
    end = index;
  }
  close();
  return { end, steps };
}
