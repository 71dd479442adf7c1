import type { Chat, Message } from "@grammyjs/types";
import { forwardOrigin, type BotApi, type EmulatedUser } from "../emulator/index.js";
import { signInitData } from "../miniapp/init-data.js";

/** The languages the page offers; the bot picks its own from `language_code`, as it does in Telegram. */
export const PLAYGROUND_LANGUAGES = ["en", "zh-hans"] as const;
export type PlaygroundLanguage = (typeof PLAYGROUND_LANGUAGES)[number];

const USER_ID = 1001;
// A channel id as Telegram gives them (-100…), so a forward looks like one from a real channel.
const CHANNEL_ID = -1001234567890;

export interface Outgoing {
  text: string;
  /** The message this one answers (the user swiped or tapped Reply on it). */
  replyTo?: number;
  /** "Paste as forwarded from a channel": the channel's title. */
  forwardedFrom?: string;
}

export class PlaygroundInputError extends Error {}

/** The one person in the playground: what they type, tap and upload becomes the updates Telegram would send. */
export class SimulatedUser {
  private user: EmulatedUser;
  private forwardedPosts = 0;

  constructor(
    private readonly api: BotApi,
    private language: PlaygroundLanguage = "en",
  ) {
    this.user = this.userIn(language);
  }

  get chatId(): number {
    return this.user.chatId;
  }

  get languageCode(): PlaygroundLanguage {
    return this.language;
  }

  /** Later messages carry this `language_code`; the bot answers in it from then on. */
  speak(language: PlaygroundLanguage): void {
    this.language = language;
    this.user = this.userIn(language);
  }

  send({ text, replyTo, forwardedFrom }: Outgoing): Message {
    if (text.trim() === "") throw new PlaygroundInputError("empty message");
    if (forwardedFrom !== undefined) return this.user.forward(text, this.channelPost(forwardedFrom));
    if (replyTo !== undefined) return this.user.reply(this.message(replyTo), text);
    return text.startsWith("/") ? this.user.command(text) : this.user.sendText(text);
  }

  press(messageId: number, data: string): void {
    const message = this.message(messageId);
    const offered = message.reply_markup?.inline_keyboard.flat().some((button) => "callback_data" in button && button.callback_data === data);
    if (!offered) throw new PlaygroundInputError("that button is no longer there");
    this.user.press(message, data);
  }

  /** A "📍 Send my location" tap; the page has no GPS, so it sends a city's coordinates. */
  shareLocation(latitude: number, longitude: number): Message {
    if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180)) throw new PlaygroundInputError("not a place on Earth");
    return this.user.sendLocation(latitude, longitude);
  }

  upload(content: Buffer, fileName: string, caption = ""): Message {
    if (content.length === 0) throw new PlaygroundInputError("the file is empty");
    const added = this.api.addFile(content, fileName);
    const file = this.api.file(added.file_id)!;
    return this.user.sendCaptioned("document", caption, {
      document: { file_id: file.file_id, file_unique_id: file.file_unique_id, file_name: fileName, mime_type: file.mime_type, file_size: file.file_size },
    });
  }

  /** The initData Telegram would give a Mini App this user opens now (src/miniapp/init-data.ts checks it). */
  miniAppInitData(botToken: string, now: number): string {
    const { id, first_name, language_code } = this.user.from;
    return signInitData(botToken, { user: JSON.stringify({ id, first_name, language_code }), auth_date: String(Math.floor(now / 1000)) });
  }

  private message(messageId: number): Message {
    const found = this.api.history(this.chatId).find((stored) => stored.message.message_id === messageId);
    if (!found) throw new PlaygroundInputError("that message is gone");
    return found.message;
  }

  private channelPost(title: string) {
    const channel: Chat.ChannelChat = { id: CHANNEL_ID, type: "channel", title: title.trim() || "Channel" };
    return forwardOrigin.channel(channel, ++this.forwardedPosts);
  }

  private userIn(language: PlaygroundLanguage): EmulatedUser {
    return this.api.user({ id: USER_ID, first_name: "You", language_code: language });
  }
}
