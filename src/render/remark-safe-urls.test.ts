// Links and images of hand-written Markdown (a post, as remark reads it): script and data URLs
// are no links, images on other sites are links to them, a post's own images stay.
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import remarkSafeUrls from "./remark-safe-urls.ts";

async function html(markdown: string, localImages = true): Promise<string> {
  const file = await unified().use(remarkParse).use(remarkGfm).use(remarkSafeUrls, { localImages }).use(remarkRehype).use(rehypeStringify).process(markdown);
  return String(file);
}

describe("remarkSafeUrls", () => {
  it.each([
    ["[x](javascript:alert(1))", "<p>x</p>"],
    ["[x](JaVaScRiPt:alert(1))", "<p>x</p>"],
    ["[x](data:text/html,hi)", "<p>x</p>"],
    ["<vbscript:msgbox>", "<p>vbscript:msgbox</p>"],
    ["[x][1]\n\n[1]: javascript:alert(1)", '<p><a href="">x</a></p>'],
    ["[x](https://example.com/a) [m](mailto:a@example.com) [r](../b/)", '<p><a href="https://example.com/a">x</a> <a href="mailto:a@example.com">m</a> <a href="../b/">r</a></p>'],
  ])("%s", async (markdown, expected) => {
    expect(await html(markdown)).toBe(expected);
  });

  it("shows an image on another site as a link to it, and keeps a post's own", async () => {
    expect(await html("![the ring](https://example.com/ring.png) ![desk](img/desk.png)")).toBe(
      '<p><a href="https://example.com/ring.png" class="image-link">the ring</a> <img src="img/desk.png" alt="desk"></p>',
    );
    expect(await html("![x](//example.com/x.png)")).toBe('<p><a href="//example.com/x.png" class="image-link">x</a></p>');
    expect(await html("![x](javascript:alert(1))")).toBe("<p>x</p>");
    expect(await html("![desk](img/desk.png)", false)).toBe('<p><a href="img/desk.png" class="image-link">desk</a></p>');
  });
});
