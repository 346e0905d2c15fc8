// `(16:40 2013-01-23)` … `"16:40 2013-01-23"end`: text added later to an old entry. The
// opening stamp becomes an "added 2013-01-23 16:40" label, the closing one a quiet end mark,
// and the text between them is wrapped in `<ins datetime>` paragraph by paragraph (literal
// blocks in between are marked `inserted`).
import type { Paragraph, PhrasingContent, Root, Text } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { findInsertionEnds } from "../log/insertions.ts";
import { findItemTimes, type StampMatch } from "../log/item-times.ts";
import type { Insertion } from "../log/types.ts";
import type { LogInsertion, LogMarker } from "./nodes.ts";
import { placeInline, type InlineRange } from "./place-inline.ts";

export default function remarkInsertions() {
  return (tree: Root, file: VFile): void => {
    const { entry, timeline } = file.data;
    const insertions = entry?.insertions ?? [];
    if (insertions.length === 0) return;
    // The parser's own scanners find the two stamps again, in the file's date order.
    const dateOrder = timeline?.files.find((logFile) => logFile.file === entry?.file)?.dateOrder ?? null;
    const opening = (text: string) => findItemTimes(text, dateOrder);
    const closing = (text: string) => findInsertionEnds(text, dateOrder);
    const texts: Text[] = [];
    visit(tree, "text", (node, _index, parent) => {
      if (parent?.type === "paragraph" && node.position) texts.push(node);
    });
    const ranges: InlineRange[] = [];
    for (const insertion of insertions) {
      const open = find(texts, insertion.line, opening, insertion.at, "first");
      const close = find(texts, insertion.endLine, closing, insertion.at, "last");
      if (!open || !close) continue; // both ends or neither: the text stays as written
      ranges.push({ ...open, build: (text) => mark(text, ["insertion-label"], `added ${insertion.at.replace("T", " ")}`, insertion) });
      ranges.push({ ...close, build: (text) => mark(text, ["insertion-end"], null, insertion) });
    }
    placeInline(tree, ranges);
    wrapBetween(tree);
  };
}

interface Found {
  line: number;
  column: number;
  length: number;
}

/** The stamp on `line` that names `at`. */
function find(texts: Text[], line: number, scan: (text: string) => StampMatch[], at: string, which: "first" | "last"): Found | null {
  let found: Found | null = null;
  for (const text of texts) {
    if (text.position!.start.line !== line) continue;
    for (const match of scan(text.value)) {
      if (match.at !== at) continue;
      const hit = { line, column: text.position!.start.column - 1 + match.column, length: match.length };
      if (which === "first" && !found) found = hit;
      if (which === "last") found = hit;
    }
  }
  return found;
}

function mark(text: Text, className: string[], label: string | null, insertion: Insertion): LogMarker {
  return {
    type: "logMarker",
    children: [text],
    data: {
      hName: "span",
      hProperties: { className, ...(label ? { title: text.value } : {}), "data-insertion": insertion.at },
      ...(label ? { hChildren: [{ type: "text", value: label }] } : {}),
    },
  };
}

function isMark(node: PhrasingContent, className: string): node is LogMarker {
  const names = node.type === "logMarker" ? node.data?.hProperties?.className : undefined;
  return Array.isArray(names) && names.includes(className);
}

/** Wraps what lies between each label and its end mark, in document order. */
function wrapBetween(tree: Root): void {
  let inside: string | null = null;
  visit(tree, (node) => {
    if (node.type === "logBlock" && inside) {
      node.data = { ...node.data, hProperties: { className: ["inserted"] } };
    }
    if (node.type !== "paragraph") return;
    const paragraph = node as Paragraph;
    const out: PhrasingContent[] = [];
    let group: PhrasingContent[] | null = inside ? [] : null;
    const close = () => {
      if (group && group.length > 0 && inside) out.push(insertionNode(inside, group));
      group = null;
    };
    for (const child of paragraph.children) {
      if (isMark(child, "insertion-label")) {
        close();
        inside = String(child.data?.hProperties?.["data-insertion"]);
        group = [];
      }
      if (group) group.push(child);
      else out.push(child);
      if (isMark(child, "insertion-end")) {
        close();
        inside = null;
      }
    }
    close();
    paragraph.children = out;
  });
}

function insertionNode(at: string, children: PhrasingContent[]): LogInsertion {
  return { type: "logInsertion", at, children, data: { hName: "ins", hProperties: { className: ["insertion"], dateTime: at } } };
}
