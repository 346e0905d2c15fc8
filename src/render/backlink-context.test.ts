// "Referenced by" context on the seed: the referring item's text, escaped.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTimeline, parseTimeline } from "../log/index.ts";
import { renderBacklinkContext } from "./backlink-context.ts";

describe("renderBacklinkContext", () => {
  it("gives the referring item's text for each backlink of 16:52 2012-11-06", async () => {
    const timeline = await loadTimeline([join(import.meta.dirname, "../../test/fixtures/render/seed/input.log")]);
    const contexts = (timeline.backlinks.get("2012-11-06T16:52") ?? []).map((backlink) => renderBacklinkContext(backlink, timeline));
    expect(contexts).toEqual([
      '<span class="backlink-context">2), 1h read migration(domain suspend) in xen upstream. see"16:52 2012-11-06"</span>',
      '<span class="backlink-context">1), xenlight event lock in libvirt. see"16:52 2012-11-06"2-1).</span>',
    ]);
  });

  it("escapes markup in the context", async () => {
    const text = '.LOG\n10:00 2013-03-01\nx: target\n1, a\n\n10:05 2013-03-01\n1, <b>see"10:00 2013-03-01"</b>\n';
    const timeline = parseTimeline([{ file: "x.log", bytes: new TextEncoder().encode(text) }]);
    const [backlink] = timeline.backlinks.get("2013-03-01T10:00") ?? [];
    expect(renderBacklinkContext(backlink!, timeline)).toBe('<span class="backlink-context">1, &#x3C;b>see"10:00 2013-03-01"&#x3C;/b></span>');
  });
});
