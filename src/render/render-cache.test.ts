import { appendFile, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseTimeline } from "../log/index.ts";
import type { Timeline } from "../log/types.ts";
import { createRenderer, type Renderer } from "./index.ts";
import { openRenderCache, type RenderCacheMemory } from "./render-cache.ts";

const seedPath = path.resolve(import.meta.dirname, "../../content/000_76b23a5250f26162.txt");
const seed = await readFile(seedPath, "utf8");

function timelineOf(text: string): Timeline {
  return parseTimeline([{ file: "seed.txt", bytes: new TextEncoder().encode(text) }]);
}

/** The renderer with its real output, counting the entries it renders. */
function counting(renderer: Renderer): { renderer: Renderer; rendered: string[] } {
  const rendered: string[] = [];
  const wrapped = Object.create(renderer) as Renderer;
  wrapped.renderEntry = (entry, timeline) => {
    rendered.push(entry.id);
    return renderer.renderEntry(entry, timeline);
  };
  return { renderer: wrapped, rendered };
}

/** Renders every entry through a cache in `dir`, saves it, and says which entries were rendered. */
async function build(dir: string, timeline: Timeline, renderer?: Renderer, memory?: RenderCacheMemory) {
  const count = counting(renderer ?? (await createRenderer()));
  const cache = await openRenderCache(count.renderer, dir, memory);
  const bodies = new Map<string, string>();
  for (const entry of timeline.entries) bodies.set(entry.id, await cache.render(entry, timeline));
  await cache.save();
  return { bodies, rendered: count.rendered, stats: cache.stats, css: count.renderer.css };
}

describe("render cache", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "dotlog-render-cache-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const timeline = timelineOf(seed);

  it("renders nothing again for an unchanged log, with the same HTML and the same stylesheet", async () => {
    const cold = await build(dir, timeline);
    expect(cold.rendered).toHaveLength(timeline.entries.length);
    const warm = await build(dir, timeline);
    expect(warm.rendered).toEqual([]);
    expect(warm.stats.hits).toBe(timeline.entries.length);
    expect(warm.bodies).toEqual(cold.bodies);
    expect(warm.css).toBe(cold.css);
    expect(warm.css).toMatch(/\.dl-t-[0-9a-z]+\{--shiki-light:/);
  });

  it("writes a file of several megabytes whole (in pieces) and serves every body of it back", async () => {
    const renderer = await createRenderer();
    // Bodies of ~130 KB each: the file is written a megabyte at a time.
    const large = Object.create(renderer) as Renderer;
    large.renderEntry = async (entry, t) => `${await renderer.renderEntry(entry, t)}<!--${entry.id.repeat(8000)}-->`;
    const cold = await build(dir, timeline, large);
    expect((await stat(path.join(dir, "bodies.ndjson"))).size).toBeGreaterThan(2 * 2 ** 20);
    const warm = await build(dir, timeline, large);
    expect(warm.rendered).toEqual([]);
    expect(warm.stats).toMatchObject({ hits: timeline.entries.length, misses: 0, dropped: 0 });
    expect(warm.bodies).toEqual(cold.bodies);
  });

  it("renders an entry again when its text changes, and only that entry", async () => {
    await build(dir, timeline);
    const edited = timelineOf(seed.replace("but there is not vif in xenlight", "but there is no vif in xenlight"));
    const changed = edited.entries.find((entry) => entry.raw.includes("there is no vif"))!;
    const warm = await build(dir, edited);
    expect(warm.rendered).toEqual([changed.id]);
    expect(warm.bodies.get(changed.id)).toContain("there is no vif");
  });

  it("renders the entries that refer to an entry whose title changed (the link's tooltip is its title)", async () => {
    await build(dir, timeline);
    const target = timeline.entries.find((entry) => entry.raw.startsWith("16:38 2012-11-01"))!;
    const referrers = timeline.entries.filter((entry) => entry.references.some((r) => r.resolved === target.id)).map((e) => e.id);
    expect(referrers.length).toBeGreaterThan(0);
    const edited = timelineOf(seed.replace("add libxl api, cont1, domainInterfaceStats", "add libxl api, cont1, domainInterfaceStatistics"));
    const warm = await build(dir, edited);
    expect(new Set(warm.rendered)).toEqual(new Set([target.id, ...referrers]));
    expect(warm.bodies.get(referrers[0]!)).toContain('title="domainInterfaceStatistics"');
  });

  it("renders an entry again when only the merge changed it: another file's entry of the same minute makes its id `-2`", async () => {
    await build(dir, timeline);
    const target = timeline.entries.find((entry) => entry.raw.startsWith("16:38 2012-11-01"))!;
    const earlier = { file: "0.txt", bytes: new TextEncoder().encode(".LOG\n16:38 2012-11-01\ncommunity, linaro, arm Server\n") };
    const merged = parseTimeline([earlier, { file: "seed.txt", bytes: new TextEncoder().encode(seed) }]);
    const moved = merged.entries.find((entry) => entry.file === "seed.txt" && entry.line === target.line)!;
    expect(moved.id).toBe(`${target.id}-2`);
    expect(moved.digest).toBe(target.digest);
    const warm = await build(dir, merged);
    // It, the new entry, and the entries whose links now resolve to the new entry (the minute's first).
    expect(warm.rendered).toContain(moved.id);
    expect(warm.rendered).toContain(target.id);
    expect(warm.rendered.length).toBeLessThan(merged.entries.length / 2);
  });

  it("renders everything again for another renderer (themes here; a code change alters the same identity)", async () => {
    await build(dir, timeline);
    const other = await build(dir, timeline, await createRenderer({ lightTheme: "min-light" }));
    expect(other.rendered).toHaveLength(timeline.entries.length);
    // Every body, and the record of token-class styles.
    expect(other.stats.dropped).toBe(timeline.entries.length + 1);
  });

  it("never serves a damaged record: that entry renders again and its HTML is right", async () => {
    const cold = await build(dir, timeline);
    const file = path.join(dir, "bodies.ndjson");
    const lines = (await readFile(file, "utf8")).split("\n");
    const victim = timeline.entries[3]!;
    const index = lines.findIndex((line) => line.includes(JSON.stringify(cold.bodies.get(victim.id)!).slice(1, 60)));
    expect(index).toBeGreaterThan(1);
    lines[index] = lines[index]!.replace("log-body", "log-bodY");
    lines.push('["truncated", "recor');
    await writeFile(file, lines.join("\n"));
    const warm = await build(dir, timeline);
    expect(warm.rendered).toEqual([victim.id]);
    expect(warm.stats.dropped).toBe(2);
    expect(warm.bodies).toEqual(cold.bodies);
  });

  it("never serves a body whose token classes lost their styles: those entries render again", async () => {
    const cold = await build(dir, timeline);
    const file = path.join(dir, "bodies.ndjson");
    const lines = (await readFile(file, "utf8")).split("\n");
    expect(lines[1]).toMatch(/^\["s",.*--shiki-light:#/);
    lines[1] = lines[1]!.replace(/--shiki-light:#[0-9a-fA-F]/, "--shiki-light:#z");
    await writeFile(file, lines.join("\n"));
    const highlighted = timeline.entries.filter((entry) => /\bdl-t-/.test(cold.bodies.get(entry.id)!)).map((entry) => entry.id);
    expect(highlighted.length).toBeGreaterThan(0);
    const warm = await build(dir, timeline);
    expect(warm.rendered).toEqual(highlighted);
    expect(warm.bodies).toEqual(cold.bodies);
    expect(warm.css).toBe(cold.css);
  });

  it("leaves the file as it is when a build rendered nothing, and appends what a build rendered", async () => {
    const file = path.join(dir, "bodies.ndjson");
    const cold = await build(dir, timeline);
    const written = await stat(file);
    const text = await readFile(file, "utf8");
    const warm = await build(dir, timeline);
    expect(warm.rendered).toEqual([]);
    const kept = await stat(file);
    expect([kept.ino, kept.mtimeMs]).toEqual([written.ino, written.mtimeMs]);

    // A build without the last entry leaves its body in the file (one of 18 unused), and it is
    // served when the entry is back.
    const shorter = timelineOf(seed.slice(0, seed.lastIndexOf(timeline.entries.at(-1)!.raw)));
    expect(shorter.entries.length).toBe(timeline.entries.length - 1);
    expect((await build(dir, shorter)).rendered).toEqual([]);
    expect(await readFile(file, "utf8")).toBe(text);
    expect((await build(dir, timeline)).rendered).toEqual([]);

    // An edited entry: its new body is appended to the file in place, and served next time.
    const edited = timelineOf(seed.replace("but there is not vif in xenlight", "but there is no vif in xenlight"));
    const again = await build(dir, edited);
    expect(again.rendered).toHaveLength(1);
    const appended = await readFile(file, "utf8");
    expect(appended.startsWith(text)).toBe(true);
    expect(appended.slice(text.length).split("\n")).toEqual([expect.stringMatching(/^\["b",.*there is no vif/), ""]);
    expect((await stat(file)).ino).toBe(written.ino);
    const served = await build(dir, edited);
    expect(served.rendered).toEqual([]);
    expect(served.bodies).toEqual(again.bodies);
    expect(served.bodies).not.toEqual(cold.bodies);
  });

  it("writes the file anew, with only the bodies used, when more than an eighth of it went unused", async () => {
    const file = path.join(dir, "bodies.ndjson");
    await build(dir, timeline);
    // Three entries edited: 3 of 18 bodies unused (more than an eighth).
    let text = seed;
    for (const [from, to] of [["but there is not vif in xenlight", "but there is no vif in xenlight"], ["domainInterfaceStats", "domainInterfaceStatistics"], ["write a blog for this.", "write a blog post for this."]] as const) {
      expect(text.includes(from)).toBe(true);
      text = text.replace(from, to);
    }
    const edited = timelineOf(text);
    const run = await build(dir, edited);
    expect(run.rendered.length).toBeGreaterThanOrEqual(3);
    const lines = (await readFile(file, "utf8")).split("\n");
    // Header, styles, one body a used entry, and the final newline.
    expect(lines.length).toBe(2 + edited.entries.length + 1);
    expect((await build(dir, edited)).rendered).toEqual([]);
  });

  it("never serves a body another renderer appended to the file", async () => {
    const other = path.join(dir, "other");
    // An entry without highlighted code: its body has no token class whose style could be missing.
    const edited = timelineOf(seed.replace("domainMemoryPeek: not support in xenlight", "domainMemoryPeek: not supported in xenlight"));
    await build(dir, timeline);
    const minLight = await createRenderer({ lightTheme: "min-light" });
    await build(other, timeline, minLight);
    await build(other, edited, minLight);
    // The other renderer's record of the edited entry, appended to this renderer's file.
    const foreign = (await readFile(path.join(other, "bodies.ndjson"), "utf8")).split("\n").filter((line) => line.includes("not supported in xenlight"));
    expect(foreign).toHaveLength(1);
    await appendFile(path.join(dir, "bodies.ndjson"), `${foreign[0]}\n`);
    const run = await build(dir, edited);
    expect(foreign[0]).not.toMatch(/dl-t-/);
    // The edited entry, and the entry whose link to it shows its title.
    expect(run.rendered.sort()).toEqual(["2012-11-07T12:52", "2012-11-07T15:16"]);
    expect(run.stats.dropped).toBe(1);
  });

  it("drops a record cut short (a build stopped while appending) and writes the file whole again", async () => {
    const file = path.join(dir, "bodies.ndjson");
    const cold = await build(dir, timeline);
    const text = await readFile(file, "utf8");
    await writeFile(file, `${text}["b","cut`);
    const warm = await build(dir, timeline);
    expect([warm.rendered, warm.stats.dropped]).toEqual([[], 1]);
    expect(warm.bodies).toEqual(cold.bodies);
    expect(await readFile(file, "utf8")).toBe(text);
  });

  it("starts cold from a file that is not a cache at all", async () => {
    await writeFile(path.join(dir, "bodies.ndjson"), "\u0000garbage");
    const warm = await build(dir, timeline);
    expect(warm.rendered).toHaveLength(timeline.entries.length);
  });

  it("in a process that keeps its memory (the dev server), takes the bodies from it while the file is as it left it", async () => {
    const memory: RenderCacheMemory = {};
    const cold = await build(dir, timeline, undefined, memory);
    const file = path.join(dir, "bodies.ndjson");
    // A time a file can be given back exactly (whole seconds); the build after reads the file again.
    const time = new Date(2020, 0, 1);
    await utimes(file, time, time);
    expect((await build(dir, timeline, undefined, memory)).rendered).toEqual([]);
    // Bytes of the same size and time: a build that read the file would find no body in them.
    await writeFile(file, "x".repeat((await stat(file)).size));
    await utimes(file, time, time);
    const kept = await build(dir, timeline, undefined, memory);
    expect(kept.rendered).toEqual([]);
    expect(kept.bodies).toEqual(cold.bodies);
    expect(kept.css).toBe(cold.css);
    // Changed by anyone else (here: its time), the file is read again.
    await utimes(file, new Date(), new Date());
    const read = await build(dir, timeline, undefined, memory);
    expect(read.rendered).toHaveLength(timeline.entries.length);
  });

  it("keeps in memory what it appended and what it wrote whole, as a build reading the file would find it", async () => {
    const memory: RenderCacheMemory = {};
    await build(dir, timeline, undefined, memory);
    const edited = timelineOf(seed.replace("but there is not vif in xenlight", "but there is no vif in xenlight"));
    expect((await build(dir, edited, undefined, memory)).rendered).toHaveLength(1);
    const both = [timeline, edited];
    for (const each of both) {
      const kept = await build(dir, each, undefined, memory);
      expect(kept.rendered).toEqual([]);
      expect(kept.bodies).toEqual((await build(dir, each)).bodies);
    }
    // Another renderer writes the file whole: what it kept is its bodies alone.
    const other = await createRenderer({ lightTheme: "min-light" });
    await build(dir, timeline, other, memory);
    expect((await build(dir, timeline, other, memory)).rendered).toEqual([]);
    expect((await build(dir, edited, other, memory)).rendered).toHaveLength(1);
  });

  it("without a folder, renders every time", async () => {
    const count = counting(await createRenderer());
    const cache = await openRenderCache(count.renderer, null);
    for (const entry of timeline.entries) await cache.render(entry, timeline);
    await cache.save();
    expect(count.rendered).toHaveLength(timeline.entries.length);
  });
});
