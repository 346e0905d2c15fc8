// `dotlog check --tags`: what the headers made of the log, for its author to read — every tag
// with the number of entries it is on, most used first, and every header element the rule
// refused as a tag (docs/headers.md), where it was written and why.

import type { Timeline } from "../log/index.ts";

export function tagReport(timeline: Timeline): string {
  const tags = [...timeline.tags.values()].sort((a, b) => b.entries.length - a.entries.length || a.key.localeCompare(b.key));
  const once = tags.filter((tag) => tag.entries.length === 1).length;
  const width = String(tags[0]?.entries.length ?? 0).length;
  const lines = [`${tags.length} tags, ${once} used once`];
  for (const tag of tags) lines.push(`${String(tag.entries.length).padStart(width)}  ${tag.name}`);

  const refused: string[] = [];
  for (const entry of [...timeline.entries].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)) {
    const header = entry.header;
    for (const { index, reason } of header?.refused ?? []) {
      refused.push(`${entry.file}:${header!.line}: ${reason}: ${header!.elements[index]}`);
    }
  }
  lines.push("", `${refused.length} header elements refused as tags (shown as written)`, ...refused);
  return lines.join("\n") + "\n";
}
