/** Form helpers: reading single string fields and checking the session's CSRF token. */
import type { Request, Response } from 'express';
import type { Services } from '../container.js';
import { ctx, param } from './context.js';

/** A field that checkboxes may send several times: its values as strings (none when absent). */
export function listField(req: Request, name: string): string[] {
  const v = (req.body as Record<string, unknown> | undefined)?.[name];
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The token field every state-changing form carries, named as MediaWiki's. */
export const TOKEN_FIELD = 'wpEditToken';

export function field(req: Request, name: string): string | undefined {
  return param(req.body, name);
}

/** Whether the form's token belongs to this session. */
export function hasValidToken(c: Services<'sessions'>, req: Request, res: Response): boolean {
  return c.sessions.verifyToken(ctx(res).session, 'csrf', field(req, TOKEN_FIELD));
}

/** The token for forms on this page; anonymous visitors without a session get a placeholder that never verifies. */
export function formToken(c: Services<'sessions'>, res: Response): string {
  return c.sessions.token(ctx(res).session, 'csrf');
}

/** An error summary entry: the field's id and its message key. */
export interface FieldError {
  field: string;
  messageKey: string;
  params?: Record<string, unknown>;
  /** Said once, in the error summary only: an error of the whole form that the field merely points at. */
  summaryOnly?: boolean;
  /** A place in the field's text (a JSON syntax error): the summary's link puts the cursor there. */
  at?: { line: number; column: number };
}
