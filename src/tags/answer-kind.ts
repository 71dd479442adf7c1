import { parseTags } from "./parse-tags.js";

/** What a message typed while a tag question is open means. */
export type AnswerKind = { kind: "tags"; tags: string[] } | { kind: "note" } | { kind: "ask"; tags: string[] } | { kind: "none" };

// Sentence punctuation of any script. A full stop counts only where it ends a word, so "node.js" stays a tag.
const SENTENCE_PUNCTUATION = /[，。；！？、…!?;]|\.(?=\s|$)/u;
const MAX_TAG_TOKENS = 8;
const MAX_TAG_TOKEN_CHARS = 30;
const MAX_TAG_ANSWER_CHARS = 60;
// Chinese tags are short nouns (机器学习, 分布式系统); a longer run without spaces is more likely a remark.
const MAX_CJK_TAG_CHARS = 8;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
// Words people say to a bot that would make poor tags; asked about rather than guessed.
const CHATTER = new Set(["thanks", "thank", "thx", "ty", "ok", "okay", "cool", "nice", "great", "yes", "no", "谢谢", "好", "好的", "嗯", "收到", "行"]);

const charCount = (text: string) => Array.from(text).length;
// What a tag is written with (c++, node.js, C#, 机器学习); a word with other marks (<, :, =, brackets) is something else.
const TAG_TOKEN = /^#*[\p{L}\p{N}\p{M}_\-.+/#]+$/u;

/**
 * Tags only when the user means tags: hashtags, or a few short words without sentence punctuation. Prose is a
 * note. What fits neither (a long word, a lone "thanks", tag-like words in a long line) is asked about, never
 * guessed. A reply to the question itself settles the doubt towards tags, but never turns prose into tags.
 */
export function classifyAnswer(text: string, { repliesToQuestion = false } = {}): AnswerKind {
  const trimmed = text.trim();
  const tokens = trimmed.split(/[\s,]+/u).filter((token) => token !== "");
  const tags = parseTags(trimmed);
  const punctuated = SENTENCE_PUNCTUATION.test(trimmed);
  const sentence = punctuated || tokens.length > MAX_TAG_TOKENS || charCount(trimmed) > MAX_TAG_ANSWER_CHARS;
  if (tags.length === 0) return /[\p{L}\p{N}]/u.test(trimmed) ? { kind: "note" } : { kind: "none" };
  if (tokens.every((token) => token.startsWith("#")) && !punctuated) return { kind: "tags", tags };
  if (sentence) return { kind: "note" };
  const tagLike =
    tokens.every((token) => charCount(token) <= MAX_TAG_TOKEN_CHARS && TAG_TOKEN.test(token)) &&
    !hasLongCjkRun(trimmed) &&
    !tokens.every((token) => CHATTER.has(token.toLowerCase()));
  return tagLike || repliesToQuestion ? { kind: "tags", tags } : { kind: "ask", tags };
}

function hasLongCjkRun(text: string): boolean {
  return [...text.matchAll(CJK_RUN)].some((run) => charCount(run[0]) > MAX_CJK_TAG_CHARS);
}
