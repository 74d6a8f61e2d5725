/**
 * Special:DevMailbox: the development mailbox, present only when no SMTP_URL is set and only for
 * Trust & Safety and interface-admin users, each of whom sees only the mail they received (mayReadMail).
 * Each message shows as its recipient would see it.
 */
import PostalMime from 'postal-mime';
import type { UserAccount } from '../accounts/UserAccount.js';
import type { Services } from '../container.js';
import { chromeServices, presentChrome } from '../http/chromePresenter.js';
import { ctx } from '../http/context.js';
import { renderPage } from '../http/render.js';
import { timestampParts } from '../i18n/formatDate.js';
import { AppError } from '../shared/AppError.js';
import type { SpecialPage } from '../wiki/SpecialPage.js';
import { parseTitle } from '../wiki/Title.js';

const READERS = ['trust-and-safety', 'interface-admin'];
const canRead = (user: UserAccount | null) => user !== null && user.groups.some((g) => READERS.includes(g));

/**
 * (#16) Only a report's recipients see its reporter: Trust & Safety reads the mail sent to the Trust & Safety
 * addresses; everyone, interface-admins included, reads mail sent to their own address, and nothing else.
 */
export function mayReadMail(user: UserAccount, envelopeTo: readonly string[], trustAndSafetyAddresses: readonly string[]): boolean {
  const to = envelopeTo.map((a) => a.toLowerCase());
  if (user.email !== '' && to.includes(user.email.toLowerCase())) return true;
  return user.groups.includes('trust-and-safety') && trustAndSafetyAddresses.some((a) => to.includes(a.toLowerCase()));
}

export const devMailboxPageServices = [...chromeServices, 'delivery', 'devMailbox'] as const;

export function devMailboxSpecialPage(c: Services<(typeof devMailboxPageServices)[number]>): SpecialPage {
  const title = () => {
    const t = parseTitle('Special:DevMailbox', c.namespaces);
    if (!t.ok) throw new Error('bad title');
    return t.value;
  };

  return {
    name: 'DevMailbox',
    titleKey: 'devmailbox-title',
    listed: (res) => c.delivery.usesDevMailbox && canRead(ctx(res).user),
    async get(_req, res, subpage) {
      // With a real SMTP server there is no mailbox here at all.
      if (!c.delivery.usesDevMailbox) throw new AppError(404, 'wiki-error-no-such-special', { name: 'DevMailbox' });
      const { user, t, lang } = ctx(res);
      if (!user) {
        res.redirect(303, '/wiki/Special:UserLogin?returnto=Special:DevMailbox');
        return;
      }
      if (!canRead(user)) throw new AppError(403, 'devmailbox-forbidden');
      res.setHeader('Cache-Control', 'no-store');
      const [idText, part] = (subpage ?? '').split('/');
      const visible = (envelopeTo: readonly string[]) => mayReadMail(user, envelopeTo, c.settings.ReportIncidentRecipientEmails);
      if (!idText) {
        const mails = await Promise.all(
          (await c.devMailbox.list(1000))
            .filter((m) => visible(m.envelopeTo))
            .slice(0, 200)
            .map(async (m) => {
              const parsed = await PostalMime.parse(m.raw);
              return { id: m.id, href: `/wiki/Special:DevMailbox/${m.id}`, ...timestampParts(m.receivedAt, lang), to: m.envelopeTo.join(', '), subject: parsed.subject ?? '' };
            }),
        );
        return renderPage(res, { view: 'delivery/devmailbox', model: { mails }, chrome: await presentChrome(c, res, { title: title(), heading: t('devmailbox-title'), action: 'special' }) });
      }
      const found = /^\d{1,12}$/.test(idText) ? await c.devMailbox.find(Number(idText)) : null;
      // Mail for someone else answers as one that does not exist.
      const mail = found && visible(found.envelopeTo) ? found : null;
      if (!mail) throw new AppError(404, 'devmailbox-no-such-message');
      const parsed = await PostalMime.parse(mail.raw);
      if (part === 'html') {
        // The HTML part alone, in a sandbox: no scripts, no remote content, framed only by this wiki. It keeps the
        // wiki's origin (still without scripts) so that the page framing it can size the frame to the whole mail.
        res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox allow-same-origin; frame-ancestors 'self'");
        res.setHeader('X-Frame-Options', 'SAMEORIGIN');
        res.type('html').send(parsed.html ?? '');
        return;
      }
      if (part === 'raw') {
        res.type('text/plain').send(mail.raw);
        return;
      }
      return renderPage(res, {
        view: 'delivery/devmailbox-message',
        model: {
          mail: {
            id: mail.id,
            ...timestampParts(mail.receivedAt, lang),
            envelopeFrom: mail.envelopeFrom,
            envelopeTo: mail.envelopeTo.join(', '),
            subject: parsed.subject ?? '',
            headers: parsed.headers.map((h) => ({ key: h.key, value: h.value })),
            text: parsed.text ?? '',
            hasHtml: Boolean(parsed.html),
            htmlHref: `/wiki/Special:DevMailbox/${mail.id}/html`,
            rawHref: `/wiki/Special:DevMailbox/${mail.id}/raw`,
          },
          backHref: '/wiki/Special:DevMailbox',
        },
        chrome: await presentChrome(c, res, { title: title(), heading: t('devmailbox-message-title', { subject: parsed.subject ?? '' }), action: 'special' }),
      });
    },
  };
}
