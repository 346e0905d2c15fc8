// URLs the parser found become links. Only http, https and ftp: anything else a log holds
// (`javascript:`, `data:`, `file:`) stays text.
import type { Root, Text } from "mdast";
import type { VFile } from "vfile";
import { placeInline } from "./place-inline.ts";

const LINKABLE = /^(?:https?|ftp):\/\/[^\s"<>]+$/i;

export default function remarkUrls() {
  return (tree: Root, file: VFile): void => {
    const { entry } = file.data;
    if (!entry) return;
    placeInline(
      tree,
      entry.urls.map((match) => ({
        line: match.line,
        column: match.column,
        length: match.url.length,
        // The href is the text shown, so a link never points anywhere its text does not say.
        build: (text: Text) =>
          LINKABLE.test(text.value)
            ? { type: "link" as const, url: text.value, children: [text], data: { hProperties: { className: ["url"] } } }
            : text,
      })),
    );
  };
}
