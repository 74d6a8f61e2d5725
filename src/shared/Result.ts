/** Expected outcomes of domain operations: a value, or a message key with parameters (MediaWiki's StatusValue). */
export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; messageKey: string; params?: Record<string, unknown>; status?: number };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (messageKey: string, params?: Record<string, unknown>, status?: number): Err => ({
  ok: false,
  messageKey,
  ...(params ? { params } : {}),
  ...(status ? { status } : {}),
});
