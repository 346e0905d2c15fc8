import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEntry } from "./parse-entry.ts";
import type { BodyNode, RawEntry, SourceLine } from "./types.ts";

function raw(texts: string[], first = 3): RawEntry {
  const lines = texts.map((text, index) => ({ line: first + index, text }));
  return {
    file: "test.txt",
    format: "log",
    time: { year: 2012, month: 11, day: 7, hour: 18, minute: 17 },
    line: first - 1,
    endLine: first - 1 + texts.length,
    raw: ["18:17 2012-11-07", ...texts].join("\n"),
    stampText: "18:17 2012-11-07",
    lines,
  };
}

/** The body's lines back, in order: what every renderer starts from. */
function bodyLines(nodes: BodyNode[]): SourceLine[] {
  return nodes.flatMap((node): SourceLine[] => {
    if (node.type === "block") {
      return node.block.text.split("\n").map((text, index) => ({ line: node.block.line + index, text }));
    }
    if (node.type !== "item") return [{ line: node.line, text: node.text }];
    const children = bodyLines(node.children);
    if (children[0]?.line === node.line) {
      children[0] = { line: node.line, text: node.marker + children[0].text };
      return children;
    }
    return [{ line: node.line, text: node.marker + node.text }, ...children];
  });
}

function expectLossless(entry: RawEntry, header: number | null) {
  const { fields } = parseEntry(entry);
  const expected = entry.lines.filter((line) => line.line !== header);
  expect(bodyLines(fields.body)).toEqual(expected);
}

const corpusLines = ["log201204novell.txt", "log200708.txt", "log2013.txt"].flatMap((name) =>
  readFileSync(new URL(`../../test/fixtures/corpus/${name}`, import.meta.url), "utf8").split(/\r?\n/),
);

describe("parseEntry", () => {
  it("reads the seed's untitled entry (18:17 2012-11-07)", () => {
    const { fields, warnings } = parseEntry(raw([
      "1, ",
      "linux-vm4:/etc/xen/vm # virsh attach-disk sles11_hvm_10 /dev/sdb1 sda",
      "Disk attached successfully",
      "",
      "2, xm support scsi-attach, scsi-detach, scsi-list",
    ], 281));
    expect(fields.header).toBeNull();
    expect(fields.title).toBe("virsh attach-disk sles11_hvm_10 /dev/sdb1 sda");
    expect(fields.items).toEqual(["1", "2"]);
    expect(fields.blocks.map((block) => [block.line, block.endLine])).toEqual([[282, 283]]);
    expect(warnings).toEqual([]);
  });

  it("warns about an unclosed see\" and still points at its stamp", () => {
    const { fields, warnings } = parseEntry(raw(["GTD", "1, today", "2), libvirt libxl driver, pick a function to write. see\"14:25 2012-04-01"], 3));
    expect(warnings).toEqual([{ file: "test.txt", line: 5, code: "unclosed-ref", message: "see\" at column 56 has no closing quote" }]);
    expect(fields.references).toEqual([
      { target: "2012-04-01T14:25", item: null, line: 5, column: 55, length: 17, resolved: null, fromItem: "1-2" },
    ]);
  });

  it("keeps an insertion's opening stamp out of the item times", () => {
    const { fields } = parseEntry(raw(["osc", "1), osc co home:bjzhang", "(16:40 2013-01-23)", "while osc up", "\"16:40 2013-01-23\"end", "2, (15:33 2012-11-02)"], 60));
    expect(fields.insertions).toEqual([{ at: "2013-01-23T16:40", line: 62, endLine: 64, endAt: "2013-01-23T16:40" }]);
    expect(fields.times.map((time) => time.at)).toEqual(["2012-11-02T15:33"]);
    expect(fields.references).toEqual([]);
  });

  it("passes over a bracketed stamp above the header and keeps it in the body (log201204novell.txt 430–432)", () => {
    const entry = raw(["(14:57 2012-04-12)", "company, package, network, maintainer, wireshark, bridge-utils", "1, Chun Yan Liu"], 431);
    const { fields } = parseEntry(entry);
    expect(fields.header?.line).toBe(432);
    expect(fields.title).toBe("bridge-utils");
    expect(fields.times).toMatchObject([{ at: "2012-04-12T14:57", line: 431 }]);
    expect(fields.body[0]).toEqual({ type: "text", line: 431, text: "(14:57 2012-04-12)" });
  });

  it("reads a TODO written into the header as a TODO, not a tag (log201204novell.txt 2238)", () => {
    const { fields } = parseEntry(raw(["virtualization, libvirt, virsh, console, qemu/kvm, xen, xenlight; doc, FAQ; \\TODO: summarise"], 2238));
    expect(fields.title).toBe("FAQ");
    expect(fields.tags).not.toContain("\\TODO: summarise");
    expect(fields.todos).toEqual([{ text: "summarise", line: 2238, item: null, blog: false }]);
  });

  it("uses the blog phrases it is given", () => {
    const entry = raw(["GTD", "1, today", "1), 40' armv8", "\\TODO: make a post of this"]);
    expect(parseEntry(entry).fields.todos[0]!.blog).toBe(false);
    expect(parseEntry(entry, { blogPhrases: ["make a post"] }).fields.todos[0]).toMatchObject({ blog: true, item: "1-1" });
  });

  it("keeps a 5 MB line whole", () => {
    const line = "see\"".concat("x".repeat(5_000_000));
    const { fields, warnings } = parseEntry(raw(["header", line]));
    expect(fields.body).toEqual([{ type: "text", line: 4, text: line }]);
    expect(warnings.map((warning) => warning.code)).toEqual(["unclosed-ref"]);
  });

  it("keeps NULs, lone surrogates, right-to-left text and emoji", () => {
    const texts = ["日志, \u0000nul, \uD800", "1, שלום עולם 😀", "\u202Eevil\u202C", "2), \uDC00 see\"10:03 2012-11-05\""];
    const { fields } = parseEntry(raw(texts));
    // A lone surrogate is kept as written, but is no tag or title: it has no letter.
    expect(fields.header?.elements).toEqual(["日志", "\u0000nul", "\uD800"]);
    expect(fields.tags).toEqual(["日志", "\u0000nul"]);
    expect(fields.title).toBe("\u0000nul");
    expect(fields.references).toMatchObject([{ target: "2012-11-05T10:03", fromItem: "1-2", column: 9 }]);
    expectLossless(raw(texts), 3);
  });

  it("never throws and never loses a body line, on random text", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 40 }), { maxLength: 30 }), (texts) => {
        const entry = raw(texts.flatMap((text) => text.split(/\r?\n|\r/)));
        const header = parseEntry(entry).fields.header;
        expectLossless(entry, header?.line ?? null);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws and never loses a body line, on random splices of corpus lines", () => {
    const line = fc.nat(corpusLines.length - 1).map((index) => corpusLines[index]!);
    fc.assert(
      fc.property(fc.array(fc.oneof(line, line, fc.constantFrom("", "(gdb) ", "> x", "# ls", "[a]", "k = v", "#!/bin/sh", "  x;")), { maxLength: 60 }), (texts) => {
        const entry = raw(texts);
        const { fields } = parseEntry(entry);
        expectLossless(entry, fields.header?.line ?? null);
        for (const block of fields.blocks) {
          expect(block.endLine).toBeGreaterThanOrEqual(block.line);
          if (block.steps) expect(block.steps[0]!.line).toBe(block.line);
        }
        for (const ref of fields.references) {
          expect(entry.lines[ref.line - 3]!.text[ref.column]).toMatch(/["“”]/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reads every corpus entry without losing a line", () => {
    let entries = 0;
    for (const name of ["log201204novell.txt", "log200708.txt", "log2013.txt"]) {
      const lines = readFileSync(new URL(`../../test/fixtures/corpus/${name}`, import.meta.url), "utf8").split(/\r?\n/);
      const starts = lines.flatMap((text, index) => (/^\d{1,2}:\d{2} \d{4}[-/]\d{1,2}[-/]\d{1,2}$/.test(text) ? [index] : []));
      starts.forEach((start, n) => {
        const end = starts[n + 1] ?? lines.length;
        const entry = raw(lines.slice(start + 1, end), start + 2);
        const { fields } = parseEntry(entry);
        expectLossless(entry, fields.header?.line ?? null);
        entries++;
      });
    }
    expect(entries).toBeGreaterThan(300);
  });
});
