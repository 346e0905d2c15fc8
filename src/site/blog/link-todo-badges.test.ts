import { describe, expect, it } from "vitest";
import { badgeLinks, bodiesWithBadgeLinks, linkTodoBadges } from "./link-todo-badges.ts";
import type { TodoRow } from "./todo-list.ts";

// The seed's blog request (10:37 2012-11-05, line 81) as the renderer writes it.
const body =
  '<ol><li id="i1-1"><p><span class="marker">1), </span>armv8 and arm server<br>' +
  '<span class="todo todo-blog" id="todo-81"><span class="todo-badge">\\TODO:</span> write a blog for this. </span></p></li></ol>';

function row(post: TodoRow["post"], url = "/2012/11/05/1037-gtd/#todo-81"): TodoRow {
  return {
    text: "write a blog for this.",
    url,
    entry: { id: "2012-11-05T10:37", url: "/2012/11/05/1037-gtd/", title: "GTD", timestamp: "2012-11-05T10:37" },
    item: null,
    blog: true,
    post,
  };
}

describe("linkTodoBadges", () => {
  it("links the request's badge to its post and leaves the rest of the body as it was", () => {
    const links = badgeLinks([row({ title: "armv8 and arm server", url: "/blog/armv8-and-arm-server/", draft: false })]);
    const html = linkTodoBadges(body, links.get("2012-11-05T10:37")!);
    expect(html).toBe(body.replace("for this. </span>", 'for this.  <a class="todo-post" href="/blog/armv8-and-arm-server/">post: armv8 and arm server</a></span>'));
  });

  it("escapes the post title", () => {
    const html = linkTodoBadges(body, new Map([["todo-81", { url: "/blog/x/", title: "<script>alert(1)</script>" }]]));
    expect(html).toContain("post: &#x3C;script>alert(1)&#x3C;/script>");
    expect(html).not.toContain("<script>");
  });

  it("links no draft, no TODO without a post and no TODO without an anchor", () => {
    expect(badgeLinks([row({ title: "t", url: "/blog/t/", draft: true }), row(null), row({ title: "t", url: "/blog/t/", draft: false }, "/2012/11/05/1037-gtd/")]).size).toBe(0);
  });

  it("gives the pages a copy of the bodies with the links, and leaves the rendered bodies as they were", () => {
    const other = "<p>another entry</p>";
    const bodies = new Map([["2012-11-05T10:37", body], ["2012-11-05T11:00", other]]);
    const shown = bodiesWithBadgeLinks(bodies, [row({ title: "armv8 and arm server", url: "/blog/armv8-and-arm-server/", draft: false })]);
    expect(shown.get("2012-11-05T10:37")).toContain('href="/blog/armv8-and-arm-server/"');
    expect(shown.get("2012-11-05T11:00")).toBe(other);
    // The feeds and the TODO list read these: a second build from the same bodies links once.
    expect(bodies.get("2012-11-05T10:37")).toBe(body);
    expect(bodiesWithBadgeLinks(bodies, [row({ title: "t", url: "/blog/t/", draft: false })]).get("2012-11-05T10:37")!.match(/todo-post/g)).toHaveLength(1);
  });
});
