// The response headers netlify.toml gives a path, the way Netlify matches its `[[headers]]`
// rules: `/*` at the end of a rule matches anything below it, a `:placeholder` one path
// segment, and the rest must be equal; every matching rule applies. Tests serve built sites with these headers so that
// the policy under test is the one that will be deployed.

import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { repoRoot } from "./run-dotlog.ts";

export interface HeaderRule {
  for: string;
  values: Record<string, string>;
}

export interface NetlifyConfig {
  build: { command: string; publish: string; environment: Record<string, string> };
  headers: HeaderRule[];
}

export const netlifyConfig = parse(readFileSync(path.join(repoRoot, "netlify.toml"), "utf8")) as unknown as NetlifyConfig;

export function ruleMatches(rule: string, urlPath: string): boolean {
  const segments = rule.split("/").filter((segment) => segment !== "");
  const below = segments.at(-1) === "*";
  const pattern = (below ? segments.slice(0, -1) : segments)
    .map((segment) => (segment.startsWith(":") ? "/[^/]+" : `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`))
    .join("");
  return new RegExp(`^${pattern}${below ? "(?:/.*)?" : ""}/?$`).test(urlPath);
}

/** Header names lower-cased, as Node's http module and browsers report them. */
export function netlifyHeadersFor(urlPath: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of netlifyConfig.headers) {
    if (!ruleMatches(rule.for, urlPath)) continue;
    for (const [name, value] of Object.entries(rule.values)) {
      const key = name.toLowerCase();
      // Netlify joins a header set by two matching rules; netlify.test.ts keeps that from happening.
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
  }
  return headers;
}
