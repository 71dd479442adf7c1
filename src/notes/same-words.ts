/** Letters and digits only, case and width folded: what two phrasings of one title have in common. */
function comparable(text: string): string {
  return text
    .normalize("NFKC")
    .toLocaleLowerCase("en")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

// A share sheet sends "Title - Site" or "Title | Site": most of the words are the title's.
const MIN_SHARED_SHARE = 0.6;

/** Whether the words a link was sent with only repeat its page's title, so keeping them as a note adds nothing. */
export function repeatsTitle(words: string, title: string): boolean {
  const a = comparable(words);
  const b = comparable(title);
  if (a === "" || b === "") return false;
  if (a === b) return true;
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return longer.startsWith(shorter) && shorter.length / longer.length >= MIN_SHARED_SHARE;
}
