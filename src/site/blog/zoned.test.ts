import { describe, expect, it } from "vitest";
import { rfc3339 } from "./zoned.ts";

describe("rfc3339", () => {
  it.each([
    ["2012-11-05T10:37", "Asia/Shanghai", "2012-11-05T10:37:00+08:00"],
    // Daylight saving time: the offset of that day, not of today.
    ["2012-07-01T09:00", "Europe/Berlin", "2012-07-01T09:00:00+02:00"],
    ["2012-11-05T09:00", "Europe/Berlin", "2012-11-05T09:00:00+01:00"],
    ["2012-11-05T09:00", "UTC", "2012-11-05T09:00:00+00:00"],
  ])("%s in %s is %s", (iso, zone, expected) => {
    expect(rfc3339(iso, zone)).toBe(expected);
  });

  it("falls back to UTC for a zone it does not know, so a feed still has valid dates", () => {
    expect(rfc3339("2012-11-05T10:37", "Mars/Olympus_Mons")).toBe("2012-11-05T10:37:00Z");
  });
});
