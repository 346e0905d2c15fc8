// Tags under their first letter, as an index at the back of a book: Latin tags by their letter
// without accents, Chinese tags by the pinyin initial of their first character (调试 under T, as
// a Chinese reader looks for it), other alphabets by their own first letter, and everything that
// starts with a digit or a symbol in one group at the end. Within a letter, tags sort by how
// they read, so `tiao shi` (调试) falls between `text editor` and `tlb`.

import { createRequire } from "node:module";
import type { TagLink } from "./types.ts";

/** More tags used once than this under one letter are folded; fewer read in passing. */
export const ONCE_SHOWN = 12;

export interface TagLetter {
  /** The fragment the jump list links to: `tags-a`, `tags-other`. */
  id: string;
  /** What the jump list and the heading show: `A`, `Ж`, `#`. */
  label: string;
  /** The label spelled out for a screen reader where the symbol says little. */
  name: string;
  /** Tags used more than once, in reading order. */
  tags: TagLink[];
  /** Tags used once, in reading order. */
  once: TagLink[];
  /** More than ONCE_SHOWN of them: folded. */
  onceFolded: boolean;
}

/** The group after every letter: names that start with a digit, a symbol or nothing readable. */
export const OTHER: Pick<TagLetter, "id" | "label" | "name"> = { id: "tags-other", label: "#", name: "Digits and symbols" };

const HAN = /^\p{Script=Han}/u;
const LETTER = /^\p{L}/u;

type Pinyin = typeof import("pinyin-pro").pinyin;
let pinyinOf: Pinyin | undefined;
/**
 * pinyin-pro reads a character in its word (调试 tiáoshì, not diào; 长城 cháng, not zhǎng), which
 * ICU's pinyin collation cannot. Its dictionary takes ~45 ms to load, so a log without Chinese
 * tags never loads it: required on first use rather than imported.
 */
function pinyin(): Pinyin {
  pinyinOf ??= (createRequire(import.meta.url)("pinyin-pro") as typeof import("pinyin-pro")).pinyin;
  return pinyinOf;
}

export interface TagReading {
  /** The group's label: `A`–`Z`, another alphabet's capital, or `#`. */
  initial: string;
  /** What the name sorts by: the name itself, with Chinese characters as toneless pinyin. */
  key: string;
}

export function readingOf(name: string): TagReading {
  const text = name.normalize("NFKC").trim();
  if (HAN.test(text)) {
    const key = pinyin()(text, { toneType: "none", nonZh: "consecutive" });
    const first = key[0]?.toUpperCase() ?? "";
    return { initial: /^[A-Z]$/.test(first) ? first : OTHER.label, key };
  }
  if (!LETTER.test(text)) return { initial: OTHER.label, key: text };
  // `Émile` under E, `ａｒｍ` (full width, folded by NFKC) under A.
  const first = String.fromCodePoint(text.codePointAt(0)!).normalize("NFD").replace(/\p{M}+/gu, "").toUpperCase();
  return { initial: first.slice(0, 1) || OTHER.label, key: text };
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** Letter groups in order (A–Z, then other alphabets, then `#`), only those with tags. */
export function tagLetters(tags: Iterable<TagLink>): TagLetter[] {
  const groups = new Map<string, { tag: TagLink; key: string }[]>();
  for (const tag of tags) {
    const { initial, key } = readingOf(tag.name);
    const group = groups.get(initial) ?? [];
    group.push({ tag, key });
    groups.set(initial, group);
  }
  const rank = (label: string) => (label === OTHER.label ? 2 : /^[A-Z]$/.test(label) ? 0 : 1);
  const labels = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return labels.map((label) => {
    const sorted = groups
      .get(label)!
      .sort((a, b) => collator.compare(a.key, b.key) || (a.tag.name < b.tag.name ? -1 : a.tag.name > b.tag.name ? 1 : 0))
      .map((item) => item.tag);
    const head = label === OTHER.label ? OTHER : { id: `tags-${label.toLowerCase()}`, label, name: label };
    const once = sorted.filter((tag) => tag.count <= 1);
    return { ...head, tags: sorted.filter((tag) => tag.count > 1), once, onceFolded: once.length > ONCE_SHOWN };
  });
}
