// The stylesheet for rendered bodies: Shiki's two themes switched by prefers-color-scheme, and
// the classes of the log's constructs. Block rules are not scoped to `.log-body`, so a blog
// post's fenced code, rendered through the same plugins, looks the same. Colours dotlog chooses itself are in PALETTE, so a test
// can check each foreground against its background (WCAG AA, 4.5:1).
import type { ThemeColors } from "./highlight.ts";

export interface Palette {
  prompt: string;
  output: string;
  error: string;
  label: string;
  labelBg: string;
  badge: string;
  badgeBg: string;
  inserted: string;
  insertedBg: string;
  muted: string;
  /** The page background muted text sits on: the site's own (templates/assets/site.css `--bg`). */
  page: string;
}

export const PALETTE: { light: Palette; dark: Palette } = {
  light: {
    prompt: "#1a7f37",
    output: "#59636e",
    error: "#b31d28",
    label: "#24292e",
    labelBg: "#eaeef2",
    badge: "#6f4a00",
    badgeBg: "#fff1c2",
    inserted: "#24292e",
    insertedBg: "#e6f6ea",
    muted: "#57606a",
    page: "#fbfaf7",
  },
  dark: {
    prompt: "#7ee2a0",
    output: "#b1bac4",
    error: "#ff9492",
    label: "#e1e4e8",
    labelBg: "#3a424a",
    badge: "#f2cc60",
    badgeBg: "#3b2e00",
    inserted: "#e1e4e8",
    insertedBg: "#1c3325",
    muted: "#9ea7b3",
    page: "#16181b",
  },
};

/** Pairs (foreground, background) a reader sees; each must reach 4.5:1. */
export function contrastPairs(palette: Palette, code: ThemeColors): [string, string, string][] {
  return [
    ["prompt", palette.prompt, code.bg],
    ["output", palette.output, code.bg],
    ["error", palette.error, code.bg],
    ["label", palette.label, palette.labelBg],
    ["badge", palette.badge, palette.badgeBg],
    ["inserted", palette.inserted, palette.insertedBg],
    ["muted", palette.muted, palette.page],
    ["code", code.fg, code.bg],
  ];
}

function variables(palette: Palette): string {
  return Object.entries(palette)
    .map(([key, value]) => `--dl-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value};`)
    .join("");
}

function shikiScheme(scheme: "light" | "dark"): string {
  return [
    `.shiki{background-color:var(--shiki-${scheme}-bg);color:var(--shiki-${scheme})}`,
    `.shiki span{color:var(--shiki-${scheme});font-style:var(--shiki-${scheme}-font-style);font-weight:var(--shiki-${scheme}-font-weight);text-decoration:var(--shiki-${scheme}-text-decoration)}`,
  ].join("\n");
}

const CONSTRUCTS = `
.log-body p{white-space:pre-wrap;overflow-wrap:anywhere;margin:0.35em 0}
.log-body .outline{list-style:none;padding-left:0;margin:0.25em 0}
.log-body .outline .outline{padding-left:1.75em}
.log-body .marker{font-variant-numeric:tabular-nums;color:var(--dl-muted)}
.log-body .item-time,.log-body .plan-time{font-variant-numeric:tabular-nums}
.log-body .ref-unresolved{color:var(--dl-muted);text-decoration:underline dotted}
.log-body .url{overflow-wrap:anywhere}
.log-body .todo-badge{display:inline-block;padding:0 0.35em;border-radius:0.3em;font-size:0.85em;font-weight:600;color:var(--dl-badge);background:var(--dl-badge-bg)}
.log-body .plan-summary{font-variant-numeric:tabular-nums}
.log-body .plan-time{white-space:nowrap;font-weight:600}
.log-body ins.insertion{text-decoration:none;color:var(--dl-inserted);background:var(--dl-inserted-bg)}
.log-body .insertion-label{font-size:0.85em;font-weight:600;margin-right:0.35em}
.log-body .insertion-end{font-size:0.85em;color:var(--dl-muted)}
.log-body .inserted{border-left:3px solid var(--dl-inserted-bg);padding-left:0.5em}
.log-body table{border-collapse:collapse;margin:0.35em 0}
.log-body th,.log-body td{border:1px solid var(--dl-label-bg);padding:0.1em 0.5em;text-align:left}
.block{margin:0.5em 0;position:relative}
.block-label{display:inline-block;font:0.75em/1.6 ui-monospace,monospace;padding:0 0.5em;border-radius:0.3em 0.3em 0 0;color:var(--dl-label);background:var(--dl-label-bg)}
.block pre{margin:0;padding:0.6em 0.8em;overflow-x:auto;tab-size:8;border:1px solid var(--dl-label-bg);font-size:0.875em;line-height:1.45;font-family:var(--font-mono,ui-monospace,SFMono-Regular,Menlo,Consolas,monospace)}
.block pre.plain{color:inherit;background:transparent}
.shiki span.prompt{color:var(--dl-prompt);user-select:none;-webkit-user-select:none}
.shiki span.output{color:var(--dl-output)}
.shiki span.output-error{color:var(--dl-error)}
.copy-button{position:absolute;top:0;right:0;font:0.75em/1.6 ui-monospace,monospace;color:var(--dl-label);background:var(--dl-label-bg);border:0;border-radius:0.3em;padding:0 0.6em;cursor:pointer}
`;

export function baseCss(): string {
  return [
    `:root{${variables(PALETTE.light)}}`,
    shikiScheme("light"),
    `@media (prefers-color-scheme: dark){:root{${variables(PALETTE.dark)}}\n${shikiScheme("dark")}}`,
    CONSTRUCTS.trim(),
  ].join("\n");
}
