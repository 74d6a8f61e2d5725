/** Which crisis resources a reporter sees: those for their language first, then those for everyone; links only if https. */
export function crisisResourcesFor<T extends { language: string; url: string }>(resources: T[], lang: string): T[] {
  const base = lang.split('-')[0];
  const mine = resources.filter((r) => r.language && (r.language === lang || r.language === base));
  const general = resources.filter((r) => !r.language);
  // The lenient reader keeps what an old save stored: a link here is shown in pages and mail, so only https passes.
  return [...mine, ...general].map((r) => ({ ...r, url: httpsOnly(r.url) }));
}

function httpsOnly(url: string): string {
  try {
    return new URL(url.trim()).protocol === 'https:' ? url.trim() : '';
  } catch {
    return '';
  }
}
