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

export const QUESTION_CALLBACK = /^q:(\d{1,12}):([a-z]{1,2})(?::(\d{1,3}))?$/;

export function questionButton(questionId: number, action: QuestionAction, index?: number): string {
  return `q:${questionId}:${ACTIONS[action]}${index === undefined ? "" : `:${index}`}`;
}

export function parseQuestionButton(data: string): QuestionPress | null {
  const match = QUESTION_CALLBACK.exec(data);
  const action = match && BY_CODE.get(match[2]!);
  if (!match || !action) return null;
  if ((action === "toggle") !== (match[3] !== undefined)) return null;
  return { questionId: Number(match[1]), action, index: Number(match[3] ?? 0) };
}

/** Under "note added": takes back the notes the user's message became. */
export const UNDO_NOTE_CALLBACK = /^nu:(\d{1,12})$/;
export const undoNoteButton = (messageId: number) => `nu:${messageId}`;

/** Buttons of tag questions asked before they were stored as rows: answered with a word, nothing else. */
export const LEGACY_TAG_CALLBACK = /^tag:/;
