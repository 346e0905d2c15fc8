import { describe, expect, it } from "vitest";
import { isCjkSentence, isProse } from "./prose.ts";

describe("isProse", () => {
  it.each([
    `"--nofork" could block the gvim. it will not create lots of gvim while git diff.`, // seed 42
    "suspend is set by libxl__domain_suspend as remus or common suspend. ", // seed 179
    "not work. ", // log201204novell.txt 35
    "可以看到只有databases有变化。", // log2013.txt 1237
    "http://www.linaro.org/news/release/", // a URL line is the author's note
  ])("reads %j as the author's writing", (line) => {
    expect(isProse(line)).toBe(true);
  });

  it.each([
    "Breakpoint 1, blk_event (xendev=0xadd280)", // seed 103
    "S | Name                    | Summary                                  | Type", // seed 227
    "Nov 07 14:59:16 linux-iwgo rpcbind[21209]: Cannot open '/var/lib/rpcbind/rpc...)", // seed 261
    "gvimdiff --nofork $2 $5", // seed 40
    "Starting rpc.statd ... portmapper not running                        failed", // seed 218
    "Resetting device... done.", // log2013.txt 182
    "daemonStreamFilter -> virNetServerProgramMatches: check virNetServerProgramPtr ", // camelCase is code
    "              libxl__ev_fd_register: register event for monitoring suspend ", // seed 175, indented
    "",
  ])("reads %j as output or code", (line) => {
    expect(isProse(line)).toBe(false);
  });
});

describe("isCjkSentence", () => {
  it("tells the author's Chinese comment from a program's short localized message", () => {
    expect(isCjkSentence("是不是start也需要跟着改？")).toBe(true); // log200708.txt 170
    expect(isCjkSentence("这是由kernel/drivers/mtd/nand/s3c2410nd.c的bon_read_proc函数实现。")).toBe(true);
    expect(isCjkSentence("段错误")).toBe(false); // log200708.txt 313
    expect(isCjkSentence("口令：")).toBe(false); // log200708.txt 315
  });
});
