// Plan (`GTD`) entries: `0, 9:40-11:44 13:51-18:18` is the time worked; items start with the
// time they took (`40'`, `1h`) and/or when (`15:06-16:37`, `-18:16`, `20:35-`, `15:03`).

import type { ItemNode, Plan, PlanItem, TimeRange } from "./types.ts";

const TIME = String.raw`\d{1,2}:\d{2}`;
const RANGE = new RegExp(`^(?:(${TIME})-(${TIME})?|-(${TIME})|(${TIME}))(?=\\s|$|[,.;])`);
const MINUTES = /^(\d+(?:\.\d+)?)(['’′]|h|min)(?=\s|$|[,.;])/i;

/** Reads the leading time tokens of a line: ranges and minutes, until the first other word. */
export function readTimes(text: string): { minutes: number | null; ranges: TimeRange[] } {
  let rest = text.trimStart();
  let minutes: number | null = null;
  const ranges: TimeRange[] = [];
  for (;;) {
    const range = RANGE.exec(rest);
    if (range) {
      const [whole, start, end, onlyEnd, single] = range;
      ranges.push({ start: start ?? single ?? null, end: end ?? onlyEnd ?? null });
      rest = rest.slice(whole.length).replace(/^[,;]?\s*/, "");
      continue;
    }
    const spent = MINUTES.exec(rest);
    if (spent) {
      const amount = Number(spent[1]) * (spent[2]!.toLowerCase() === "h" ? 60 : 1);
      minutes = (minutes ?? 0) + amount;
      rest = rest.slice(spent[0].length).replace(/^[,;]?\s*/, "");
      continue;
    }
    return { minutes, ranges };
  }
}

export function isPlanHeader(elements: string[] | undefined): boolean {
  return elements !== undefined && elements.length > 0 && elements[0]!.toUpperCase() === "GTD";
}

export function readPlan(items: ItemNode[]): Plan {
  const worked: TimeRange[] = [];
  const planItems: PlanItem[] = [];
  for (const item of items) {
    const times = readTimes(item.text);
    if (item.level === 1 && item.number === 0) {
      worked.push(...times.ranges);
      continue;
    }
    if (times.minutes !== null || times.ranges.length > 0) planItems.push({ item: item.path, ...times });
  }
  return {
    worked,
    items: planItems,
    workedMinutes: worked.reduce((sum, range) => sum + rangeMinutes(range), 0),
    spentMinutes: planItems.reduce((sum, item) => sum + (item.minutes ?? 0), 0),
  };
}

function rangeMinutes({ start, end }: TimeRange): number {
  if (start === null || end === null) return 0;
  const minutes = (time: string) => {
    const [h, m] = time.split(":").map(Number);
    return h! * 60 + m!;
  };
  const span = minutes(end) - minutes(start);
  return span >= 0 ? span : span + 24 * 60;
}
