// The mdast of an entry after the construct plugins: what remark-rehype receives. Exported
// for tests (tree facts) and anyone who wants the structure without the HTML.
import type { Root } from "mdast";
import { unified, type PluggableList } from "unified";
import { VFile } from "vfile";
import type { Entry, Timeline } from "../log/types.ts";
import { bodyToMdast } from "./body-to-mdast.ts";
import { markdownToMdast } from "./markdown-to-mdast.ts";
import remarkInsertions from "./remark-insertions.ts";
import remarkItemTimes from "./remark-item-times.ts";
import remarkPlan from "./remark-plan.ts";
import remarkReferences from "./remark-references.ts";
import remarkTodos from "./remark-todos.ts";
import remarkUrls from "./remark-urls.ts";

/** In order: references and URLs first, insertions last (they wrap what the others made). */
export const constructPlugins: PluggableList = [remarkReferences, remarkUrls, remarkItemTimes, remarkTodos, remarkPlan, remarkInsertions];

/** The entry's body as mdast before the construct plugins: its lines, or its Markdown read. */
export function entryMdast(entry: Entry): Root {
  return entry.format === "markdown" ? markdownToMdast(entry) : bodyToMdast(entry);
}

export function entryFile(entry: Entry, timeline: Timeline): VFile {
  const file = new VFile({ path: entry.file });
  file.data.entry = entry;
  file.data.timeline = timeline;
  return file;
}

export async function entryTree(entry: Entry, timeline: Timeline): Promise<Root> {
  return unified().use(constructPlugins).run(entryMdast(entry), entryFile(entry, timeline)) as Promise<Root>;
}
