import { InlineKeyboard } from "grammy";
import type { BotContext } from "./context.js";

/**
 * The "Open library" button that opens the Mini App, on a keyboard of its own or at the end of `keyboard`; without
 * WEB_APP_URL there is no Mini App, and the keyboard is returned as it was. Telegram offers web_app buttons in
 * private chats only, which is where the bot answers.
 */
export function withLibraryButton(ctx: BotContext, keyboard?: InlineKeyboard): InlineKeyboard | undefined {
  const page = ctx.config.webAppPage;
  if (!page) return keyboard;
  const below = keyboard && keyboard.inline_keyboard.at(-1)?.length ? keyboard.row() : (keyboard ?? new InlineKeyboard());
  return below.webApp(ctx.t("open-library"), page);
}
