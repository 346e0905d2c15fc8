import { describe, expect, it } from "vitest";
import { ONCE_SHOWN, OTHER, readingOf, tagLetters } from "./tag-letters.ts";
import type { TagLink } from "./types.ts";

const tag = (name: string, count = 2): TagLink => ({ key: name.toLowerCase(), name, url: `/tags/${name}/`, count });
const initial = (name: string) => readingOf(name).initial;

describe("readingOf", () => {
  it("files Latin tags under their letter, accents and full-width forms folded", () => {
    expect(["virtualization", "arm Server", "Émile", "ａｒｍ", "xenlight"].map(initial)).toEqual(["V", "A", "E", "A", "X"]);
  });

  it("files Chinese tags under the pinyin initial of the first character as read in its word", () => {
    // Tags of the corpus, and characters with two readings ICU's pinyin collation gets wrong here:
    // 调试 is tiáoshì (not diào), 长城 cháng (not zhǎng), 重庆 chóng, 乐器 yuè.
    expect(["嵌入式", "远峰开发板学习", "待做", "网址", "u-boot移植"].map(initial)).toEqual(["Q", "Y", "D", "W", "U"]);
    expect(["调试", "长城宽带", "重庆", "乐器"].map(initial)).toEqual(["T", "C", "C", "Y"]);
  });

  it("puts tags led by a digit or a symbol in one group", () => {
    // `1.0.0 release` and `8064` are the seed's and corpus' own; the rest are header debris.
    expect(["1.0.0 release", "8064", "169$", "#define", "(续)", "“quoted”", "***", ""].map(initial)).toEqual(Array(8).fill(OTHER.label));
  });

  it("gives another alphabet its own letter", () => {
    expect(initial("Жук")).toBe("Ж");
  });

  it("sorts Chinese by its pinyin", () => {
    expect(readingOf("调试").key).toBe("tiao shi");
  });
});

describe("tagLetters", () => {
  it("orders the letters A–Z, then other alphabets, then digits and symbols last", () => {
    const letters = tagLetters(["8064", "xen", "Жук", "调试", "arm", "1.0.0 release", "嵌入式"].map((name) => tag(name)));
    expect(letters.map((l) => l.label)).toEqual(["A", "Q", "T", "X", "Ж", "#"]);
    expect(letters.map((l) => l.id)).toEqual(["tags-a", "tags-q", "tags-t", "tags-x", "tags-ж", "tags-other"]);
    expect(letters.at(-1)!.name).toBe("Digits and symbols");
  });

  it("sorts a letter's tags by how they read, Chinese among Latin by pinyin", () => {
    const [t] = tagLetters(["调试", "text editor", "T9200", "汤姆森面试"].map((name) => tag(name)));
    expect(t!.tags.map((x) => x.name)).toEqual(["T9200", "汤姆森面试", "text editor", "调试"]);
    const [other] = tagLetters(["169$", "30", "1page=512Byte", "8064"].map((name) => tag(name)));
    expect(other!.tags.map((x) => x.name)).toEqual(["1page=512Byte", "30", "169$", "8064"]);
  });

  it("keeps the tags used once apart, folded when there are more than a handful", () => {
    const few = tagLetters([tag("debug", 4), tag("doc", 1), tag("devel-server", 1)]);
    expect(few[0]).toMatchObject({ tags: [{ name: "debug" }], once: [{ name: "devel-server" }, { name: "doc" }], onceFolded: false });
    const many = tagLetters(Array.from({ length: ONCE_SHOWN + 1 }, (_, i) => tag(`d${i}`, 1)));
    expect(many[0]!.onceFolded).toBe(true);
    expect(many[0]!.tags).toEqual([]);
  });
});
