/**
 * The ids of the prompts (conversations that wait for one message) a button may open. A button of one feature
 * may open another's prompt (the card's ✏️ opens the title prompt), and features do not import each other.
 */
export const PROMPTS = {
  /** `/title 12` without a title, or ✏️ on a card: the next message is the title. */
  title: "titlePrompt",
  /** ✏️ under a note on a card: the next message is the note's new text. */
  noteEdit: "noteEditPrompt",
} as const;
