import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRedaction, DEFAULT_MASK, RedactConfigError, redactText, type RedactOptions } from "./redact.ts";

const M = DEFAULT_MASK;
const seed = readFileSync(new URL("../../content/000_76b23a5250f26162.txt", import.meta.url), "utf8");

function redact(text: string, options: RedactOptions) {
  return redactText(text, compileRedaction(options));
}

describe("presets on real lines", () => {
  it.each([
    // seed line 90 and 272, corpus lines (log200708.txt 333, log201204novell.txt 612, 699, 1137)
    [
      "qemu-dm -d 1 -domain-name sles11_hvm_10 -vnc 127.0.0.1:0 -serial pty",
      ["ipv4"],
      `qemu-dm -d 1 -domain-name sles11_hvm_10 -vnc ${M}:0 -serial pty`,
    ],
    [
      "mount.nfs 147.2.207.77:/home/bamvor/sda3/home sda3/home/ -v",
      ["ipv4"],
      `mount.nfs ${M}:/home/bamvor/sda3/home sda3/home/ -v`,
    ],
    [
      "[root@Imote2-26 tosmac]#./gdbserver6.6 192.168.99.100:2345 --attach 1330",
      ["ipv4"],
      `[root@Imote2-26 tosmac]#./gdbserver6.6 ${M}:2345 --attach 1330`,
    ],
    [
      "--dhcp-range 192.168.122.2,192.168.122.254 --dhcp-leasefile=/var/lib/libvirt/dnsmasq/default.leases",
      ["ipv4"],
      `--dhcp-range ${M},${M} --dhcp-leasefile=/var/lib/libvirt/dnsmasq/default.leases`,
    ],
    // log2013.txt line 362: a tracking parameter shaped like an address with a leading zero
    [
      "http://item.taobao.com/item.htm?spm=a230r.1.10.34.05Y970&id=16328381371",
      ["ipv4"],
      `http://item.taobao.com/item.htm?spm=a230r.${M}Y970&id=16328381371`,
    ],
    ["2), GSoC: register with bjzhang@suse.com", ["email"], `2), GSoC: register with ${M}`],
    [
      '1, "Robert Schweikert <rjschwei@suse.com>"mail"[opensuse-project] GSoC mentors"20120413_1005',
      ["email"],
      `1, "Robert Schweikert <${M}>"mail"[opensuse-project] GSoC mentors"20120413_1005`,
    ],
    ["inet6 addr: fe80::5054:ff:fe1b:f614/64 Scope:Link", ["ipv6"], `inet6 addr: ${M}/64 Scope:Link`],
    ["ping6 2001:db8:0:0:1:0:0:1 -c 3", ["ipv6"], `ping6 ${M} -c 3`],
    ["ssh root@[::ffff:192.0.2.128] and fe80::1%eth0.", ["ipv6"], `ssh root@[${M}] and ${M}.`],
  ] as const)("%s", (line, rules, expected) => {
    const result = redact(line, { rules: [...rules] });
    expect(result.text).toBe(expected);
    expect(result.count).toBe(expected.split(M).length - 1);
  });

  it.each([
    "0, 9:40-11:44 13:51-18:18", // plan hours
    "-          bridge     br0        -           00:16:3e:01:88:54", // a MAC address
    "Mon Apr 16 07:16:00 UTC 2012 - someone", // a clock time
    "std::vector<int> v; Foo::bar(); ::global(); usage ::", // C++ scopes are not addresses
    "38:0A:8B:21:73:2B:72:1B:94:97:B0:E2:4D:CC:DE:3C:FC:CF:03:E9", // a fingerprint
    "bamvor@linux-bjrd:~> cat bin/git_diff_wrapper", // a prompt, not an e-mail address
    "virtualization, libvirt, 1.0.0 release; localization",
    "xen-4.1.2-testing/tools/ioemu-dir/hw/xen_disk.c:778",
    "10.0.0.256 is no address",
  ])("leaves %s alone", (line) => {
    const result = redact(line, { rules: ["ipv4", "ipv6", "email"] });
    expect(result).toEqual({ text: line, count: 0 });
  });
});

describe("names", () => {
  it("masks whole words in any case, never parts of words", () => {
    // seed lines 150 and 161
    const text = [
      "1), Chunyan her api status. about BlockPeek: from her work report",
      "1), \\TODO: discuss with Jim and Chunyan for xenlight event lock(similar to qemu monitor lock), 在适当的时候.",
      "JIM, jimmy and Jim's notes; chunyan-patch",
    ].join("\n");
    const result = redact(text, { names: ["Chunyan", "jim"] });
    expect(result.text).toBe(
      [
        `1), ${M} her api status. about BlockPeek: from her work report`,
        `1), \\TODO: discuss with ${M} and ${M} for xenlight event lock(similar to qemu monitor lock), 在适当的时候.`,
        `${M}, jimmy and ${M}'s notes; ${M}-patch`,
      ].join("\n"),
    );
    expect(result.count).toBe(6);
  });

  it("matches a two-word name across any spacing and a Chinese name inside a sentence", () => {
    const result = redact("3, Lin Ma\nLin  Ma and 张三说的", { names: ["Lin Ma", "张三"] });
    expect(result.text).toBe(`3, ${M}\n${M} and ${M}说的`);
  });

  it("takes regular-expression characters in a name literally", () => {
    const result = redact("C++ and C+ and Cxx", { names: ["C++"] });
    expect(result.text).toBe(`${M} and C+ and Cxx`);
  });
});

describe("the author's patterns", () => {
  it("applies flags, and masks no empty match", () => {
    const result = redact("Project FOO-123, project foo-9\nbar", {
      rules: [{ pattern: "project\\s+\\w+-\\d+", flags: "i" }, { pattern: "x*" }],
    });
    expect(result.text).toBe(`${M}, ${M}\nbar`);
    expect(result.count).toBe(2);
  });

  it("uses the configured mask", () => {
    expect(redact("ip 10.1.2.3", { rules: ["ipv4"], mask: "[redacted]" }).text).toBe("ip [redacted]");
  });

  it("never moves a line, whatever the pattern and line ends", () => {
    const text = "a\r\nb 10.0.0.1\rc\n\nd";
    const result = redact(text, { rules: [{ pattern: "[\\s\\S]+" }] });
    expect(result.text).toBe(`${M}\r\n${M}\r${M}\n\n${M}`);
  });

  it("spares the lines the caller keeps", () => {
    const result = redactText("16:52 2012-11-06\nat 2012-11-06", compileRedaction({ rules: [{ pattern: "\\d{4}-\\d\\d-\\d\\d" }] }), (line) =>
      /^\d{1,2}:\d\d /.test(line),
    );
    expect(result.text).toBe(`16:52 2012-11-06\nat ${M}`);
  });
});

describe("configuration errors name the key", () => {
  it.each([
    [{ rules: [{ pattern: "(" }] }, /^redact\[0\]: /],
    [{ rules: ["ipv4", "phone" as "ipv4"] }, /^redact\[1\]: unknown preset "phone"/],
    [{ rules: [{ pattern: "a", flags: "z" }] }, /^redact\[0\]: /],
    [{ mask: "a\nb" }, /^mask: /],
  ] as [RedactOptions, RegExp][])("%j", (options, message) => {
    expect(() => compileRedaction(options)).toThrow(RedactConfigError);
    expect(() => compileRedaction(options)).toThrow(message);
  });
});

describe("the seed", () => {
  const redaction = compileRedaction({ rules: ["ipv4", "ipv6", "email"], names: ["Jim", "Chunyan", "Jiaju", "Lin Ma"] });
  const result = redactText(seed, redaction);

  it("keeps every line in place and masks exactly the private words", () => {
    const before = seed.split("\n");
    const after = result.text.split("\n");
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [i + 1]));
    // 90: 127.0.0.1; 119: jiaju; 150: Chunyan; 153: Jiaju; 161: Jim, Chunyan; 192: Jim;
    // 223, 271: 147.2.207.77 (the mount.nfs transcript); 27, 28: Lin Ma, Jim
    const expectedLines = before.flatMap((line, i) =>
      /127\.0\.0\.1|147\.2\.207\.77|\b(jim|chunyan|jiaju|lin ma)\b/i.test(line) ? [i + 1] : [],
    );
    expect(changed).toEqual(expectedLines);
    expect(result.text).not.toMatch(/\b(jim|chunyan|jiaju)\b|147\.2\.207\.77|127\.0\.0\.1/i);
    expect(result.count).toBe(result.text.split(M).length - 1);
  });
});

describe("properties", () => {
  const redaction = compileRedaction({ rules: ["ipv4", "ipv6", "email", { pattern: "[aeiou]+" }], names: ["bob"] });

  it("keeps the number of lines and every line end", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite" }), fc.array(fc.constantFrom("\n", "\r\n", "\r")), (body, ends) => {
        const text = body + ends.join("");
        const out = redactText(text, redaction).text;
        expect(out.match(/\r\n|\n|\r/g) ?? []).toEqual(text.match(/\r\n|\n|\r/g) ?? []);
      }),
    );
  });

  it("masks every address it is shown", () => {
    const presets = compileRedaction({ rules: ["ipv4", "ipv6", "email"] });
    fc.assert(
      // `::` (the unspecified address) tells nothing about anyone and is left alone.
      fc.property(fc.ipV4(), fc.ipV6().filter((a) => a !== "::"), fc.emailAddress(), (v4, v6, email) => {
        const text = `a ${v4} b ${v6} c ${email} d`;
        const out = redactText(text, presets).text;
        expect(out).not.toContain(v4);
        expect(out).not.toContain(v6);
        expect(out).not.toContain(email);
      }),
    );
  });
});
