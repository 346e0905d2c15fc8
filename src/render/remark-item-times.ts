// `(15:33 2012-11-02)` inside an item: when that item was written, as a `<time>`.
import type { Root, Text } from "mdast";
import type { VFile } from "vfile";
import { placeInline } from "./place-inline.ts";

export default function remarkItemTimes() {
  return (tree: Root, file: VFile): void => {
    const { entry } = file.data;
    if (!entry) return;
    placeInline(
      tree,
      entry.times.map((time) => ({
        line: time.line,
        column: time.column,
        length: time.length,
        build: (text: Text) => ({
          type: "logTime" as const,
          at: time.at,
          children: [text],
          data: { hName: "time", hProperties: { className: ["item-time"], dateTime: time.at } },
        }),
      })),
    );
  };
}
