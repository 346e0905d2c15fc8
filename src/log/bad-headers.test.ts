// Headers as a person reads them (issue 18, docs/headers.md), on test/fixtures/bad/bad-headers.txt:
// first lines from the author's decade that are not headers, headers with elements that are not
// tags, the author's marks, and real tags that must stay tags. Each entry's title, tags, refused
// elements, marks and TODOs, in file order.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseFixture } from "./fixtures.ts";
import { readHeader } from "./header.ts";
import type { Entry, RefusedReason } from "./types.ts";

interface Expected {
  title: string;
  tags?: string[];
  /** Header elements that are not tags, with why; absent: no header at all. */
  refused?: [string, RefusedReason][];
  flags?: [mark: string, tag: string | null][];
  todos?: string[];
}

// The first line of each entry, and what it reads as.
const EXPECTED: [string, Expected][] = [
  // code, as a whole line: body text, the title from the first line of words after it
  ["s3c2410_gpio_setpin(S3C2410_GPB0, 1);", { title: "set GPB0 high before the delay" }],
  ["s3c2410_gpio_setpin(S3C2410_GPB0, 1)", { title: "without the semicolon it is still a call" }],
  ["#define S3C2410_GPB0 S3C2410_GPIONO(S3C2410_GPIO_BANKB, 0)", { title: "the macro behind the pin" }],
  ["1, if ( len < str_start - str  + 1 )", { title: '没有加"strlen(*arg)"，等于完全没有起作用。' }],
  ['        FDPRINT2(FINFO, "the %dth argument: %s.\\n", i, *(start++));', { title: "这个问题出现多次了。" }],
  ["1, 把free_list(start);", { title: "因为start指针的起始地址会变化。" }],
  ["147         ldr     r0, =SMRDATA", { title: "这里的SMRDATA和_TEXT_BASE似乎都是符号。" }],
  ["gdb) p arg", { title: "是不是start也需要跟着改？" }],
  ["a=b, x->y", { title: "two operators are no header" }],
  ["lang=c", { title: "a setting is no tag" }],
  // paths and addresses: refused as tags; a path or URL still names the entry when nothing else does
  ["/etc/xinetd.d/tftp", { title: "/etc/xinetd.d/tftp" }],
  ["\\\\10.0.12.140\\project\\spec.pdf", { title: "\\\\10.0.12.140\\project\\spec.pdf" }],
  [
    "company, project, \\\\10.0.12.140\\project\\manual.pdf",
    { title: "\\\\10.0.12.140\\project\\manual.pdf", tags: ["company", "project"], refused: [["\\\\10.0.12.140\\project\\manual.pdf", "path"]] },
  ],
  ["tools, C:\\Program Files\\tftpd32, windows", { title: "windows", tags: ["tools", "windows"], refused: [["C:\\Program Files\\tftpd32", "path"]] }],
  ["maillist, research@suse.de, meeting", { title: "meeting", tags: ["maillist", "meeting"], refused: [["research@suse.de", "email"]] }],
  ["web, http://example.org/board.html", { title: "http://example.org/board.html", tags: ["web"], refused: [["http://example.org/board.html", "url"]] }],
  // stamps, dates, quotes
  ['"08:27 2007-07-20"', { title: "a quoted stamp is a reference, not a header" }],
  ["待做，自9:52", { title: "待做", tags: ["待做"], refused: [["自9:52", "stamp"]] }],
  ["2009年9月16", { title: "中秋前的读书计划" }],
  [
    "读书, 2009年9月16, 9月16日, 11/5, 2012/11/5, 2012-11-05",
    { title: "读书", tags: ["读书"], refused: ["2009年9月16", "9月16日", "11/5", "2012/11/5", "2012-11-05"].map((date) => [date, "date"]) },
  ],
  ['glibc, "invalid next size", free', { title: "free", tags: ["glibc", "free"], refused: [['"invalid next size"', "quote"]] }],
  // the author's marks: a flag on the tag or the entry; TODOs
  ["嵌入式, 待看***", { title: "待看", tags: ["嵌入式", "待看"], refused: [], flags: [["***", "待看"]] }],
  ["***", { title: "an important entry", tags: [], refused: [], flags: [["***", null]] }],
  ["arm, kernel, +++", { title: "kernel", tags: ["arm", "kernel"], refused: [], flags: [["+++", null]] }],
  ["<TODO>整理u-boot的笔记</TODO>", { title: "u-boot笔记在下面", tags: [], refused: [["<TODO>整理u-boot的笔记</TODO>", "todo"]], todos: ["整理u-boot的笔记"] }],
  [
    "arm, kernel, <TODO>read the mm code, again</TODO>, mm",
    { title: "mm", tags: ["arm", "kernel", "mm"], refused: [["<TODO>read the mm code, again</TODO>", "todo"]], todos: ["read the mm code, again"] },
  ],
  [
    "virtualization, libvirt; doc, FAQ; \\TODO: summarise, later",
    { title: "FAQ", tags: ["virtualization", "libvirt", "doc", "FAQ"], refused: [["\\TODO: summarise, later", "todo"]], todos: ["summarise, later"] },
  ],
  ["TODO:", { title: "review the other TODOs and add a display of preload data", todos: ["review the other TODOs and add a display of preload data"] }],
  ["\\TODO:", { title: "apple 5S: 64bit application.", todos: ["1, apple 5S: 64bit application."] }],
  // underlines, numbers, punctuation: never a title; an underline is passed over to the header under it
  ["================", { title: "s3c2410", tags: ["arm", "board", "s3c2410"], refused: [] }],
  ["-", { title: "a dash alone" }],
  ["1)", { title: "a bracket and a number" }],
  ["30", { title: "9:32 2013-05-01" }],
  ["Samsung Exynos Octa, 169$.", { title: "Samsung Exynos Octa", tags: ["Samsung Exynos Octa"], refused: [["169$.", "number"]] }],
  // prose split at its commas: body text, titled by itself
  ["把两跳地址分配中的LDAA等待时间改为10(TH_LDAA_TO)，一跳时间仍是5(OH_LDAA_TO)", { title: "把两跳地址分配中的LDAA等待时间改为10(TH_LDAA_TO)，一跳时间仍是5(OH_LDAA_TO)" }],
  ["从flash数据手册(ds_k9f12xxx0a.paf)中p7可以看出，1page=512Byte, 1block=32page=\t16kByte", { title: "从flash数据手册(ds_k9f12xxx0a.paf)中p7可以看出，1page=512Byte," }],
  ["I think the problem is in the driver and not in the board, because the LED still blinks", { title: "I think the problem is in the driver and not in the board," }],
  // real tags that stay tags
  ["arm, Cortex-A15, omap5, SOM(system-on-module)", { title: "SOM(system-on-module)", tags: ["arm", "Cortex-A15", "omap5", "SOM(system-on-module)"], refused: [] }],
  [
    "software, skill, linux, font, wenquanyi(文泉驿); how to install fonts on Linux",
    { title: "how to install fonts on Linux", tags: ["software", "skill", "linux", "font", "wenquanyi(文泉驿)"], refused: [] },
  ],
  ["arm学习, APCS(arm过程调用标准), APCS寄存器定义", { title: "APCS寄存器定义", tags: ["arm学习", "APCS(arm过程调用标准)", "APCS寄存器定义"], refused: [] }],
  [
    "suse, virtualization, libvirt, qemu, xen, read source code, cont1, read qemu/libxl console code",
    { title: "read qemu/libxl console code", tags: ["suse", "virtualization", "libvirt", "qemu", "xen", "read source code", "read qemu/libxl console code"], refused: [] },
  ],
  [
    "suse, xen, libxlDomainOpenConsole, libxl_get_console_tty, debug",
    { title: "debug", tags: ["suse", "xen", "libxlDomainOpenConsole", "libxl_get_console_tty", "debug"], refused: [] },
  ],
  ["virtualization, libvirt, 1.0.0 release; localization", { title: "localization", tags: ["virtualization", "libvirt", "1.0.0 release", "localization"], refused: [] }],
  ["community, linaro, arm Server", { title: "arm Server", tags: ["community", "linaro", "arm Server"], refused: [] }],
  ["open source, kernel, qualcomm, 8064, oppo find5", { title: "oppo find5", tags: ["open source", "kernel", "qualcomm", "8064", "oppo find5"], refused: [] }],
  ["software skill, mobile, link git to /system/bin", { title: "link git to /system/bin", tags: ["software skill", "mobile"], refused: [["link git to /system/bin", "path"]] }],
];

const entries = [...parseFixture("bad/bad-headers.txt").entries].sort((a, b) => a.line - b.line);

function firstLine(entry: Entry): string {
  return entry.raw.split("\n").slice(1).find((line) => line.trim() !== "")!;
}

describe("bad headers", () => {
  it("has one expectation an entry", () => {
    expect(entries.map(firstLine)).toEqual(EXPECTED.map(([line]) => line));
  });

  it.each(EXPECTED.map(([line, expected], index) => [line, expected, index] as const))("%s", (_line, expected, index) => {
    const entry = entries[index]!;
    const { header } = entry;
    expect(entry.title).toBe(expected.title);
    expect(entry.tags).toEqual(expected.tags ?? []);
    if (expected.refused === undefined) expect(header).toBeNull();
    else {
      expect(header).not.toBeNull();
      expect((header!.refused ?? []).map(({ index, reason }) => [header!.elements[index], reason])).toEqual(expected.refused);
    }
    expect((header?.flags ?? []).map(({ mark, tag }) => [mark, tag])).toEqual(expected.flags ?? []);
    expect(entry.todos.map((todo) => todo.text)).toEqual(expected.todos ?? []);
  });

  it("keeps a header's TODO as a TODO of the whole entry, on the header's line", () => {
    const entry = entries.find((candidate) => firstLine(candidate).startsWith("<TODO>"))!;
    expect(entry.todos).toEqual([{ text: "整理u-boot的笔记", line: entry.header!.line, item: null, blog: false }]);
  });
});

// Header lines made of the shapes above, tags and separators in any order.
const element = fc.oneof(
  fc.constantFrom("arm", "virtualization", "libvirt", "Cortex-A53", "嵌入式", "arm Server", "SOM(system-on-module)", "qemu/kvm", "libxl_get_console_tty", "read source code"),
  fc.constantFrom("lang=c", "x->y", "#define", "free_list(start)", "/etc/xinetd.d/tftp", "C:\\tmp", "research@suse.de", "http://a.org/b", '"08:27 2007-07-20"', "自9:52"),
  fc.constantFrom("2009年9月16", "11/5", "30", "169$", "====", "-", "1)", "***", "待看***", "+++", "<TODO>a, b</TODO>", "cont2", "远峰开发板学习（续）"),
  fc.string({ maxLength: 12 }),
);
const separator = fc.constantFrom(", ", "; ", "，", "；", ",");
const headerLine = fc.array(fc.tuple(element, separator), { minLength: 1, maxLength: 8 }).map((parts) => parts.map(([text, sep]) => text + sep).join("").slice(0, -1));

describe("any header line", () => {
  it("loses no text: as a header its elements hold every character but separators, marks and series markers; else it stays in the body", () => {
    fc.assert(
      fc.property(headerLine, (text) => {
        const { header } = readHeader([{ line: 2, text }, { line: 3, text: "body" }], "10:00 2013-05-01");
        // Not the header (none, or a line below it): a body line, kept whole by parse-entry.
        if (header === null || header.line !== 2) return;
        const kept = header.elements.join("");
        const written = text.replace(/[,;，；\s]/g, "").replace(/cont\s*\d+/gi, "").replace(/[（(]续[）)]/g, "");
        for (const char of written) expect(kept).toContain(char);
      }),
      { numRuns: 500 },
    );
  });

  it("never makes a refused element a tag, and never titles an entry with no letter", () => {
    fc.assert(
      fc.property(headerLine, (text) => {
        const { header, tags, title } = readHeader([{ line: 2, text }], "10:00 2013-05-01");
        const refused = new Set((header?.refused ?? []).map(({ index }) => header!.elements[index]));
        for (const tag of tags) expect(refused.has(tag)).toBe(false);
        expect(title).toMatch(/\p{L}|^10:00 2013-05-01$/u);
      }),
      { numRuns: 500 },
    );
  });
});
