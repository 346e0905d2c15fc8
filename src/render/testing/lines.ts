// Test helper: the text lines of an entry's body (outside literal blocks) as the parser saw them.
import type { BodyNode } from "../../log/types.ts";

export function bodyLines(nodes: BodyNode[]): { line: number; text: string }[] {
  return nodes.flatMap((node) => {
    if (node.type === "text") return [{ line: node.line, text: node.text }];
    if (node.type === "item") return [{ line: node.line, text: node.marker + node.text }, ...bodyLines(node.children)];
    return [];
  });
}
