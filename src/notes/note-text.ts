/** The parts of a Telegram message a note is read from. */
export interface NoteSource {
  text?: string;
  caption?: string;
  entities?: readonly { type: string; offset: number; length: number }[];
  caption_entities?: readonly { type: string; offset: number; length: number }[];
}

/**
 * The note a message holds: its text or caption exactly, without a leading command ("/note …"). Only the
 * spaces after the command, or the line break ending it, go: a note starting on the next line keeps its
 * indentation. null when nothing is left.
 */
export function noteTextOf(message: NoteSource): string | null {
  const text = message.text ?? message.caption;
  const first = (message.text !== undefined ? message.entities : message.caption_entities)?.[0];
  if (text === undefined) return null;
  const body = first?.type === "bot_command" && first.offset === 0 ? text.slice(first.length).replace(/^[ \t]*(?:\r?\n)?/, "") : text;
  return body.trim() === "" ? null : body;
}
