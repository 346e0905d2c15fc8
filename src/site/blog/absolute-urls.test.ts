import { describe, expect, it } from "vitest";
import { absoluteSiteUrl, withAbsoluteUrls } from "./absolute-urls.ts";

const root = { baseUrl: "https://log.example.org", pathPrefix: "/" };
const prefixed = { baseUrl: "https://example.org/", pathPrefix: "/notes/" };

describe("absoluteSiteUrl", () => {
  it.each([
    [root, "/2012/11/05/1003-cortex-a57/", "/blog/x/", "https://log.example.org/2012/11/05/1003-cortex-a57/"],
    [prefixed, "/2012/11/05/1003-cortex-a57/#i1", "/blog/x/", "https://example.org/notes/2012/11/05/1003-cortex-a57/#i1"],
    [prefixed, "#e20121105T1003-i1", "/blog/x/", "https://example.org/notes/blog/x/#e20121105T1003-i1"],
    [prefixed, "../y/", "/blog/x/", "https://example.org/notes/blog/y/"],
    [prefixed, "http://www.linaro.org/news/", "/blog/x/", "http://www.linaro.org/news/"],
    [prefixed, "//cdn.example.net/a.png", "/blog/x/", "https://cdn.example.net/a.png"],
  ])("%j: %s on %s → %s", (options, url, page, expected) => {
    expect(absoluteSiteUrl(url, page, options)).toBe(expected);
  });
});

describe("withAbsoluteUrls", () => {
  it("rewrites links and images, and leaves text alone", () => {
    const html = '<p><a href="/2012/11/05/">day</a> <img src="/assets/x.png" alt="/not/a/link"> see "/tmp/file"</p>';
    const out = withAbsoluteUrls(html, "/blog/x/", prefixed);
    expect(out).toContain('href="https://example.org/notes/2012/11/05/"');
    expect(out).toContain('src="https://example.org/notes/assets/x.png"');
    expect(out).toContain('alt="/not/a/link"');
    expect(out).toContain('see "/tmp/file"');
  });
});
