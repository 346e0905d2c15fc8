// `see"16:52 2012-11-06"2-1)` → a link to the target entry's page and item anchor, with the
// target's title as its tooltip. An unresolved reference stays text, marked unresolved.
import type { Root, Text } from "mdast";
import type { VFile } from "vfile";
import type { Reference, Timeline } from "../log/types.ts";
import type { LogReference } from "./nodes.ts";
import { placeInline } from "./place-inline.ts";

export default function remarkReferences() {
  return (tree: Root, file: VFile): void => {
    const { entry, timeline } = file.data;
    if (!entry || !timeline) return;
    placeInline(
      tree,
      entry.references.map((reference) => ({
        line: reference.line,
        column: reference.column,
        length: reference.length,
        build: (text: Text) => referenceNode(reference, timeline, text),
      })),
    );
  };
}

function referenceNode(reference: Reference, timeline: Timeline, text: Text): LogReference {
  const target = reference.resolved === null ? undefined : timeline.byId.get(reference.resolved);
  const base = { type: "logReference" as const, target: reference.target, item: reference.item, children: [text] };
  if (!target) {
    const where = reference.item === null ? reference.target : `${reference.target} item ${reference.item}`;
    return {
      ...base,
      href: null,
      data: { hName: "span", hProperties: { className: ["ref", "ref-unresolved"], title: `Not in this log: ${where.replace("T", " ")}` } },
    };
  }
  const anchor = reference.item !== null && target.items.includes(reference.item) ? `#i${reference.item}` : "";
  const href = target.url + anchor;
  return { ...base, href, data: { hName: "a", hProperties: { className: ["ref"], href, title: target.title } } };
}
