// Tag pages: one listing per tag (paginated in pre-split chunks, since Eleventy cannot paginate
// inside pagination), the tags that co-occur with it, and the broader/narrower tags the
// author's general-to-specific headers imply (`virtualization, libvirt, xenlight`).

import { tagKey } from "../../log/index.ts";
import type { Entry, TagInfo, Timeline } from "../../log/types.ts";
import { modelText } from "./model-text.ts";
import type { EntrySummary, TagChunk, TagLink, TagSummary } from "./types.ts";

const RELATED_COUNT = 8;

export function tagUrl(slug: string, pageNumber = 1): string {
  return pageNumber === 1 ? `/tags/${slug}/` : `/tags/${slug}/${pageNumber}/`;
}

export function tagLinks(tags: Iterable<TagInfo>): Map<string, TagLink> {
  const links = new Map<string, TagLink>();
  for (const tag of tags) {
    links.set(tag.key, { key: tag.key, name: modelText(tag.name), url: tagUrl(tag.slug), count: tag.entries.length });
  }
  return links;
}

/** An entry's tags in header order, each once. */
export function tagsOf(entry: Entry, links: Map<string, TagLink>): TagLink[] {
  const seen = new Set<string>();
  const result: TagLink[] = [];
  for (const spelling of entry.tags) {
    const link = links.get(tagKey(spelling));
    if (link && !seen.has(link.key)) {
      seen.add(link.key);
      result.push(link);
    }
  }
  return result;
}

/** Most used first; the same count by name. */
export const byCountThenName = (a: TagLink, b: TagLink): number => b.count - a.count || a.name.localeCompare(b.name);

export function tagSummaries(timeline: Timeline, links: Map<string, TagLink>): TagSummary[] {
  const before = new Map<string, Map<string, number>>(); // tag → tag written just before it → times
  const together = new Map<string, Map<string, number>>();
  const bump = (table: Map<string, Map<string, number>>, a: string, b: string) => {
    const row = table.get(a) ?? new Map<string, number>();
    row.set(b, (row.get(b) ?? 0) + 1);
    table.set(a, row);
  };
  for (const entry of timeline.entries) {
    const keys = tagsOf(entry, links).map((link) => link.key);
    keys.forEach((key, i) => {
      if (i > 0) bump(before, key, keys[i - 1]!);
      for (const other of keys) if (other !== key) bump(together, key, other);
    });
  }

  const parentOf = new Map<string, string>();
  for (const [key, link] of links) {
    const candidates = [...(before.get(key) ?? [])].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const best = candidates[0];
    // A parent only when the tag follows it in most of its entries: `virtualization` once
    // written after `company` is still a top-level tag.
    if (best && best[1] * 2 > link.count) parentOf.set(key, best[0]);
  }

  const childrenOf = new Map<string, TagLink[]>();
  for (const [child, parent] of parentOf) {
    const list = childrenOf.get(parent) ?? [];
    list.push(links.get(child)!);
    childrenOf.set(parent, list);
  }

  const summaries: TagSummary[] = [];
  for (const tag of timeline.tags.values()) {
    const link = links.get(tag.key)!;
    const ancestors = ancestorsOf(tag.key, parentOf).map((key) => links.get(key)!);
    const children = (childrenOf.get(tag.key) ?? []).sort(byCountThenName);
    const near = new Set([tag.key, ...ancestors.map((t) => t.key), ...children.map((t) => t.key)]);
    const related = [...(together.get(tag.key) ?? [])]
      .filter(([key]) => !near.has(key))
      .sort((a, b) => b[1] - a[1] || byCountThenName(links.get(a[0])!, links.get(b[0])!))
      .slice(0, RELATED_COUNT)
      .map(([key]) => links.get(key)!);
    summaries.push({ ...link, slug: tag.slug, ancestors, children, related });
  }
  return summaries.sort((a, b) => a.name.localeCompare(b.name));
}

function ancestorsOf(key: string, parentOf: Map<string, string>): string[] {
  const chain: string[] = [];
  const seen = new Set([key]);
  let parent = parentOf.get(key);
  while (parent !== undefined && !seen.has(parent)) {
    chain.unshift(parent);
    seen.add(parent);
    parent = parentOf.get(parent);
  }
  return chain;
}

/** Every tag's listing split into pages of `pageSize`, newest entry first. */
export function tagChunks(
  summaries: TagSummary[],
  timeline: Timeline,
  entrySummaries: Map<string, EntrySummary>,
  pageSize: number,
): TagChunk[] {
  const size = Math.max(1, Math.floor(pageSize));
  const infos = new Map([...timeline.tags.values()].map((info) => [info.key, info]));
  const chunks: TagChunk[] = [];
  for (const tag of summaries) {
    const ids = infos.get(tag.key)?.entries ?? [];
    const items = ids.map((id) => entrySummaries.get(id)).filter((s): s is EntrySummary => s !== undefined).reverse();
    const pageCount = Math.max(1, Math.ceil(items.length / size));
    const pages = Array.from({ length: pageCount }, (_, i) => ({ number: i + 1, url: tagUrl(tag.slug, i + 1) }));
    for (let i = 0; i < pageCount; i++) {
      chunks.push({
        tag,
        pageNumber: i + 1,
        pageCount,
        url: pages[i]!.url,
        items: items.slice(i * size, (i + 1) * size),
        pages,
      });
    }
  }
  return chunks;
}

export function topTags(summaries: readonly TagSummary[], count: number): TagLink[] {
  return [...summaries].sort(byCountThenName).slice(0, count);
}
