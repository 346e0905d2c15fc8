// A problem the user can fix (a bad option, a missing folder). The CLI prints its message as
// one line and exits non-zero; anything else is a bug and may show a stack trace.
export class UserError extends Error {
  override name = "UserError";
}

export function isUserError(error: unknown): error is UserError {
  // By name, not instanceof: tsx can load this module twice (CLI and .eleventy.js).
  return error instanceof Error && error.name === "UserError";
}
