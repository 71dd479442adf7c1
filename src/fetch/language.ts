function canonicalTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** The first candidate that is a valid language tag, in canonical form; `og:locale` writes `en_US` for `en-US`. */
export function languageTag(...candidates: (string | undefined)[]): string | undefined {
  for (const candidate of candidates) {
    const tag = canonicalTag(candidate?.trim().replace(/_/gu, "-"));
    if (tag) return tag;
  }
  return undefined;
}
