// Arrays a parsed entry keeps, copied to their exact length.
//
// V8 grows an array that is pushed to by half its length plus 16 slots and never gives the
// slack back. An entry keeps a dozen small arrays (body, item children, items, tags, URLs,
// steps, …), most of one or two elements and 17 slots each: on the 50 MB bench log that slack
// was about as large as the input itself. A copy made once the entry is parsed is exact.

import type { BodyNode, ParsedEntry } from "./types.ts";

export function exact<T>(items: T[]): T[] {
  // An array never pushed to has no slack: most of an entry's lists are empty.
  return items.length === 0 ? items : items.slice();
}

/** The entry's fields with every array it keeps copied to its exact length. */
export function exactFields(fields: ParsedEntry): ParsedEntry {
  const blocks = exact(fields.blocks);
  for (const block of blocks) if (block.steps !== null) block.steps = exact(block.steps);
  if (fields.header !== null) fields.header.elements = exact(fields.header.elements);
  if (fields.plan !== null) {
    fields.plan.worked = exact(fields.plan.worked);
    fields.plan.items = exact(fields.plan.items);
  }
  return {
    ...fields,
    tags: exact(fields.tags),
    body: exactBody(fields.body),
    references: exact(fields.references),
    todos: exact(fields.todos),
    times: exact(fields.times),
    insertions: exact(fields.insertions),
    urls: exact(fields.urls),
    blocks,
    items: exact(fields.items),
  };
}

function exactBody(nodes: BodyNode[]): BodyNode[] {
  for (const node of nodes) if (node.type === "item") node.children = exactBody(node.children);
  return exact(nodes);
}
