// routeReport is pure and reads only the classifiers' verdicts: emergencies go to Trust & Safety, direct reports to
// the category's community address only when everything allows it, and anything else sends nothing (Get support).
import { describe, expect, it } from 'vitest';
import { type CommunityConfig, CommunityConfigSchema } from '../../../src/communityConfig/communityConfigSchema.js';
import { classifyEmergency, classifyNonEmergency } from '../../../src/classifiers/index.js';
import type { IncidentReport } from '../../../src/reporting/IncidentReport.js';
import { categoryEmail, classifierInput, directReportingAvailable, routeReport, type RoutingSettings } from '../../../src/routing/routeReport.js';
import { type BehaviorType, behaviorTypes, physicalHarmTypes } from '../../../src/taxonomy/taxonomy.js';

const settings: RoutingSettings = { ReportIncidentRecipientEmails: ['emergency@localhost'], ReportIncidentEnableDirectReporting: false };
const directOn: RoutingSettings = { ...settings, ReportIncidentEnableDirectReporting: true };
const defaults = (): CommunityConfig => CommunityConfigSchema.parse({});

/** Every category with an address, as a community that answers everything by mail would configure it. */
function everyCategoryWithEmail(): CommunityConfig {
  return CommunityConfigSchema.parse({
    ReportIncident_NonEmergency_Intimidation_HelpMethod: { Email: 'intimidation@example.org' },
    ReportIncident_NonEmergency_SexualHarassment_HelpMethod: { Email: 'sexual-harassment@example.org' },
    ReportIncident_NonEmergency_Doxing_HelpMethod: { Email: 'doxing@example.org' },
    ReportIncident_NonEmergency_Trolling_HelpMethod: { Email: 'trolling@example.org' },
    ReportIncident_NonEmergency_HateSpeech_HelpMethod: { Email: 'hate-or-discrimination@example.org' },
    ReportIncident_NonEmergency_Spam_HelpMethod: { Email: 'spam@example.org' },
    ReportIncident_NonEmergency_SomethingElse_HelpMethod: { Email: 'something-else@example.org' },
    ReportIncident_NonEmergency_Sockpuppetry_HelpMethod: { Email: 'sockpuppetry@example.org' },
    ReportIncident_NonEmergency_Vandalism_HelpMethod: { Email: 'vandalism@example.org' },
    ReportIncident_NonEmergency_UserDispute_HelpMethod: { Email: 'userdispute@example.org' },
    ReportIncident_NonEmergency_DisruptiveEditing_HelpMethod: { Email: 'disruptiveediting@example.org' },
    ReportIncident_NonEmergency_Other_HelpMethod: { Email: 'other@example.org' },
  });
}

const nonEmergency = (behaviorType: BehaviorType, directReport = '') => ({ incidentType: 'unacceptable-user-behavior' as const, behaviorType, directReport });

type Routed = Pick<IncidentReport, 'incidentType' | 'behaviorType' | 'directReport'> & Partial<Pick<IncidentReport, 'details' | 'physicalHarmType'>> & { snapshot?: string };

/** A report as the service routes it: through both classifiers, then routeReport on their verdicts. */
function routed(report: Routed, config: CommunityConfig, routing: RoutingSettings) {
  const input = classifierInput(
    { physicalHarmType: null, details: '', somethingElseDetails: '', reporterLanguage: 'en', ...report, snapshot: report.snapshot ? { text: report.snapshot } : null },
    config,
    routing,
  );
  return routeReport({ emergency: classifyEmergency(input), nonEmergency: classifyNonEmergency(input) }, config, routing);
}

describe('routeReport', () => {
  it('when the verdicts say emergency, then Trust & Safety gets it whatever the non-emergency route says', () => {
    const result = routeReport({ emergency: { emergency: true }, nonEmergency: { behaviorType: 'doxing', route: 'direct' } }, everyCategoryWithEmail(), directOn);
    expect(result.route).toBe('emergency');
  });

  it('when the non-emergency verdict says direct but the category has no address, then nothing is sent', () => {
    expect(routeReport({ emergency: { emergency: false }, nonEmergency: { behaviorType: 'doxing', route: 'direct' } }, defaults(), directOn)).toEqual({ route: 'support', deliveries: [] });
  });

  it('(#6) when a non-emergency report quotes a threat, then it goes as the reporter chose: the app offered the switch before', () => {
    const report = { ...nonEmergency('trolling'), details: 'he posted my home address and says he will come', snapshot: 'I will kill you' };
    const input = classifierInput({ physicalHarmType: null, somethingElseDetails: '', reporterLanguage: 'en', ...report, snapshot: { text: report.snapshot } }, defaults(), settings);
    expect(classifyEmergency(input)).toMatchObject({ emergency: false, mayBeEmergency: true });
    expect(routed(report, defaults(), settings)).toEqual({ route: 'support', deliveries: [] });
  });

  it.each(physicalHarmTypes)('when an emergency (%s) is routed, then it goes only to the Trust & Safety addresses', () => {
    const result = routed({ incidentType: 'immediate-threat-physical-harm', behaviorType: null, directReport: '' }, defaults(), settings);
    expect(result).toEqual({ route: 'emergency', deliveries: [{ kind: 'trust-and-safety', recipients: ['emergency@localhost'] }] });
  });

  it('when there are several Trust & Safety addresses, then the one delivery lists them all', () => {
    const result = routed({ incidentType: 'immediate-threat-physical-harm', behaviorType: null, directReport: '' }, defaults(), { ...settings, ReportIncidentRecipientEmails: ['a@example.org', 'b@example.org'] });
    expect(result.deliveries).toEqual([{ kind: 'trust-and-safety', recipients: ['a@example.org', 'b@example.org'] }]);
  });

  it('when an emergency carries direct-report text and direct reporting is on, then it still goes to Trust & Safety only', () => {
    const result = routed({ incidentType: 'immediate-threat-physical-harm', behaviorType: 'intimidation', directReport: 'text' }, everyCategoryWithEmail(), directOn);
    expect(result.route).toBe('emergency');
    expect(result.deliveries).toEqual([{ kind: 'trust-and-safety', recipients: ['emergency@localhost'] }]);
  });

  it.each(behaviorTypes.filter((b) => b !== 'something-else'))('when a %s report has text, direct reporting is on and the category has an address, then it goes to that address', (behaviorType) => {
    const result = routed(nonEmergency(behaviorType, 'Please help'), everyCategoryWithEmail(), directOn);
    expect(result).toEqual({ route: 'direct', deliveries: [{ kind: 'direct', recipients: [`${behaviorType}@example.org`] }] });
  });

  it('when a something-else report has text and an address is configured, then it is never direct', () => {
    expect(routed(nonEmergency('something-else', 'Please help'), everyCategoryWithEmail(), directOn)).toEqual({ route: 'support', deliveries: [] });
  });

  it.each([
    ['direct reporting is off', everyCategoryWithEmail(), settings, 'Please help'],
    ['the category has no address', defaults(), directOn, 'Please help'],
    ['there is no direct-report text', everyCategoryWithEmail(), directOn, ''],
    ['the direct-report text is only white space', everyCategoryWithEmail(), directOn, ' \n\t '],
  ] as const)('when %s, then an intimidation report sends nothing: the support route', (_, config, routing, text) => {
    expect(routed(nonEmergency('intimidation', text), config, routing)).toEqual({ route: 'support', deliveries: [] });
  });

  it('when the configured address has spaces around it, then the delivery uses it trimmed', () => {
    const config = CommunityConfigSchema.parse({ ReportIncident_NonEmergency_Trolling_HelpMethod: { Email: '  trolls@example.org ' } });
    expect(routed(nonEmergency('trolling', 'x'), config, directOn).deliveries).toEqual([{ kind: 'direct', recipients: ['trolls@example.org'] }]);
  });

  it('when the address is only spaces, then it counts as not configured', () => {
    const config = CommunityConfigSchema.parse({ ReportIncident_NonEmergency_Trolling_HelpMethod: { Email: '   ' } });
    expect(routed(nonEmergency('trolling', 'x'), config, directOn).route).toBe('support');
  });

  it('when a non-emergency report has no behaviour type, then it sends nothing', () => {
    expect(routed({ incidentType: 'unacceptable-user-behavior', behaviorType: null, directReport: 'x' }, everyCategoryWithEmail(), directOn)).toEqual({ route: 'support', deliveries: [] });
  });

  it('when it routes, then the configuration passed in is not changed', () => {
    const config = everyCategoryWithEmail();
    const copy = structuredClone(config);
    routed(nonEmergency('intimidation', 'x'), config, directOn);
    expect(config).toEqual(copy);
  });
});

describe('categoryEmail', () => {
  it.each(behaviorTypes)('when %s is looked up, then its own configuration key answers (a table, not a switch)', (behaviorType) => {
    expect(categoryEmail(behaviorType, everyCategoryWithEmail())).toBe(`${behaviorType}@example.org`);
  });

  it.each(behaviorTypes)('when nothing is configured, then %s has no address', (behaviorType) => {
    expect(categoryEmail(behaviorType, defaults())).toBe('');
  });
});

describe('directReportingAvailable', () => {
  it('when the feature is on, the category allows it and has an address, then it is available', () => {
    expect(directReportingAvailable('doxing', everyCategoryWithEmail(), directOn)).toBe(true);
  });

  it.each([
    ['the feature is off', 'doxing', everyCategoryWithEmail(), settings],
    ['the category never allows it', 'something-else', everyCategoryWithEmail(), directOn],
    ['no address is configured', 'doxing', defaults(), directOn],
  ] as const)('when %s, then it is not available', (_, behaviorType, config, routing) => {
    expect(directReportingAvailable(behaviorType, config, routing)).toBe(false);
  });
});
