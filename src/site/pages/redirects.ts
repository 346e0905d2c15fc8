// Titles change when the author edits a header, so an entry's id URL `/YYYY/MM/DD/HHMM/`
// must keep working: a Netlify `_redirects` rule, and a small redirect page for other hosts.

import path from "node:path";
import type { Entry } from "../../log/types.ts";
import { nunjucks, truncate } from "../nunjucks-library.ts";
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

/**
 * The redirect page at an entry's id URL. Written by the build itself, not by Eleventy: 10,000
 * entries make 10,000 of these pages, and Eleventy's own work for a page (pagination, data,
 * output checks, a synchronous mkdir and write on the main thread) cost far more than the
 * page. The markup is what `redirect.njk` made, escaped and truncated by Nunjucks' own
 * functions, with the site's `pathPrefix` on the two root-relative links as Eleventy's
 * HtmlBasePlugin put it there (fixtures in test/fixtures/redirect-pages hold pages Eleventy wrote).
 */
export function redirectPageHtml(redirect: RedirectPage, site: RedirectSite): string {
  const escape = nunjucks.lib.escape;
  const to = escape(prefixed(redirect.to, site.pathPrefix));
  return `<!DOCTYPE html>
<html lang="${escape(site.language)}">
<head>
<meta charset="utf-8">
<title>${escape(truncate(redirect.title, 55))} · ${escape(site.title)}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escape(site.absoluteUrl(redirect.to))}">
<meta http-equiv="refresh" content="0; url=${to}">
</head>
<body>
<p>This entry is now at <a href="${to}">${escape(redirect.title)}</a>.</p>
</body>
</html>
`;
}

export interface RedirectSite {
  language: string;
  title: string;
  pathPrefix: string;
  /** The canonical absolute URL of a root-relative URL (the `absoluteUrl` filter). */
  absoluteUrl(url: string): string;
}

/** A root-relative URL under the path prefix, as Eleventy's `url` filter joins them. */
function prefixed(url: string, pathPrefix: string): string {
  return pathPrefix === "/" ? url : path.posix.join("/", pathPrefix, url);
}
