// A `GTD` entry reads as a compact agenda: the time notes that open its items (`40'`,
// `15:06-16:37`) become durations and ranges, and a summary line on top gives the hours
// worked and the time spent, totalled.
import type { Element, ElementContent } from "hast";
import { h } from "hastscript";
import type { Root, Text } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import type { Plan, TimeRange } from "../log/types.ts";
import type { LogPlanSummary, LogPlanTime } from "./nodes.ts";
import { formatMinutes, leadingPlanTokens, planTotals, rangeMinutes, type PlanToken } from "./plan-time.ts";
import { placeInline, type InlineRange } from "./place-inline.ts";

export default function remarkPlan() {
  return (tree: Root, file: VFile): void => {
    const plan = file.data.entry?.plan;
    if (!plan) return;
    const timed = new Set(["0", ...plan.items.map((item) => item.item)]);
    const ranges: InlineRange[] = [];
    visit(tree, "logItem", (item) => {
      const own = item.children[0];
      if (!timed.has(item.path) || own?.type !== "paragraph") return;
      const text = own.children.find((child): child is Text => child.type === "text");
      if (!text?.position) return;
      const column = text.position.start.column - 1;
      for (const { column: at, token } of leadingPlanTokens(text.value)) {
        ranges.push({ line: text.position.start.line, column: column + at, length: token.text.length, build: (original) => planTime(token, original) });
      }
    });
    placeInline(tree, ranges);
    const agenda = summary(plan);
    if (agenda) tree.children.unshift(agenda);
  };
}

function planTime(token: PlanToken, original: Text): LogPlanTime {
  const minutes = token.kind === "minutes" ? token.minutes : rangeMinutes(token.range);
  const shown: ElementContent[] =
    token.kind === "minutes"
      ? [h("data", { value: String(token.minutes) }, formatMinutes(token.minutes))]
      : rangeContent(token.range);
  return {
    type: "logPlanTime",
    minutes,
    children: [original],
    data: {
      hName: "span",
      hProperties: { className: ["plan-time", `plan-${token.kind}`], title: original.value },
      hChildren: shown,
    },
  };
}

function rangeContent(range: TimeRange): ElementContent[] {
  const time = (at: string): Element => h("time", { dateTime: at.padStart(5, "0") }, at);
  if (range.start !== null && range.end !== null) {
    const minutes = rangeMinutes(range);
    return [time(range.start), "–", time(range.end), ...(minutes === null ? [] : [` (${formatMinutes(minutes)})`])].map(text);
  }
  if (range.start !== null) return [text("from "), time(range.start)];
  return [text("until "), time(range.end ?? "")];
}

function text(value: ElementContent | string): ElementContent {
  return typeof value === "string" ? { type: "text", value } : value;
}

function summary(plan: Plan): LogPlanSummary | null {
  const { worked, spent } = planTotals(plan);
  const hours = plan.worked.flatMap((range, index) => [...(index > 0 ? [text(", ")] : []), ...rangeContent(range)]);
  const parts: ElementContent[] = [];
  if (plan.worked.length > 0) {
    parts.push(h("span", { className: ["plan-worked"] }, ["Worked ", ...hours]));
    if (worked > 0) parts.push(text(" · "), h("span", { className: ["plan-total"] }, ["total ", h("strong", formatMinutes(worked))]));
  }
  if (spent > 0) {
    if (parts.length > 0) parts.push(text(" · "));
    parts.push(h("span", { className: ["plan-spent"] }, ["time spent on items ", h("strong", formatMinutes(spent))]));
  }
  if (parts.length === 0) return null;
  return { type: "logPlanSummary", data: { hName: "p", hProperties: { className: ["plan-summary"] }, hChildren: parts } };
}
