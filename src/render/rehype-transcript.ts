// Terminal sessions read like a terminal: each prompt, command and output line is its own
// span. Shell and REPL commands are highlighted in their language (a root prompt's `#` is a
// prompt, never a comment, because it is never given to the highlighter); gdb sessions are
// highlighted whole with dotlog's gdb grammar, then cut at the prompt. The copy button
// copies the commands only, one a line.
import type { Element, ElementContent, Root } from "hast";
import { h } from "hastscript";
import type { Block, TranscriptStep } from "../log/types.ts";
import { blockFigure, blockLabel, blockPlaceholders, preOf } from "./block-figure.ts";
import type { Highlight } from "./highlight.ts";

/** A transcript line: a prompt line (prompt + command) or an output line. */
type SessionLine = { kind: "command"; prompt: string; command: string } | { kind: "output"; text: string };

/** Output lines that report a failure (`error: Failed to detach disk`) stand out. */
const ERROR_LINE = /^(?:error|fatal|E)(?:\[[^\]]*\])?:|^(?:ERROR|FATAL)\b|^\S+: (?:command not found|No such file or directory)$/;

/** The language a block's commands are written in. */
const COMMAND_LANGUAGE: Record<string, string> = {
  shellsession: "shellscript",
  console: "shellscript",
  powershell: "powershell",
  python: "python",
  sql: "sql",
  ruby: "ruby",
};

export default function rehypeTranscript(options: { highlight: Highlight }) {
  return async (tree: Root): Promise<void> => {
    const pending: { parent: Element | Root; index: number; block: Block; lines: SessionLine[] }[] = [];
    for (const { parent, index, block } of blockPlaceholders(tree)) {
      const lines = block.kind === "shell" || block.kind === "gdb" || block.kind === "repl" ? sessionLines(block) : null;
      if (lines) pending.push({ parent, index, block, lines });
    }
    for (const { parent, index, block, lines } of pending) {
      const className = (parent.children[index] as Element).properties.className;
      parent.children[index] = await transcriptFigure(block, lines, options.highlight, className);
    }
  };
}

/**
 * The block's exact lines, each a prompt line (one of the steps, in order) or output. Null
 * when a step's line is not found: the block is then shown as plain code, no text lost.
 */
export function sessionLines(block: Block): SessionLine[] | null {
  const steps: TranscriptStep[] = block.steps ?? [];
  if (steps.length === 0) return null;
  const lines: SessionLine[] = block.text.split("\n").map((text) => ({ kind: "output", text }));
  let from = 0;
  for (const step of steps) {
    const at = lines.findIndex((line, index) => index >= from && line.kind === "output" && line.text === step.prompt + step.command);
    if (at < 0) return null;
    lines[at] = { kind: "command", prompt: step.prompt, command: step.command };
    from = at + 1;
  }
  return lines;
}

async function transcriptFigure(block: Block, lines: SessionLine[], highlight: Highlight, className: unknown): Promise<Element> {
  const commands = lines.filter((line) => line.kind === "command").map((line) => line.command);
  const rows = block.kind === "gdb" ? await wholeSession(lines, highlight) : await commandsOnly(lines, commands, block, highlight);
  const highlighted = rows.pre;
  const pre = preOf(
    { ...highlighted, className: [...classNames(highlighted.className), "transcript"] },
    rows.lines,
    (index) => [lines[index]!.kind === "command" ? "line-command" : "line-output"],
  );
  // Trailing blanks typed after a command are not part of it.
  const copy = commands.map((command) => command.trimEnd()).join("\n");
  return blockFigure(block, blockLabel(block), pre, copy, { className: classNames(className) });
}

function classNames(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

interface Rows {
  pre: Element["properties"];
  lines: ElementContent[][];
}

/** Shell and REPLs: only the commands go through Shiki, together, one a line. */
async function commandsOnly(lines: SessionLine[], commands: string[], block: Block, highlight: Highlight): Promise<Rows> {
  const language = COMMAND_LANGUAGE[block.lang] ?? (block.kind === "shell" ? "shellscript" : block.lang);
  const highlighted = await highlight.highlight(commands.join("\n"), language);
  let next = 0;
  const rows = lines.map((line): ElementContent[] => {
    if (line.kind === "output") return [h("span", { className: outputClasses(line.text) }, line.text)];
    const tokens = highlighted?.lines[next] ?? [{ type: "text", value: line.command }];
    next++;
    return [prompt(line.prompt), h("span", { className: ["command"] }, tokens)];
  });
  return { pre: highlighted?.pre ?? (await highlight.highlight("", "shellscript"))?.pre ?? {}, lines: rows };
}

/** gdb: the whole session through the gdb grammar, so multi-line values keep their colours. */
async function wholeSession(lines: SessionLine[], highlight: Highlight): Promise<Rows> {
  const text = lines.map((line) => (line.kind === "command" ? line.prompt + line.command : line.text)).join("\n");
  const highlighted = await highlight.highlight(text, "gdb");
  const rows = lines.map((line, index): ElementContent[] => {
    const tokens = highlighted?.lines[index] ?? [{ type: "text", value: line.kind === "command" ? line.prompt + line.command : line.text }];
    if (line.kind === "output") return [h("span", { className: outputClasses(line.text) }, tokens)];
    const [, command] = splitTokens(tokens, line.prompt.length);
    return [prompt(line.prompt), h("span", { className: ["command"] }, command)];
  });
  return { pre: highlighted?.pre ?? {}, lines: rows };
}

function outputClasses(text: string): string[] {
  return ERROR_LINE.test(text) ? ["output", "output-error"] : ["output"];
}

function prompt(text: string): Element {
  return h("span", { className: ["prompt"] }, text);
}

/** Cuts a line's token spans at character `at`; a token straddling the cut is split in two. */
export function splitTokens(tokens: ElementContent[], at: number): [ElementContent[], ElementContent[]] {
  const before: ElementContent[] = [];
  const after: ElementContent[] = [];
  let offset = 0;
  for (const token of tokens) {
    const text = textOf(token);
    const end = offset + text.length;
    if (end <= at) before.push(token);
    else if (offset >= at) after.push(token);
    else {
      before.push(withText(token, text.slice(0, at - offset)));
      after.push(withText(token, text.slice(at - offset)));
    }
    offset = end;
  }
  return [before, after];
}

function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

function withText(node: ElementContent, value: string): ElementContent {
  if (node.type === "element") return { ...node, children: [{ type: "text", value }] };
  return { type: "text", value };
}
