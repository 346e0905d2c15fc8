// The search index written by a child process: the same bundle and report as in this process,
// and a failure in the child comes back as an error with its message.

import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTimeline } from "../../log/index.ts";
import { entryDocuments, type SearchDocument } from "./documents.ts";
import { searchIndexer, writeSearchIndexInChild } from "./index-in-child.ts";
import { openBuiltIndex } from "./open-built-index.ts";
import { writeSearchIndex } from "./write-search-index.ts";

const SEED = path.resolve("content/000_76b23a5250f26162.txt");

describe("writeSearchIndexInChild", () => {
  let work: string;
  let documents: SearchDocument[];

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "dotlog-search-child-"));
    const timeline = await loadTimeline([SEED]);
    documents = entryDocuments(timeline.entries, timeline.tags);
  });

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("writes the bundle this process would write, and answers with its report", async () => {
    const inChild = path.join(work, "child");
    const here = path.join(work, "here");
    const report = await writeSearchIndexInChild({ outDir: inChild, documents });
    const own = await writeSearchIndex({ outDir: here, documents });
    expect(report.outputPath).toBe(path.join(inChild, "pagefind"));
    expect(report.records).toBe(documents.length);
    expect(report.errors).toEqual([]);
    expect({ ...report, outputPath: "", ms: 0 }).toEqual({ ...own, outputPath: "", ms: 0 });
    const files = (dir: string) => readdir(dir, { recursive: true }).then((names) => names.sort());
    expect(await files(report.outputPath)).toEqual(await files(own.outputPath));
    expect(await readFile(path.join(report.outputPath, "parts.json"), "utf8")).toBe(await readFile(path.join(own.outputPath, "parts.json"), "utf8"));
  });

  it("rejects with the child's error when the index cannot be written, and leaves no input file behind", async () => {
    const blocker = path.join(work, "a-file");
    await writeFile(blocker, "not a folder");
    // The input file goes to the system's temporary folder: a private one here, so that other
    // builds on the machine do not show in it.
    const temporary = await mkdtemp(path.join(work, "tmp-"));
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = temporary;
    try {
      const failed = writeSearchIndexInChild({ outDir: path.join(blocker, "site"), documents });
      await expect(failed).rejects.toThrow(/ENOTDIR|not a directory/);
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
    // (tsx keeps its own cache there too.)
    expect((await readdir(temporary)).filter((name) => name.startsWith("dotlog-"))).toEqual([]);
  });

  it("keeps one child for the indexes a dev server asks for, and lets it go when closed", async () => {
    const indexer = searchIndexer();
    try {
      const first = await indexer.write({ outDir: path.join(work, "kept-1"), documents });
      const pid = indexer.pid;
      expect(pid).toBeTypeOf("number");
      // A failure answers its own request and leaves the child to the next one.
      const blocker = path.join(work, "kept-blocker");
      await writeFile(blocker, "not a folder");
      await expect(indexer.write({ outDir: path.join(blocker, "site"), documents })).rejects.toThrow(/ENOTDIR|not a directory/);
      const second = await indexer.write({ outDir: path.join(work, "kept-2"), documents: documents.slice(1) });
      expect(indexer.pid).toBe(pid);
      expect([first.records, second.records]).toEqual([documents.length, documents.length - 1]);
      expect(await readFile(path.join(second.outputPath, "parts.json"), "utf8")).not.toBe(await readFile(path.join(first.outputPath, "parts.json"), "utf8"));
    } finally {
      indexer.close();
    }
    await expect.poll(() => indexer.pid, { timeout: 5000 }).toBeUndefined();
  });

  it("starts a new child when the kept one has stopped", async () => {
    const indexer = searchIndexer();
    try {
      await indexer.write({ outDir: path.join(work, "restart-1"), documents });
      const stopped = indexer.pid!;
      process.kill(stopped, "SIGKILL");
      await expect.poll(() => indexer.pid, { timeout: 5000 }).toBeUndefined();
      const report = await indexer.write({ outDir: path.join(work, "restart-2"), documents });
      expect(report.records).toBe(documents.length);
      expect(indexer.pid).not.toBe(stopped);
    } finally {
      indexer.close();
    }
  });

  it("sends a kept child the documents it does not hold, and indexes the same as from all of them", async () => {
    const indexer = searchIndexer();
    try {
      await indexer.write({ outDir: path.join(work, "held-1"), documents });
      // One entry gone, one changed (a new object under its URL), one new; the others as they were.
      const [gone, changed, ...same] = documents;
      const edited: SearchDocument = { ...changed!, text: `${changed!.text}\nqemu-kvm bluetooth dongle`, terms: "" };
      const added: SearchDocument = { ...same[0]!, url: "/2012/11/08/0900-added/", date: "2012-11-08T09:00", text: "an added entry about virtio-scsi" };
      const next = [edited, ...same, added];
      const report = await indexer.write({ outDir: path.join(work, "held-2"), documents: next });
      const whole = await writeSearchIndex({ outDir: path.join(work, "held-whole"), documents: next });
      expect({ ...report, outputPath: "", ms: 0 }).toEqual({ ...whole, outputPath: "", ms: 0 });
      expect(await readFile(path.join(report.outputPath, "parts.json"), "utf8")).toBe(await readFile(path.join(whole.outputPath, "parts.json"), "utf8"));
      const index = await openBuiltIndex(report.outputPath);
      try {
        expect((await index.search("bluetooth")).map((hit) => hit.url)).toEqual([edited.url]);
        expect((await index.search("virtio-scsi")).map((hit) => hit.url)).toEqual([added.url]);
        expect((await index.search(null)).map((hit) => hit.url)).not.toContain(gone!.url);
      } finally {
        await index.destroy();
      }
    } finally {
      indexer.close();
    }
  });
});
