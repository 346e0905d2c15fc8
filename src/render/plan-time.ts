// The time notations of a plan (`GTD`) entry, read for display: `40'`, `1h`, `15:06-16:37`,
// `-18:16`, `20:35-`, `15:03`. Pure functions; remark-plan places them.
import type { Plan, TimeRange } from "../log/types.ts";

export type PlanToken =
  | { kind: "minutes"; text: string; minutes: number }
  | { kind: "range"; text: string; range: TimeRange };

// The same notations src/log/plan.ts `readTimes` accepts, read here with their columns.
const TIME = String.raw`\d{1,2}:\d{2}`;
const RANGE = new RegExp(`^(?:(${TIME})-(${TIME})?|-(${TIME})|(${TIME}))(?=\\s|$|[,.;])`);
const MINUTES = /^(\d+(?:\.\d+)?)(['’′]|h|min)(?=\s|$|[,.;])/i;

/** The time tokens that open an item's text (`10' 14:25-17:00 add api…` → two tokens), with columns. */
export function leadingPlanTokens(text: string): { column: number; token: PlanToken }[] {
  const found: { column: number; token: PlanToken }[] = [];
  let at = text.length - text.trimStart().length;
  for (;;) {
    const rest = text.slice(at);
    const range = RANGE.exec(rest);
    const spent = range ? null : MINUTES.exec(rest);
    if (range) {
      const [whole, start, end, onlyEnd, single] = range;
      found.push({ column: at, token: { kind: "range", text: whole, range: { start: start ?? single ?? null, end: end ?? onlyEnd ?? null } } });
      at += whole.length;
    } else if (spent) {
      const minutes = Math.round(Number(spent[1]) * (spent[2]!.toLowerCase() === "h" ? 60 : 1));
      found.push({ column: at, token: { kind: "minutes", text: spent[0], minutes } });
      at += spent[0].length;
    } else {
      return found;
    }
    at += /^[,;]?\s*/.exec(text.slice(at))![0].length;
  }
}

function clock(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Minutes between the two ends, or null when one is missing; a range past midnight wraps. */
export function rangeMinutes(range: TimeRange): number | null {
  if (range.start === null || range.end === null) return null;
  return (clock(range.end) - clock(range.start) + 24 * 60) % (24 * 60);
}

/** `40` → `40 min`, `91` → `1 h 31 min`, `60` → `1 h`. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** The day's totals: hours worked (closed ranges) and time spent on items. */
export function planTotals(plan: Plan): { worked: number; spent: number } {
  const worked = plan.worked.reduce((sum, range) => sum + (rangeMinutes(range) ?? 0), 0);
  const spent = plan.items.reduce((sum, item) => {
    if (item.minutes !== null) return sum + item.minutes;
    return sum + item.ranges.reduce((inner, range) => inner + (rangeMinutes(range) ?? 0), 0);
  }, 0);
  return { worked, spent };
}
