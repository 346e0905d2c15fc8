import { beforeAll, describe, expect, it } from "vitest";
import { loadTimeline } from "../../log/index.ts";
import type { Timeline } from "../../log/types.ts";
import { findItem } from "./blog-requests.ts";
import { itemTitle } from "./post-title.ts";

const SEED = new URL("../../../content/000_76b23a5250f26162.txt", import.meta.url).pathname;
let timeline: Timeline;
beforeAll(async () => {
  timeline = await loadTimeline([SEED]);
});

function titleOf(entryId: string, path: string): string {
  const entry = timeline.byId.get(entryId)!;
  const item = findItem(entry.body, path)!;
  expect(item).not.toBeNull();
  return itemTitle(entry, item);
}

describe("itemTitle on the seed's plan items", () => {
  it.each([
    // `1), 40' armv8 and arm server, see"10:03 2012-11-05", "10:16 2012-11-05". `
    ["2012-11-05T10:37", "1-1", "armv8 and arm server"],
    // `2), 10' 14:25-17:00 add api in libvirt libxl driver. see"11:17 2012-11-05"`
    ["2012-11-05T10:37", "1-2", "add api in libvirt libxl driver"],
    // `3), 20' work report. "17:36 2012-11-05"`
    ["2012-11-05T10:37", "1-3", "work report"],
    // `1), 15:06-16:37 update my libxl lock patch. see"11:31 2012-10-29"` (target not in the seed)
    ["2012-11-01T14:32", "1-1", "update my libxl lock patch"],
    // `2), 1h read migration(domain suspend) in xen upstream. see"16:52 2012-11-06"`
    ["2012-11-06T16:16", "1-2", "read migration(domain suspend) in xen upstream"],
    // `3), test attach-disk command. see"10:41 2012-10-30"2`
    ["2012-11-07T12:52", "2-3", "test attach-disk command"],
    // `1), xenlight event lock in libvirt. see"16:52 2012-11-06"2-1). `
    ["2012-11-07T12:52", "3-1", "xenlight event lock in libvirt"],
    // `4), 20:35- search one api which i could finish this week. `
    ["2012-11-06T16:16", "1-4", "search one api which i could finish this week"],
  ])("%s item %s → %j", (entryId, path, title) => {
    expect(titleOf(entryId, path)).toBe(title);
  });

  it("keeps items without plan times or references as written", () => {
    // `1), Jim, sle11 sp3 will use libvirt 1.0.0`
    expect(titleOf("2012-11-02T08:02", "3-1")).toBe("Jim, sle11 sp3 will use libvirt 1.0.0");
  });
});
