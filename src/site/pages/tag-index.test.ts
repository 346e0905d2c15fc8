import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTimeline } from "../../log/index.ts";
import { manyTagsLog } from "../../../test/fixtures/many-tags.ts";
import { tagIndex, tagTree, type TagIndex, type TagTreeNode } from "./tag-index.ts";
import { tagLinks, tagSummaries } from "./tags.ts";
import type { TagLink, TagSummary } from "./types.ts";

const SEED = "content/000_76b23a5250f26162.txt";
const CORPUS = ["log200708.txt", "log20100215.txt", "log201204novell.txt", "log2013.txt"].map((file) => `test/fixtures/corpus/${file}`);

function summariesOf(inputs: { file: string; bytes: Uint8Array }[]): TagSummary[] {
  const timeline = parseTimeline(inputs);
  return tagSummaries(timeline, tagLinks(timeline.tags.values()));
}
const read = (file: string) => ({ file, bytes: readFileSync(file) });
const seed = summariesOf([read(SEED)]);
const decadeSample = summariesOf([SEED, ...CORPUS].map(read));

const nodesOf = (node: TagTreeNode): TagTreeNode[] => [node, ...node.children.flatMap(nodesOf)];
/** Every tag the index lists in its topics and letters (the most used are listed again on top). */
function listed(index: TagIndex): TagLink[] {
  const topics = [...index.topics, ...index.moreTopics].flatMap((topic) => nodesOf(topic.node));
  return [...topics.flatMap((node) => [node.tag, ...node.once]), ...index.letters.flatMap((letter) => [...letter.tags, ...letter.once])];
}
const topic = (index: TagIndex, name: string) => [...index.topics, ...index.moreTopics].find((t) => t.node.tag.name === name);
const child = (node: TagTreeNode, name: string) => node.children.find((c) => c.tag.name === name)!;

describe("tagIndex", () => {
  it("reads virtualization › libvirt › xenlight from the seed's headers as a topic's tree", () => {
    const virtualization = topic(tagIndex(seed), "virtualization")!;
    const xenlight = child(child(virtualization.node, "libvirt"), "xenlight");
    expect(xenlight.tag.url).toBe("/tags/xenlight/");
    // add libxl api (2 entries) › domainInterfaceStats, domainBlockStats (1 each) in one line.
    expect(child(xenlight, "add libxl api").once.map((t) => t.name).sort()).toEqual(["domainBlockStats", "domainInterfaceStats"]);
  });

  it("lists every tag of the seed and the corpus once, in a topic or under its letter", () => {
    const index = tagIndex(decadeSample);
    const keys = listed(index).map((tag) => tag.key);
    expect(keys.length).toBe(decadeSample.length);
    expect(new Set(keys)).toEqual(new Set(decadeSample.map((tag) => tag.key)));
    expect(index.tagCount).toBe(decadeSample.length);
    expect(index.onceCount).toBe(decadeSample.filter((tag) => tag.count === 1).length);
  });

  it("makes a topic of a tag used more than once with narrower tags, largest first", () => {
    const index = tagIndex(decadeSample);
    const roots = index.topics.map((t) => t.node.tag);
    expect(roots.slice(0, 3).map((t) => t.name)).toEqual(["suse", "Linux", "嵌入式"]);
    for (const t of index.topics) expect(t.node.tag.count).toBeGreaterThan(1);
    expect(roots.map((t) => t.count)).toEqual(roots.map((t) => t.count).sort((a, b) => b - a));
    // suse › virtualization › libvirt › … : 37 tags under suse in the corpus.
    expect(topic(index, "suse")!.narrower).toBe(nodesOf(topic(index, "suse")!.node).reduce((n, node) => n + node.once.length + node.children.length, 0));
  });

  it("files a once-used header's tags by letter: one entry's path is not a topic", () => {
    // `FPGA, 下载, xilinx`, written once in 2007.
    const index = tagIndex(decadeSample);
    expect(topic(index, "FPGA")).toBeUndefined();
    const letter = (name: string) => index.letters.find((l) => l.once.some((t) => t.name === name))?.label;
    expect(["FPGA", "下载", "xilinx"].map(letter)).toEqual(["F", "X", "X"]);
  });

  it("lines up the tags used once under a tag instead of giving each a branch", () => {
    for (const t of tagIndex(decadeSample).topics) {
      for (const node of nodesOf(t.node)) {
        for (const once of node.once) expect(once.count).toBe(1);
        for (const c of node.children) expect(c.tag.count > 1 || c.children.length + c.once.length > 0).toBe(true);
      }
    }
  });

  it("shows the most used first, sized by use", () => {
    const { mostUsed } = tagIndex(decadeSample);
    expect(mostUsed.slice(0, 4).map((m) => m.tag.name)).toEqual(["virtualization", "suse", "libvirt", "xen"]);
    expect(mostUsed.length).toBe(40);
    expect(mostUsed[0]!.size).toBe(5);
    expect(mostUsed.at(-1)!.size).toBe(1);
    const sizes = mostUsed.map((m) => m.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(mostUsed.every((m) => m.tag.count > 1)).toBe(true);
  });

  it("gives an empty index for a log without tags", () => {
    expect(tagIndex([])).toEqual({ tagCount: 0, onceCount: 0, mostUsed: [], topics: [], moreTopics: [], letters: [] });
  });

  it("stays one link a tag at 6,000 tags, the smaller topics folded", () => {
    const many = summariesOf([{ file: "many-tags.log", bytes: Buffer.from(manyTagsLog(5300)) }]);
    expect(many.length).toBeGreaterThan(6000);
    const index = tagIndex(many);
    expect(listed(index).length).toBe(many.length);
    expect(index.topics.length).toBe(48);
    expect(index.moreTopics.length).toBeGreaterThan(0);
    expect(Math.min(...index.topics.map((t) => t.node.tag.count))).toBeGreaterThanOrEqual(Math.max(...index.moreTopics.map((t) => t.node.tag.count)));
  });
});

describe("tagTree", () => {
  const summary = (name: string, count: number, parent?: string): TagSummary => ({
    key: name,
    name,
    url: `/tags/${name}/`,
    count,
    slug: name,
    ancestors: parent ? [{ key: parent, name: parent, url: `/tags/${parent}/`, count: 0 }] : [],
    children: [],
    related: [],
  });

  it("cuts a cycle of parents at its most used tag, keeping every tag once", () => {
    // Parents come from header order, so two tags can each follow the other most of the time.
    const tags = [summary("a", 3, "b"), summary("b", 5, "c"), summary("c", 2, "a"), summary("d", 2, "c"), summary("e", 4)];
    const roots = tagTree(tags);
    expect(roots.map((r) => r.tag.name)).toEqual(["b", "e"]);
    expect(nodesOf(roots[0]!).map((n) => n.tag.name)).toEqual(["b", "a", "c", "d"]);
  });
});
