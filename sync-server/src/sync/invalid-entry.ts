import type { z } from 'zod';

/** The admin-facing message of an entry its schema refuses: the first problem and where (no values quoted). */
export function invalidEntryMessage(parsed: z.ZodSafeParseResult<unknown>): string {
  if (parsed.success) return 'The entry key is not its id';
  const issue = parsed.error.issues[0];
  if (!issue) return 'Not a valid entry';
  const path = issue.path.join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
