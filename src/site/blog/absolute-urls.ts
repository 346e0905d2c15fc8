// Feed readers show a post away from the site: every link and image in feed content must be
// absolute. The site's URLs are root-relative (`/2012/11/05/…`) and get `pathPrefix` from
// Eleventy's HtmlBasePlugin, which only touches HTML pages, so feeds do it here.

import type { Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { visit } from "unist-util-visit";
import { absoluteUrl as resolveAgainst } from "@11ty/eleventy-plugin-rss";
import type { SiteOptions } from "../options.ts";
import { absoluteUrl } from "../plugin.ts";

const URL_PROPERTIES = ["href", "src", "cite", "poster"] as const;

export type UrlOptions = Pick<SiteOptions, "baseUrl" | "pathPrefix">;

/** A root-relative site URL, or a URL relative to `pageUrl` (root-relative), made absolute. */
export function absoluteSiteUrl(url: string, pageUrl: string, options: UrlOptions): string {
  if (url.startsWith("/") && !url.startsWith("//")) return absoluteUrl(url, options);
  return resolveAgainst(url, absoluteUrl(pageUrl, options));
}

export function withAbsoluteUrls(html: string, pageUrl: string, options: UrlOptions): string {
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, "element", (node) => {
    for (const key of URL_PROPERTIES) {
      const value = node.properties[key];
      if (typeof value === "string") node.properties[key] = absoluteSiteUrl(value, pageUrl, options);
    }
  });
  return toHtml(tree);
}
