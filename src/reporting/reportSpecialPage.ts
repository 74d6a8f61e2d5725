/**
 * Special:ReportIncident: the report flow as plain server-rendered forms, one step a page, with
 * POST-redirect-GET between steps and what was typed kept in a server-side draft. The dialog of
 * report-dialog.js loads these same steps.
 */
import type { Services } from '../container.js';
import { ctx } from '../http/context.js';
import { AppError } from '../shared/AppError.js';
import type { SpecialPage } from '../wiki/SpecialPage.js';
import { behaviorStep } from './flow/behaviorStep.js';
import { chooseTypeStep } from './flow/chooseTypeStep.js';
import { emergencyStep } from './flow/emergencyStep.js';
import { helpStep } from './flow/helpStep.js';
import { maybeEmergencyStep } from './flow/maybeEmergencyStep.js';
import { reportFlow, reportFlowServices } from './flow/reportFlow.js';
import { submittedStep } from './flow/submittedStep.js';
import { draftSubmitter } from './flow/submitDraft.js';
import { supportStep } from './flow/supportStep.js';

export { mailtoHref } from './flow/reportFlow.js';

/** What the steps use between them. */
export const reportSpecialPageServices = [...reportFlowServices, 'accounts', 'logger'] as const;

export function reportSpecialPage(c: Services<(typeof reportSpecialPageServices)[number]>): SpecialPage {
  // Each step gets the shared helpers; filing a draft is shared by the emergency step and the direct-report form.
  const flow = reportFlow(c);
  const submitDraft = draftSubmitter(c, flow);
  const chooseType = chooseTypeStep(c, flow);
  const emergency = emergencyStep(c, flow, submitDraft);
  const behavior = behaviorStep(c, flow);
  const maybeEmergency = maybeEmergencyStep(c, flow);
  const support = supportStep(c, flow, submitDraft);
  const help = helpStep(c, flow);
  const submitted = submittedStep(c, flow);

  return {
    name: 'ReportIncident',
    titleKey: 'reportincident-special-title',
    listed: false,
    async get(req, res, subpage) {
      const [step, arg] = (subpage ?? '').split('/');
      if (!step) return chooseType.get(req, res);
      if (step === 'emergency') return emergency.get(req, res);
      if (step === 'behavior') return behavior.get(req, res);
      if (step === 'maybe-emergency') return maybeEmergency.get(req, res);
      if (step === 'support' && arg) return support.get(req, res, arg);
      if (step === 'help' && !arg) return help.get(req, res);
      if (step === 'submitted' && arg) return submitted.get(req, res, arg);
      if (step === 'out' && arg) return support.followHelpLink(res, arg, (subpage ?? '').split('/')[2] ?? '');
      throw new AppError(404, 'reportincident-error-unknown-step');
    },
    async post(req, res, subpage) {
      const [step, arg] = (subpage ?? '').split('/');
      if (!step) return chooseType.post(req, res);
      if (step === 'emergency') return emergency.post(req, res);
      if (step === 'behavior') return behavior.post(req, res);
      if (step === 'maybe-emergency') return maybeEmergency.post(req, res);
      if (step === 'support' && arg) return support.post(req, res, arg);
      if (step === 'out' && arg) {
        // Only a logged-in reader's ping counts (the browser sends its cookies): nobody else can inflate the funnel.
        if (!ctx(res).user) return void res.status(204).end();
        return support.followHelpLink(res, arg, (subpage ?? '').split('/')[2] ?? '', true);
      }
      throw new AppError(405, 'app-error-method-not-allowed');
    },
  };
}
