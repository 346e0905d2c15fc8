// Prompt recognition for transcripts: which prefix of a line is a prompt, and of what.
// Kept apart from block detection so the renderer and the header rule share one list.

import type { BlockKind } from "./types.ts";

export interface PromptMatch {
  /** The prompt exactly as written, trailing space included: `linux-vm4:/etc/xen/vm # `. */
  prompt: string;
  style: string;
  kind: Extract<BlockKind, "shell" | "gdb" | "repl">;
  lang: string;
}

interface PromptStyle {
  style: string;
  kind: PromptMatch["kind"];
  lang: string;
  pattern: RegExp;
}

// Order matters: the specific shapes are tried before the bare `$ ` / `% ` / `> `.
const STYLES: PromptStyle[] = [
  // SUSE: `\u@\h:\w> ` for users, `\h:\w # ` for root.
  { style: "suse-user", kind: "shell", lang: "shellsession", pattern: /^[\w.-]+@[\w.-]+:[^\s>]*> ?(?=\S|$)/ },
  { style: "suse-root", kind: "shell", lang: "shellsession", pattern: /^[A-Za-z][\w.-]*:[~/][^\s#]* # ?/ },
  // Debian and most others: `user@host:~$ `, `root@host:~# `.
  { style: "user-dollar", kind: "shell", lang: "shellsession", pattern: /^[\w.-]+@[\w.-]+:[^\s$#]*\$ / },
  { style: "user-hash", kind: "shell", lang: "shellsession", pattern: /^[\w.-]+@[\w.-]+:[^\s$#]*# / },
  // Red Hat: `[user@host dir]# `.
  { style: "bracket-hash", kind: "shell", lang: "shellsession", pattern: /^\[[\w.-]+@[\w.-]+ [^\]]*\]# ?/ },
  { style: "bracket-dollar", kind: "shell", lang: "shellsession", pattern: /^\[[\w.-]+@[\w.-]+ [^\]]*\]\$ ?/ },
  { style: "powershell", kind: "shell", lang: "powershell", pattern: /^PS [A-Za-z]:\\[^>]*> / },
  { style: "dollar", kind: "shell", lang: "shellsession", pattern: /^\$ (?=[A-Za-z_./~"'[(])/ },
  { style: "percent", kind: "shell", lang: "shellsession", pattern: /^% (?=[A-Za-z_./~])/ },
  { style: "gdb", kind: "gdb", lang: "gdb", pattern: /^\(gdb\)(?: |$)/ },
  { style: "lldb", kind: "gdb", lang: "gdb", pattern: /^\(lldb\)(?: |$)/ },
  { style: "pdb", kind: "repl", lang: "python", pattern: /^\([Pp]db\)(?: |$)/ },
  { style: "python", kind: "repl", lang: "python", pattern: /^>>> ?(?=\S|$)/ },
  { style: "mysql", kind: "repl", lang: "sql", pattern: /^mysql> / },
  { style: "sqlite", kind: "repl", lang: "sql", pattern: /^sqlite> / },
  { style: "irb", kind: "repl", lang: "ruby", pattern: /^irb\([^)\s]*\):\d+:\d+[>*"'] / },
  { style: "virsh", kind: "repl", lang: "shellsession", pattern: /^virsh # / },
  { style: "psql", kind: "repl", lang: "sql", pattern: /^[\w-]*=> / },
];

/**
 * Bare `> ` and `# ` are prompts only where the caller knows they are (transcript.ts): they
 * also start e-mail quotes, comments and headings.
 */
const BARE: PromptStyle[] = [
  { style: "angle", kind: "shell", lang: "shellsession", pattern: /^> (?=[A-Za-z_./~])/ },
  { style: "hash", kind: "shell", lang: "shellsession", pattern: /^# (?=[a-z_./~])/ },
];

export function matchPrompt(text: string, options: { bare?: boolean } = {}): PromptMatch | null {
  if (!hasPromptEnd(text)) return null;
  for (const style of options.bare ? [...STYLES, ...BARE] : STYLES) {
    const found = style.pattern.exec(text);
    if (found) return { prompt: found[0], style: style.style, kind: style.kind, lang: style.lang };
  }
  return null;
}

// Every prompt above ends in one of `#>$%` near the line's start, or starts with `(` (gdb,
// lldb, pdb) or `irb(`; a line with none of them holds no prompt, and most lines are asked.
const PROMPT_REACH = 300;

function hasPromptEnd(text: string): boolean {
  if (text.charCodeAt(0) === 0x28 || text.startsWith("irb(")) return true;
  const end = Math.min(text.length, PROMPT_REACH);
  for (let index = 0; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x23 || code === 0x3e || code === 0x24 || code === 0x25) return true;
  }
  return false;
}
