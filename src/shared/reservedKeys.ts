/** Keys refused in any JSON object the app reads: they name Object.prototype's own members, which lookups and merges must never reach (#16). */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
