import { describe, expect, it } from "vitest";
import { freeSlug, slugify } from "./slug.ts";

describe("slugify", () => {
  it.each([
    ["arm Server", "arm-server"],
    ["1.0.0 release", "1-0-0-release"],
    ["regular meeting: US / China Virtualization Sync", "regular-meeting-us-china-virtualization-sync"],
    ["virsh attach-disk sles11_hvm_10 /dev/sdb1 sda", "virsh-attach-disk-sles11-hvm-10-dev-sdb1-sda"],
    ["远峰开发板学习（续）", "远峰开发板学习-续"],
    ["嵌入式", "嵌入式"],
    ["read migration(domain suspend) in xen upstream", "read-migration-domain-suspend-in-xen-upstream"],
    ["  ---  ", ""],
    ["Cafe\u0301", "café"],
  ])("%s → %s", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("cuts at 60 characters on a word boundary", () => {
    const slug = slugify("a very long title that goes on and on about the xenlight event lock in libvirt");
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe("a-very-long-title-that-goes-on-and-on-about-the-xenlight");
  });

  it("cuts a single long word hard", () => {
    expect(slugify("x".repeat(80))).toBe("x".repeat(60));
  });
});

describe("freeSlug", () => {
  it("keeps a free slug and numbers a taken one from 2", () => {
    expect(freeSlug("xenlight", new Set())).toBe("xenlight");
    expect(freeSlug("xenlight", new Set(["xenlight"]))).toBe("xenlight-2");
    expect(freeSlug("xenlight", new Map([["xenlight", 1], ["xenlight-2", 2]]))).toBe("xenlight-3");
  });
});
