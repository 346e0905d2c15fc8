import { fromHtml } from "hast-util-from-html";
import { describe, expect, it } from "vitest";
import { plainText } from "./plain-text.ts";

describe("plainText", () => {
  it("keeps headings, paragraphs and list items apart, and inline text together", () => {
    const tree = fromHtml("<h2><a href='/x/'>Cortex-A57</a></h2><p>摘要: <b>延续</b>大小核技术</p><ul><li>one</li><li>two</li></ul>", { fragment: true });
    expect(plainText(tree)).toBe("Cortex-A57\n摘要: 延续大小核技术\none\ntwo");
  });

  it("keeps the lines of a transcript", () => {
    const tree = fromHtml("<pre><code><span>$ ls</span>\n<span>novell</span></code></pre>", { fragment: true });
    expect(plainText(tree)).toBe("$ ls\nnovell");
  });
});
