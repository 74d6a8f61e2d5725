/** A small structured logger: one JSON line per event on stderr, never user-typed text by design of its callers. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Warnings and errors of one message written per minute, at most; the rest are counted, not written. */
export const REPEATS_PER_MINUTE = 10;
const NEVER_LEFT_OUT = new Set(['mail still not delivered after an hour', 'mail given up']);

export function createLogger(
  minLevel: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
  now: () => number = Date.now,
): Logger {
  // (#17) A failure that repeats (a locked database, a mail server down) must not fill the disk with its lines:
  // past REPEATS_PER_MINUTE in a minute they are counted, and the next line written says how many were left out.
  const repeats = new Map<string, { windowStart: number; written: number; suppressed: number }>();
  // What was left out is said within the minute even if the failure stops repeating.
  const flush = setInterval(() => {
    for (const [key, r] of repeats) {
      if (r.suppressed === 0) continue;
      const space = key.indexOf(' ');
      write(JSON.stringify({ time: new Date().toISOString(), level: key.slice(0, space), message: key.slice(space + 1), repeatedUnlogged: r.suppressed }));
      r.suppressed = 0;
    }
  }, 60_000);
  flush.unref();
  const log = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (order[level] < order[minLevel]) return;
    let suppressed = 0;
    // Alarms name one message each, once (bounded by the outbox): never left out.
    if (order[level] >= order.warn && !NEVER_LEFT_OUT.has(message)) {
      const key = `${level} ${message}`;
      const t = now();
      let r = repeats.get(key);
      if (!r || t - r.windowStart >= 60_000) {
        suppressed = r?.suppressed ?? 0;
        r = { windowStart: t, written: 0, suppressed: 0 };
        repeats.set(key, r);
      }
      if (r.written >= REPEATS_PER_MINUTE) {
        r.suppressed += 1;
        return;
      }
      r.written += 1;
    }
    write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields, ...(suppressed > 0 ? { repeatedUnlogged: suppressed } : {}) }));
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}

/** Collects log lines in memory; tests read them to prove what was (not) logged. */
export class MemoryLogger implements Logger {
  readonly lines: { level: LogLevel; message: string; fields?: Record<string, unknown> }[] = [];
  debug(message: string, fields?: Record<string, unknown>) { this.lines.push({ level: 'debug', message, fields }); }
  info(message: string, fields?: Record<string, unknown>) { this.lines.push({ level: 'info', message, fields }); }
  warn(message: string, fields?: Record<string, unknown>) { this.lines.push({ level: 'warn', message, fields }); }
  error(message: string, fields?: Record<string, unknown>) { this.lines.push({ level: 'error', message, fields }); }
}
