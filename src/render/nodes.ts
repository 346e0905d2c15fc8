// The syntax tree a log entry becomes before HTML: mdast's paragraph/text/break/link plus the
// nodes of the log's own constructs, declared here once. Each construct node names its HTML
// element in `data.hName` so remark-rehype turns it into hast without a handler of its own.
import type { Data, Node, Paragraph, Parent, PhrasingContent } from "mdast";
import type { Block, Entry, Timeline } from "../log/types.ts";

/** A run of sibling outline items of one level: `<ol class="outline">`. */
export interface LogOutline extends Parent {
  type: "logOutline";
  level: number;
  children: LogItem[];
  data?: Data;
}

/** One outline item; its anchor is `i` + its path in the author's numbers (`i2-1`). */
export interface LogItem extends Parent {
  type: "logItem";
  path: string;
  marker: string;
  children: (Paragraph | LogOutline | LogBlock)[];
  data?: Data;
}

/** The author's marker as written (`3), `), kept visible. */
export interface LogMarker extends Parent {
  type: "logMarker";
  children: PhrasingContent[];
  data?: Data;
}

/** A literal block (transcript, config, script, preformatted text); rehype highlights it. */
export interface LogBlock extends Node {
  type: "logBlock";
  block: Block;
  data?: Data;
}

/**
 * A line end inside a paragraph. Not mdast's `break`: remark-rehype trims the spaces that
 * start the line after a `break`, and log lines keep their indentation.
 */
export interface LogBreak extends Node {
  type: "logBreak";
  data?: Data;
}

/** `see"16:52 2012-11-06"2-1)`: a link to another entry (or unresolved text). */
export interface LogReference extends Parent {
  type: "logReference";
  target: string;
  item: string | null;
  /** Root-relative URL of the target with its item anchor, or null when unresolved. */
  href: string | null;
  children: PhrasingContent[];
  data?: Data;
}

/** `(15:33 2012-11-02)` inside an item: when the item was written. */
export interface LogTime extends Parent {
  type: "logTime";
  at: string;
  children: PhrasingContent[];
  data?: Data;
}

/** A `\TODO:` line: badge + text. */
export interface LogTodo extends Parent {
  type: "logTodo";
  line: number;
  blog: boolean;
  children: PhrasingContent[];
  data?: Data;
}

/** Text added later to an old entry, one line's worth: `<ins datetime>`. */
export interface LogInsertion extends Parent {
  type: "logInsertion";
  at: string;
  children: PhrasingContent[];
  data?: Data;
}

/** A plan's time (`40'`, `15:06-16:37`, `-18:16`) shown as a duration or a range. */
export interface LogPlanTime extends Parent {
  type: "logPlanTime";
  minutes: number | null;
  children: PhrasingContent[];
  data?: Data;
}

/** The compact agenda at the top of a `GTD` entry: hours worked and time spent. */
export interface LogPlanSummary extends Node {
  type: "logPlanSummary";
  data?: Data;
}

declare module "mdast" {
  interface RootContentMap {
    logOutline: LogOutline;
    logItem: LogItem;
    logBlock: LogBlock;
    logPlanSummary: LogPlanSummary;
    logBreak: LogBreak;
    logMarker: LogMarker;
    logReference: LogReference;
    logTime: LogTime;
    logTodo: LogTodo;
    logInsertion: LogInsertion;
    logPlanTime: LogPlanTime;
  }
  interface PhrasingContentMap {
    logBreak: LogBreak;
    logMarker: LogMarker;
    logReference: LogReference;
    logTime: LogTime;
    logTodo: LogTodo;
    logInsertion: LogInsertion;
    logPlanTime: LogPlanTime;
  }
}

declare module "vfile" {
  interface DataMap {
    entry: Entry;
    timeline: Timeline;
  }
}

declare module "hast" {
  interface ElementData {
    /** A literal block waiting for rehype-transcript / rehype-code. */
    dotlogBlock?: Block;
    /** A finished block figure: nothing inside it waits for a plugin. */
    dotlogFigure?: boolean;
  }
}
