// `dotlog <command> …`: one line per command in the table below; each command module is
// loaded only when it runs and returns the process exit code.

export type Command = (args: string[]) => Promise<number>;

interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
}

export const commands: Record<string, CommandEntry> = {
  export: { summary: "print the parsed log as JSON", load: async () => (await import("./export.ts")).exportCommand },
  check: { summary: "print the log's warnings", load: async () => (await import("./check.ts")).checkCommand },
  build: { summary: "build the site and its search index", load: async () => (await import("./build.ts")).buildCommand },
  serve: { summary: "serve the site with live reload while you edit the logs", load: async () => (await import("./serve.ts")).serveCommand },
};

export const EXIT = { ok: 0, strict: 1, usage: 2 } as const;

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands[name];
  if (command === undefined) {
    process.stderr.write(`dotlog: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  return (await command.load())(args);
}

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, { summary }]) => `  ${name.padEnd(width)}  ${summary}`);
  return `usage: dotlog <command> [options]\n\ncommands:\n${lines.join("\n")}\n\nRun "dotlog <command> --help" for a command's options.\n`;
}
