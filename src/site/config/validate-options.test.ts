import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultOptions } from "../options.ts";
import { resolveSiteOptions, UserError, validateOptions } from "./index.ts";
import { optionsSchema } from "./schema.ts";
import { WARNING_CODES } from "../../log/warning-codes.ts";

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error("expected a UserError");
}

describe("validateOptions", () => {
  it.each([
    [{ titel: "x" }, 'src: unknown key "titel" (did you mean "title"?)'],
    [{ tags: { pagesize: 5 } }, 'src: unknown key "tags.pagesize" (did you mean "tags.pageSize"?)'],
    [{ colour: "red" }, 'src: unknown key "colour"'],
    [{ tags: { pageSize: "10" } }, 'src: "tags.pageSize" must be an integer, not string "10"'],
    [{ tags: { pageSize: 2.5 } }, 'src: "tags.pageSize" must be an integer, not number 2.5'],
    [{ showSource: "yes" }, 'src: "showSource" must be a boolean, not string "yes"'],
    [{ logs: { dateOrder: "ymd" } }, 'src: "logs.dateOrder" must be one of "auto", "dmy", "mdy", not "ymd"'],
    [{ logs: { encoding: 936 } }, 'src: "logs.encoding" must be a string or null, not number 936'],
    [{ strict: ["decode", "typo"] }, 'src: "strict[1]" must be one of'],
    [{ redact: ["ipv5"] }, 'src: "redact[0]" must be one of "ipv4", "ipv6", "email", not "ipv5"'],
    [{ redact: [{ pattern: "x", flag: "i" }] }, 'src: unknown key "redact[0].flag" (did you mean "redact[0].flags"?)'],
    [{ include: { tag: ["a"] } }, 'src: unknown key "include.tag"'],
    [{ exclude: { tags: "company" } }, 'src: "exclude.tags" must be an array, not string "company"'],
    [[], "src: options must be a JSON object"],
    [{ timeZone: "Mars/Olympus" }, 'src: "timeZone" is not a known time zone: "Mars/Olympus"'],
    [{ logs: { encoding: "klingon" } }, 'src: "logs.encoding" is not an encoding iconv-lite knows: "klingon"'],
    [{ redact: [{ pattern: "(unclosed" }] }, 'src: "redact[0].pattern" is not a valid regular expression'],
  ])("rejects %j with one line naming the key", (value, expected) => {
    const message = messageOf(() => validateOptions(value, "src"));
    expect(message.slice(0, expected.length)).toBe(expected);
    expect(message).not.toContain("\n");
  });

  it("counts the other problems it does not spell out", () => {
    expect(messageOf(() => validateOptions({ a: 1, b: 2 }, "src"))).toMatch(/\(and 1 more\)$/);
  });

  it("accepts every key the README documents, with realistic values", () => {
    const value = {
      $schema: "../dotlog.config.schema.json",
      title: "Bamvor's log",
      baseUrl: "https://log.example.org",
      pathPrefix: "/notes/",
      language: "zh-CN",
      timeZone: "Asia/Shanghai",
      logs: { pattern: ["*.txt"], encoding: "gbk", dateOrder: "dmy" },
      strict: ["unresolved-ref"],
      tags: { pageSize: 10 },
      showSource: true,
      blog: { phrases: ["write a blog"], generated: "draft" },
      exclude: { tags: ["company", "GTD"], entries: ["2012-11-06T16:16"] },
      include: { tags: ["arm"] },
      redact: ["ipv4", { pattern: "suse\\.(de|com)", flags: "i" }],
      redactNames: ["Jim"],
      mask: "[redacted]",
    };
    expect(validateOptions(value, "src")).toBe(value);
  });
});

describe("the schema", () => {
  it("declares exactly the keys of SiteOptions, with their defaults", () => {
    const properties = optionsSchema.properties ?? {};
    expect(Object.keys(properties).filter((k) => k !== "$schema").sort()).toEqual(Object.keys(defaultOptions).sort());
    for (const [key, value] of Object.entries(defaultOptions)) {
      if (key === "timeZone") continue; // the machine's zone: no fixed default
      const schema = properties[key]!;
      const documented =
        schema.properties && value !== null
          ? Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, s.default]))
          : schema.default;
      expect([key, documented]).toEqual([key, value]);
    }
  });

  it("lets strict name every warning code, and nothing else", () => {
    const strict = (optionsSchema.properties as Record<string, { items: { enum: string[] } }>).strict!;
    expect([...strict.items.enum].sort()).toEqual(Object.keys(WARNING_CODES).sort());
    expect(() => validateOptions({ strict: ["post", "unmatched-exclude", "no-entries"] }, "the test")).not.toThrow();
  });

  it("accepts the defaults", () => {
    expect(() => validateOptions(JSON.parse(JSON.stringify(defaultOptions)), "defaults")).not.toThrow();
  });
});

describe("resolveSiteOptions", () => {
  let dir = "";
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));
  function contentWith(config?: string): string {
    dir = mkdtempSync(join(tmpdir(), "dotlog-config-"));
    if (config !== undefined) writeFileSync(join(dir, "dotlog.config.json"), config);
    return dir;
  }

  it("lets dotlog.config.json override plugin options key by key", () => {
    const options = resolveSiteOptions(
      { title: "plugin", tags: { pageSize: 7 }, logs: { dateOrder: "dmy" }, exclude: { tags: ["a"], entries: ["x"] } },
      contentWith('{ "title": "file", "logs": { "encoding": "gbk" }, "exclude": { "tags": ["b"] } }'),
    );
    expect(options.title).toBe("file");
    expect(options.tags.pageSize).toBe(7);
    expect(options.logs).toEqual({ pattern: defaultOptions.logs.pattern, encoding: "gbk", dateOrder: "dmy" });
    expect(options.exclude).toEqual({ tags: ["b"], entries: ["x"] });
    expect(options.author).toBe(defaultOptions.author);
  });

  it("uses the defaults when there is no config file", () => {
    expect(resolveSiteOptions(undefined, contentWith())).toEqual(defaultOptions);
  });

  it("reads a file saved by Notepad with a BOM", () => {
    expect(resolveSiteOptions({}, contentWith('\uFEFF{ "mask": "###" }')).mask).toBe("###");
  });

  it("names the file, line and column of a JSON syntax error", () => {
    const folder = contentWith('{\n  "title": "x",\n}\n');
    const message = messageOf(() => resolveSiteOptions({}, folder));
    expect(message).toMatch(/dotlog\.config\.json: not valid JSON: .* at line 3, column 1$/);
    expect(message.startsWith(join(folder, "dotlog.config.json"))).toBe(true);
  });

  it("names the file and the key of a bad option in it", () => {
    const folder = contentWith('{ "tags": { "pageSize": 0 } }');
    expect(messageOf(() => resolveSiteOptions({}, folder))).toBe(
      `${join(folder, "dotlog.config.json")}: "tags.pageSize" must be >= 1`,
    );
  });

  it("names .eleventy.js for a bad plugin option", () => {
    expect(messageOf(() => resolveSiteOptions({ sowSource: true }, contentWith()))).toBe(
      'plugin options in .eleventy.js: unknown key "sowSource" (did you mean "showSource"?)',
    );
  });
});
