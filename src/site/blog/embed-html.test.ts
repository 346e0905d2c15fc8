import { describe, expect, it } from "vitest";
import { toHtml } from "hast-util-to-html";
import { embedFragment } from "./embed-html.ts";

describe("embedFragment", () => {
  const html =
    '<ol><li id="i1"><a href="#i2">see item 2</a></li><li id="i2"><a href="/2012/11/06/1652-x/#i2-1">elsewhere</a></li></ol><label for="i1">x</label>';

  it("prefixes every id and the in-page links that point at them", () => {
    const out = toHtml({ type: "root", children: embedFragment(html, "e1003") });
    expect(out).toContain('id="e1003-i1"');
    expect(out).toContain('id="e1003-i2"');
    expect(out).toContain('href="#e1003-i2"');
    expect(out).toContain('for="e1003-i1"');
    expect(out).not.toMatch(/id="i\d"/);
  });

  it("leaves links to other pages alone", () => {
    const out = toHtml({ type: "root", children: embedFragment(html, "p") });
    expect(out).toContain('href="/2012/11/06/1652-x/#i2-1"');
  });

  it("keeps two embeddings of the same entry apart", () => {
    const a = toHtml({ type: "root", children: embedFragment(html, "a") });
    const b = toHtml({ type: "root", children: embedFragment(html, "b") });
    const ids = [...(a + b).matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
