import { fromHtml } from "hast-util-from-html";
import type { Element } from "hast";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { activityCalendar, lastTwelveMonths } from "./activity-calendar.ts";

function parse(svg: string) {
  const rects: Element[] = [];
  const links: string[] = [];
  visit(fromHtml(svg, { fragment: true }), "element", (el: Element) => {
    if (el.tagName === "rect") rects.push(el);
    if (el.tagName === "a") links.push(String(el.properties.href));
  });
  return { rects, links };
}

describe("activityCalendar", () => {
  const counts = new Map([["2012-11-05", 5], ["2012-11-07", 1], ["2013-01-01", 2]]);

  it("draws one square a day and links exactly the days with entries", () => {
    const { rects, links } = parse(activityCalendar({ counts, from: "2012-11-01", to: "2012-11-30", label: "November" }));
    expect(rects.length).toBe(30);
    expect(links).toEqual(["/2012/11/05/", "/2012/11/07/"]);
  });

  it("puts Mondays in the first row and darkens busier days", () => {
    const { rects } = parse(activityCalendar({ counts, from: "2012-11-05", to: "2012-11-11", label: "a week" }));
    const ys = rects.map((r) => Number(r.properties.y));
    expect(ys).toEqual([...ys].sort((a, b) => a - b)); // Monday 5 November … Sunday 11 November down one column
    expect(new Set(rects.map((r) => Number(r.properties.x))).size).toBe(1);
    expect(rects[0]!.properties.className).toEqual(["cal-4"]);
    expect(rects[2]!.properties.className).toEqual(["cal-1"]);
    expect(rects[1]!.properties.className).toEqual(["cal-0"]);
  });

  it("spans the twelve months up to the newest day", () => {
    expect(lastTwelveMonths("2012-11-07")).toEqual({ from: "2011-11-08", to: "2012-11-07" });
    const { rects } = parse(activityCalendar({ counts, ...lastTwelveMonths("2013-01-01"), label: "year" }));
    expect(rects.length).toBe(366); // 2012 is a leap year
  });
});
