/** The one source of "now" for services, so tests can fix time. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stands still until moved; for tests and the demo seed. */
export class FixedClock implements Clock {
  private current: number;
  constructor(start: string | number) {
    this.current = typeof start === 'number' ? start : Date.parse(start);
  }
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(at: string | number): void {
    this.current = typeof at === 'number' ? at : Date.parse(at);
  }
}
