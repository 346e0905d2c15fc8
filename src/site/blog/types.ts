// The blog's model: requests found in the log, and the posts the site publishes.

import type { Entry, ItemNode, Todo } from "../../log/types.ts";
import type { PostFile } from "./post-files.ts";

/** A `\TODO: write a blog` in the log, and the entries it points at. */
export interface BlogRequest {
  /** `2012-11-05T10:37#1-1`, or the entry id alone when the TODO is not in an item. */
  id: string;
  entry: Entry;
  todo: Todo;
  item: ItemNode | null;
  /** The referenced entries holding the post's material, in time order; empty: the entry or item itself. */
  sources: Entry[];
  /** References to entries the site does not publish (privacy): material the post cannot use. */
  withheld: number;
}

export interface PostTag {
  /** The folded key the timeline's tags use (`arm server`). */
  key: string;
  name: string;
  slug: string;
  /** False for a hand-written post's tag that no entry carries: there is no tag page to link. */
  listed: boolean;
}

export interface Post {
  slug: string;
  /** `/blog/<slug>/`, root-relative like every URL the site generates. */
  url: string;
  title: string;
  /** Naive local time, as the log's are: `2012-11-05T10:37`. */
  date: string;
  tags: PostTag[];
  /** The post's body; root-relative URLs. */
  html: string;
  /** The body as plain text, for search. */
  text: string;
  /** Ids of the entries the post is made from, in time order. */
  sources: string[];
  /** The request this post answers, or null for a hand-written post without `from:`. */
  request: string | null;
  origin: "generated" | "hand";
  draft: boolean;
  /** The Markdown file of a hand-written post. */
  file: string | null;
  /** Images and documents a hand-written post names, published in its folder. */
  files: PostFile[];
}
