import type { Chat, Message, MessageEntity, MessageOrigin, Update, User } from "@grammyjs/types";
import { detectUrlEntities } from "./url-entities.js";

/** `Omit` that keeps a union a union. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type NewUpdate = DistributiveOmit<Update, "update_id">;

export interface EmulatedUser {
  id: number;
  chatId: number;
  from: User;
  sendText(text: string, extra?: Partial<Message>): Message;
  sendCaptioned(kind: "photo" | "video" | "document", caption: string, extra?: Partial<Message>): Message;
  forward(text: string, origin: MessageOrigin, extra?: Partial<Message>): Message;
  reply(to: Message, text: string, extra?: Partial<Message>): Message;
  command(text: string): Message;
  press(message: Message, callbackData: string): Update;
  /** What a "📍 Send my location" keyboard button sends. */
  sendLocation(latitude: number, longitude: number): Message;
  edit(message: Message, newText: string): Update;
}

export interface UserInit {
  id?: number;
  first_name?: string;
  username?: string;
  language_code?: string;
}

/** What a user needs from the emulator: message ids shared with the bot, and the update queue. */
export interface UserHost {
  nextMessageId(chatId: number): number;
  pushUpdate(update: NewUpdate): Update;
}

let callbackQueries = 0;
let fileIds = 0;
const now = () => Math.floor(Date.now() / 1000);

/** Ready-made `forward_origin` values for `user.forward(...)`. */
export const forwardOrigin = {
  user: (sender_user: User, date = now()): MessageOrigin => ({ type: "user", date, sender_user }),
  hiddenUser: (sender_user_name: string, date = now()): MessageOrigin => ({ type: "hidden_user", date, sender_user_name }),
  chat: (sender_chat: Chat, date = now()): MessageOrigin => ({ type: "chat", date, sender_chat }),
  channel: (chat: Chat.ChannelChat, message_id: number, date = now()): MessageOrigin => ({ type: "channel", date, chat, message_id }),
};

export function createUser(host: UserHost, init: UserInit = {}): EmulatedUser {
  const from: User = {
    id: init.id ?? 1001,
    is_bot: false,
    first_name: init.first_name ?? "Test",
    ...(init.username !== undefined ? { username: init.username } : {}),
    language_code: init.language_code ?? "en",
  };
  const chat: Chat.PrivateChat = {
    id: from.id,
    type: "private",
    first_name: from.first_name,
    ...(from.username !== undefined ? { username: from.username } : {}),
  };

  const send = (fields: Partial<Message>, extra: Partial<Message> = {}): Message => {
    const message = {
      message_id: host.nextMessageId(chat.id),
      from,
      chat,
      date: now(),
      ...fields,
      ...extra,
    } as Message & Update.NonChannel;
    host.pushUpdate({ message });
    return message;
  };
  const textFields = (text: string, extra: Partial<Message>): Partial<Message> => ({
    text,
    ...nonEmpty("entities", extra.entities ?? detectUrlEntities(text)),
  });

  return {
    id: from.id,
    chatId: chat.id,
    from,
    sendText: (text, extra = {}) => send(textFields(text, extra), extra),
    sendCaptioned: (kind, caption, extra = {}) =>
      send(
        {
          ...media(kind),
          ...(caption === "" ? {} : { caption }),
          ...nonEmpty("caption_entities", extra.caption_entities ?? detectUrlEntities(caption)),
        },
        extra,
      ),
    forward: (text, origin, extra = {}) => send({ ...textFields(text, extra), forward_origin: origin }, extra),
    reply: (to, text, extra = {}) =>
      // Telegram never nests replies: the replied-to message loses its own reply_to_message.
      send({ ...textFields(text, extra), reply_to_message: { ...to, reply_to_message: undefined } }, extra),
    command: (text) => {
      const command = text.split(/\s/, 1)[0] ?? text;
      const entities: MessageEntity[] = [
        { type: "bot_command", offset: 0, length: command.length },
        ...detectUrlEntities(text).filter((e) => e.offset >= command.length),
      ];
      return send({ text, entities });
    },
    sendLocation: (latitude, longitude) => send({ location: { latitude, longitude } }),
    press: (message, data) =>
      host.pushUpdate({
        callback_query: {
          id: `${from.id}-${++callbackQueries}-${Date.now().toString(36)}`,
          from,
          message,
          chat_instance: `-${message.chat.id}`,
          data,
        },
      }),
    edit: (message, newText) => {
      // A captioned message is edited through its caption, as in Telegram's clients.
      const changed =
        message.caption !== undefined
          ? { caption: newText, caption_entities: undefined, ...nonEmpty("caption_entities", detectUrlEntities(newText)) }
          : { text: newText, entities: undefined, ...nonEmpty("entities", detectUrlEntities(newText)) };
      const edited = { ...message, ...changed, edit_date: now() } as Message & Update.NonChannel & Update.Edited;
      return host.pushUpdate({ edited_message: edited });
    },
  };
}

function nonEmpty<K extends "entities" | "caption_entities">(key: K, entities: MessageEntity[]) {
  return (entities.length > 0 ? { [key]: entities } : {}) as Partial<Record<K, MessageEntity[]>>;
}

function media(kind: "photo" | "video" | "document"): Partial<Message> {
  const n = ++fileIds;
  const ids = (suffix: string) => ({ file_id: `emu-${kind}-${n}${suffix}`, file_unique_id: `emu-u-${kind}-${n}${suffix}` });
  switch (kind) {
    case "photo":
      return {
        photo: [
          { ...ids("s"), width: 90, height: 67, file_size: 1_204 },
          { ...ids("x"), width: 1280, height: 960, file_size: 98_765 },
        ],
      };
    case "video":
      return { video: { ...ids(""), width: 1280, height: 720, duration: 12, mime_type: "video/mp4", file_size: 1_048_576 } };
    case "document":
      return { document: { ...ids(""), file_name: "paper.pdf", mime_type: "application/pdf", file_size: 204_800 } };
  }
}
