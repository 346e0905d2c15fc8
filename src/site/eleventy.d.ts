// Eleventy 3 ships JavaScript without declarations: the parts of its API dotlog uses.
declare module "@11ty/eleventy" {
  export interface EleventyUserConfig {
    addPlugin(plugin: unknown, options?: unknown): unknown;
    addGlobalData(name: string, data: unknown): unknown;
    addPassthroughCopy(paths: string | Record<string, string>): unknown;
    addFilter(name: string, filter: (...args: never[]) => unknown): unknown;
    /** `resetConfig`: a change re-runs the configuration (plugins resolve their options again). */
    addWatchTarget(path: string, options?: { resetConfig?: boolean }): unknown;
    addTransform(name: string, transform: (this: { page: { outputPath: string | false } }, content: string) => string | Promise<string>): unknown;
    on(event: string, listener: (...args: never[]) => unknown): unknown;
    setServerOptions(options: Record<string, unknown>): unknown;
    /** Templates Eleventy does not read (paths relative to the working folder, or globs). */
    readonly ignores: { add(glob: string): unknown };
    /** Options for the watcher (chokidar), merged over Eleventy's own. */
    setChokidarConfig(options: Record<string, unknown>): unknown;
    setQuietMode(quiet: boolean): unknown;
    /** Runs `callback` on the template library instance (Nunjucks: its Environment). */
    amendLibrary(engine: string, callback: (library: unknown) => void): unknown;
    addExtension(extension: string, options: object): unknown;
    /** The project's folders as Eleventy resolved them (live: the output as the build set it). */
    readonly directories: { readonly output: string };
  }

  export interface EleventyOptions {
    source?: "cli" | "script";
    runMode?: "build" | "serve" | "watch";
    configPath?: string;
    pathPrefix?: string;
    quietMode?: boolean;
    /** Runs before the config file, on the same config object. */
    config?: (eleventyConfig: EleventyUserConfig) => void | Promise<void>;
  }

  export interface EleventyLogger {
    /** A console-like sink for everything Eleventy logs; `false` silences it. */
    overrideLogger(logger: Pick<Console, "log" | "warn" | "error" | "info"> | false): void;
  }

  export interface WrittenTemplate {
    inputPath: string;
    outputPath: string | false;
    url: string | false;
    content: string;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    readonly logger: EleventyLogger;
    /** `freeze()` makes the constructor's input and output win over the config file's `dir`. */
    readonly directories: { freeze(): void };
    init(): Promise<void>;
    /** What its watch loop does before a rebuild: the next `init()` + `write()` runs the global data again. */
    restart(): Promise<void>;
    /** `[passthrough copies, written templates]` */
    write(): Promise<[unknown[], WrittenTemplate[]]>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
  }

  export function HtmlBasePlugin(eleventyConfig: EleventyUserConfig, options?: { baseHref?: string }): void;
}
