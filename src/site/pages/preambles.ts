// Text a file holds before its first entry (notes, a title, pasted text, or a whole file with
// no timestamp at all) belongs to no entry page; it is shown on the archive page so that no
// text of a log is lost from the site.

import path from "node:path";
import type { LogFile } from "../../log/types.ts";
import { modelText } from "./model-text.ts";

export interface FileNotes {
  /** The file's name relative to the content folder, or null when sources are not shown. */
  file: string | null;
  text: string;
}

export function fileNotes(files: LogFile[], options: { showSource: boolean; contentDir?: string }): FileNotes[] {
  const notes: FileNotes[] = [];
  for (const file of files) {
    const lines = file.preamble.split(/\r\n|\n|\r/);
    // `.LOG` is Notepad's instruction to stamp the file, not something the author wrote.
    if (file.directive !== null && lines[0]?.trim() === file.directive) lines.shift();
    const text = lines.join("\n").replace(/^(?:[ \t]*\n)+/, "").trimEnd();
    if (text === "") continue;
    const name = options.contentDir ? path.relative(options.contentDir, file.file) : file.file;
    notes.push({ file: options.showSource ? name.split(path.sep).join("/") : null, text: modelText(text) });
  }
  return notes;
}
