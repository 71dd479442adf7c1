import type { MenuButton } from "@grammyjs/types";
import { badRequest } from "./api-error.js";
import type { Payload } from "./request-body.js";

/**
 * The bot's menu button: a default one for every chat, and one per private chat that replaces it there, as
 * setChatMenuButton keeps them. Telegram opens Mini Apps over https only; the emulator also takes this machine's
 * own http addresses, where the tests and the playground serve the page.
 */
export class MenuButtons {
  private readonly buttons = new Map<string, MenuButton>();

  set(p: Payload): true {
    const key = p.chat_id === undefined ? "" : String(p.chat_id);
    const button = (p.menu_button ?? { type: "default" }) as MenuButton;
    if (button.type === "web_app") {
      if (!button.text?.trim()) throw badRequest("BUTTON_TEXT_INVALID");
      if (!isWebAppUrl(button.web_app?.url)) throw badRequest("BUTTON_URL_INVALID");
    } else if (button.type !== "commands" && button.type !== "default") throw badRequest("unsupported menu button type");
    if (button.type === "default") this.buttons.delete(key);
    else this.buttons.set(key, button);
    return true;
  }

  /** What a chat shows: its own button, else the default one, else Telegram's default (the commands menu). */
  get(chatId?: number | string): MenuButton {
    return (chatId === undefined ? undefined : this.buttons.get(String(chatId))) ?? this.buttons.get("") ?? { type: "default" };
  }
}

function isWebAppUrl(url: unknown): boolean {
  if (typeof url !== "string" || !URL.canParse(url)) return false;
  const { protocol, hostname } = new URL(url);
  return protocol === "https:" || (protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(hostname));
}
