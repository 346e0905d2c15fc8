import { describe, expect, it } from "vitest";
import { isCodeLine, isOnlyDate, looksLikeCode, refusal, splitMark } from "./header-shapes.ts";

describe("refusal", () => {
  // Elements the header rule gave as tags on the author's decade (issue 18), and why they are not.
  it.each([
    ["s3c2410_gpio_setpin(S3C2410_GPB0", "code"],
    ["free_list(start)", "code"],
    ["foo()", "code"],
    ["arg[arg_size]", "code"],
    ["#define", "code"],
    ["lang=c", "code"],
    ["1page=512Byte", "code"],
    ["1block=32page=\t16kByte", "code"],
    ["a=b", "code"],
    ["x->y", "code"],
    ["*(start++)", "code"],
    ["$HOME", "code"],
    ["gdb) p arg", "code"],
    ["\\\\10.0.12.140\\project\\...pdf", "path"],
    ["C:\\Program Files", "path"],
    ["/etc/xinetd.d/tftp", "path"],
    ["~/bin", "path"],
    ["kernel/drivers/mtd/nand", "path"],
    ["link git to /system/bin", "path"],
    ["http://www.linuxsir.org/bbs/", "url"],
    ["www.example.org", "url"],
    ["research@suse.de", "email"],
    ['"08:27 2007-07-20"', "stamp"],
    ["自9:52", "stamp"],
    ["(14:27-14:29)", "stamp"],
    ["2009年9月16", "date"],
    ["9月16日", "date"],
    ["2012-11-05", "date"],
    ["2012/11/5", "date"],
    ["11/5", "date"],
    ['"invalid next size"', "quote"],
    ["“品三国”", "quote"],
    ["'make menuconfig'", "quote"],
    ["<TODO>read the manual</TODO>", "todo"],
    ["\\TODO: summarise", "todo"],
    ["30", "number"],
    ["169$", "number"],
    ["169$.", "number"],
    ["================", "number"],
    ["-", "number"],
    ["1)", "number"],
    ["***", "number"],
  ])("refuses %j as %s", (element, reason) => {
    expect(refusal(element)).toBe(reason);
  });

  // Real tags of the seed and the corpus, and names written the same way.
  it.each([
    "virtualization", "add libxl api", "Cortex-A53", "arm Server", "1.0.0 release", "allwinner A10", "GTD", "嵌入式", "远峰开发板学习",
    "SOM(system-on-module)", "wenquanyi(文泉驿)", "APCS(arm过程调用标准)", "read migration(domain suspend) in xen upstream",
    "qemu/kvm", "read qemu/libxl console code", "TCP/IP", "libxl_get_console_tty", "libxlDomainOpenConsole", "openSUSE12.1 x64",
    "C++", "g++", "C#", "u-boot文档README", "8064", "2013", "irccloud.com", "work report - week 44",
    "regular meeting: US / China Virtualization Sync", "如何正确使用PAYPAL(请James_xia朋友看看）", "待做：", "fix 4 bugs from upstream",
    // the redaction's mask stands for a word (`exclude.tags` matches the masked tag), an emoji is one
    "█████", "🐛",
  ])("keeps %j", (element) => {
    expect(refusal(element)).toBeNull();
  });
});

describe("splitMark", () => {
  it("splits `***` and `+++` off the end, not `C++` or `**`", () => {
    expect(splitMark("待看***")).toEqual({ text: "待看", mark: "***" });
    expect(splitMark("arm +++")).toEqual({ text: "arm", mark: "+++" });
    expect(splitMark("****")).toEqual({ text: "", mark: "****" });
    expect(splitMark("C++")).toEqual({ text: "C++", mark: null });
    expect(splitMark("a**")).toEqual({ text: "a**", mark: null });
  });
});

describe("code lines", () => {
  // log200708.txt: 88, 119, 154, 353, 1682; made-up statements.
  it.each([
    "把free_list(start);",
    "if ( len < str_start - str  + 1 )",
    "gdb) p arg",
    '        FDPRINT2(FINFO, "the %dth argument: %s.\\n", i, *(start++));',
    "147         ldr     r0, =SMRDATA",
    "#include <stdio.h>",
    "}",
    "while (1) {",
    "// a comment",
    "return 0;",
  ])("%j is code", (line) => {
    expect(isCodeLine(line)).toBe(true);
    expect(looksLikeCode(line)).toBe(true);
  });

  it.each([
    "virtualization, libvirt, 1.0.0 release; localization",
    "embedded, arm, Alwinner A10; Samsung Exynos 5250; ",
    "定义struct timeval time;在main中，编译提示：",
    "(14:27-14:29)找候哥。",
    "如何正确使用PAYPAL(请James_xia朋友看看）",
    "1) read the console code",
    "the board boots :)",
  ])("%j is not code", (line) => {
    expect(isCodeLine(line)).toBe(false);
  });

  it("reads operators as code only outside Chinese and URLs, and a call alone as code", () => {
    expect(looksLikeCode("$12 = (char **) 0x8a9b008")).toBe(true);
    expect(looksLikeCode("s3c2410_gpio_setpin(S3C2410_GPB0, 1)")).toBe(true);
    expect(looksLikeCode("从flash数据手册中p7可以看出，1page=512Byte")).toBe(false);
    expect(looksLikeCode("http://www.linuxsir.org/bbs/showthread.php?t=247373")).toBe(false);
    expect(looksLikeCode("virsh attach-disk sles11_hvm_10 /dev/sdb1 sda")).toBe(false);
    expect(looksLikeCode("fix foo_bar() when the board boots")).toBe(false);
  });
});

describe("isOnlyDate", () => {
  it("is a date and nothing else that reads", () => {
    expect(isOnlyDate("2009年9月16")).toBe(true);
    expect(isOnlyDate("9月16日")).toBe(true);
    expect(isOnlyDate("(2012-11-05)")).toBe(true);
    expect(isOnlyDate("2009年9月16日开始学习arm")).toBe(false);
    expect(isOnlyDate("release 1.0.0")).toBe(false);
  });
});
