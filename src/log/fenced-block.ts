// A fenced code block (```shellsession, ```gdb, ```ini, or no language at all) as the same kind
// of literal block the log's own transcripts and scripts are: a Markdown journal's fences and a
// hand-written post's alike. A fence that is one whole session (it opens on a prompt and runs to
// its end as commands and output) is a transcript; any other is a script or preformatted text.

import { toScanLine } from "./block-lines.ts";
import { matchPrompt } from "./prompts.ts";
import { scanTranscript } from "./transcript.ts";
import type { Block, SourceLine } from "./types.ts";

/** Fence languages that are transcripts when their lines start with a prompt; `""` is a fence without one. */
const SESSION_LANGUAGES = new Set(["", "shellsession", "console", "gdb", "lldb", "pycon"]);
const PLAIN_LANGUAGES = new Set(["", "text", "txt", "plain"]);

/** `text`: the fence's lines without the fences; `firstLine`: the file line of its first line. */
export function fencedBlock(text: string, lang: string, firstLine = 1): Block {
  const lines: SourceLine[] = text.split("\n").map((line, i) => ({ line: firstLine + i, text: line }));
  const session = SESSION_LANGUAGES.has(lang) ? wholeSession(text, lines) : null;
  if (session) return session;
  const plain = PLAIN_LANGUAGES.has(lang);
  return {
    kind: plain ? "preformatted" : "script",
    lang: plain ? "text" : lang === "shellsession" || lang === "console" ? "shellscript" : lang,
    promptStyle: null,
    line: firstLine,
    endLine: firstLine + lines.length - 1,
    text,
    steps: null,
  };
}

/** The fence as one transcript, when it opens on a prompt (a bare `# ` or `> ` too: it is code) and is all session. */
function wholeSession(text: string, lines: SourceLine[]): Block | null {
  const scans = lines.map(toScanLine);
  const first = scans[0]!.content;
  const prompt = matchPrompt(first) ?? matchPrompt(first, { bare: true });
  if (!prompt) return null;
  const { end, steps } = scanTranscript(scans, 0, prompt);
  if (end !== lines.length - 1 || steps.length === 0) return null;
  return { kind: prompt.kind, lang: prompt.lang, promptStyle: prompt.style, line: lines[0]!.line, endLine: lines.at(-1)!.line, text, steps };
}
