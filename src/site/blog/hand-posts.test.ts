import { join } from "node:path";
import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import { createRenderer } from "../../render/index.ts";
import { describe, expect, it } from "vitest";
import { compileRedaction } from "../../log/index.ts";
import { parseHandPost, readHandPosts } from "./hand-posts.ts";

function findAll(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, "element", (el: Element) => void (test(el) && found.push(el)));
  return found;
}

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

  it("renders fenced shellsession and gdb blocks as the log's transcripts, with the build's highlighter", async () => {
    const renderer = await createRenderer();
    const [post] = (await readHandPosts(join(fixtures, "replaced/posts"), { highlight: renderer.highlight })).posts;
    const tree = fromHtml(post!.html, { fragment: true });
    const figures = findAll(tree, (el) => el.tagName === "figure");
    expect(figures.map((f) => f.properties.dataLang)).toEqual(["shell", "gdb"]);
    const commands = figures.map((f) => findAll(f, (el) => String(el.properties.className).includes("line-command")).map((el) => toString(el)));
    expect(commands).toEqual([["linux-vm4:/etc/xen/vm # virsh domiflist 6"], ["(gdb) p *xendev"]]);
    expect(figures[0]!.properties.dataCopy).toBe("virsh domiflist 6");
    // Colours are classes in the renderer's stylesheet, never style attributes.
    expect(post!.html).not.toContain("style=");
    const classes = [...post!.html.matchAll(/dl-t-[\w-]+/g)].map((m) => m[0]);
    expect(classes.length).toBeGreaterThan(0);
    for (const name of new Set(classes)) expect(renderer.css).toContain(`.${name}`);
  });

  it("leaves fenced code plain without a highlighter", async () => {
    const [post] = (await readHandPosts(join(fixtures, "replaced/posts"))).posts;
    expect(post!.html).toContain('<code class="language-shellsession">');
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

  describe("with the build's redaction", () => {
    // The seed's own NFS transcript (lines 214 and 216), quoted in a post about a colleague.
    const markdown = [
      "---",
      "title: NFS mounts with Bamvor at 147.2.207.77",
      "tags: [nfs, Bamvor]",
      "---",
      "Bamvor's box [147.2.207.77](http://147.2.207.77/home/) exports sda3.",
      "",
      "```shellsession",
      "linux-iwgo:/home/suse # mount.nfs 147.2.207.77:/home/bamvor/sda3/home sda3/home/ -v",
      "mount.nfs: trying text-based options 'vers=4,addr=147.2.207.77,clientaddr=147.2.207.74'",
      "```",
      "",
    ].join("\n");
    const redaction = compileRedaction({ rules: ["ipv4"], names: ["bamvor"], mask: "[hidden]" });

    it("masks the front matter, the file name (the slug) and the body, code and link targets included", async () => {
      const { post, warnings } = await parseHandPost("/posts/bamvor-nfs.md", markdown, { redaction });
      expect(warnings).toEqual([]);
      expect(post.title).toBe("NFS mounts with [hidden] at [hidden]");
      // A mask that reads as YAML (`[hidden]` is a list) is put in after the YAML is read.
      expect(post.tags).toEqual(["nfs", "[hidden]"]);
      expect(post.slug).toBe("hidden-nfs");
      for (const published of [post.html, post.text, post.title, post.slug, post.tags.join(" ")]) {
        expect(published).not.toMatch(/bamvor|147\.2\.207/i);
      }
      expect(post.html).toContain('href="http://%5Bhidden%5D/home/"');
      expect(post.text).toContain("mount.nfs [hidden]:/home/[hidden]/sda3/home");
      // title 2 + tag 1 + file name 1 + body: the prose 3, each transcript line 2.
      expect(post.redacted).toBe(11);
    });

    it("masks nothing and counts nothing without it", async () => {
      const { post } = await parseHandPost("/posts/bamvor-nfs.md", markdown);
      expect(post.title).toBe("NFS mounts with Bamvor at 147.2.207.77");
      expect(post.slug).toBe("bamvor-nfs");
      expect(post.redacted).toBe(0);
    });
  });

  describe("files beside a post", () => {
    const postsDir = join(fixtures, "files/posts");

    it("publishes the images and documents the post names, from the posts folder, under the same relative path", async () => {
      const [post] = (await readHandPosts(postsDir)).posts;
      expect(post!.files.map((file) => [file.path, file.source])).toEqual([
        ["img/ring.png", join(postsDir, "img/ring.png")],
        ["fix-ring.patch", join(postsDir, "fix-ring.patch")],
      ]);
      expect(post!.files.every((file) => /^[0-9a-f]{64}$/.test(file.hash))).toBe(true);
      const tree = fromHtml(post!.html, { fragment: true });
      const images = findAll(tree, (el) => el.tagName === "img").map((el) => String(el.properties.src));
      expect(images).toEqual(["img/ring.png", "img/missing.png"]);
      const links = findAll(tree, (el) => el.tagName === "a").map((el) => String(el.properties.href));
      // `./` is dropped, the fragment kept; other posts' Markdown and other sites are left alone.
      expect(links).toEqual(["fix-ring.patch#L3", "rpcbind-and-nfs.md", "https://wiki.xenproject.org/images/ring.png", "helper.js", "../000_76b23a5250f26162.txt"]);
    });

    it("warns, naming the line, about a missing file, a kind that is not published and a file outside the posts folder", async () => {
      const { warnings } = await readHandPosts(postsDir);
      expect(warnings.map((w) => [w.line, w.message.replace(/:.*/s, "")])).toEqual([
        [13, "`img/missing.png` names no file in the posts folder"],
        [15, "`helper.js` is not published"],
        [15, "`../000_76b23a5250f26162.txt` is outside the posts folder"],
      ]);
      expect(warnings.every((w) => w.file === join(postsDir, "ring-buffer.md") && w.code === "post")).toBe(true);
    });

    it("does not publish a file whose name the redaction masks, and says so", async () => {
      const markdown = "---\ntitle: Rings\n---\nThe ring:\n\n![the ring](img/ring.png)\n\n[the fix](fix-ring.patch)\n";
      const redaction = compileRedaction({ rules: [], names: ["ring"], mask: "█████" });
      const { post, warnings } = await parseHandPost(join(postsDir, "rings.md"), markdown, { redaction, postsDir });
      // Both files exist under their real names: publishing either would show the name.
      expect(post.files).toEqual([]);
      expect(post.html).not.toMatch(/ring/);
      expect(warnings.map((w) => [w.line, w.message])).toEqual([
        [6, "`img/█████.png` was masked by the redaction rules: the file is not published (rename it to publish it)"],
        [8, "`fix-█████.patch` was masked by the redaction rules: the file is not published (rename it to publish it)"],
      ]);
    });
  });
});
