// Text the page models take from the entries, copied. A title, tag, header part, summary or
// backlink context is a slice of its log file's text, and V8 keeps the whole text of a file
// alive for any slice of 13 characters or more: the page models, which live until the last page
// is written, held the texts of the logs (~14 MB on 10,000 entries) after everything else of
// the parse was let go.

import { MIN_SLICE } from "../../log/parse-cache.ts";
import type { Entry } from "../../log/types.ts";
import { visibleControls } from "../../render/visible-controls.ts";

/** The same text in a string of its own. Through JSON, not UTF-8: a lone surrogate stays as it is. */
export function ownText(text: string): string {
  return text.length < MIN_SLICE ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** Text cut from an entry for a page model: made visible (visibleControls), and copied (ownText). */
export function modelText(text: string): string {
  return ownText(visibleControls(text));
}

/**
 * Each entry's title and tags as strings of their own (the same text): the feeds, redirects,
 * TODO list, posts and archives all take them as they are.
 */
export function ownTitlesAndTags(entries: readonly Entry[]): void {
  for (const entry of entries) {
    entry.title = ownText(entry.title);
    entry.tags = entry.tags.map(ownText);
  }
}
