/** Errors that carry an HTTP status and a message key, rendered by the one error handler. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly messageKey: string,
    readonly params: Record<string, unknown> = {},
    /** Whether the message may be shown to the user (true for 4xx). */
    readonly expose = status < 500,
  ) {
    super(messageKey);
    this.name = 'AppError';
  }
}

export const notFound = (key = 'app-error-404-text', params?: Record<string, unknown>) => new AppError(404, key, params);
export const forbidden = (key = 'app-error-403-text', params?: Record<string, unknown>) => new AppError(403, key, params);
export const badRequest = (key: string, params?: Record<string, unknown>) => new AppError(400, key, params);
/** Another process held the database's lock: nothing was stored, and the page says to submit again shortly (503). */
export const databaseBusy = () => new AppError(503, 'app-error-busy', {}, true);
