import { describe, expect, it } from "vitest";
import { cutTitle, readHeader } from "./header.ts";
import type { SourceLine } from "./types.ts";

function lines(...texts: string[]): SourceLine[] {
  return texts.map((text, index) => ({ line: index + 3, text }));
}

describe("readHeader", () => {
  it("takes the last element as title and every element as a tag, dropping contN into a series", () => {
    const read = readHeader(lines("virtualization, libvirt, xenlight, add libxl api, cont1, domainInterfaceStats"), "16:38 2012-11-01");
    expect(read.title).toBe("domainInterfaceStats");
    expect(read.tags).toEqual(["virtualization", "libvirt", "xenlight", "add libxl api", "domainInterfaceStats"]);
    expect(read.series).toEqual({ name: "add libxl api", part: 1 });
    expect(read.header?.line).toBe(3);
  });

  it("reads `Cont 2` as a series marker too", () => {
    expect(readHeader(lines("virtualization, add libxl api, Cont 2, domainBlockStats"), "").series).toEqual({ name: "add libxl api", part: 2 });
  });

  it("makes an element with `: ` the title and not a tag", () => {
    const read = readHeader(lines("company, virtualization, suse, xen, regular meeting: US / China Virtualization Sync, meeting"), "8:02 2012-11-02");
    expect(read.title).toBe("regular meeting: US / China Virtualization Sync");
    expect(read.tags).toEqual(["company", "virtualization", "suse", "xen", "meeting"]);
  });

  it("makes an element of more than four words a title, and splits on `;` too", () => {
    const read = readHeader(lines("virtualization, libvirt, xen, libxl, read migration(domain suspend) in xen upstream"), "16:52 2012-11-06");
    expect(read.title).toBe("read migration(domain suspend) in xen upstream");
    expect(read.tags).toEqual(["virtualization", "libvirt", "xen", "libxl"]);
    expect(readHeader(lines("virtualization, libvirt, 1.0.0 release; localization"), "").tags).toEqual([
      "virtualization", "libvirt", "1.0.0 release", "localization",
    ]);
  });

  it("reads a one-element header as a tag only when it is one word", () => {
    expect(readHeader(lines("GTD", "0, -18:20"), "")).toMatchObject({ title: "GTD", tags: ["GTD"] });
    expect(readHeader(lines("work report - week 44"), "")).toMatchObject({ title: "work report - week 44", tags: [] });
    expect(readHeader(lines("domainMemoryPeek: not support in xenlight"), "")).toMatchObject({
      title: "domainMemoryPeek: not support in xenlight",
      tags: [],
    });
  });

  it("splits full-width separators and reads `（续）` as a series without a number", () => {
    const read = readHeader(lines("嵌入式，arm, s3c2410, 远峰开发板学习（续）, vivi"), "");
    expect(read.header?.elements).toEqual(["嵌入式", "arm", "s3c2410", "远峰开发板学习", "vivi"]);
    expect(read.series).toEqual({ name: "远峰开发板学习", part: null });
    expect(read.title).toBe("vivi");
    expect(readHeader(lines("arm, 远峰开发板学习(续)"), "").series).toEqual({ name: "远峰开发板学习", part: null });
  });

  it("reads a Chinese sentence as a title, not as elements (log200708.txt 175, 1387)", () => {
    const sentence = "整理今天遇到的所有错误，下周有针对性的练习。";
    expect(readHeader(lines(sentence), "")).toMatchObject({ title: sentence, tags: [], series: null });
    expect(readHeader(lines("Linux, 调试, gdb"), "").tags).toEqual(["Linux", "调试", "gdb"]);
    // Seven characters make under five words: a tag; eleven make a title element.
    expect(readHeader(lines("嵌入式，远峰开发板学习，整理今天遇到的所有错误"), "")).toMatchObject({
      title: "整理今天遇到的所有错误",
      tags: ["嵌入式", "远峰开发板学习"],
    });
  });

  it("titles an entry without header by its first text line, marker and prompt removed", () => {
    const read = readHeader(
      lines("1, ", "linux-vm4:/etc/xen/vm # virsh attach-disk sles11_hvm_10 /dev/sdb1 sda", "Disk attached successfully"),
      "18:17 2012-11-07",
    );
    expect(read).toMatchObject({ header: null, title: "virsh attach-disk sles11_hvm_10 /dev/sdb1 sda", tags: [], series: null });
    expect(readHeader(lines("http://technotales.wordpress.com/2009/05/17/git-diff-with-vimdiff/"), "").header).toBeNull();
  });

  it("passes over a bracketed stamp when titling an entry without header", () => {
    expect(readHeader(lines("(11:13 2012-04-25)", "1, bamvor jian zhang work report"), "10:26 2012-04-24")).toMatchObject({
      header: null,
      title: "bamvor jian zhang work report",
    });
  });

  it("falls back to the stamp when there is no text at all", () => {
    expect(readHeader(lines("", "  "), "15:16 2012-11-07").title).toBe("15:16 2012-11-07");
    expect(readHeader([], "15:16 2012-11-07").title).toBe("15:16 2012-11-07");
  });

  it("spells a tag without a trailing full stop or label colon; the title keeps them (log201204novell.txt 717, 992)", () => {
    const first = readHeader(lines("suse, virtualization, libvirt, qemu, xen, read source code, cont1, read remote relative code."), "");
    const later = readHeader(lines("suse, virtualization, libvirt, qemu, xen, read source code, cont1, read remote relative code, libxlDomainOpenConsole"), "");
    expect(first.title).toBe("read remote relative code.");
    expect(first.tags.at(-1)).toBe("read remote relative code");
    expect(later.tags).toContain("read remote relative code");
    // log200708.txt 737 and 835: `待做` alone; with a label's colon it is the same tag, not a title.
    expect(readHeader(lines("待做"), "")).toMatchObject({ title: "待做", tags: ["待做"] });
    expect(readHeader(lines("待做："), "")).toMatchObject({ title: "待做：", tags: ["待做"] });
    // log200708.txt 1064: `待做：` over a list, the same tag.
    expect(readHeader(lines("待做：", "1, 写测试报告。直接在文档上改就可以。周末发给张宇。"), "").tags).toEqual(["待做"]);
    // A `：` with text after it still makes a title element (log200708.txt 739).
    expect(readHeader(lines("计划，待做：看路云川的GUIgtk.rar"), "")).toMatchObject({ title: "待做：看路云川的GUIgtk.rar", tags: ["计划"] });
  });

  it("reads a Chinese header of several parts ending in a colon as a sentence (log200708.txt 845, 672)", () => {
    expect(readHeader(lines("C99宏风格修改完成，错误如下：", "1, 没加分号。不应该出现的小错误。说明基本功还是不行。"), "")).toMatchObject({
      title: "C99宏风格修改完成，错误如下：",
      tags: [],
    });
    expect(readHeader(lines("定义struct timeval time;在main中，编译提示："), "")).toMatchObject({ title: "定义struct timeval time;在main中，编译提示：", tags: [] });
  });

  it("reads neither `TODO:` nor `\\TODO:` as a tag or a title (log200708.txt 696, log2013.txt 922)", () => {
    expect(readHeader(lines("TODO:", "1, node 30 dead.(not dead)"), "11:27 2007-08-11")).toMatchObject({ header: null, title: "node 30 dead.(not dead)", tags: [] });
    expect(readHeader(lines("\\TODO:", "1, apple 5S: 64bit application."), "11:11 2013-09-11")).toMatchObject({ header: null, title: "apple 5S: 64bit application.", tags: [] });
    const read = readHeader(lines("virtualization, libvirt, virsh, console; doc, FAQ; \\TODO: summarise, later"), "");
    expect(read.tags).toEqual(["virtualization", "libvirt", "virsh", "console", "doc", "FAQ"]);
    // Shown in the header as written, one element to the end of the line; todos.ts makes the TODO.
    expect(read.header?.elements.at(-1)).toBe("\\TODO: summarise, later");
    expect(read.header?.refused).toEqual([{ index: 6, reason: "todo" }]);
    expect(read.todos).toEqual([]);
  });

  it("takes no pasted code or aligned listing for a header (log200708.txt 1683, 1682)", () => {
    const code = '        FDPRINT2(FINFO, "the %dth argument: %s.\\n", i, *(start++));';
    expect(readHeader(lines(code, "改为"), "10:49 2007-08-04")).toMatchObject({ header: null, tags: [] });
    expect(readHeader(lines("147         ldr     r0, =SMRDATA", "148         ldr     r1, _TEXT_BASE"), "21:07 2007-08-27")).toMatchObject({
      header: null,
      tags: [],
    });
  });

  it("reads a sentence, code or a line of mostly refused elements as body text (log200708.txt 610, 1130)", () => {
    const sentence = "把两跳地址分配中的LDAA等待时间改为10(TH_LDAA_TO)，一跳时间仍是5(OH_LDAA_TO)";
    expect(readHeader(lines(sentence), "")).toEqual({ header: null, title: sentence, tags: [], series: null, todos: [] });
    expect(readHeader(lines("a=b, x->y, arm", "text"), "").header).toBeNull();
    // As many good elements as foreign ones: a header.
    expect(readHeader(lines("lang=c, arm", "text"), "")).toMatchObject({ title: "arm", tags: ["arm"], header: { refused: [{ index: 0, reason: "code" }] } });
  });

  it("does not split inside brackets, so a call is one element", () => {
    const read = readHeader(lines("xen, libxl, libxl_domain_create(ctx, &cfg)"), "");
    expect(read.header?.elements).toEqual(["xen", "libxl", "libxl_domain_create(ctx, &cfg)"]);
    expect(read).toMatchObject({ title: "libxl", tags: ["xen", "libxl"] });
  });

  it("reads `***` after an element as a flag on its tag, and alone as a flag on the entry", () => {
    expect(readHeader(lines("arm, 待看 ***"), "")).toMatchObject({ title: "待看", tags: ["arm", "待看"], header: { flags: [{ index: 1, mark: "***", tag: "待看" }] } });
    // A mark on an element that is only a title marks the entry.
    expect(readHeader(lines("work report - week 44***"), "").header?.flags).toEqual([{ index: 0, mark: "***", tag: null }]);
    expect(readHeader(lines("+++", "the day the board booted"), "")).toMatchObject({
      title: "the day the board booted",
      tags: [],
      header: { elements: ["+++"], flags: [{ index: 0, mark: "+++", tag: null }] },
    });
    expect(readHeader(lines("C++, g++"), "").tags).toEqual(["C++", "g++"]);
  });

  it("titles an entry whose first lines have no letter by the stamp", () => {
    expect(readHeader(lines("30", "", "29", "", "        26"), "18:04 2007-08-13")).toMatchObject({ header: null, title: "18:04 2007-08-13" });
    expect(readHeader(lines("================", "-", "1)"), "18:04 2007-08-13").title).toBe("18:04 2007-08-13");
    // A model number is a tag but no title.
    expect(readHeader(lines("8064", "the board"), "")).toMatchObject({ title: "the board", tags: ["8064"] });
    expect(readHeader(lines("qualcomm, 8064"), "").title).toBe("qualcomm");
  });

  it("keeps one spelling of a tag repeated in a header", () => {
    expect(readHeader(lines("arm Server, ARM server, linaro"), "").tags).toEqual(["arm Server", "linaro"]);
  });
});

describe("cutTitle", () => {
  it("cuts at 60 characters on a word boundary", () => {
    const text = "do some investigation for domainBlockStats in last weekend. the qdisk is created by qemu";
    const cut = cutTitle(text);
    expect(cut).toBe("do some investigation for domainBlockStats in last weekend.");
    expect(cut.length).toBeLessThanOrEqual(60);
  });

  it("cuts a single long word hard without splitting a surrogate pair", () => {
    const cut = cutTitle("😀".repeat(70));
    expect(Array.from(cut)).toHaveLength(60);
  });
});
