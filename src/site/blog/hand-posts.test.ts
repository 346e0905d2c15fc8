import { join } from "node:path";
import { h } from "hastscript";
import { describe, expect, it } from "vitest";
import { parseHandPost, readHandPosts } from "./hand-posts.ts";

const fixtures = join(import.meta.dirname, "../../../test/fixtures/blog");

describe("readHandPosts", () => {
  it("reads front matter: title, date, tags, from (as a canonical item id), draft", async () => {
    const { posts, warnings } = await readHandPosts(join(fixtures, "replaced/posts"));
    expect(warnings).toEqual([]);
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post).toMatchObject({
      title: "ARMv8 and the ARM server push",
      date: "2012-11-20T21:30",
      tags: ["arm", "armv8", "arm Server", "blogging"],
      from: "2012-11-05T10:37#1-1",
      draft: false,
      slug: "armv8-and-arm-servers",
    });
  });

  it("renders GitHub-flavoured Markdown and drops raw HTML", async () => {
    const [post] = (await readHandPosts(join(fixtures, "replaced/posts"))).posts;
    expect(post!.html).toContain("<table>");
    expect(post!.html).toMatch(/<input[^>]*type="checkbox"[^>]*checked/);
    expect(post!.html).not.toContain("<script");
    expect(post!.html).not.toContain("alert(");
    expect(post!.text).toContain("Linaro Enterprise Group");
  });

  it("reads comma-separated tags, quoted dates and drafts", async () => {
    const { posts } = await readHandPosts(join(fixtures, "drafts/posts"));
    const draft = posts.find((post) => post.slug === "half-written");
    expect(draft).toMatchObject({ draft: true, date: "2012-11-08T00:00", tags: ["virtualization", "libxl"], from: null });
    const plain = posts.find((post) => post.slug === "rpcbind-and-nfs");
    expect(plain).toMatchObject({ draft: false, date: "2012-11-09T09:00", tags: ["nfs", "rpcbind"] });
  });

  it("hands fenced blocks to the highlighter with their language", async () => {
    const seen: string[] = [];
    const highlight = (code: string, lang: string) => {
      seen.push(`${lang}:${code.split("\n")[0]}`);
      return h("pre.highlighted", { dataLang: lang }, code);
    };
    const [post] = (await readHandPosts(join(fixtures, "replaced/posts"), highlight)).posts;
    expect(seen).toEqual(["shellsession:linux-vm4:/etc/xen/vm # virsh domiflist 6", "gdb:(gdb) p *xendev"]);
    expect(post!.html).toContain('<pre class="highlighted" data-lang="gdb">');
  });

  it("accepts the log's own stamp in `from:` and warns about what it cannot read", async () => {
    const stamp = await parseHandPost("x.md", '---\ntitle: T\ndate: 2012-11-20\nfrom: "10:37 2012-11-05#1-1"\n---\nbody\n');
    expect(stamp.post.from).toBe("2012-11-05T10:37#1-1");
    const bad = await parseHandPost("y.md", "---\nfrom: someday\ndate: soon\n---\n# Heading title\n\nbody text\n");
    expect(bad.post.from).toBeNull();
    expect(bad.post.date).toBeNull();
    expect(bad.post.title).toBe("Heading title");
    expect(bad.warnings.map((w) => w.message).join("\n")).toMatch(/from: someday[\s\S]*date: soon[\s\S]*|title/);
    expect(bad.warnings).toHaveLength(3);
    expect(bad.post.text).toContain("body text");
  });

  it("keeps the text of a post whose front matter is broken", async () => {
    const broken = await parseHandPost("z.md", "---\ntitle: [unclosed\n---\nstill here\n");
    expect(broken.warnings.some((w) => /YAML/.test(w.message))).toBe(true);
    expect(broken.post.text).toContain("still here");
  });
});
