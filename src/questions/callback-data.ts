import { callbackData, int, optional, text } from "../telegram/callback-data.js";

/**
 * Buttons of a tag question name the question's row, not a conversation's memory, so they keep working after a
 * restart, a time-out or /cancel. Every id is checked against the pressing user before use.
 */
const ACTIONS = {
  toggle: "t",
  done: "d",
  skip: "s",
  together: "a",
  oneByOne: "o",
  tag: "g",
  asTags: "xt",
  asNote: "xn",
  lateYes: "ly",
  lateNo: "ln",
} as const;

export type QuestionAction = keyof typeof ACTIONS;
export interface QuestionPress {
  questionId: number;
  action: QuestionAction;
  /** The tag button's index into the question's options, for toggles. */
  index: number;
}

const BY_CODE = new Map<string, QuestionAction>(Object.entries(ACTIONS).map(([action, code]) => [code, action as QuestionAction]));

// `q:<question>:<code>[:<tag index>]`. Any one or two letters match, so a press with a code this version does not know
// still reaches the question's handler and is told the question expired.
const questionData = callbackData("q", { questionId: int(12), code: text("[a-z]{1,2}", "xt"), index: optional(int(3)) });
export const QUESTION_CALLBACK = questionData.pattern;

export function questionButton(questionId: number, action: QuestionAction, index?: number): string {
  return questionData.pack({ questionId, code: ACTIONS[action], index });
}

export function parseQuestionButton(data: string): QuestionPress | null {
  const press = questionData.unpack(data);
  const action = press && BY_CODE.get(press.code);
  if (!press || !action) return null;
  if ((action === "toggle") !== (press.index !== undefined)) return null;
  return { questionId: press.questionId, action, index: press.index ?? 0 };
}

/** Under "note added": takes back the notes the user's message became. */
export const undoNoteData = callbackData("nu", { messageId: int(12) });
export const undoNoteButton = (messageId: number) => undoNoteData.pack({ messageId });

/** Buttons of tag questions asked before they were stored as rows: answered with a word, nothing else. */
export const legacyTagData = callbackData("tag", { rest: text("[\\s\\S]*", "") });
