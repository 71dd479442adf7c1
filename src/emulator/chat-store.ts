import type { Chat, Message, ReactionType, ReplyKeyboardMarkup, Update } from "@grammyjs/types";
import { badRequest } from "./api-error.js";

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

export interface StoredMessage {
  message: Message;
  byBot: boolean;
  /** The bot's reaction to a user's message (setMessageReaction); empty when it took it back. */
  reaction?: ReactionType[];
}

/** What changed in a chat, for a client that shows it (the playground page). */
export type ChatEvent =
  | { kind: "message"; chatId: number; message: Message; byBot: boolean }
  | { kind: "edited"; chatId: number; message: Message }
  | { kind: "deleted"; chatId: number; messageId: number }
  | { kind: "reaction"; chatId: number; messageId: number; reaction: ReactionType[] }
  | { kind: "callback-answer"; chatId: number; text?: string; showAlert: boolean }
  | { kind: "chat-action"; chatId: number; action: string }
  | { kind: "keyboard"; chatId: number; keyboard: ReplyKeyboardMarkup | null }
  | { kind: "commands" }
  /** The menu button changed, for one chat or (without a chat) for every chat without its own. */
  | { kind: "menu-button"; chatId?: number };

interface ChatState {
  chat: Chat;
  messages: Map<number, StoredMessage>;
}

/** The chats Telegram knows of, their messages with ids shared by the user and the bot, and who is watching them. */
export class ChatStore {
  private readonly chats = new Map<number, ChatState>();
  private readonly lastMessageIds = new Map<number, number>();
  private readonly listeners = new Set<(event: ChatEvent) => void>();
  private readonly keyboards = new Map<number, ReplyKeyboardMarkup>();

  nextMessageId(chatId: number): number {
    const id = (this.lastMessageIds.get(chatId) ?? 0) + 1;
    this.lastMessageIds.set(chatId, id);
    return id;
  }

  /** Keeps what Telegram would know from an incoming update: the chat and the user's message. */
  remember(update: Update): void {
    const message = update.message ?? update.edited_message;
    if (message) {
      const state = this.stateOf(message.chat);
      const known = state.messages.get(message.message_id);
      state.messages.set(message.message_id, { ...known, message, byBot: false });
      const last = Math.max(this.lastMessageIds.get(message.chat.id) ?? 0, message.message_id);
      this.lastMessageIds.set(message.chat.id, last);
      this.emit(known ? { kind: "edited", chatId: message.chat.id, message } : { kind: "message", chatId: message.chat.id, message, byBot: false });
    }
    if (update.callback_query?.message) this.stateOf(update.callback_query.message.chat);
  }

  /** Makes a private chat known, as if its user had started the bot earlier. */
  knowPrivateChat(userId: number): void {
    this.stateOf({ id: userId, type: "private", first_name: `user${userId}` });
  }

  /** The chat a call names, or Telegram's answer for one it does not know. */
  known(chatId: unknown): ChatState {
    if (chatId === undefined || chatId === "") throw badRequest("chat_id is empty");
    const state = this.chats.get(Number(chatId));
    if (!state) throw badRequest("chat not found");
    return state;
  }

  /** Stores what the bot sent and tells the watchers. */
  addBotMessage(state: ChatState, message: Message): Message {
    state.messages.set(message.message_id, { message, byBot: true });
    this.emit({ kind: "message", chatId: state.chat.id, message: structuredClone(message), byBot: true });
    return structuredClone(message);
  }

  message(state: ChatState, messageId: number): StoredMessage | undefined {
    return state.messages.get(messageId);
  }

  /** A bot's own message it asks to change. */
  editable(chatId: unknown, messageId: unknown, notFound: string): StoredMessage {
    const stored = this.known(chatId).messages.get(Number(messageId));
    if (!stored) throw badRequest(notFound);
    if (!stored.byBot) throw badRequest("message can't be edited");
    return stored;
  }

  applyEdit(stored: StoredMessage, changes: Partial<Message>, editDate: number): Message {
    const next = compact({ ...stored.message, ...changes }) as Message;
    if (sameContent(next, stored.message)) throw badRequest(NOT_MODIFIED);
    stored.message = { ...next, edit_date: editDate };
    this.emit({ kind: "edited", chatId: next.chat.id, message: structuredClone(stored.message) });
    return structuredClone(stored.message);
  }

  delete(chatId: unknown, messageId: unknown): void {
    const state = this.known(chatId);
    if (!state.messages.delete(Number(messageId))) throw badRequest("message to delete not found");
    this.emit({ kind: "deleted", chatId: state.chat.id, messageId: Number(messageId) });
  }

  react(chatId: unknown, messageId: unknown, reaction: ReactionType[]): void {
    const state = this.known(chatId);
    const stored = state.messages.get(Number(messageId));
    if (!stored) throw badRequest("message to react not found");
    stored.reaction = reaction;
    this.emit({ kind: "reaction", chatId: state.chat.id, messageId: Number(messageId), reaction });
  }

  /** The keyboard a bot message put in place of the user's, until another replaces or removes it. */
  setKeyboard(chatId: number, keyboard: ReplyKeyboardMarkup | null): void {
    if (keyboard) this.keyboards.set(chatId, keyboard);
    else if (!this.keyboards.delete(chatId)) return;
    this.emit({ kind: "keyboard", chatId, keyboard });
  }

  keyboard(chatId: number): ReplyKeyboardMarkup | null {
    return this.keyboards.get(chatId) ?? null;
  }

  /** Every message of a chat, oldest first, as a client opening it would show them. */
  history(chatId: number): StoredMessage[] {
    const messages = [...(this.chats.get(chatId)?.messages.values() ?? [])].map((stored) => structuredClone(stored));
    return messages.sort((a, b) => a.message.message_id - b.message.message_id);
  }

  emit(event: ChatEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: (event: ChatEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private stateOf(chat: Chat): ChatState {
    let state = this.chats.get(chat.id);
    if (!state) this.chats.set(chat.id, (state = { chat, messages: new Map() }));
    return state;
  }
}

function sameContent(a: Message, b: Message): boolean {
  const content = (m: Message) =>
    stableJson({ text: m.text, entities: m.entities ?? [], caption: m.caption, caption_entities: m.caption_entities ?? [], reply_markup: m.reply_markup });
  return content(a) === content(b);
}

export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  );
}

export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
