import { bigrams, CJK_RUN, searchedPart, TOKEN } from "./tokens.js";

/**
 * The text as the search index stores it: each CJK run becomes its overlapping bigrams followed by its last
 * character ("进程调度" → "进程 程调 调度 度"), so a one-character query, a prefix, finds every character of
 * the run. Other text stays as it is: unicode61 splits it into words itself. Only the start of a long text is
 * indexed (MAX_SEARCHED_LENGTH).
 */
export function searchText(whole: string): string {
  const text = searchedPart(whole);
  return text.replace(CJK_RUN, (run: string, offset: number) => {
    const indexed = [...bigrams(run), Array.from(run).at(-1)].join(" ");
    // Without a space, unicode61 would glue the run to the Latin letters beside it ("Rust进程" is one token).
    const before = offset > 0 && !/\s/u.test(text.charAt(offset - 1)) ? " " : "";
    const end = offset + run.length;
    const after = end < text.length && !/\s/u.test(text.charAt(end)) ? " " : "";
    return `${before}${indexed}${after}`;
  });
}

/** A URL's search text with its percent-escapes decoded, so "wiki/%E8%BF%9B%E7%A8%8B" is found by "进程". */
export function urlSearchText(url: string): string {
  let readable = searchedPart(url);
  try {
    readable = decodeURI(readable);
  } catch {
    // A malformed escape: the URL is indexed as it is written.
  }
  return searchText(readable);
}

/** The search text with `owner` (see ownerPrefix) put before each of its words, as the index stores it. */
export function ownedText(owner: string, text: string): string {
  // One replace with a pattern rather than tokens() or a callback: an import writes this for every link. An
  // owner is letters and digits (ownerPrefix), so it holds no "$" that the pattern would read.
  return text.replace(TOKEN, `${owner}$&`);
}
