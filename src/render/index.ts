// The render layer: an Entry's body → HTML. The entry's tree of lines becomes mdast (never as
// Markdown: `.LOG` text is literal; a Markdown-era entry's body is read as the Markdown it is,
// markdown-to-mdast.ts), one small plugin a construct places references,
// URLs, item times, TODOs, plan times and insertions, remark-rehype turns it into hast, Shiki
// highlights the literal blocks, and every text is escaped on the way out.
import type { Element } from "hast";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { Entry, Timeline } from "../log/types.ts";
import { constructPlugins, entryFile, entryMdast } from "./entry-tree.ts";
import { baseCss } from "./css.ts";
import { createHighlight, type Highlight, type HighlightStats } from "./highlight.ts";
import type { LogBlock } from "./nodes.ts";
import rehypeCode from "./rehype-code.ts";
import rehypeTranscript from "./rehype-transcript.ts";
import rehypeVisibleControls from "./rehype-visible-controls.ts";
import rehypeWrap from "./rehype-wrap.ts";

export { renderBacklinkContext } from "./backlink-context.ts";
export { entryTree } from "./entry-tree.ts";

export interface RenderOptions {
  /** Shiki theme for light mode. */
  lightTheme?: string;
  /** Shiki theme for dark mode. */
  darkTheme?: string;
}

export interface Renderer {
  /** HTML of an entry's body (`<div class="log-body">…`); the site adds title, tags, nav. */
  renderEntry(entry: Entry, timeline: Timeline): Promise<string>;
  /**
   * The stylesheet for bodies: constructs, both themes, and the token classes of every block
   * highlighted so far — read it after the entries are rendered.
   */
  readonly css: string;
  /** Time spent in Shiki, for the bench. */
  readonly stats: HighlightStats;
  /** The build's one highlighter, for code outside entries (hand-written blog posts). */
  readonly highlight: Highlight;
}

const DEFAULTS: Required<RenderOptions> = { lightTheme: "github-light", darkTheme: "github-dark" };

/** Theme colours that miss WCAG AA on their own background, replaced by close ones that pass. */
const COLOR_REPLACEMENTS: Record<string, Record<string, string>> = {
  "github-light": { "#e36209": "#b35000" },
  "github-dark": { "#6a737d": "#959da5" },
};

/** A literal block waits as an empty figure holding its Block until rehype highlights it. */
function blockPlaceholder(_state: unknown, node: LogBlock): Element {
  const className = node.data?.hProperties?.className;
  return { type: "element", tagName: "figure", properties: className ? { className } : {}, children: [], data: { dotlogBlock: node.block } as Element["data"] };
}

export async function createRenderer(options: RenderOptions = {}): Promise<Renderer> {
  const { lightTheme, darkTheme } = { ...DEFAULTS, ...options };
  const highlight = await createHighlight({ light: lightTheme, dark: darkTheme, colorReplacements: COLOR_REPLACEMENTS });
  const processor = unified()
    .use(constructPlugins)
    .use(remarkRehype, { handlers: { logBlock: blockPlaceholder } })
    .use(rehypeTranscript, { highlight })
    .use(rehypeCode, { highlight })
    .use(rehypeWrap)
    .use(rehypeVisibleControls)
    .use(rehypeStringify)
    .freeze();
  const base = baseCss();

  return {
    async renderEntry(entry, timeline) {
      const file = entryFile(entry, timeline);
      const tree = await processor.run(entryMdast(entry), file);
      return processor.stringify(tree, file);
    },
    get css() {
      return `${base}\n${highlight.classCss()}`;
    },
    stats: highlight.stats,
    highlight,
  };
}
