/** zod schemas of what a report may carry, shared by the REST endpoint and the no-JavaScript forms. */
import { z } from 'zod';
import { behaviorTypes, incidentTypes, physicalHarmTypes } from '../taxonomy/taxonomy.js';
import { codePointLength } from '../wiki/textInput.js';

/** ReportHandler::MAX_DETAILS_LENGTH: Unicode code points, not UTF-16 units. */
export const MAX_DETAILS_CODE_POINTS = 1000;
/** The "Something else" description is short, as in the original's front end. */
export const MAX_SOMETHING_ELSE_CODE_POINTS = 200;
export const MAX_REPORTED_USER_LENGTH = 255;

// NUL and other control characters except tab and newline; a report is plain text.
// Controls, and (#16) a lone half of a UTF-16 surrogate pair, which cannot be stored or mailed as UTF-8.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\p{Cs}/u;

const reportText = (max: number) =>
  z
    .string()
    .refine((s) => !controlCharacters.test(s), { error: 'control-characters' })
    .refine((s) => codePointLength(s) <= max, { error: 'too-long' });

export const ReportBodySchema = z.strictObject({
  revisionId: z.int().min(0),
  page: z.string().max(512).optional(),
  threadId: z.string().max(512).refine((s) => !controlCharacters.test(s), { error: 'control-characters' }).optional(),
  reportedUser: z.string().max(MAX_REPORTED_USER_LENGTH).refine((s) => !controlCharacters.test(s), { error: 'control-characters' }).optional(),
  incidentType: z.enum(incidentTypes),
  physicalHarmType: z.enum(physicalHarmTypes).optional(),
  behaviorType: z.enum(behaviorTypes).optional(),
  /** Our addition: whether the emergency is about the reporter or someone else. */
  about: z.enum(['self', 'someone-else']).optional(),
  details: reportText(MAX_DETAILS_CODE_POINTS).optional(),
  somethingElseDetails: reportText(MAX_DETAILS_CODE_POINTS).optional(),
  directReport: reportText(MAX_DETAILS_CODE_POINTS).optional(),
  /** (#21) Responders the reporter of a direct report keeps out of its case (user names); one must remain. */
  recuse: z.array(z.string().max(MAX_REPORTED_USER_LENGTH)).max(50).optional(),
  token: z.string().max(200),
});
export type ReportBody = z.infer<typeof ReportBodySchema>;
export type ReportSubmission = Omit<ReportBody, 'token'>;

export interface FieldProblem {
  field: string;
  messageKey: string;
  params: Record<string, unknown>;
}

const limits: Record<string, number> = {
  details: MAX_DETAILS_CODE_POINTS,
  somethingElseDetails: MAX_DETAILS_CODE_POINTS,
  directReport: MAX_DETAILS_CODE_POINTS,
  reportedUser: MAX_REPORTED_USER_LENGTH,
  page: 512,
  threadId: 512,
};

/** Every problem of a body, each naming its field and a message key, in a form the user's language can say. */
export function bodyProblems(error: z.ZodError, input: unknown): FieldProblem[] {
  // zod 4 does not keep the input in its issues: look at the body itself to tell "missing" from "wrong".
  const given = (f: string) => input !== null && typeof input === 'object' && (input as Record<string, unknown>)[f] !== undefined;
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ field: key, messageKey: 'reportincident-error-unknown-field', params: { field: key } });
    } else if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && !given(field)) {
      problems.push({ field, messageKey: 'reportincident-error-missing-field', params: { field } });
    } else if (issue.code === 'invalid_value') {
      problems.push({ field, messageKey: 'reportincident-error-invalid-value', params: { field, allowed: issue.values.map(String).join(', ') } });
    } else if (issue.code === 'invalid_type' || ((issue.code === 'too_small' || issue.code === 'too_big') && field === 'revisionId')) {
      problems.push({ field, messageKey: 'reportincident-error-wrong-type', params: { field, expected: field === 'revisionId' ? 'integer ≥ 0' : String((issue as { expected?: string }).expected ?? 'string') } });
    } else if (issue.code === 'too_big' || issue.message === 'too-long') {
      problems.push({ field, messageKey: 'reportincident-error-too-long', params: { field, max: limits[field] ?? 0 } });
    } else if (issue.message === 'control-characters') {
      problems.push({ field, messageKey: 'reportincident-error-control-characters', params: { field } });
    } else {
      problems.push({ field, messageKey: 'reportincident-error-invalid-field', params: { field } });
    }
  }
  return problems;
}
