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

/**
 * Copies every array the entry's fields keep to its exact length, in place: a new fields
 * object would leave the first one behind as garbage in the old generation (V8 allocates
 * objects of a site whose objects usually survive there directly).
 */
export function exactFields(fields: ParsedEntry): ParsedEntry {
  fields.blocks = exact(fields.blocks);
  for (const block of fields.blocks) if (block.steps !== null) block.steps = exact(block.steps);
  if (fields.header !== null) {
    fields.header.elements = exact(fields.header.elements);
    if (fields.header.refused) fields.header.refused = exact(fields.header.refused);
    if (fields.header.flags) fields.header.flags = exact(fields.header.flags);
  }
  if (fields.plan !== null) {
    fields.plan.worked = exact(fields.plan.worked);
    fields.plan.items = exact(fields.plan.items);
  }
  fields.tags = exact(fields.tags);
  fields.body = exactBody(fields.body);
  fields.references = exact(fields.references);
  fields.todos = exact(fields.todos);
  fields.times = exact(fields.times);
  fields.insertions = exact(fields.insertions);
  fields.urls = exact(fields.urls);
  fields.items = exact(fields.items);
  return fields;
}

function exactBody(nodes: BodyNode[]): BodyNode[] {
  for (const node of nodes) if (node.type === "item") node.children = exactBody(node.children);
  return exact(nodes);
}
