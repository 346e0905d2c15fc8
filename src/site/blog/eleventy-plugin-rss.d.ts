// @11ty/eleventy-plugin-rss 3 ships JavaScript without declarations: the part the feeds use.
declare module "@11ty/eleventy-plugin-rss" {
  /** `new URL(url, base)`, or `url` unchanged when that fails. */
  export function absoluteUrl(url: string, base: string): string;
}
