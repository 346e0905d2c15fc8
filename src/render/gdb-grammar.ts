// A TextMate grammar for gdb (and lldb) sessions — Shiki bundles none. It colours what a
// reader scans for: the prompt and command, `Breakpoint N at`, value history `$N = {...}` with
// C-like structs, strings, characters, addresses and numbers, and `file:line` locations.
// Every rule is line-local except strings, so a multi-line `$2 = {...}` value colours the same
// on each of its lines. Scope names are ones common themes colour.
import type { LanguageRegistration } from "shiki/core";

export const gdbGrammar: LanguageRegistration = {
  name: "gdb",
  scopeName: "source.gdb",
  displayName: "gdb",
  aliases: ["lldb"],
  patterns: [
    { include: "#command-line" },
    { include: "#stop-message" },
    { include: "#source-line" },
    { include: "#expression" },
  ],
  repository: {
    "command-line": {
      begin: String.raw`^(\((?:gdb|lldb)\))[ \t]*([A-Za-z][\w-]*)?`,
      end: "$",
      beginCaptures: {
        1: { name: "meta.prompt.gdb punctuation.definition.prompt.gdb" },
        2: { name: "keyword.other.command.gdb" },
      },
      patterns: [{ include: "#expression" }],
    },
    "stop-message": {
      patterns: [
        {
          match: String.raw`^(Breakpoint|Temporary breakpoint|Hardware watchpoint|Watchpoint|Catchpoint)[ \t]+(\d+)`,
          captures: { 1: { name: "keyword.control.breakpoint.gdb" }, 2: { name: "constant.numeric.integer.gdb" } },
        },
        {
          match: String.raw`^(Continuing|Starting program|Program received signal|Program terminated|Run till exit|Reading symbols|Attaching to)\b`,
          name: "keyword.control.status.gdb",
        },
        {
          // `Breakpoint 1, blk_event (xendev=0xadd280)` and backtrace frames `#0  foo (…)`.
          match: String.raw`^(#\d+)[ \t]+`,
          captures: { 1: { name: "constant.numeric.frame.gdb" } },
        },
      ],
    },
    "source-line": {
      // `778         struct XenBlkDev *blkdev = …`: a listed source line starts with its number.
      match: String.raw`^(\d+)(?=[ \t]{2,}|\t)`,
      name: "constant.numeric.line.gdb",
    },
    expression: {
      patterns: [
        { include: "#location" },
        { include: "#history" },
        { include: "#string" },
        { include: "#char" },
        { include: "#repeats" },
        { include: "#cast" },
        { include: "#type-keyword" },
        { include: "#function" },
        { include: "#member" },
        { include: "#address" },
        { include: "#number" },
        { include: "#signal" },
        { include: "#operator" },
        { include: "#punctuation" },
      ],
    },
    location: {
      patterns: [
        {
          // `file /usr/src/…/xen_disk.c, line 778.`
          match: String.raw`\b(file)[ \t]+([^\s,]+),[ \t]+(line)[ \t]+(\d+)`,
          captures: {
            1: { name: "keyword.other.location.gdb" },
            2: { name: "string.unquoted.file.gdb" },
            3: { name: "keyword.other.location.gdb" },
            4: { name: "constant.numeric.line.gdb" },
          },
        },
        {
          // `at /usr/src/…/xen_disk.c:778`, `xen_disk.c:778`
          match: String.raw`((?:\.{0,2}/)?[\w.+-]+(?:/[\w.+-]+)*\.[A-Za-z]\w*)(:)(\d+)\b`,
          captures: {
            1: { name: "string.unquoted.file.gdb" },
            2: { name: "punctuation.separator.gdb" },
            3: { name: "constant.numeric.line.gdb" },
          },
        },
      ],
    },
    history: { match: String.raw`\$(?:\d+|\$\d*|[A-Za-z_]\w*)?`, name: "variable.history.gdb" },
    string: {
      begin: '"',
      end: '"|$',
      name: "string.quoted.double.gdb",
      patterns: [{ match: String.raw`\\(?:[0-7]{1,3}|x[0-9a-fA-F]+|.)`, name: "constant.character.escape.gdb" }],
    },
    char: {
      match: String.raw`'(?:\\(?:[0-7]{1,3}|x[0-9a-fA-F]+|.)|[^'\\])'`,
      name: "string.quoted.single.gdb",
    },
    repeats: { match: String.raw`<repeats \d+ times>`, name: "comment.other.repeats.gdb" },
    cast: {
      // `(struct XenDevice *)`
      match: String.raw`\((struct|union|enum|const)?[ \t]*([A-Za-z_]\w*)[ \t]*(\*+)?\)(?=[ \t]*0x|[ \t]*-?\d)`,
      captures: {
        1: { name: "storage.type.gdb" },
        2: { name: "entity.name.type.gdb" },
        3: { name: "keyword.operator.pointer.gdb" },
      },
    },
    "type-keyword": {
      match: String.raw`\b(struct|union|enum|const|unsigned|signed|char|short|int|long|float|double|void|bool)\b`,
      name: "storage.type.gdb",
    },
    function: { match: String.raw`\b([A-Za-z_]\w*)(?=[ \t]*\()`, captures: { 1: { name: "entity.name.function.gdb" } } },
    member: { match: String.raw`\b([A-Za-z_]\w*)(?=[ \t]+=[ \t])`, captures: { 1: { name: "entity.name.tag.member.gdb" } } },
    address: { match: String.raw`\b0x[0-9a-fA-F]+\b`, name: "constant.numeric.hex.gdb" },
    number: { match: String.raw`(?<![\w.])-?\d+(?:\.\d+)?\b`, name: "constant.numeric.gdb" },
    signal: { match: String.raw`\bSIG[A-Z]+\b`, name: "constant.language.signal.gdb" },
    operator: { match: String.raw`->|[*&=]`, name: "keyword.operator.gdb" },
    punctuation: { match: "[{}(),]", name: "punctuation.separator.gdb" },
  },
};
