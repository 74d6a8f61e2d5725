// ReportBodySchema and bodyProblems: what a report may carry, and how each kind of zod issue becomes a field and a message key.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bodyProblems, type FieldProblem, MAX_DETAILS_CODE_POINTS, MAX_REPORTED_USER_LENGTH, MAX_SOMETHING_ELSE_CODE_POINTS, ReportBodySchema } from '../../../src/reporting/reportSchemas.js';
import { behaviorTypes, physicalHarmTypes } from '../../../src/taxonomy/taxonomy.js';

const valid = { revisionId: 0, page: 'User talk:Testing', incidentType: 'immediate-threat-physical-harm', physicalHarmType: 'threats-self-harm', token: 'abc+\\' };

/**
 * bodyProblems, also given the body: today it takes only the error (and ignores a second argument); the
 * proposed fix of the bug below reads from the body whether a field was sent, as the routes would pass it.
 */
const problemsFor = (error: z.ZodError, input: unknown): FieldProblem[] => bodyProblems(error, input);

/** The problems of a body that must fail, parsed as the REST route and the forms parse it. */
function problemsOf(body: Record<string, unknown>) {
  const parsed = ReportBodySchema.safeParse(body);
  if (parsed.success) throw new Error('expected the body to fail');
  return problemsFor(parsed.error, body);
}

describe('ReportBodySchema', () => {
  it('when the body is a valid emergency report, then it parses unchanged', () => {
    expect(ReportBodySchema.parse(valid)).toEqual(valid);
  });

  it('when every optional field is given, then it parses', () => {
    const full = { ...valid, threadId: 'c-Brackenfield-20260101000000', reportedUser: 'Brackenfield', about: 'self', details: 'd', somethingElseDetails: 's', directReport: 'r' };
    expect(ReportBodySchema.parse(full)).toEqual(full);
  });

  it('when the limits are read, then they are the original\'s: 1000 code points for texts, 200 for the something-else form field', () => {
    expect(MAX_DETAILS_CODE_POINTS).toBe(1000);
    expect(MAX_SOMETHING_ELSE_CODE_POINTS).toBe(200);
    expect(MAX_REPORTED_USER_LENGTH).toBe(255);
  });

  it.each(['details', 'somethingElseDetails', 'directReport'])('when %s has 1000 emoji (2000 UTF-16 units), then it passes; 1001 fail', (field) => {
    expect(ReportBodySchema.safeParse({ ...valid, [field]: '😀'.repeat(1000) }).success).toBe(true);
    expect(ReportBodySchema.safeParse({ ...valid, [field]: '😀'.repeat(1001) }).success).toBe(false);
  });

  it.each(['\t', '\n', '\r\n'])('when details has %j, then it passes: plain text may have tabs and line breaks', (ch) => {
    expect(ReportBodySchema.safeParse({ ...valid, details: `a${ch}b` }).success).toBe(true);
  });

  it('when the body has the enums of the taxonomy, then each value is accepted', () => {
    for (const physicalHarmType of physicalHarmTypes) expect(ReportBodySchema.safeParse({ ...valid, physicalHarmType }).success).toBe(true);
    for (const behaviorType of behaviorTypes) expect(ReportBodySchema.safeParse({ ...valid, behaviorType }).success).toBe(true);
  });
});

describe('bodyProblems', () => {
  it('when fields are unknown, then each unknown field is its own problem', () => {
    expect(problemsOf({ ...valid, bogus: 1, behaviors: [] })).toEqual([
      { field: 'bogus', messageKey: 'reportincident-error-unknown-field', params: { field: 'bogus' } },
      { field: 'behaviors', messageKey: 'reportincident-error-unknown-field', params: { field: 'behaviors' } },
    ]);
  });

  it.each([
    ['incidentType', 'foo', 'unacceptable-user-behavior, immediate-threat-physical-harm'],
    ['physicalHarmType', 'foo', physicalHarmTypes.join(', ')],
    ['behaviorType', 'foo', behaviorTypes.join(', ')],
    ['about', 'them', 'self, someone-else'],
    ['incidentType', ['immediate-threat-physical-harm'], 'unacceptable-user-behavior, immediate-threat-physical-harm'],
  ])('when %s is %j, then the problem lists every allowed value', (field, value, allowed) => {
    expect(problemsOf({ ...valid, [field]: value })).toEqual([{ field, messageKey: 'reportincident-error-invalid-value', params: { field, allowed } }]);
  });

  it.each(['revisionId', 'token'])('when the required %s is missing, then it is a missing field', (field) => {
    const body: Record<string, unknown> = { ...valid };
    delete body[field];
    expect(problemsOf(body)).toEqual([{ field, messageKey: 'reportincident-error-missing-field', params: { field } }]);
  });

  it('when revisionId is negative, then it must be an integer ≥ 0', () => {
    expect(problemsOf({ ...valid, revisionId: -1 })).toEqual([{ field: 'revisionId', messageKey: 'reportincident-error-wrong-type', params: { field: 'revisionId', expected: 'integer ≥ 0' } }]);
  });

  it.each([
    ['details', '😀'.repeat(1001), 1000],
    ['somethingElseDetails', 'x'.repeat(1001), 1000],
    ['directReport', 'x'.repeat(1001), 1000],
    ['reportedUser', 'x'.repeat(256), 255],
    ['page', 'x'.repeat(513), 512],
    ['threadId', 'x'.repeat(513), 512],
  ])('when %s is too long, then the problem gives its limit', (field, value, max) => {
    expect(problemsOf({ ...valid, [field]: value })).toEqual([{ field, messageKey: 'reportincident-error-too-long', params: { field, max } }]);
  });

  it.each([
    ['details', 'a\u0000b'],
    ['somethingElseDetails', '\u0007'],
    ['directReport', '\u001b[31m'],
    ['reportedUser', 'A\u007f'],
    ['threadId', 'c-\u0001'],
    ['details', 'a\u000bb'],
  ])('when %s has the control character in %j, then the problem says so', (field, value) => {
    expect(problemsOf({ ...valid, [field]: value })).toEqual([{ field, messageKey: 'reportincident-error-control-characters', params: { field } }]);
  });

  it('when a text is both too long and has control characters, then both problems are listed for it', () => {
    const keys = problemsOf({ ...valid, details: '\u0000'.repeat(1001) }).map((p) => p.messageKey);
    expect(keys.sort()).toEqual(['reportincident-error-control-characters', 'reportincident-error-too-long']);
  });

  it('when several fields are wrong, then every problem is listed in the order of the issues', () => {
    const problems = problemsOf({ ...valid, incidentType: 'foo', page: 'x'.repeat(600), bogus: true });
    expect(problems.map((p) => p.field).sort()).toEqual(['bogus', 'incidentType', 'page']);
  });

  it('when the issue is of a kind not mapped, then it is a generic invalid field', () => {
    const error = new z.ZodError([{ code: 'custom', path: ['page'], message: 'something else entirely', input: 'x' }]);
    expect(problemsFor(error, { page: 'x' })).toEqual([{ field: 'page', messageKey: 'reportincident-error-invalid-field', params: { field: 'page' } }]);
  });

  it('when the issue concerns the body itself (no path), then its field is empty', () => {
    const error = new z.ZodError([{ code: 'custom', path: [], message: 'x', input: null }]);
    expect(problemsFor(error, null)[0]!.field).toBe('');
  });

  // zod 4 keeps no input in its issues, so the body itself tells a wrong type from a missing field.
  it.each([
    ['details', { text: 'x' }, 'string'],
    ['reportedUser', { name: 'x' }, 'string'],
    ['threadId', 5, 'string'],
    ['page', 5, 'string'],
    ['details', null, 'string'],
  ])('when %s is %j, then it is a wrong type, not a missing field', (field, value, expected) => {
    expect(problemsOf({ ...valid, [field]: value })).toEqual([{ field, messageKey: 'reportincident-error-wrong-type', params: { field, expected } }]);
  });

  it.each([1.5, true, '12', 1e20])('when revisionId is %j, then it must be an integer ≥ 0', (value) => {
    expect(problemsOf({ ...valid, revisionId: value })).toEqual([{ field: 'revisionId', messageKey: 'reportincident-error-wrong-type', params: { field: 'revisionId', expected: 'integer ≥ 0' } }]);
  });

  it('when incidentType is missing, then it is a missing field, not an invalid value', () => {
    const body: Record<string, unknown> = { ...valid };
    delete body.incidentType;
    expect(problemsOf(body)).toEqual([{ field: 'incidentType', messageKey: 'reportincident-error-missing-field', params: { field: 'incidentType' } }]);
  });
});
