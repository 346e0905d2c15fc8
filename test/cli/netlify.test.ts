// netlify.toml against the site dotlog actually builds: the CSP must allow everything the
// pages load (and nothing more), and only files named by their content get a long cache.

import { readdirSync, readFileSync, rmSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { netlifyConfig as config, netlifyHeadersFor, ruleMatches } from "./netlify-headers.ts";
import { repoRoot, runDotlog } from "./run-dotlog.ts";
const everyPath = config.headers.find((rule) => rule.for === "/*")!;
const csp = new Map(
  (everyPath?.values["Content-Security-Policy"] ?? "")
    .split(";")
    .map((directive) => directive.trim().split(/\s+/))
    .filter((parts) => parts[0])
    .map(([name, ...sources]) => [name!, sources]),
);

let out = "";
beforeAll(async () => {
  out = path.join(mkdtempSync(path.join(tmpdir(), "dotlog-netlify-")), "site");
  const run = await runDotlog(["build", "--out", out]);
  expect(run.code).toBe(0);
});
afterAll(() => rmSync(path.dirname(out), { recursive: true, force: true }));

function builtFiles(ext: string): string[] {
  return readdirSync(out, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(ext));
}

describe("netlify.toml", () => {
  it("builds with the README's command on the Node version package.json asks for", () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8"));
    expect(config.build.command).toBe("npm run build");
    expect(config.build.publish).toBe("site");
    expect(pkg.engines.node).toBe(`>=${config.build.environment["NODE_VERSION"]}`);
  });

  it("sends the security headers on every path", () => {
    expect(everyPath.values["X-Content-Type-Options"]).toBe("nosniff");
    expect(everyPath.values["Referrer-Policy"]).toMatch(/^(no-referrer|same-origin|strict-origin(-when-cross-origin)?)$/);
    expect(everyPath.values["Permissions-Policy"]).toMatch(/camera=\(\)/);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
  });

  it("allows scripts only from the site itself, and WebAssembly for Pagefind", () => {
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get("style-src")).toEqual(["'self'"]);
    for (const [name, sources] of csp) {
      for (const source of sources) {
        // Only keywords and `data:` images: no host, no other scheme, no unsafe-inline/eval.
        expect([name, source]).toEqual([name, expect.stringMatching(name === "img-src" ? /^('self'|'none'|'wasm-unsafe-eval'|data:)$/ : /^('self'|'none'|'wasm-unsafe-eval')$/)]);
      }
    }
  });

  it("fits every built page: no inline script or style, no event handler, nothing from another origin", () => {
    const pages = builtFiles(".html");
    expect(pages.length).toBeGreaterThan(18);
    for (const page of pages) {
      const html = readFileSync(path.join(out, page), "utf8");
      const problems = [
        ...[...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>/gi)].map((m) => `inline script ${m[0]}`),
        ...[...html.matchAll(/<style\b[^>]*>/gi)].map((m) => `style element ${m[0]}`),
        ...[...html.matchAll(/<[^>]+\sstyle=["'][^>]*>/gi)].map((m) => `style attribute ${m[0].slice(0, 80)}`),
        ...[...html.matchAll(/<[^>]+\son[a-z]+=["'][^>]*>/gi)].map((m) => `event handler ${m[0].slice(0, 80)}`),
        ...[...html.matchAll(/<(?:script|link|img|iframe|source)\b[^>]*\s(?:src|href)=["'](?:https?:)?\/\/[^>]*>/gi)]
          .filter((m) => !/<link\b[^>]*rel=["'](?:canonical|alternate)["']/i.test(m[0]))
          .map((m) => `other origin ${m[0].slice(0, 100)}`),
      ];
      expect([page, problems]).toEqual([page, []]);
    }
  });

  it("never sets a header twice for one file (Netlify would join the values)", () => {
    for (const file of readdirSync(out, { recursive: true, encoding: "utf8" })) {
      const urlPath = `/${file.split(path.sep).join("/")}`;
      const names = config.headers.filter((rule) => ruleMatches(rule.for, urlPath)).flatMap((rule) => Object.keys(rule.values).map((k) => k.toLowerCase()));
      expect([urlPath, names.length]).toEqual([urlPath, new Set(names).size]);
    }
    expect(netlifyHeadersFor("/pagefind/fragment/zh-cn_1261435.pf_fragment")["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(netlifyHeadersFor("/2012/11/07/")["cache-control"]).toBeUndefined();
  });

  it("sends Pagefind's files stored uncompressed as text, which hosts compress, and gives no other file a type", () => {
    const uncompressed: string[] = [];
    for (const file of readdirSync(out, { recursive: true, encoding: "utf8" })) {
      const full = path.join(out, file);
      if (!statSync(full).isFile()) continue;
      const urlPath = `/${file.split(path.sep).join("/")}`;
      const stored = readFileSync(full).subarray(0, 12).toString("latin1") === "pagefind_dcd";
      if (stored) uncompressed.push(urlPath);
      expect([urlPath, netlifyHeadersFor(urlPath)["content-type"]]).toEqual([urlPath, stored ? "text/plain" : undefined]);
    }
    // The WASM and the meta file; a larger log's newer parts have their own meta file.
    expect(uncompressed).toEqual(expect.arrayContaining(["/pagefind/wasm.unknown.pagefind", expect.stringMatching(/^\/pagefind\/pagefind\.meta\/.+\.pf_meta$/)]));
    expect(netlifyHeadersFor("/pagefind/parts/0123456789abcdef01234567/pagefind.meta/zh-cn_1261435.pf_meta")["content-type"]).toBe("text/plain");
    expect(netlifyHeadersFor("/pagefind/parts/0123456789abcdef01234567/fragment/zh-cn_1261435.pf_fragment")["content-type"]).toBeUndefined();
  });

  it("caches for a year only files Pagefind names by their content", () => {
    const long = config.headers.filter((rule) => /max-age=31536000/.test(rule.values["Cache-Control"] ?? ""));
    expect(long.length).toBeGreaterThan(0);
    expect(everyPath.values["Cache-Control"]).toBeUndefined();
    for (const rule of long) {
      expect(rule.for).toMatch(/^\/pagefind\/[a-z]+\/\*$/);
      const files = readdirSync(path.join(out, rule.for.slice(1, -2)));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(file).toMatch(/_[0-9a-f]{7,}\.pf_[a-z]+$/);
    }
  });
});
