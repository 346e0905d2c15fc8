// Entry.body (a tree of lines) → mdast. Never through remark-parse: log text is not Markdown,
// so every line becomes a literal text node carrying its file position (line, column), which
// the inline plugins use to place references, URLs, times and TODOs found by the parser.
import type { Paragraph, PhrasingContent, Root, RootContent, Text } from "mdast";
import type { BodyNode, Entry, ItemNode } from "../log/types.ts";
import type { LogBlock, LogItem, LogOutline } from "./nodes.ts";

type FlowContent = Paragraph | LogOutline | LogBlock;

/** A text node for `text` starting at 0-based `column` of file line `line`. */
export function lineText(text: string, line: number, column: number): Text {
  return {
    type: "text",
    value: text,
    position: { start: { line, column: column + 1 }, end: { line, column: column + 1 + text.length } },
  };
}

export function bodyToMdast(entry: Entry): Root {
  return { type: "root", children: flow(entry.body, null, new Set()) as RootContent[] };
}

/**
 * Lays out one container's lines. `open` is the paragraph that continues (an item's own
 * marker line): text lines that follow join it, separated by line breaks.
 */
function flow(nodes: BodyNode[], open: Paragraph | null, anchors: Set<string>): FlowContent[] {
  const out: FlowContent[] = [];
  let paragraph = open;
  for (const node of nodes) {
    switch (node.type) {
      case "text": {
        const text = lineText(node.text, node.line, 0);
        if (paragraph) {
          // An item's marker line may be empty (`1, `): no break before its first line then.
          if (!isBareMarker(paragraph)) paragraph.children.push(lineBreak());
          paragraph.children.push(text);
        } else {
          paragraph = { type: "paragraph", children: [text] };
          out.push(paragraph);
        }
        break;
      }
      case "blank":
        paragraph = null;
        break;
      case "item": {
        paragraph = null;
        const last = out.at(-1);
        const outline: LogOutline =
          last?.type === "logOutline" && last.level === node.level ? last : newOutline(node, out);
        outline.children.push(item(node, anchors));
        break;
      }
      case "block":
        paragraph = null;
        out.push({ type: "logBlock", block: node.block });
        break;
    }
  }
  return out;
}

function lineBreak(): PhrasingContent {
  return { type: "logBreak", data: { hName: "br" } };
}

function isBareMarker(paragraph: Paragraph): boolean {
  const [first, second] = paragraph.children;
  return first?.type === "logMarker" && (second === undefined || (second.type === "text" && second.value === ""));
}

function newOutline(first: ItemNode, out: FlowContent[]): LogOutline {
  const outline: LogOutline = {
    type: "logOutline",
    level: first.level,
    children: [],
    data: {
      hName: "ol",
      hProperties: {
        className: ["outline", `outline-${first.style}`],
        ...(first.number !== 1 ? { start: first.number } : {}),
      },
    },
  };
  out.push(outline);
  return outline;
}

/** `anchors`: paths already anchored — a path the author used twice is anchored once, at its first item. */
function item(node: ItemNode, anchors: Set<string>): LogItem {
  const anchored = !anchors.has(node.path);
  anchors.add(node.path);
  const marker: PhrasingContent = {
    type: "logMarker",
    children: [lineText(node.marker, node.line, 0)],
    data: { hName: "span", hProperties: { className: ["marker"] } },
  };
  const own: Paragraph = { type: "paragraph", children: [marker] };
  if (node.text !== "") own.children.push(lineText(node.text, node.line, node.marker.length));
  return {
    type: "logItem",
    path: node.path,
    marker: node.marker,
    children: [own, ...flow(node.children, own, anchors)],
    data: { hName: "li", hProperties: { ...(anchored ? { id: `i${node.path}` } : {}), className: ["item"] } },
  };
}
