// Titles change when the author edits a header, so an entry's id URL `/YYYY/MM/DD/HHMM/`
// must keep working: a Netlify `_redirects` rule, and a small redirect page for other hosts.

import type { Entry } from "../../log/types.ts";
import type { RedirectPage } from "./types.ts";

/** `2012-11-07T18:17-2` → `/2012/11/07/1817-2/`. */
export function idUrl(id: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(-\d+)?$/.exec(id);
  if (!match) return null;
  const [, y, m, d, hh, mm, suffix] = match;
  return `/${y}/${m}/${d}/${hh}${mm}${suffix ?? ""}/`;
}

export function entryRedirects(entries: Entry[]): RedirectPage[] {
  const taken = new Set(entries.map((e) => e.url));
  const redirects: RedirectPage[] = [];
  for (const entry of entries) {
    const from = idUrl(entry.id);
    if (from === null || taken.has(from)) continue;
    redirects.push({ from, to: entry.url, title: entry.title });
  }
  return redirects;
}

/**
 * Netlify's `_redirects`: `301!` because a redirect page exists at the same path, and Netlify
 * otherwise serves the file instead of the rule.
 */
export function netlifyRedirects(redirects: RedirectPage[], pathPrefix: string): string {
  const prefix = pathPrefix.replace(/\/+$/, "");
  return redirects.map((r) => `${encodeURI(prefix + r.from)} ${encodeURI(prefix + r.to)} 301!`).join("\n") + (redirects.length ? "\n" : "");
}
