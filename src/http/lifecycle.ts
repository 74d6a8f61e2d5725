/**
 * The app's part in a graceful stop (#17): once draining, every answer says `Connection: close` (those being
 * written too), a request that arrives is refused with 503 "nothing was stored" in its reader's language, and
 * /healthz says "stopping", so neither a keep-alive client nor a load balancer keeps a stopping wiki busy.
 */
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../shared/AppError.js';

export class Lifecycle {
  private stopping = false;
  private readonly inFlight = new Set<Response>();

  get draining(): boolean {
    return this.stopping;
  }

  /** First middleware: knows the answers being written, so that a stop can close their connections after them. */
  readonly track = (_req: Request, res: Response, next: NextFunction): void => {
    if (this.stopping) res.setHeader('Connection', 'close');
    this.inFlight.add(res);
    const done = () => this.inFlight.delete(res);
    res.on('finish', done);
    res.on('close', done);
    next();
  };

  /** After the request's context (its language): what arrives while stopping is refused, nothing stored. */
  readonly refuseWhileStopping = (_req: Request, _res: Response, next: NextFunction): void => {
    next(this.stopping ? new AppError(503, 'app-error-restarting', {}, true) : undefined);
  };

  /** Starts draining; returns how many requests were in flight (they finish, then their connections close). */
  startDraining(): number {
    this.stopping = true;
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    return this.inFlight.size;
  }
}
