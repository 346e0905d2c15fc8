import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decode } from "./decode.ts";

const SEED_LINE = "嵌入式，arm, s3c2410, 远峰开发板学习（续）, vivi\n1, 今天继续看vivi的代码，主要是启动部分和串口初始化。\n";

describe("decode", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(decode("f", Buffer.from(SEED_LINE))).toEqual({ text: SEED_LINE, encoding: "utf-8", warnings: [] });
    expect(decode("f", Buffer.from("\uFEFF" + SEED_LINE))).toEqual({ text: SEED_LINE, encoding: "utf-8-bom", warnings: [] });
  });

  it("reads UTF-16 by its BOM", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED_LINE, "utf16le")]);
    expect(decode("f", le)).toEqual({ text: SEED_LINE, encoding: "utf-16le", warnings: [] });
  });

  it("lets the user force an encoding, even over a guess", () => {
    const gbk = iconv.encode(SEED_LINE, "gbk");
    expect(decode("f", gbk, { encoding: "GBK" })).toEqual({ text: SEED_LINE, encoding: "gbk", warnings: [] });
    const big5 = iconv.encode("繁體中文的日誌", "big5");
    expect(decode("f", big5, { encoding: "big5" }).text).toBe("繁體中文的日誌");
  });

  it("strips the BOM of a forced encoding that has one", () => {
    expect(decode("f", Buffer.from("\uFEFF.LOG\n"), { encoding: "utf8" })).toEqual({ text: ".LOG\n", encoding: "utf-8", warnings: [] });
  });

  it("warns about an unknown forced encoding and detects instead", () => {
    const result = decode("f", Buffer.from(".LOG\n"), { encoding: "klingon" });
    expect(result.text).toBe(".LOG\n");
    expect(result.warnings).toEqual([{ file: "f", line: 0, code: "decode", message: 'unknown encoding "klingon"; detecting it instead' }]);
  });

  it("marks bytes a forced encoding cannot read, by line", () => {
    const result = decode("f", Buffer.from([0x41, 0x0a, 0xff, 0x0a]), { encoding: "utf-8" });
    expect(result.text).toBe("A\n\uFFFD\n");
    expect(result.warnings.map((w) => `${w.code}@${w.line}`)).toEqual(["decode@2"]);
  });

  it("does not flag a U+FFFD that the file really contains", () => {
    expect(decode("f", Buffer.from("a \uFFFD in valid UTF-8\n")).warnings).toEqual([]);
  });

  describe("a forced encoding that decodes every byte but is the wrong one", () => {
    // Seed lines 213–214: a stamp and a transcript line, mostly ASCII.
    const ASCII_LINES = "14:59 2012-11-07 rpcbind\nlinux-iwgo:/home/suse # mount.nfs 147.2.207.77:/home/bamvor/sda3/home sda3/home/ -v\n";
    const misfit = (bytes: Uint8Array, encoding: string) => decode("f", bytes, { encoding }).misfit;

    it("is UTF-8 or a code page read as UTF-16: no line end is left", () => {
      expect(misfit(Buffer.from(SEED_LINE), "utf-16le")).toBe("no line end reads as a line end");
      expect(misfit(iconv.encode(SEED_LINE, "gbk"), "utf-16be")).toBe("no line end reads as a line end");
      // UTF-16 in the other byte order.
      expect(misfit(Buffer.from(SEED_LINE, "utf16le"), "utf-16be")).toBe("no line end reads as a line end");
    });

    it("is UTF-16 read as an 8-bit encoding: a NUL beside every ASCII character", () => {
      const utf16 = Buffer.from(ASCII_LINES, "utf16le");
      for (const encoding of ["utf-8", "windows-1252"]) {
        const result = decode("f", utf16, { encoding });
        expect(result.misfit).toMatch(/^\d+ NUL characters in \d+, as UTF-16 read 8 bits at a time has$/);
        expect(result.warnings.filter((w) => w.line === 0).map((w) => w.message)).toContain(`the file does not read as ${encoding}, the forced encoding: ${result.misfit}`);
      }
    });

    it("is not claimed when the forced encoding is the file's", () => {
      expect(decode("f", Buffer.from(ASCII_LINES + SEED_LINE), { encoding: "utf-8" })).toEqual({ text: ASCII_LINES + SEED_LINE, encoding: "utf-8", warnings: [] });
      expect(misfit(Buffer.from(ASCII_LINES + SEED_LINE, "utf16le"), "utf-16le")).toBeUndefined();
      expect(misfit(iconv.encode(SEED_LINE, "gbk"), "gbk")).toBeUndefined();
      // Detected, not forced: nothing to fit.
      expect(misfit(Buffer.from(SEED_LINE, "utf16le"), "klingon")).toBeUndefined();
    });
  });
});
