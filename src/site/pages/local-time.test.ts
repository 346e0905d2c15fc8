import { describe, expect, it } from "vitest";
import { zonedDateTime } from "./local-time.ts";

const at = (year: number, month: number, day: number, hour: number, minute: number) => ({ year, month, day, hour, minute });

describe("zonedDateTime", () => {
  it("anchors a naive log time in the configured zone", () => {
    expect(zonedDateTime(at(2012, 11, 7, 18, 17), "Asia/Shanghai")).toBe("2012-11-07T18:17+08:00");
  });

  it("follows daylight-saving time", () => {
    expect(zonedDateTime(at(2012, 7, 1, 9, 5), "Europe/Berlin")).toBe("2012-07-01T09:05+02:00");
    expect(zonedDateTime(at(2012, 11, 7, 9, 5), "Europe/Berlin")).toBe("2012-11-07T09:05+01:00");
    expect(zonedDateTime(at(2012, 11, 7, 9, 5), "America/New_York")).toBe("2012-11-07T09:05-05:00");
  });

  it("keeps the naive time when the zone is unknown", () => {
    expect(zonedDateTime(at(2012, 11, 7, 18, 17), "Mars/Olympus")).toBe("2012-11-07T18:17");
  });
});
