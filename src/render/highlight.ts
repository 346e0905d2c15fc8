// One Shiki highlighter for the whole build. Shiki itself loads when the first block needs it
// (a build whose bodies all come from the render cache never loads it), and languages load on
// first use, so a build holds only the ones its log needs; identical code is highlighted once.
// Colours leave as classes (transformerStyleToClass), never `style` attributes, so a strict CSP
// holds.
import type { transformerStyleToClass } from "@shikijs/transformers";
import type { Element, ElementContent, Properties } from "hast";
import type { HighlighterCore, LanguageInput } from "shiki/core";
import { gdbGrammar } from "./gdb-grammar.ts";

export interface Highlighted {
  /** Properties of Shiki's `<pre>` (its classes carry the theme colours). */
  pre: Properties;
  /** Token spans of each line. */
  lines: ElementContent[][];
}

export interface HighlightStats {
  /** Milliseconds spent inside Shiki (tokenising and loading languages). */
  shikiMs: number;
  calls: number;
  cacheHits: number;
}

export interface Highlight {
  /** Null when the language is not one dotlog highlights: the caller shows plain text. */
  highlight(code: string, lang: string): Promise<Highlighted | null>;
  /** The token classes registered so far, sorted by name (the same set gives the same CSS). */
  classCss(): string;
  /** Each token class's declarations (`--shiki-light:#…;--shiki-dark:#…`), for the render cache. */
  classStyles(names: Iterable<string>): Map<string, string>;
  /** Registers classes a cached body uses, so `classCss` covers it without highlighting again. */
  addClassStyles(styles: Iterable<[string, string]>): void;
  loadedLanguages(): string[];
  /** The themes' names (known without loading Shiki). */
  themes: { light: string; dark: string };
  /** The themes' own foreground and background (loads Shiki). */
  themeColors(): Promise<{ light: ThemeColors; dark: ThemeColors }>;
  readonly stats: HighlightStats;
}

export interface ThemeColors {
  name: string;
  fg: string;
  bg: string;
}

const LANGUAGES: Record<string, () => LanguageInput> = {
  shellscript: () => import("shiki/langs/shellscript.mjs"),
  powershell: () => import("shiki/langs/powershell.mjs"),
  ini: () => import("shiki/langs/ini.mjs"),
  python: () => import("shiki/langs/python.mjs"),
  sql: () => import("shiki/langs/sql.mjs"),
  ruby: () => import("shiki/langs/ruby.mjs"),
  c: () => import("shiki/langs/c.mjs"),
  diff: () => import("shiki/langs/diff.mjs"),
  json: () => import("shiki/langs/json.mjs"),
  xml: () => import("shiki/langs/xml.mjs"),
  make: () => import("shiki/langs/make.mjs"),
  perl: () => import("shiki/langs/perl.mjs"),
  gdb: () => [gdbGrammar],
};

/** Longer lines are shown untokenised: a pasted megabyte line must not stall the build. */
const MAX_LINE_LENGTH = 5000;

const ALIASES: Record<string, string> = { bash: "shellscript", sh: "shellscript", shell: "shellscript", zsh: "shellscript", lldb: "gdb", makefile: "make" };

export function languageName(lang: string): string | null {
  const name = ALIASES[lang] ?? lang;
  return name in LANGUAGES ? name : null;
}

export interface HighlightOptions {
  light: string;
  dark: string;
  /** Per theme, colours replaced so every token meets WCAG AA on the theme's background. */
  colorReplacements?: Record<string, Record<string, string>>;
  /** Highlighted blocks kept for reuse, least recently used dropped first: memory stays bounded on a huge log. */
  cacheSize?: number;
}

interface Shiki {
  highlighter: HighlighterCore;
  toClasses: ReturnType<typeof transformerStyleToClass>;
}

async function loadShiki(options: HighlightOptions): Promise<Shiki> {
  const [{ createHighlighterCore }, { createJavaScriptRegexEngine }, { transformerStyleToClass }] = await Promise.all([
    import("shiki/core"),
    import("shiki/engine/javascript"),
    import("@shikijs/transformers"),
  ]);
  const highlighter = await createHighlighterCore({
    themes: [import(`shiki/themes/${options.light}.mjs`), import(`shiki/themes/${options.dark}.mjs`)],
    langs: [],
    engine: createJavaScriptRegexEngine(),
  });
  return { highlighter, toClasses: transformerStyleToClass({ classPrefix: "dl-t-" }) };
}

export async function createHighlight(options: HighlightOptions): Promise<Highlight> {
  let shiki: Promise<Shiki> | undefined;
  let loaded: Shiki | undefined;
  const useShiki = async (): Promise<Shiki> => (loaded ??= await (shiki ??= loadShiki(options)));
  // Token class → its style: the classes Shiki made (copied after each call) and those of
  // cached bodies (registered without Shiki).
  const registry = new Map<string, string | Record<string, string>>();
  const cache = new Map<string, Highlighted>();
  const cacheSize = options.cacheSize ?? 2000;
  const loading = new Map<string, Promise<void>>();
  const stats: HighlightStats = { shikiMs: 0, calls: 0, cacheHits: 0 };

  async function load({ highlighter }: Shiki, name: string): Promise<void> {
    if (highlighter.getLoadedLanguages().includes(name)) return;
    let pending = loading.get(name);
    if (!pending) {
      pending = highlighter.loadLanguage(LANGUAGES[name]!());
      loading.set(name, pending);
    }
    await pending;
  }

  return {
    async highlight(code, lang) {
      const name = languageName(lang);
      if (name === null) return null;
      const key = `${name}\u0000${code}`;
      const hit = cache.get(key);
      if (hit) {
        stats.cacheHits++;
        cache.delete(key); // a Map keeps insertion order: re-inserting marks it recently used
        cache.set(key, hit);
        return cloneHighlighted(hit);
      }
      const started = performance.now();
      const current = await useShiki();
      await load(current, name);
      const root = current.highlighter.codeToHast(code, {
        lang: name,
        themes: { light: options.light, dark: options.dark },
        defaultColor: false,
        colorReplacements: options.colorReplacements,
        tokenizeMaxLineLength: MAX_LINE_LENGTH,
        // Shiki stops tokenising a line after 500 ms by default and leaves the rest as one
        // token: a first line that compiles its grammar's patterns on a busy machine came out
        // coloured differently. No limit: the same code always gives the same HTML.
        tokenizeTimeLimit: 0,
        transformers: [current.toClasses],
      });
      for (const [className, style] of current.toClasses.getClassRegistry()) if (!registry.has(className)) registry.set(className, style);
      stats.shikiMs += performance.now() - started;
      stats.calls++;
      const pre = root.children.find((node): node is Element => node.type === "element" && node.tagName === "pre");
      const codeElement = pre?.children.find((node): node is Element => node.type === "element" && node.tagName === "code");
      const lines = (codeElement?.children ?? [])
        .filter((node): node is Element => node.type === "element")
        .map((line) => line.children);
      const result: Highlighted = { pre: pre?.properties ?? {}, lines };
      cache.set(key, result);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
      return cloneHighlighted(result);
    },
    classCss: () =>
      [...registry]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, style]) => `.${name}{${styleText(style)}}`)
        .join(""),
    classStyles(names) {
      const styles = new Map<string, string>();
      for (const name of names) {
        const style = registry.get(name);
        if (style !== undefined) styles.set(name, styleText(style));
      }
      return styles;
    },
    addClassStyles(styles) {
      for (const [name, style] of styles) if (!registry.has(name)) registry.set(name, style);
    },
    loadedLanguages: () => loaded?.highlighter.getLoadedLanguages() ?? [],
    themes: { light: options.light, dark: options.dark },
    async themeColors() {
      const { highlighter } = await useShiki();
      const colors = (name: string): ThemeColors => {
        const theme = highlighter.getTheme(name);
        return { name, fg: theme.fg, bg: theme.bg };
      };
      return { light: colors(options.light), dark: colors(options.dark) };
    },
    stats,
  };
}

/** As transformerStyleToClass writes a registered style into its CSS. */
function styleText(style: string | Record<string, string>): string {
  return typeof style === "string" ? style : Object.entries(style).map(([key, value]) => `${key}:${value}`).join(";");
}

/**
 * A copy the caller may change (later plugins rewrite texts and properties in place). Shiki's
 * hast is plain data — objects, arrays, strings, numbers, booleans — and this copies it as
 * structuredClone does, at a fraction of its cost (~4,600 cached blocks on 10,000 entries).
 */
function cloneHighlighted(value: Highlighted): Highlighted {
  return copyPlain(value) as Highlighted;
}

function copyPlain(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(copyPlain);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyPlain((value as Record<string, unknown>)[key]);
  return copy;
}
