import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import type { MenuButton } from "@grammyjs/types";
import type { BotContext } from "./context.js";
import { translatorFor } from "./i18n.js";

function libraryButton(text: string, page: string): MenuButton {
  return { type: "web_app", text, web_app: { url: page } };
}

/**
 * The menu button beside the message box: the Mini App when WEB_APP_URL is set, else the "/" commands (also after
 * WEB_APP_URL is taken away, so the button does not keep opening a page that is gone). Set only when it differs.
 */
export async function registerMenuButton(api: Api, i18n: I18n<any>, webAppPage: string | undefined): Promise<void> {
  // Without a user, English: the default button's words.
  const t = translatorFor(i18n, undefined);
  const wanted: MenuButton = webAppPage ? libraryButton(t("menu-library"), webAppPage) : { type: "default" };
  const current = await api.getChatMenuButton();
  const same = current.type === wanted.type && (current.type !== "web_app" || JSON.stringify(current) === JSON.stringify(wanted));
  if (!same) await api.setChatMenuButton({ menu_button: wanted });
}

/**
 * The default button speaks English; a chat gets its own in the user's language. Called when the language may
 * have changed (/start, /language), not on every message.
 */
export async function sendMenuButtonInUserLanguage(ctx: BotContext): Promise<void> {
  const page = ctx.config.webAppPage;
  if (!page || ctx.chat?.type !== "private") return;
  await ctx.api.setChatMenuButton({ chat_id: ctx.chat.id, menu_button: libraryButton(ctx.t("menu-library"), page) });
}
