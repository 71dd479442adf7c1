import { readFileSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_TOKEN } from "../../src/emulator/index.js";
import { hasChromium, launchBrowser, PHONE, SCREENSHOTS } from "../support/browser.js";
import { tempDatabasePath } from "../support/bot-process.js";
import { startPlaygroundProcess, type PlaygroundProcess } from "../support/playground-process.js";

const fixture = new URL("../fixtures/study-log.md", import.meta.url).pathname;
const WAIT_MS = 8000;

/**
 * The README's first command as a newcomer runs it (no BOT_TOKEN), and the page it names, used in Chromium at a
 * phone's size: every step waits for what the user would see.
 */
describe.skipIf(!hasChromium)("the playground in a browser", () => {
  const database = tempDatabasePath();
  let playground: PlaygroundProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [playground, browser] = await Promise.all([startPlaygroundProcess({ PLAYGROUND_DATABASE_URL: database.path }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    database.cleanup();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: PHONE, colorScheme: "light", acceptDownloads: true });
    await page.goto(playground.url);
    page.setDefaultTimeout(WAIT_MS);
  });
  afterEach(async ({ task }) => {
    // What the chat showed when a step failed says more than the step's time-out.
    if (task.result?.state === "fail") console.error(`the chat:\n${await page.locator("#chat").innerText()}\n${playground.output()}`);
    await page.close();
  });

  const message = () => page.locator("#text");
  /** The id of the newest message on screen: what the bot says next comes after it. */
  const lastId = () => page.locator(".row").evaluateAll((rows) => Math.max(0, ...rows.map((row) => Number(row.getAttribute("data-id")))));
  /** Types and sends; returns the id of the message before it. */
  const say = async (text: string) => {
    const before = await lastId();
    await message().fill(text);
    await message().press("Enter");
    return before;
  };
  /** The bot's newest message after `since` matching `text`, found by its id so that it stays found when edited. */
  const botSays = async (text: RegExp, since: number): Promise<Locator> => {
    const newest = () =>
      page
        .locator(".row.in")
        .filter({ hasText: text })
        .evaluateAll((rows, after) => rows.filter((row) => Number(row.getAttribute("data-id")) > after).at(-1)?.id, since);
    await expect.poll(newest, { timeout: WAIT_MS, interval: 50 }).toBeDefined();
    return page.locator(`#${await newest()}`);
  };
  const waitForText = (row: Locator, text: RegExp) => row.filter({ hasText: text }).waitFor({ timeout: WAIT_MS });

  it("says what it is: one log line with its address, and a banner that it is not Telegram", async () => {
    expect(playground.output()).toMatch(/No BOT_TOKEN: playground at http:\/\/127\.0\.0\.1:\d+ — set BOT_TOKEN to connect to Telegram/);
    await expect(page.getByRole("note").textContent()).resolves.toMatch(/not connected to Telegram/);
  });

  it("saves a link, tags it from a suggestion, lists it, marks it read, imports a log and exports it back", async () => {
    const first = await botSays(/Tags\?/, await say("https://example.org/rust-book The Rust book"));
    await say("rust");
    // The question itself turns into the confirmation: edited in place, no new message piles up.
    await waitForText(first, /Tags: #rust/);
    await expect(first.locator(".meta").textContent()).resolves.toMatch(/edited/);

    const second = await botSays(/Tags\?/, await say("https://example.org/async-rust"));
    await second.getByRole("button", { name: "#rust" }).click();
    await second.getByRole("button", { name: "Done" }).click();
    await waitForText(second, /Tags: #rust/);

    const list = await botSays(/async-rust/, await say("/unread"));
    const before = await list.locator(".text").textContent();
    const botMessages = await page.locator(".row.in").count();
    await list.locator(".keyboard button", { hasText: "✅" }).first().click();
    await list.locator(".text").filter({ hasNotText: before! }).waitFor();
    expect(await page.locator(".row.in").count()).toBe(botMessages);

    const sentFileAfter = await lastId();
    await page.locator("#file").setInputFiles(fixture);
    const preview = await botSays(/study-log\.md/, sentFileAfter);
    await preview.getByRole("button", { name: "Import" }).click();
    await botSays(/Imported \d+ links/, sentFileAfter);

    const exportedAfter = await say("/export md");
    const exported = (await botSays(/\.md/, exportedAfter)).locator("a.document");
    const [download] = await Promise.all([page.waitForEvent("download"), exported.click()]);
    const content = readFileSync((await download.path())!, "utf8");
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    expect(content).toContain("https://example.org/rust-book");
    expect(content).toMatch(/✅ https:\/\/example\.org\/(async-rust|rust-book)/);
    expect(content).toContain("blog.lelonek.me/elixir-on-erlang-vm-demystified");

    await page.screenshot({ path: new URL("playground-light.png", SCREENSHOTS).pathname });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: new URL("playground-dark.png", SCREENSHOTS).pathname });
  }, 60_000);

  /** What a bot would call: the playground's port is its Bot API too. */
  const botApi = async (method: string, payload: object) => {
    const response = await fetch(`${playground.url}/bot${DEFAULT_TOKEN}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
    });
    const answer = (await response.json()) as { ok: boolean; result: { message_id: number } };
    expect(answer.ok).toBe(true);
    return answer.result;
  };

  it("shows the bot's own keyboard on first contact, and a 📍 tap shares a location", async () => {
    await botSays(/Which time zone are you in\?/, await say("/start"));
    const keyboard = page.getByRole("group", { name: "The bot's keyboard" });
    await keyboard.getByRole("button", { name: /London · GMT/ }).waitFor();
    const sharedAt = await lastId();
    await keyboard.getByRole("button", { name: "📍 Send my location" }).click();
    await botSays(/Time zone set to Europe\/London/, sharedAt);
    await keyboard.waitFor({ state: "hidden" });
  });

  it("renders the bot's HTML as Telegram does, and shows its reactions on the user's messages", async () => {
    await botSays(/./, await say("/start"));
    const chatId = 1001;
    const sent = await botApi("sendMessage", {
      chat_id: chatId,
      parse_mode: "HTML",
      text: '<b>bold</b> <i>italic</i> <code>x = 1</code> <a href="https://example.org/a">a link</a> &lt;not a tag&gt;\n<blockquote>a quote</blockquote><blockquote expandable>one\ntwo\nthree\nfour\nfive</blockquote>',
    });
    const row = page.locator(`#m-${sent.message_id}`);
    await row.waitFor();
    await expect(row.locator("b").textContent()).resolves.toBe("bold");
    await expect(row.locator("i").textContent()).resolves.toBe("italic");
    await expect(row.locator("code").textContent()).resolves.toBe("x = 1");
    await expect(row.locator("a[href='https://example.org/a']").textContent()).resolves.toBe("a link");
    await expect(row.locator(".text").textContent()).resolves.toContain("<not a tag>");
    await expect(row.locator("blockquote:not(.expandable)").textContent()).resolves.toBe("a quote");
    const expandable = row.locator("blockquote.expandable");
    await expect(expandable.getAttribute("class")).resolves.toContain("collapsed");
    await expandable.getByRole("button", { name: "Show more" }).click();
    await expect(expandable.getAttribute("class")).resolves.not.toContain("collapsed");

    const mine = await page.locator(".row.out").last().getAttribute("data-id");
    await botApi("setMessageReaction", { chat_id: chatId, message_id: Number(mine), reaction: [{ type: "emoji", emoji: "👌" }] });
    await page.locator(`#m-${mine} .reaction`, { hasText: "👌" }).waitFor();
  });

  it("replies to a message, pastes a channel post as forwarded, opens the command menu, and switches to Chinese", async () => {
    const saved = await botSays(/Tags\?/, await say("https://example.org/borrowing"));
    await saved.getByRole("button", { name: "Skip" }).click();
    await waitForText(saved, /no tags/);

    await saved.getByRole("button", { name: "Reply" }).click();
    await expect(page.locator("#reply-bar").isVisible()).resolves.toBe(true);
    const noted = await botSays(/Note added/, await say("这个要先看 read before the async chapter"));
    await expect(noted.textContent()).resolves.toContain("borrowing");
    await expect(page.locator(".row.out").last().locator(".quote-reply").textContent()).resolves.toContain("linklog");
    await expect(page.locator("#reply-bar").isVisible()).resolves.toBe(false);

    await page.getByRole("button", { name: "Paste as forwarded from a channel" }).click();
    await page.getByRole("textbox", { name: "Channel name" }).fill("Rust Weekly");
    const forwardedAt = await say("Issue 42 is out https://example.org/weekly-42\nAlso read: the 2024 edition guide");
    const post = page.locator(".row.out").last();
    await expect(post.locator(".forwarded").textContent()).resolves.toBe("Forwarded from Rust Weekly");
    await expect(post.locator(".text").textContent()).resolves.toBe("Issue 42 is out https://example.org/weekly-42\nAlso read: the 2024 edition guide");
    await botSays(/Saved:[^]*Issue 42 is out/, forwardedAt);
    await page.getByRole("button", { name: "Stop forwarding" }).click();

    await page.getByRole("button", { name: "Menu" }).click();
    const help = await page.getByRole("option", { name: /\/help/ }).count();
    expect(help).toBe(1);
    const helpAt = await lastId();
    await page.getByRole("option", { name: /\/help/ }).click();
    await botSays(/\/unread/, helpAt);

    await page.getByRole("button", { name: "中文" }).click();
    await page.getByRole("note").filter({ hasText: "未连接 Telegram" }).waitFor();
    await expect(message().getAttribute("placeholder")).resolves.toBe("消息");
    await page.screenshot({ path: new URL("playground-zh-light.png", SCREENSHOTS).pathname });
  });

  it("opens the library as Telegram opens a Mini App, signed in: from the menu button, and from /unread's Open library", async () => {
    // The test before left the simulated user speaking Chinese.
    await page.getByRole("button", { name: "EN", exact: true }).click();
    await page.getByRole("note").filter({ hasText: "not connected to Telegram" }).waitFor();
    // Saved when the bot names it: in a new question, or in the one the test before left open.
    await say("https://example.org/mini-app-check Mini App check");
    await page.locator(".row.in").filter({ hasText: "Mini App check" }).first().waitFor();
    const frame = page.frameLocator("#web-app-frame");

    await page.getByRole("button", { name: "Library", exact: true }).click();
    await frame.getByText("Mini App check").waitFor();
    await page.screenshot({ path: new URL("playground-mini-app-light.png", SCREENSHOTS).pathname });
    await page.getByRole("button", { name: "Close" }).click();
    await expect(page.locator("#web-app").isHidden()).resolves.toBe(true);

    const list = await botSays(/Unread/, await say("/unread"));
    await list.getByRole("button", { name: "📚 Open library" }).click();
    await frame.getByText("Mini App check").waitFor();
  });
});
