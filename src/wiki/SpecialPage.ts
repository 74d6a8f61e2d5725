/** The shape of a special page; features contribute theirs and the wiki router dispatches to them. */
import type { Request, Response } from 'express';

export interface SpecialPage {
  /** Canonical name, as in Special:UserLogin. */
  name: string;
  /** Message key of the page's heading and its entry on Special:SpecialPages. */
  titleKey: string;
  /** Whether Special:SpecialPages lists it (for this viewer, when a function). */
  listed: boolean | ((res: Response) => boolean);
  get?(req: Request, res: Response, subpage: string | null): Promise<void> | void;
  post?(req: Request, res: Response, subpage: string | null): Promise<void> | void;
}
