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
});
