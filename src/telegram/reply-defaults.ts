import type { Context, MiddlewareFn, Transformer } from "grammy";

/**
 * Every message the bot writes is HTML with link previews off, so that is said once, here, instead of on every
 * call. An option the caller wrote is kept as written, even when its value is `undefined`: that is how a call
 * asks for Telegram's own behaviour (the option is then left out of the request, as before these defaults).
 *
 * Installed on `bot.api` (handlers and the background jobs, which are given `bot.api`) and, through
 * `replyDefaultsInConversations`, on the fresh `Api` the conversations plugin builds for each replay: transformers
 * on `bot.api` do not reach the calls made inside a conversation.
 */

// Methods whose text is the message: parse mode and preview both apply.
const TEXT_METHODS = new Set(["sendMessage", "editMessageText"]);
// Methods with a caption: only the parse mode applies, and only when there is a caption to parse.
const CAPTION_METHODS = new Set(["sendPhoto", "sendDocument", "sendVideo", "sendAnimation", "sendAudio", "sendVoice", "copyMessage", "editMessageCaption"]);

const NO_PREVIEW = { is_disabled: true } as const;

/** The payload with the defaults filled in where the caller said nothing; other methods' payloads unchanged. */
export function withReplyDefaults(method: string, payload: Record<string, unknown>): Record<string, unknown> {
  if (TEXT_METHODS.has(method)) {
    return {
      ...payload,
      // A caller that gives entities has formatted the text itself: HTML parsing must not touch it.
      ...("parse_mode" in payload || "entities" in payload ? {} : { parse_mode: "HTML" }),
      ...("link_preview_options" in payload ? {} : { link_preview_options: NO_PREVIEW }),
    };
  }
  if (CAPTION_METHODS.has(method) && "caption" in payload && !("parse_mode" in payload) && !("caption_entities" in payload)) {
    return { ...payload, parse_mode: "HTML" };
  }
  return payload;
}

export const replyDefaults: Transformer = (prev, method, payload, signal) =>
  prev(method, withReplyDefaults(method, payload as Record<string, unknown>) as typeof payload, signal);

/** For the conversations plugin's `plugins` option: installs the defaults on the conversation's own `Api`. */
export const replyDefaultsInConversations: MiddlewareFn<Context> = async (ctx, next) => {
  ctx.api.config.use(replyDefaults);
  await next();
};
