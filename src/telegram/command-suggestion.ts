/**
 * "Did you mean /unread?" for a command the bot does not know: the known command a typo is closest to. Plain
 * values only (no grammY), so the choice is tested on its own.
 */

/**
 * Edits between two words: insertions, deletions, substitutions and swaps of two neighbouring letters, each
 * counting one (Damerau–Levenshtein in its "optimal string alignment" form, enough for typos in one word).
 * Counted in code points, so a letter outside the BMP counts once.
 */
export function editDistance(a: string, b: string): number {
  const [s, t] = [Array.from(a), Array.from(b)];
  // rows[i][j]: edits between the first i letters of s and the first j of t.
  const rows = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[s.length]![t.length]!;
}

// Two edits turn most three-letter words into one another ("/me" into "/note"); short words get one.
const maxEdits = (typed: string) => (Array.from(typed).length <= 3 ? 1 : 2);
// "/u" is a prefix of too much to mean anything.
const MIN_PREFIX = 2;

/**
 * The known command `typed` most likely meant (both without "/", `typed` in lower case), or null when none is
 * close: within two edits (one for words of three letters or fewer), or a command `typed` is the start of
 * ("/unr" for /unread). A start counts as one edit; ties go to fewer real edits, then to the earlier command
 * in `known`, which lists the common ones first.
 */
export function suggestCommand<T extends string>(typed: string, known: readonly T[]): T | null {
  if (typed === "" || (known as readonly string[]).includes(typed)) return null;
  let best: { command: T; score: number; edits: number } | null = null;
  for (const command of known) {
    const edits = editDistance(typed, command);
    const prefix = typed.length >= MIN_PREFIX && command.startsWith(typed);
    const score = prefix ? Math.min(edits, 1) : edits;
    if (!prefix && edits > maxEdits(typed)) continue;
    if (!best || score < best.score || (score === best.score && edits < best.edits)) best = { command, score, edits };
  }
  return best?.command ?? null;
}
