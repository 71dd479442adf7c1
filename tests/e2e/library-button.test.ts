import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { InlineKeyboardButton, Message } from "@grammyjs/types";
import { beforeAll, describe, expect, it } from "vitest";
import { appHarness } from "../support/harness.js";
import { chatSession } from "../support/chat-session.js";
import { buttonsOf, nextEdit } from "../support/chat.js";

const WEB_APP_URL = "https://linklog.example.org";
const PAGE = "https://linklog.example.org/app/";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function webAppButtons(message: Message): InlineKeyboardButton.WebAppButton[] {
  return (message.reply_markup?.inline_keyboard ?? []).flat().filter((button): button is InlineKeyboardButton.WebAppButton => "web_app" in button);
}

/** With WEB_APP_URL set, the Mini App is a tap away: the menu button, /start and /unread (issue 20). */
describe("the Open library button", () => {
  const env: Record<string, string> = {};
  // Before the harness's own beforeAll, which starts the app with this env.
  beforeAll(async () => Object.assign(env, { WEB_APP_URL, PORT: String(await freePort()) }));
  const harness = appHarness(env);
  const { save, command, user } = chatSession(harness, { id: 7101, first_name: "Lin" });

  it("is under /start and on its own row under /unread's ✅ buttons, not under /queue", async () => {
    await command("/timezone Europe/Berlin");
    expect(webAppButtons(await command("/start"))).toEqual([{ text: "📚 Open library", web_app: { url: PAGE } }]);
    await save("https://example.org/a First", "");
    const list = await command("/unread", /Unread: 1/);
    const rows = list.reply_markup!.inline_keyboard;
    expect(rows.at(-1)).toEqual([{ text: "📚 Open library", web_app: { url: PAGE } }]);
    expect(rows[0]!.map((button) => button.text)).toEqual(["✅ 1"]);
    expect(webAppButtons(await command("/queue", /1/))).toEqual([]);
  });

  it("keeps the button when a ✅ redraws the list", async () => {
    const list = await command("/unread", /Unread: 1/);
    const since = harness.emulator.mark();
    user().press(list, buttonsOf(list)[0]!.callback_data);
    expect(webAppButtons(await nextEdit(harness.emulator, list, since))).toHaveLength(1);
  });

  it("speaks Chinese once the user chose 中文: the button and the chat's menu button", async () => {
    const choice = await command("/language");
    const since = harness.emulator.mark();
    user().press(choice, buttonsOf(choice).find((button) => button.text.includes("中文"))!.callback_data);
    await nextEdit(harness.emulator, choice, since);
    expect(harness.emulator.menuButton(7101)).toEqual({ type: "web_app", text: "链接库", web_app: { url: PAGE } });
    expect(webAppButtons(await command("/start"))).toEqual([{ text: "📚 打开链接库", web_app: { url: PAGE } }]);
    // Everyone else keeps the default, English one the bot set at start-up.
    expect(harness.emulator.menuButton(7102)).toEqual({ type: "web_app", text: "Library", web_app: { url: PAGE } });
  });
});
