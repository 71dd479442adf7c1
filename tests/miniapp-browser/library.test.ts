import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signInitData } from "../../src/miniapp/init-data.js";
import { button, nextEdit, nextMessage } from "../support/chat.js";
import { chatSession } from "../support/chat-session.js";
import { hasChromium, launchBrowser, PHONE } from "../support/browser.js";
import { appHarness } from "../support/harness.js";

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});
const origin = `http://127.0.0.1:${port}`;
const root = new URL("../..", import.meta.url);
/** The brief's place for them: test-results/miniapp-*.png, next to vitest's report. */
const screenshot = (name: string) => new URL(`test-results/miniapp-${name}.png`, root).pathname;

const ADA = { id: 7001, first_name: "Ada", language_code: "en" };
const LI = { id: 7002, first_name: "Li", language_code: "zh-hans" };
const WAIT_MS = 8000;
const DAY_MS = 86_400_000;

/** Telegram's Android dark theme, as the app sends it in tgWebAppThemeParams. */
const DARK_THEME = {
  bg_color: "#212d3b",
  secondary_bg_color: "#151e27",
  section_bg_color: "#1d2733",
  header_bg_color: "#242d39",
  text_color: "#ffffff",
  hint_color: "#7d8b99",
  subtitle_text_color: "#7b8790",
  link_color: "#5eabe1",
  accent_text_color: "#64b5ef",
  button_color: "#50a8eb",
  button_text_color: "#ffffff",
  section_header_text_color: "#79c4fc",
  destructive_text_color: "#ee686f",
  section_separator_color: "#0d1218",
};
const LIGHT_THEME = {
  bg_color: "#ffffff",
  secondary_bg_color: "#f0f0f0",
  section_bg_color: "#ffffff",
  header_bg_color: "#527da3",
  text_color: "#222222",
  hint_color: "#a8a8a8",
  subtitle_text_color: "#82868a",
  link_color: "#2678b6",
  accent_text_color: "#1c93e3",
  button_color: "#50a8eb",
  button_text_color: "#ffffff",
  section_header_text_color: "#3a95d5",
  destructive_text_color: "#cc2929",
};

/**
 * 120 links over the twelve days before today, in linklog's own export format (tags at the end of a line): what a
 * user moving their old log in sends, and enough for the page to load a second page. Every seventh title is
 * Chinese with 进程 in it, for search.
 */
function studyLog(today: number): string {
  const lines = ["# linklog export", ""];
  for (let day = 1; day <= 12; day++) {
    lines.push(`- ${new Date(today - day * DAY_MS).toISOString().slice(0, 10)}`, "");
    for (let i = 0; i < 10; i++) {
      const n = day * 10 + i;
      const title = n % 7 === 0 ? `操作系统的进程与线程 第${n}讲` : `Systems reading number ${n}`;
      const tags = n % 3 === 0 ? " #rust" : n % 3 === 1 ? " #systems" : "";
      lines.push(`https://archive.example.org/reading/${n} ${title}${tags}`, "");
    }
  }
  return lines.join("\n");
}

/**
 * The Mini App in headless Chromium at a phone's size, against the real app (in this process) and the Bot API
 * emulator: the links are saved and imported as a user would, the initData signed with the test bot's token as
 * Telegram signs it, and what the page changes is checked through the bot's own /unread.
 */
describe.skipIf(!hasChromium)("the Mini App's library in a browser", () => {
  const harness = appHarness({ PORT: String(port), WEB_APP_URL: origin });
  const ada = chatSession(harness, ADA);
  const li = chatSession(harness, LI);
  let browser: Browser;
  let page: Page | undefined;
  /** The links saved through the chat today, oldest first: the newest of them head the Unread list. */
  const today = ["Scheduler notes alpha", "Scheduler notes beta", "Scheduler notes gamma", "Scheduler notes delta"];

  beforeAll(async () => {
    mkdirSync(new URL("test-results/", root), { recursive: true });
    // The page is built by tests/support/mini-app-page-setup.ts.
    browser = await launchBrowser();

    const file = harness.emulator.addFile(studyLog(Date.now()), "log.md");
    let since = harness.emulator.mark();
    ada.user().sendCaptioned("document", "", { document: { ...file, file_name: "log.md", mime_type: "text/markdown" } });
    const preview = await nextMessage(harness.emulator, ADA.id, since, /log\.md/);
    since = harness.emulator.mark();
    ada.user().press(preview, button(preview, "Import").callback_data);
    await nextEdit(harness.emulator, preview, since, /Imported 120 links/);

    await ada.save("https://os.example.org/scheduling 操作系统进程调度", "os 进程");
    for (const [i, title] of today.entries()) await ada.save(`https://notes.example.org/${i} ${title}`, "notes");
    // Li's Telegram is in Chinese, so the bot asks in Chinese: answered by typing the tag.
    since = harness.emulator.mark();
    li.user().sendText("https://example.org/borrowing Borrowing in Rust");
    const question = await nextMessage(harness.emulator, LI.id, since);
    since = harness.emulator.mark();
    li.user().sendText("rust");
    await nextEdit(harness.emulator, question, since, /#rust/);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === "fail" && page) console.error(`the page showed:\n${await page.locator("body").innerText()}`);
    await page?.close();
    page = undefined;
  });

  function initData(user: typeof ADA, { authDate = Math.floor(Date.now() / 1000), forge = false } = {}): string {
    const signed = signInitData(harness.emulator.token, { user: JSON.stringify(user), auth_date: String(authDate), query_id: "AAE-test" });
    return forge ? signed.replace(/hash=[0-9a-f]{6}/, "hash=000000") : signed;
  }

  /** The page's address as Telegram opens it: the launch parameters in the hash. */
  function pageUrl(data: string, theme: Record<string, string> = LIGHT_THEME): string {
    const hash = new URLSearchParams({ tgWebAppData: data, tgWebAppVersion: "8.0", tgWebAppPlatform: "android", tgWebAppThemeParams: JSON.stringify(theme) });
    return `${origin}/app/#${hash}`;
  }

  async function open(data: string, { theme = LIGHT_THEME as Record<string, string>, colorScheme = "light" as "light" | "dark" } = {}): Promise<Page> {
    page = await browser.newPage({ viewport: PHONE, colorScheme });
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(pageUrl(data, theme));
    return page;
  }

  /** Opens the page and returns the status the session request was answered with. */
  async function openRefused(data: string): Promise<{ page: Page; status: number }> {
    page = await browser.newPage({ viewport: PHONE, colorScheme: "light" });
    page.setDefaultTimeout(WAIT_MS);
    const session = page.waitForResponse((response) => response.url().endsWith("/app/api/session"));
    await page.goto(pageUrl(data));
    return { page, status: (await session).status() };
  }

  const rows = (page: Page) => page.locator("#list li.link");
  const titles = (page: Page) => page.locator("#list li.link .link-title").allTextContents();

  it("opens on the unread links under day headings, newest first, and loads the next page on scrolling", async () => {
    const page = await open(initData(ADA));
    await rows(page).first().waitFor();
    const headings = await page.locator("#list h2.day").allTextContents();
    expect(headings[0]).toBe("Today");
    expect(headings[1]).toBe("Yesterday");
    expect(headings.length).toBeGreaterThan(3);
    expect((await titles(page)).slice(0, 5)).toEqual([...today].reverse().concat("操作系统进程调度"));
    const firstPage = await rows(page).count();
    expect(firstPage).toBe(50);
    await page.screenshot({ path: screenshot("library-light") });

    await page.locator("#list li.link").last().scrollIntoViewIfNeeded();
    await expect.poll(() => rows(page).count(), { timeout: WAIT_MS }).toBeGreaterThan(firstPage);
    // Every page loads as the end of the list comes near, until the last (125 unread: 120 imported, 5 sent).
    await expect
      .poll(
        async () => {
          await page.mouse.wheel(0, 20_000);
          return await rows(page).count();
        },
        { timeout: WAIT_MS },
      )
      .toBe(125);
  });

  it("filters by a tag from the filter sheet, and the chip above the list takes the filter off", async () => {
    const page = await open(initData(ADA));
    await rows(page).first().waitFor();
    await page.getByRole("button", { name: "Filters" }).click();
    const sheet = page.getByRole("dialog", { name: "Filters" });
    await sheet.getByRole("button", { name: /^#rust \d+$/ }).click();
    await page.screenshot({ path: screenshot("filters-light") });
    await sheet.getByRole("button", { name: "Show links" }).click();
    await expect.poll(async () => (await titles(page))[0]).toMatch(/Systems reading|进程/);
    const chips = await page
      .locator("#list li.link")
      .evaluateAll((items) => items.map((item) => [...item.querySelectorAll(".chip")].map((chip) => chip.textContent)));
    expect(chips.length).toBe(40);
    expect(chips.every((tags) => tags.includes("#rust"))).toBe(true);

    await page.getByRole("button", { name: "Remove the filter #rust" }).click();
    await expect.poll(() => titles(page).then((all) => all[0])).toBe(today.at(-1));
  });

  it("searches as you type, Chinese included, in the search's ranking", async () => {
    const page = await open(initData(ADA));
    await rows(page).first().waitFor();
    await page.getByRole("searchbox", { name: "Search your links" }).pressSequentially("进程", { delay: 30 });
    await expect.poll(() => titles(page).then((all) => all.every((title) => title.includes("进程")) && all.length > 0)).toBe(true);
    expect(await titles(page)).toContain("操作系统进程调度");
    // Results are ranked, not dated: no day headings.
    expect(await page.locator("#list h2.day").count()).toBe(0);
    await page.screenshot({ path: screenshot("search-light") });
  });

  it("selects three links, marks them read, and the bot's /unread no longer lists them", async () => {
    const before = await ada.command("/unread", /Unread/);
    for (const title of today) expect(before.text).toContain(title);

    const page = await open(initData(ADA));
    await rows(page).first().waitFor();
    // A long press on the first row starts selection mode with it selected; taps add the next two.
    const first = rows(page).nth(0).locator(".link-main");
    const box = (await first.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.waitForTimeout(700);
    await page.mouse.up();
    await page.getByText("1 selected").waitFor();
    await rows(page).nth(1).locator(".link-main").click();
    await rows(page).nth(2).getByRole("checkbox").check();
    await page.getByText("3 selected").waitFor();
    await page.screenshot({ path: screenshot("selection-light") });
    await page.getByRole("toolbar", { name: "Actions on the selected links" }).getByRole("button", { name: "Mark read" }).click();
    await page.getByRole("status").filter({ hasText: "Marked 3 links read" }).waitFor();
    expect((await titles(page)).slice(0, 2)).toEqual([today[0], "操作系统进程调度"]);

    const after = await ada.command("/unread", /Unread/);
    for (const title of today.slice(1)) expect(after.text).not.toContain(title);
    expect(after.text).toContain(today[0]);
    expect(after.text).toContain("操作系统进程调度");
  });

  it("offers to search all links when nothing unread matches, and the header follows", async () => {
    const page = await open(initData(ADA));
    await rows(page).first().waitFor();
    await page.getByRole("searchbox", { name: "Search your links" }).fill("delta");
    await page.getByText("Nothing found for “delta”.").waitFor();
    await page.getByRole("button", { name: "Search all links" }).click();
    await expect.poll(() => titles(page)).toEqual(["Scheduler notes delta"]);
    const states = page.getByRole("group", { name: "Which links to show" });
    await expect(states.getByRole("button", { name: "All" }).getAttribute("aria-pressed")).resolves.toBe("true");
    await expect(states.getByRole("button", { name: "Unread" }).getAttribute("aria-pressed")).resolves.toBe("false");
  });

  it("opens a link's detail, and adds, edits and deletes a note there", async () => {
    const page = await open(initData(ADA));
    await rows(page).first().waitFor();
    const row = () => rows(page).filter({ hasText: "操作系统进程调度" });
    const notesBefore = Number(
      (await row()
        .locator(".note-count")
        .textContent()
        .catch(() => "0")) ?? 0,
    );
    await row().locator(".link-main").click();
    const sheet = page.getByRole("dialog", { name: "操作系统进程调度" });
    await sheet.getByRole("link", { name: "https://os.example.org/scheduling" }).waitFor();
    await expect(sheet.locator(".chip").allTextContents()).resolves.toEqual(["#os", "#进程"]);
    await sheet.getByLabel("New note").fill("先看第三章 then the exercises");
    await sheet.getByRole("button", { name: "Add note" }).click();
    const note = sheet.locator(".note", { hasText: "先看第三章" });
    await note.waitFor();
    await expect.poll(() => row().locator(".note-count").textContent()).toBe(String(notesBefore + 1));
    await page.screenshot({ path: screenshot("detail-light") });

    await note.getByRole("button", { name: "Edit" }).click();
    await sheet.getByRole("textbox", { name: "Edit" }).fill("先看第四章");
    await sheet.getByRole("button", { name: "Save" }).click();
    const edited = sheet.locator(".note", { hasText: "先看第四章" });
    await edited.getByText(/^edited /).waitFor();

    await edited.getByRole("button", { name: "Delete" }).click();
    await edited.getByText("Delete this note?").waitFor();
    await edited.getByRole("button", { name: "Delete" }).click();
    await edited.waitFor({ state: "detached" });
    await expect(sheet.locator(".note", { hasText: "先看第" }).count()).resolves.toBe(0);
  });

  it("tags two links at once, deletes one, and Undo brings it back", async () => {
    const page = await open(initData(ADA));
    await rows(page).first().waitFor();
    const bar = page.getByRole("toolbar", { name: "Actions on the selected links" });
    await page.getByRole("button", { name: "Select" }).click();
    await rows(page).nth(0).locator(".link-main").click();
    await rows(page).nth(1).locator(".link-main").click();
    await bar.getByRole("button", { name: "Add tag" }).click();
    const sheet = page.getByRole("dialog", { name: "Add tags to 2 links" });
    await sheet.getByLabel("Tags, separated by spaces").fill("#Later");
    await sheet.getByRole("button", { name: "Add", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Tagged 2 links #later" }).waitFor();
    for (const i of [0, 1]) await expect(rows(page).nth(i).locator(".chip").allTextContents()).resolves.toContain("#later");

    const first = (await titles(page))[0]!;
    await page.getByRole("button", { name: "Select" }).click();
    await rows(page).nth(0).locator(".link-main").click();
    await bar.getByRole("button", { name: "Delete" }).click();
    const toast = page.getByRole("status").filter({ hasText: "Deleted 1 link" });
    await toast.waitFor();
    expect(await titles(page)).not.toContain(first);
    await page.screenshot({ path: screenshot("undo-light") });
    await toast.getByRole("button", { name: "Undo" }).click();
    await page.getByRole("status").filter({ hasText: "Brought back 1 link" }).waitFor();
    await expect.poll(async () => (await titles(page))[0]).toBe(first);
  });

  /**
   * The chart as the phone shows it: its texts, and how many CSS pixels its smallest text is tall (its font size in
   * SVG units, scaled by the width the page gives the picture).
   */
  async function inlineChart(page: Page): Promise<{ texts: string[]; smallestPx: number; widthPx: number; cardPx: number }> {
    const chart = page.locator("#stats-view .chart svg");
    await chart.waitFor();
    // Elements are typed loosely here: the tests compile without the DOM's types.
    const { smallestPx, widthPx, cardPx } = await chart.evaluate((svg) => {
      const width = svg.getBoundingClientRect().width as number;
      const card = svg.closest(".card");
      const style = card.ownerDocument.defaultView.getComputedStyle(card);
      const sizes = [...svg.querySelectorAll("text")].map((text) => Number(text.getAttribute("font-size")));
      return {
        smallestPx: (Math.min(...sizes) * width) / (svg.viewBox.baseVal.width as number),
        widthPx: width,
        cardPx: (card.clientWidth as number) - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      };
    });
    return { texts: await chart.locator("text").allTextContents(), smallestPx, widthPx, cardPx };
  }

  it("shows the stats: /stats's chart in the theme's colours, its summary and the figures", async () => {
    const page = await open(initData(ADA));
    await rows(page).first().waitFor();
    await page.getByRole("button", { name: "Stats" }).click();
    await page
      .locator("#stats-view .summary")
      .filter({ hasText: /In the last 26 weeks you saved \d+ links/ })
      .waitFor();
    // The phone layout, across the card: only the two plots, every text 11 px or more; streak, tags and sites are tiles.
    const chart = await inlineChart(page);
    expect(chart.widthPx).toBeCloseTo(chart.cardPx, 0);
    expect(chart.smallestPx).toBeGreaterThanOrEqual(11);
    expect(chart.texts).toEqual(expect.arrayContaining(["Saved and read per week", "Unread links", "At this pace"]));
    expect(chart.texts).not.toEqual(expect.arrayContaining(["Top tags"]));
    expect(chart.texts).not.toContain("Your reading, last 26 weeks");
    await page.screenshot({ path: screenshot("stats-light") });
    await page.close();

    // In Chinese the month names, legend and projection note fit the same width.
    const zh = await open(initData(LI));
    await rows(zh).first().waitFor();
    await zh.getByRole("button", { name: "统计" }).click();
    const chinese = await inlineChart(zh);
    expect(chinese.smallestPx).toBeGreaterThanOrEqual(11);
    expect(chinese.texts).toEqual(expect.arrayContaining(["每周保存与读完", "未读链接", "按当前速度", expect.stringMatching(/^\d{1,2}月$/)]));
    await zh.screenshot({ path: screenshot("stats-zh-light") });
  });

  it("refuses a forged hash with 401, and the page says to open it from the bot", async () => {
    const { page, status } = await openRefused(initData(ADA, { forge: true }));
    expect(status).toBe(401);
    await page.getByRole("alert").filter({ hasText: "This page must be opened from the bot in Telegram." }).waitFor();
    await expect(page.locator("#app").isHidden()).resolves.toBe(true);
    await page.screenshot({ path: screenshot("forged-light") });
  });

  it("refuses an expired auth_date with 401, and the page says the link has expired", async () => {
    const { page, status } = await openRefused(initData(ADA, { authDate: Math.floor(Date.now() / 1000) - 3 * 86_400 }));
    expect(status).toBe(401);
    await page.getByRole("alert").filter({ hasText: "This link has expired — close and open the library again from the bot." }).waitFor();
    await page.screenshot({ path: screenshot("expired-light") });
  });

  it("speaks Chinese to a user whose Telegram is in Chinese", async () => {
    const page = await open(initData(LI));
    await rows(page).first().waitFor();
    await expect(page.getByRole("group", { name: "显示哪些链接" }).getByRole("button", { name: "未读" }).getAttribute("aria-pressed")).resolves.toBe("true");
    await expect(page.locator("#list h2.day").first().textContent()).resolves.toBe("今天");
    await expect(page.getByRole("searchbox").getAttribute("placeholder")).resolves.toBe("搜索标题、标签、笔记");
    await page.screenshot({ path: screenshot("library-zh-light") });
    await page.close();

    // Refused before any session, the page still speaks the language of the initData's user.
    const refused = await openRefused(initData(LI, { forge: true }));
    expect(refused.status).toBe(401);
    await refused.page.getByRole("alert").filter({ hasText: "请在 Telegram 中从机器人打开此页面。" }).waitFor();
  });

  it("takes its colours from Telegram's dark theme", async () => {
    const page = await open(initData(ADA), { theme: DARK_THEME, colorScheme: "dark" });
    await rows(page).first().waitFor();
    // Elements are typed loosely here: the tests compile without the DOM's types.
    const colour = (selector: string, property: "backgroundColor" | "color") =>
      page
        .locator(selector)
        .first()
        .evaluate((element, name) => element.ownerDocument.defaultView.getComputedStyle(element)[name] as string, property);
    const colours = {
      body: await colour("body", "backgroundColor"),
      header: await colour("#top", "backgroundColor"),
      list: await colour("#list ul", "backgroundColor"),
      text: await colour("#list .link-title", "color"),
    };
    expect(colours).toEqual({ body: "rgb(21, 30, 39)", header: "rgb(33, 45, 59)", list: "rgb(29, 39, 51)", text: "rgb(255, 255, 255)" });
    await page.screenshot({ path: screenshot("library-dark") });

    // All: the three marked read in an earlier test carry a tick, the rest an unread dot.
    await page.getByRole("group", { name: "Which links to show" }).getByRole("button", { name: "All" }).click();
    await expect.poll(() => rows(page).locator(".read-mark[aria-label='Read']").count()).toBe(3);
    await page.screenshot({ path: screenshot("library-all-dark") });

    await page.getByRole("button", { name: "Filters" }).click();
    await page
      .getByRole("dialog", { name: "Filters" })
      .getByRole("button", { name: /^#rust \d+$/ })
      .waitFor();
    await page.screenshot({ path: screenshot("filters-dark") });
    await page.keyboard.press("Escape");

    await rows(page).first().locator(".link-main").click();
    await page.locator("#sheet .notes-section").waitFor();
    await page.screenshot({ path: screenshot("detail-dark") });
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "Stats" }).click();
    await page.locator("#stats-view .chart svg").waitFor();
    await page.screenshot({ path: screenshot("stats-dark") });
  });

  it("talks to Telegram through its WebView proxy: ready, expand, links opened by Telegram, and a theme change", async () => {
    page = await browser.newPage({ viewport: PHONE });
    page.setDefaultTimeout(WAIT_MS);
    // What the Telegram app injects on a phone; here it records what the page posts.
    await page.addInitScript("window.posted = []; window.TelegramWebviewProxy = { postEvent: (type, data) => window.posted.push([type, JSON.parse(data)]) };");
    await page.goto(pageUrl(initData(ADA)));
    await rows(page).first().waitFor();
    const posted = () => page!.evaluate("window.posted") as Promise<[string, unknown][]>;
    expect((await posted()).slice(0, 2)).toEqual([
      ["web_app_ready", {}],
      ["web_app_expand", {}],
    ]);

    await page.locator("#list li.link", { hasText: "操作系统进程调度" }).locator(".link-main").click();
    await page.getByRole("dialog").getByRole("link", { name: "Open" }).click();
    expect((await posted()).slice(-2)).toEqual([
      ["web_app_setup_back_button", { is_visible: true }],
      ["web_app_open_link", { url: "https://os.example.org/scheduling" }],
    ]);
    // Telegram's Back button closes the sheet (Android's back key would otherwise close the whole Mini App).
    await page.evaluate(`window.Telegram.WebView.receiveEvent("back_button_pressed")`);
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    await expect.poll(async () => (await posted()).at(-1)).toEqual(["web_app_setup_back_button", { is_visible: false }]);

    await page.evaluate(`window.Telegram.WebView.receiveEvent("theme_changed", { theme_params: ${JSON.stringify(DARK_THEME)} })`);
    await expect
      .poll(() => page!.locator("body").evaluate((body) => body.ownerDocument.defaultView.getComputedStyle(body).backgroundColor as string))
      .toBe("rgb(21, 30, 39)");
  });
});
