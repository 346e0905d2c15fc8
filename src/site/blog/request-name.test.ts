import { describe, expect, it } from "vitest";
import { normalizeRequestName } from "./request-name.ts";

describe("normalizeRequestName", () => {
  it.each([
    ["2012-11-05T10:37#1-1", "2012-11-05T10:37#1-1"],
    ["2012-11-05T10:37", "2012-11-05T10:37"],
    ["2012-11-07T18:17-2#3", "2012-11-07T18:17-2#3"],
    ["10:37 2012-11-05", "2012-11-05T10:37"],
    ["10:37 2012-11-05#1-1", "2012-11-05T10:37#1-1"],
    ["8:02 2012-11-02", "2012-11-02T08:02"],
    [" 2012-11-05T10:37 # 1-1 ", "2012-11-05T10:37#1-1"],
  ])("reads %j as %j", (text, id) => {
    expect(normalizeRequestName(text)).toBe(id);
  });

  it.each(["armv8 and arm server", "25:00 2012-11-05", "10:37 2012-13-05", "2012-11-05T10:37#one", ""])(
    "names nothing with %j",
    (text) => {
      expect(normalizeRequestName(text)).toBeNull();
    },
  );
});
