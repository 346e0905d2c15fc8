// The tags index, `/tags/`, for a log of thousands of tags: the most used first, the
// general-to-specific hierarchy of the headers (`virtualization › libvirt › xenlight`) as a
// tree of topics, and every other tag under its first letter (tag-letters.ts), tags used once
// folded away. Each tag is listed once in the topics or the letters, so the page grows by one
// link a tag; the most used are shown a second time at the top.

import { ONCE_SHOWN, tagLetters, type TagLetter } from "./tag-letters.ts";
import { byCountThenName, topTags } from "./tags.ts";
import type { TagLink, TagSummary } from "./types.ts";

const MOST_USED_COUNT = 40;
/** Topics shown before the rest are folded: whole rows in the one to three columns the page lays them in. */
const TOPICS_SHOWN = 48;
const SIZES = 5;

export interface SizedTag {
  tag: TagLink;
  /** 1 (least used of the shown) to 5 (most used), on a log scale: a class, not a style. */
  size: number;
}

export interface TagTreeNode {
  tag: TagLink;
  /** Narrower tags that are used more than once or have narrower tags of their own, most used first. */
  children: TagTreeNode[];
  /** Narrower tags used once that have none of their own: one line, not a branch each. */
  once: TagLink[];
  /** More than ONCE_SHOWN of them: folded. */
  onceFolded: boolean;
}

/** A top-level tag with narrower tags, used more than once: a branch of the tree. */
export interface TagTopic {
  node: TagTreeNode;
  /** Tags under the top-level tag, all levels. */
  narrower: number;
}

export interface TagIndex {
  tagCount: number;
  onceCount: number;
  mostUsed: SizedTag[];
  /** Largest first: the TOPICS_SHOWN largest. */
  topics: TagTopic[];
  /** The smaller topics, folded. */
  moreTopics: TagTopic[];
  /** Every tag not in a topic. */
  letters: TagLetter[];
}

export function tagIndex(tags: readonly TagSummary[]): TagIndex {
  const roots = tagTree(tags);
  const topics: TagTopic[] = [];
  const rest: TagLink[] = [];
  for (const root of roots) {
    const narrower = countNarrower(root);
    // A once-used tag's narrower tags are used once too (each follows it in most of its
    // entries): such a branch is one entry's header, not a topic, and its tags go by letter.
    if (narrower > 0 && root.tag.count > 1) topics.push({ node: root, narrower });
    else rest.push(...tagsOf(root));
  }
  return {
    tagCount: tags.length,
    onceCount: tags.filter((tag) => tag.count <= 1).length,
    mostUsed: sized(topTags(tags, MOST_USED_COUNT).filter((tag) => tag.count > 1)),
    topics: topics.slice(0, TOPICS_SHOWN),
    moreTopics: topics.slice(TOPICS_SHOWN),
    letters: tagLetters(rest),
  };
}

/**
 * Every tag in a tree under its broader tag (the last of its `ancestors`), the top-level tags
 * most used first. The parents come from how headers are written, so nothing stops two tags
 * from being each other's parent: a cycle is cut at its most used tag, which becomes top-level.
 */
export function tagTree(tags: readonly TagSummary[]): TagTreeNode[] {
  const byKey = new Map(tags.map((tag) => [tag.key, tag]));
  const parentOf = new Map<string, string>();
  const childrenOf = new Map<string, TagSummary[]>();
  for (const tag of tags) {
    const parent = tag.ancestors.at(-1)?.key;
    if (parent === undefined || parent === tag.key || !byKey.has(parent)) continue;
    parentOf.set(tag.key, parent);
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(tag);
    childrenOf.set(parent, siblings);
  }
  const placed = new Set<string>();
  const grow = (tag: TagSummary): TagTreeNode => {
    placed.add(tag.key);
    const node: TagTreeNode = { tag, children: [], once: [], onceFolded: false };
    for (const child of (childrenOf.get(tag.key) ?? []).sort(byCountThenName)) {
      if (placed.has(child.key)) continue; // the tag a cycle was cut at
      const grown = grow(child);
      if (grown.tag.count <= 1 && grown.children.length === 0 && grown.once.length === 0) node.once.push(grown.tag);
      else node.children.push(grown);
    }
    node.onceFolded = node.once.length > ONCE_SHOWN;
    return node;
  };

  const ordered = [...tags].sort(byCountThenName);
  const roots = ordered.filter((tag) => !parentOf.has(tag.key)).map(grow);
  for (const tag of ordered) {
    if (placed.has(tag.key)) continue;
    // Not under any top-level tag: in a cycle of parents, or under one.
    const cycle: TagSummary[] = [];
    const seen = new Set<string>();
    for (let key: string | undefined = tag.key; key !== undefined && !seen.has(key); key = parentOf.get(key)) {
      seen.add(key);
      cycle.push(byKey.get(key)!);
    }
    const back = parentOf.get(cycle.at(-1)!.key)!;
    const top = cycle.slice(cycle.findIndex((t) => t.key === back)).sort(byCountThenName)[0]!;
    roots.push(grow(top));
  }
  return roots.sort((a, b) => byCountThenName(a.tag, b.tag));
}

function countNarrower(node: TagTreeNode): number {
  return node.once.length + node.children.reduce((sum, child) => sum + 1 + countNarrower(child), 0);
}

function tagsOf(node: TagTreeNode): TagLink[] {
  return [node.tag, ...node.once, ...node.children.flatMap(tagsOf)];
}

/** Sizes on a log scale between the least and the most used shown: a few large, most small. */
function sized(tags: TagLink[]): SizedTag[] {
  const counts = tags.map((tag) => tag.count);
  const low = Math.log(Math.min(...counts));
  const span = Math.log(Math.max(...counts)) - low;
  return tags.map((tag) => ({ tag, size: span > 0 ? 1 + Math.round(((Math.log(tag.count) - low) / span) * (SIZES - 1)) : 1 }));
}
