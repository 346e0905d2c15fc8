// The site's options: plugin options in `.eleventy.js`, overridden by `dotlog.config.json` in
// the content folder. The README documents every key; `dotlog.config.schema.json` checks them.

export type RedactRule = "ipv4" | "ipv6" | "email" | { pattern: string; flags?: string };

export interface SiteOptions {
  title: string;
  author: string;
  description: string;
  /** Absolute origin for canonical URLs, feeds and the sitemap, e.g. `https://log.example.org`. */
  baseUrl: string;
  /** Hosting under a sub-path, e.g. `/notes/`. */
  pathPrefix: string;
  language: string;
  /** IANA zone the log's naive times are in; default the machine's. */
  timeZone: string;
  logs: {
    pattern: string[];
    encoding: string | null;
    dateOrder: "auto" | "dmy" | "mdy";
  };
  /** Warning codes that fail the build. */
  strict: string[];
  tags: { pageSize: number };
  showSource: boolean;
  blog: {
    phrases: string[];
    generated: "publish" | "draft";
  };
  exclude: { tags: string[]; entries: string[] };
  include: { tags: string[] } | null;
  redact: RedactRule[];
  redactNames: string[];
  mask: string;
}

/**
 * Options as a user writes them (plugin options, dotlog.config.json): every key optional,
 * nested groups partial. `resolveSiteOptions` (./config/) validates and merges them.
 */
export type SiteOptionsInput = {
  [K in keyof SiteOptions]?: SiteOptions[K] extends Record<string, unknown> ? Partial<SiteOptions[K]> : SiteOptions[K];
} & { $schema?: string };

export const defaultOptions: SiteOptions = {
  title: "dotlog",
  author: "",
  description: "An engineering log",
  baseUrl: "http://localhost:8080",
  pathPrefix: "/",
  language: "en",
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  logs: { pattern: ["**/*.log", "**/*.txt"], encoding: null, dateOrder: "auto" },
  strict: [],
  tags: { pageSize: 50 },
  showSource: false,
  blog: { phrases: ["write a blog", "blog this"], generated: "publish" },
  exclude: { tags: ["private"], entries: [] },
  include: null,
  redact: [],
  redactNames: [],
  mask: "█████",
};
