// Post tags use the timeline's tag pages when the tag exists in the log (same slug, same
// spelling), so a post shows up on `/tags/<slug>/` beside the entries.

import { tagKey } from "../../log/index.ts";
import { slugify } from "../../log/slug.ts";
import type { Timeline } from "../../log/types.ts";
import type { PostTag } from "./types.ts";

export function postTags(names: string[], timeline: Timeline): PostTag[] {
  const tags = new Map<string, PostTag>();
  for (const name of names) {
    const key = tagKey(name);
    if (key === "" || tags.has(key)) continue;
    const known = timeline.tags.get(key);
    tags.set(key, known ? { key, name: known.name, slug: known.slug, listed: true } : { key, name: name.trim(), slug: slugify(name), listed: false });
  }
  return [...tags.values()];
}
