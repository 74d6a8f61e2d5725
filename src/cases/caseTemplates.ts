/**
 * The desk's reply templates (#21): an acknowledgement in the reporter's language that thanks them, names the
 * reference, promises a date the responder must fill in, invites updates and says where to add them. Chosen by the
 * case, refused while their date placeholder is left as it was, through the pages and REST alike.
 */
import type { CommunityConfig } from '../communityConfig/communityConfigSchema.js';
import { replyTemplateNames } from '../communityConfig/communityConfigSchema.js';
import { mailLanguage } from '../delivery/emails/mailViews.js';
import type { Messages } from '../i18n/createI18n.js';
import type { CaseQueue } from './casePolicy.js';

/** The templates (a community may word each its own way in its configuration, per language). */
export const templateNames = replyTemplateNames;
export type TemplateName = (typeof templateNames)[number];

const templateKey: Record<TemplateName, string> = {
  'acknowledge-emergency': 'reportincident-case-template-acknowledge-emergency',
  'acknowledge-at-risk': 'reportincident-case-template-acknowledge-at-risk',
  'acknowledge-community': 'reportincident-case-template-acknowledge-community',
};

export interface TemplateFacts {
  reportId: string;
  /** The report's harm or behaviour type: a community may word a reply for one type. */
  category: string;
  openedIn: CaseQueue;
  /** A threat of self-harm the reporter says is about themselves. */
  reporterAtRisk: boolean;
  reporterName: string;
  reporterLanguage: string;
}

export class CaseTemplates {
  /** Every language's date placeholder: whichever the responder's text began from, it must be replaced. */
  private readonly placeholders: string[];

  constructor(
    private readonly messages: Messages,
    private readonly site: { Sitename: string; Server: string; LanguageCode: string },
    private readonly communityConfig: { current(): Promise<CommunityConfig> },
  ) {
    this.placeholders = [...new Set(messages.languages.filter((l) => l !== 'qqx').map((l) => messages.translator(l)('reportincident-case-template-date')))].filter((p) => p.length >= 3);
  }

  /**
   * The acknowledgement for this case, in the reporter's language (the wiki's when theirs is unknown): the
   * community's own wording for that language if it has one, else its wording for every language, else ours.
   */
  async acknowledgement(facts: TemplateFacts): Promise<{ name: TemplateName; text: string; language: string }> {
    const language = mailLanguage(this.messages, facts.reporterLanguage, mailLanguage(this.messages, this.site.LanguageCode));
    const t = this.messages.translator(language);
    const name: TemplateName = facts.reporterAtRisk ? 'acknowledge-at-risk' : facts.openedIn === 'trust-and-safety' ? 'acknowledge-emergency' : 'acknowledge-community';
    const values: Record<string, string> = {
      name: facts.reporterName,
      id: facts.reportId,
      sitename: this.site.Sitename,
      date: t('reportincident-case-template-date'),
      link: `${this.site.Server}/wiki/Special:MyReports/${facts.reportId}`,
    };
    // The closest wording: for this type and language, this type, this language, then any. A wording for every
    // language is written in the wiki's own: it is offered only to a reporter of that language (another reporter is
    // better served by the wiki's template in theirs).
    const own = (await this.communityConfig.current()).ReportIncident_ReplyTemplates.filter(
      (r) => r.template === name && (r.category === '' || r.category === facts.category) && (r.language === language || (r.language === '' && language === this.site.LanguageCode)),
    );
    const chosen = own.find((r) => r.category !== '' && r.language === language) ?? own.find((r) => r.category !== '') ?? own.find((r) => r.language === language) ?? own[0];
    if (chosen) {
      return { name, language, text: chosen.text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole) };
    }
    return { name, language, text: t(templateKey[name], values) };
  }

  isTemplate(name: string): name is TemplateName {
    return (templateNames as readonly string[]).includes(name);
  }

  /** The placeholder still in a text begun from a template, or null when every one was replaced. */
  unfilled(text: string): string | null {
    return this.placeholders.find((p) => text.includes(p)) ?? null;
  }
}
