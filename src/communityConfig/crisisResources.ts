/** Which crisis resources a reporter sees: those for their language first, then those for everyone. */
export function crisisResourcesFor<T extends { language: string }>(resources: T[], lang: string): T[] {
  const base = lang.split('-')[0];
  const mine = resources.filter((r) => r.language && (r.language === lang || r.language === base));
  const general = resources.filter((r) => !r.language);
  return [...mine, ...general];
}
