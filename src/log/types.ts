// The typed model of a .LOG journal. Every later layer (render, site, search, blog)
// reads these types; they are declared once, here.

/** A naive local date-time, exactly as the author's clock showed it. */
export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
  hour: number; // 0-23
  minute: number; // 0-59
}

/** Stable warning codes; the README lists them. */
export type WarningCode =
  | "decode" // bytes that are not valid in the detected/forced encoding, NUL bytes, binary noise
  | "encoding-guess" // no BOM and not valid UTF-8: the encoding was guessed
  | "bad-stamp" // a line shaped like a timestamp whose date or time is invalid
  | "ambiguous-date-order" // day-first vs month-first could not be decided from the file
  | "out-of-order" // an entry earlier than the one before it in the same file
  | "duplicate-stamp" // two entries with the same minute (the second gets `-2`)
  | "unresolved-ref" // a reference whose target entry (or item) is not in the timeline
  | "unclosed-ref" // `see"` without a closing quote
  | "duplicate-item" // two outline items with the same path in one entry
  | "tag-slug-collision" // two different tags that slug to the same URL
  | "no-logs" // a content folder without any log file
  | "unreadable" // a file that cannot be read
  | "post" // a hand-written blog post (content/posts/*.md) with front matter dotlog cannot use
  | "unmatched-exclude" // an `exclude.entries` name that matches no entry
  | "no-entries"; // a file read as a log (by the pattern or its first line) in which no line starts an entry

export interface LogWarning {
  file: string;
  line: number; // 1-based; 0 when the warning is about the whole file
  code: WarningCode;
  message: string;
}

export type DateOrder = "ymd" | "dmy" | "mdy";

/**
 * How an entry's body is written: `log`, literal text (Notepad's `.LOG` years); `markdown`, the
 * Markdown-era journal (`.md`/`.markdown` files, or a file without `.LOG` whose first stamp is
 * underlined): its body is GitHub-flavoured Markdown. Decided once per file.
 */
export type LogFormat = "log" | "markdown";

/** One decoded input file. */
export interface LogFile {
  file: string; // the path as given
  encoding: string; // "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "gbk", "windows-1252", …
  /** The decoded text without its BOM: preamble + every entry's raw, in order. */
  text: string;
  /** Text before the first stamp line (the `.LOG` line, notes, or nothing). */
  preamble: string;
  /** The first line when it is a Notepad directive such as `.LOG` or `.TODO`. */
  directive: string | null;
  dateOrder: DateOrder | null;
  format: LogFormat;
  /** How many matches `ParseOptions.redact` masked in `text` (absent when nothing was asked). */
  redacted?: number;
  /** Why the forced encoding (`ParseOptions.encoding`) does not fit this file; absent when it fits or none was forced. */
  misfit?: string;
}

/** `cont2` after `add libxl api`: part 2 of the series named `add libxl api`. */
export interface Series {
  name: string;
  /** The author's number, or null for `（续）` series ordered by time. */
  part: number | null;
}

export interface Header {
  line: number;
  text: string;
  /** Elements split on `,` `;` `，` `；` outside brackets, trimmed, series markers removed; every other element as written. */
  elements: string[];
  /** Elements that are not tags (docs/headers.md), by index into `elements`; absent when none. */
  refused?: RefusedElement[];
  /** The author's marks of importance (`待看***`, a bare `***`), by index into `elements`; absent when none. */
  flags?: HeaderFlag[];
}

/** Why a header element is not a tag: it is shown as written, never linked. */
export type RefusedReason =
  | "code" // `lang=c`, `#define`, `free_list(start)`, brackets that do not pair
  | "path" // `/etc/xinetd.d/tftp`, `C:\…`, `\\host\share`
  | "url"
  | "email"
  | "quote" // quoted text
  | "stamp" // a time or a stamp: `自9:52`, `"08:27 2007-07-20"`
  | "date" // `2009年9月16`, `2012-11-05`, `11/5`
  | "number" // no letter: `30`, `169$`, `====`
  | "todo"; // `<TODO>…</TODO>`: a TODO of the entry's (`Entry.todos`)

export interface RefusedElement {
  index: number;
  reason: RefusedReason;
}

/** `***` or `+++` written after a header element, or as one. */
export interface HeaderFlag {
  index: number;
  /** The mark as written. */
  mark: string;
  /** The tag it marks (its spelling in `Entry.tags`), or null: the element is only the mark, or a title, and the entry is marked. */
  tag: string | null;
}

/** A `see"10:41 2012-10-30"2`-style pointer at another entry (or one of its items). */
export interface Reference {
  /** ISO local time of the target stamp: `2012-10-29T11:31`. */
  target: string;
  /** Item path in the target entry (`2-1`), or null. */
  item: string | null;
  line: number; // 1-based file line
  column: number; // 0-based, in UTF-16 code units, of the opening quote
  length: number; // the quoted stamp and any item path
  /** The entry id the reference resolves to, filled in when the timeline is merged. */
  resolved: string | null;
  /** Path of the outline item of the referring entry that holds this reference. */
  fromItem: string | null;
  /**
   * Set by the privacy step when the target is an entry the author keeps private: `resolved`
   * is then null, and the reference is shown as plain text — no link, no title, not "unresolved".
   */
  excluded?: true;
}

export interface Todo {
  text: string; // after `\TODO:`
  line: number;
  /** The item the TODO sits in or directly follows; null for the entry as a whole. */
  item: string | null;
  blog: boolean;
}

/** `(15:33 2012-11-02)` inside an item: when that item was written. */
export interface ItemTime {
  at: string; // ISO local
  line: number;
  column: number;
  length: number;
}

/** `(16:40 2013-01-23)` … `"16:40 2013-01-23"end`: text added later to an old entry. */
export interface Insertion {
  at: string;
  line: number; // the opening stamp
  endLine: number; // the `"…"end` line
  /** The stamp written in the close; the author sometimes closes a minute or two after `at`. */
  endAt?: string;
}

export interface UrlMatch {
  url: string;
  line: number;
  column: number;
}

export type BlockKind = "shell" | "gdb" | "repl" | "config" | "script" | "preformatted";

export interface TranscriptStep {
  prompt: string; // `linux-iwgo:/home/suse # `
  command: string; // `zypper se rpc`
  output: string; // the lines up to the next prompt, joined with `\n`
  line: number; // the prompt's line
}

export interface Block {
  kind: BlockKind;
  /** Highlighting language: `shellsession`, `gdb`, `ini`, `bash`, `text`, … */
  lang: string;
  /** Prompt style for transcripts: `suse-root`, `suse-user`, `dollar`, `percent`, `gdb`, `python`, … */
  promptStyle: string | null;
  line: number;
  endLine: number;
  /** 0-based column where the block starts on its first line (after an outline marker: `2, `). */
  column?: number;
  /** The exact lines, joined with `\n` (no line ends of the file); the first from `column`. */
  text: string;
  steps: TranscriptStep[] | null;
}

/** Time use recorded in a plan (`GTD`) entry. */
export interface PlanItem {
  item: string; // item path
  minutes: number | null; // `40'` → 40, `1h` → 60
  ranges: TimeRange[]; // `15:06-16:37`, `-18:16`, `20:35-`
}

export interface TimeRange {
  start: string | null; // `HH:MM`
  end: string | null;
}

export interface Plan {
  /** Hours worked from the `0, ` line. */
  worked: TimeRange[];
  items: PlanItem[];
  /** Sum of worked ranges that have both ends, in minutes. */
  workedMinutes: number;
  /** Sum of item minutes. */
  spentMinutes: number;
}

/**
 * Outline marker styles: `1, ` (or `1，`) level 1, `1), ` level 2, `(1), ` level 3, `((1)), ` level 4;
 * `markdown`: an ordered list item of a Markdown entry (`1. `, `1) `), its level its nesting.
 */
export type MarkerStyle = "comma" | "paren" | "parens" | "double-parens" | "markdown";

/**
 * The body of an entry as a tree of lines. Inline constructs (references, URLs, times,
 * TODOs) are not nodes here: renderers find them with the scanners in this folder.
 */
export type BodyNode = TextNode | BlankNode | ItemNode | BlockNode;

export interface TextNode {
  type: "text";
  line: number;
  /** The line as written; in a Markdown entry, the line as the reader sees it (its Markdown read). */
  text: string;
}

export interface BlankNode {
  type: "blank";
  line: number;
  text: string; // whitespace-only lines keep their whitespace
}

export interface ItemNode {
  type: "item";
  line: number;
  /** The author's marker as written, with its separator: `3), ` (in a Markdown entry `3. `, without the indentation). */
  marker: string;
  style: MarkerStyle;
  number: number;
  level: number;
  path: string; // `2-3`
  /** Text after the marker on the marker line (in a Markdown entry, as the reader sees it); empty
   *  when a block starts there (the block, this item's first child, holds that text). */
  text: string;
  children: BodyNode[];
}

export interface BlockNode {
  type: "block";
  line: number;
  block: Block;
}

export interface Entry {
  /** `2012-11-07T18:17`, `2012-11-07T18:17-2` for a second entry in the same minute. */
  id: string;
  timestamp: string; // ISO local, no zone
  time: LocalDateTime;
  file: string;
  /** Its file's format: a `markdown` entry's body is Markdown, a `log` entry's literal text. */
  format: LogFormat;
  line: number; // the stamp line
  endLine: number; // inclusive
  /** Exact text from the stamp line up to the next entry's stamp line. */
  raw: string;
  stampText: string; // the stamp line as written, plus a `----` (or `====`) underline when present
  header: Header | null;
  title: string;
  tags: string[]; // display spellings, in header order
  series: Series | null;
  slug: string;
  url: string; // `/2012/11/07/1817-virsh-attach-disk-sles11-hvm-10-dev-sdb1-sda/`
  body: BodyNode[];
  references: Reference[];
  todos: Todo[];
  times: ItemTime[];
  insertions: Insertion[];
  urls: UrlMatch[];
  blocks: Block[];
  plan: Plan | null;
  /** Item paths that exist in this entry, in order. */
  items: string[];
  /**
   * A hash of everything the parser made of the entry (`entryDigest`), taken before the merge
   * fills in id, slug, url and resolved references: what the render cache keys a body by, so an
   * unchanged entry is not hashed whole again in every build.
   */
  digest: string;
}

export interface Backlink {
  from: string; // entry id
  fromItem: string | null;
  item: string | null; // target item
  line: number;
}

export interface SeriesInfo {
  name: string;
  /** Entry ids in reading order. */
  parts: string[];
}

export interface TagInfo {
  key: string; // folded: lower-case, single spaces
  name: string; // most frequent spelling
  slug: string;
  entries: string[]; // ids, in time order
}

export interface Timeline {
  files: LogFile[];
  /** Sorted by time; file order breaks ties. */
  entries: Entry[];
  byId: Map<string, Entry>;
  backlinks: Map<string, Backlink[]>;
  series: Map<string, SeriesInfo>;
  tags: Map<string, TagInfo>;
  warnings: LogWarning[];
}

export interface ParseOptions {
  /** Force an encoding for every file (iconv-lite name). */
  encoding?: string;
  dateOrder?: "auto" | "dmy" | "mdy";
  /** Masks applied to each file's decoded text before it is split and parsed (src/log/redact.ts). */
  redact?: RedactOptions;
  /** Phrases that make a `\TODO:` ask for a blog post; default `write a blog`, `blog this`. */
  blogPhrases?: string[];
}

/** A preset by name, or a regular expression of the author's. */
export type RedactRule = "ipv4" | "ipv6" | "email" | { pattern: string; flags?: string };

export interface RedactOptions {
  rules?: RedactRule[];
  /** Words masked whole-word and case-insensitively (colleagues' names). */
  names?: string[];
  /** What a match becomes; default `█████`. */
  mask?: string;
}

/** One line of a file without its line end. */
export interface SourceLine {
  line: number; // 1-based
  text: string;
  /** Where the line starts in its entry's `body`, when the splitter made it. */
  start?: number;
  /** The line end after it (`"\n"`, `"\r\n"`, `"\r"` or `""` at the end of the file). */
  eol?: string;
}

/** An entry as the splitter finds it, before its text is parsed. */
export interface RawEntry {
  file: string;
  format: LogFormat;
  time: LocalDateTime;
  line: number;
  endLine: number;
  raw: string;
  stampText: string;
  /** The lines after the stamp line (and its `----` or `====` underline), up to the next entry. */
  lines: SourceLine[];
  /**
   * The text those lines were cut from (`raw` after the stamp line): a block whose lines end in
   * `\n` takes its text as a slice of it, sharing the file's text instead of copying it.
   */
  body?: string;
}

/** What parsing one entry's text yields; the timeline adds id, slug, url and resolution. */
export type ParsedEntry = Pick<
  Entry,
  | "header"
  | "title"
  | "tags"
  | "series"
  | "body"
  | "references"
  | "todos"
  | "times"
  | "insertions"
  | "urls"
  | "blocks"
  | "plan"
  | "items"
>;
