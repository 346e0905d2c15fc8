// `\TODO: write a blog for this.` → a badge and the TODO's text, with an id per TODO line
// (`todo-81`) that the blog pages link to.
import type { Paragraph, PhrasingContent, Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { findTodos } from "../log/todos.ts";
import type { Todo } from "../log/types.ts";
import { lineText } from "./body-to-mdast.ts";
import type { LogTodo } from "./nodes.ts";

/** The badge is the marker as written, without the blanks after it. */
const BADGE = /^\\?TODO\b:?/i;

export default function remarkTodos() {
  return (tree: Root, file: VFile): void => {
    const { entry } = file.data;
    if (!entry || entry.todos.length === 0) return;
    const byLine = new Map(entry.todos.map((todo) => [todo.line, todo]));
    visit(tree, "paragraph", (paragraph) => {
      for (let index = 0; index < paragraph.children.length; index++) {
        const child = paragraph.children[index]!;
        const line = child.position?.start.line;
        const todo = line === undefined ? undefined : byLine.get(line);
        if (child.type !== "text" || !todo) continue;
        if (wrapTodo(paragraph, index, todo)) byLine.delete(todo.line);
      }
    });
  };
}

function isLineEnd(node: PhrasingContent): boolean {
  return node.type === "logBreak" || node.type === "break" || (node.type === "text" && node.value.startsWith("\n"));
}

/** Wraps from the badge to the end of its line; false when the line holds no badge. */
function wrapTodo(paragraph: Paragraph, index: number, todo: Todo): boolean {
  const text = paragraph.children[index];
  if (text?.type !== "text" || !text.position) return false;
  // Where the marker sits is the parser's scanner's answer, asked of this line's text.
  const at = findTodos([{ line: todo.line, text: text.value }])[0]?.column;
  const marker = at === undefined ? null : BADGE.exec(text.value.slice(at));
  if (at === undefined || !marker) return false;
  const column = text.position.start.column - 1;
  const before = text.value.slice(0, at);
  const badge: PhrasingContent = {
    type: "logMarker",
    children: [lineText(marker[0], todo.line, column + at)],
    data: { hName: "span", hProperties: { className: ["todo-badge"] } },
  };
  const afterAt = at + marker[0].length;
  const rest: PhrasingContent[] = [];
  if (afterAt < text.value.length) rest.push(lineText(text.value.slice(afterAt), todo.line, column + afterAt));
  let end = index + 1;
  // To the line's end: a `.LOG` line break, or a Markdown paragraph's soft one.
  while (end < paragraph.children.length && !isLineEnd(paragraph.children[end]!)) end++;
  rest.push(...paragraph.children.slice(index + 1, end));
  const node: LogTodo = {
    type: "logTodo",
    line: todo.line,
    blog: todo.blog,
    children: [badge, ...rest],
    data: {
      hName: "span",
      hProperties: { className: todo.blog ? ["todo", "todo-blog"] : ["todo"], id: `todo-${todo.line}` },
    },
  };
  const replaced: PhrasingContent[] = before === "" ? [node] : [lineText(before, todo.line, column), node];
  paragraph.children.splice(index, end - index, ...replaced);
  return true;
}
