// The stylesheet keeps every colour a reader sees at WCAG AA (4.5:1) in both schemes: dotlog's
// own palette, and every token colour Shiki used for the seed and a spread of languages —
// read back from renderer.css, since colours travel as classes, never style attributes.
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadTimeline } from "../log/index.ts";
import { contrastPairs, PALETTE } from "./css.ts";
import { createRenderer, type Renderer } from "./index.ts";

function luminance(hex: string): number {
  const digits = hex.replace("#", "");
  const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits.slice(0, 6);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const SAMPLES: [string, string][] = [
  ["#!/bin/bash\n# a comment\nfor f in *.log; do echo \"$f\" | grep -v '^#' > /tmp/out; done\nexport X=${HOME:-/root}", "bash"],
  ["[diff]\n    external = git_diff_wrapper\n; a comment\n# another", "ini"],
  ["import os\n# comment\ndef f(x: int) -> str:\n    return f\"{x!r}\" + 'a' * 3  # tail\nclass A(B): pass", "python"],
  ["SELECT name, COUNT(*) FROM t WHERE id = 1 -- comment\nGROUP BY name;", "sql"],
  ["#include <stdio.h>\nint main(void) { /* c */ return printf(\"%d\\n\", 0x1f); }", "c"],
  ["--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new", "diff"],
  ["puts 'x' # c\ndef a; :sym; end", "ruby"],
];

let renderer: Renderer;
beforeAll(async () => {
  renderer = await createRenderer();
  const timeline = await loadTimeline([join(import.meta.dirname, "../../test/fixtures/render/seed/input.log")]);
  for (const entry of timeline.entries) await renderer.renderEntry(entry, timeline);
  for (const [code, lang] of SAMPLES) await renderer.highlight.highlight(code, lang);
});

describe("renderer.css", () => {
  it.each(["light", "dark"] as const)("dotlog's own %s colours reach 4.5:1", async (scheme) => {
    for (const [name, fg, bg] of contrastPairs(PALETTE[scheme], (await renderer.highlight.themeColors())[scheme])) {
      expect(contrast(fg, bg), `${scheme} ${name}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.each(["light", "dark"] as const)("every %s token colour used reaches 4.5:1 on its theme's background", async (scheme) => {
    const bg = (await renderer.highlight.themeColors())[scheme].bg;
    const colours = [...renderer.css.matchAll(new RegExp(`--shiki-${scheme}:(#[0-9a-fA-F]{3,8})`, "g"))].map((m) => m[1]!);
    expect(colours.length).toBeGreaterThan(10);
    for (const colour of new Set(colours)) expect(contrast(colour, bg), `${colour} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it("switches token colours and dotlog's palette with prefers-color-scheme", () => {
    const css = renderer.css;
    const dark = css.slice(css.indexOf("@media (prefers-color-scheme: dark)"));
    expect(dark).toContain("color:var(--shiki-dark)");
    expect(dark).toContain(`--dl-prompt:${PALETTE.dark.prompt}`);
    expect(css.slice(0, css.indexOf("@media"))).toContain("color:var(--shiki-light)");
  });

  it("loads only the languages the build used", () => {
    expect(renderer.highlight.loadedLanguages()).not.toContain("powershell");
    expect(renderer.highlight.loadedLanguages()).toEqual(expect.arrayContaining(["shellscript", "ini", "gdb"]));
  });
});
