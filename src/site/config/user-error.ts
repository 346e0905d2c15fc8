// A problem the user can fix (a bad option, a missing folder). The CLI prints its message as
// one line and exits non-zero; anything else is a bug and may show a stack trace.
export class UserError extends Error {
  override name = "UserError";
}

export function isUserError(error: unknown): error is UserError {
  // By name, not instanceof: tsx can load this module twice (CLI and .eleventy.js).
  return error instanceof Error && error.name === "UserError";
}

/**
 * One line for any failure: a UserError's message, wherever Eleventy wrapped it
 * (`originalError`, `cause`); otherwise the innermost error's first line.
 */
export function failureMessage(error: unknown): string {
  const chain: unknown[] = [];
  for (let e: unknown = error; e !== undefined && e !== null && chain.length < 20; ) {
    chain.push(e);
    const wrapped = e as { originalError?: unknown; cause?: unknown };
    e = wrapped.originalError ?? wrapped.cause;
  }
  const user = chain.find(isUserError);
  if (user) return user.message;
  const innermost = chain[chain.length - 1];
  const message = innermost instanceof Error ? innermost.message : String(innermost);
  return message.split("\n").find((line) => line.trim() !== "")?.trim() ?? "unknown error";
}
