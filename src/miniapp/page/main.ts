import { ApiFailure, createApi, type Api } from "./api.js";
import type { AppContext } from "./context.js";
import { openDetail } from "./detail.js";
import { byId, h, icon, replace } from "./dom.js";
import { openFilters, renderActiveFilters } from "./filters.js";
import { builtInI18n, createI18n, localeOf, type I18n } from "./i18n.js";
import { createLibrary, type Library } from "./library.js";
import { setUpBulkBar } from "./bulk.js";
import { showStats } from "./stats.js";
import { launchParams, onEvent, postEvent, showBackButton, type ThemeParams } from "./telegram.js";
import { applyTheme } from "./theme.js";
import { showToast } from "./toast.js";
import type { ReadState } from "../api-types.js";

/** Typing pauses this long before a search is sent: one request per word, not per letter. */
const SEARCH_DEBOUNCE_MS = 200;

/**
 * The Mini App's page: the library of links and the stats, for the user Telegram signed in (initData). Until the
 * session answers, the page shows a spinner; when it cannot start, a sentence saying why, never a blank page.
 */
async function start(): Promise<void> {
  const launch = launchParams();
  applyTheme(launch?.themeParams ?? {});
  onEvent("theme_changed", (data) => applyTheme((data as { theme_params?: ThemeParams } | null)?.theme_params ?? {}));
  // Ready at once: Telegram then shows the page's own spinner instead of its placeholder; expanded to full height.
  postEvent("web_app_ready");
  postEvent("web_app_expand");

  // Before a session there are no texts from the server: the built-in ones, in the Telegram app's language.
  const early = builtInI18n(localeOf(launch ? userLanguage(launch.initData) : navigator.language));
  if (!launch) return stop(early, "app-error-unauthorized");
  const api = createApi(launch.initData);
  let i18n: I18n;
  try {
    const session = await api.session();
    i18n = createI18n(session.locale, session.messages, session.timeZone, session.today);
  } catch (error) {
    // A refusal says why; anything else (the network, a server error, a time zone this browser lacks) offers a retry.
    return stop(early, failureKey(error) ?? "app-error-failed");
  }
  document.documentElement.lang = i18n.locale === "zh" ? "zh-CN" : "en";
  translatePage(i18n);
  const ctx = context(api, i18n);
  // Telegram's Back button closes the sheet on screen, else ends selection mode; it shows while either is open.
  const sheet = byId<HTMLDialogElement>("sheet");
  let selecting = false;
  const syncBackButton = () => showBackButton(sheet.open || selecting);
  new MutationObserver(syncBackButton).observe(sheet, { attributes: true, attributeFilter: ["open"] });
  const library = createLibrary(ctx, {
    open: (link) => openDetail(ctx, link, library),
    queryChanged: (query) => {
      for (const button of byId("state").querySelectorAll<HTMLElement>("button[data-state]"))
        button.setAttribute("aria-pressed", String(button.dataset.state === query.state));
      renderActiveFilters(ctx, library, query);
    },
    selectionChanged: (count, on) => {
      selecting = on;
      showSelection(i18n, count, on);
      syncBackButton();
    },
  });
  onEvent("back_button_pressed", () => {
    if (sheet.open) sheet.close();
    else library.stopSelecting();
  });
  setUpHeader(ctx, library);
  setUpBulkBar(ctx, library);
  setUpTabs(ctx);
  byId("boot").hidden = true;
  byId("app").hidden = false;
  library.reload();
}

function context(api: Api, i18n: I18n): AppContext {
  return {
    api,
    i18n,
    fail(error, { quiet = false } = {}) {
      const key = failureKey(error);
      if (error instanceof ApiFailure && (error.status === 401 || error.status === 403)) stop(i18n, key!);
      else if (!quiet) showToast(i18n.t(key ?? "app-error-failed"));
    },
  };
}

/** The sentence for a failure the user can act on, or null for one of ours (a bug, a 500). */
function failureKey(error: unknown): string | null {
  if (!(error instanceof ApiFailure)) return null;
  if (error.status === 0) return "app-error-network";
  if (error.status === 401) return error.body?.reason === "expired" ? "app-error-expired" : "app-error-unauthorized";
  if (error.status === 403) return "app-error-forbidden";
  return null;
}

/** The page cannot go on: one sentence in the middle of the screen, and a way to try again when that can help. */
function stop(i18n: I18n, key: string): void {
  const refused = key === "app-error-unauthorized" || key === "app-error-expired" || key === "app-error-forbidden";
  // A sheet is in the top layer, above the sentence: it goes too (an initData that expires while one is open).
  byId<HTMLDialogElement>("sheet").close();
  byId("app").hidden = true;
  const boot = byId("boot");
  boot.hidden = false;
  document.documentElement.lang = i18n.locale === "zh" ? "zh-CN" : "en";
  replace(
    boot,
    h(
      "div",
      { class: "message", role: "alert" },
      h("div", { class: "message-icon" }, icon("library", 36)),
      h("p", {}, i18n.t(key)),
      !refused && h("button", { type: "button", class: "button primary", onclick: () => location.reload() }, i18n.t("app-retry")),
    ),
  );
}

/** The language the user's Telegram app is set to, from the initData's `user` (only to pick the words of an error). */
function userLanguage(initData: string): string | undefined {
  try {
    return (JSON.parse(new URLSearchParams(initData).get("user") ?? "{}") as { language_code?: string }).language_code;
  } catch {
    return undefined;
  }
}

function translatePage(i18n: I18n): void {
  for (const element of document.querySelectorAll<HTMLElement>("[data-t]")) element.textContent = i18n.t(element.dataset.t!);
  for (const element of document.querySelectorAll<HTMLElement>("[data-t-label]")) element.setAttribute("aria-label", i18n.t(element.dataset.tLabel!));
  for (const element of document.querySelectorAll<HTMLInputElement>("[data-t-placeholder]")) element.placeholder = i18n.t(element.dataset.tPlaceholder!);
}

function setUpHeader(ctx: AppContext, library: Library): void {
  const search = byId<HTMLInputElement>("search");
  let typing: ReturnType<typeof setTimeout> | undefined;
  const searchNow = () => {
    clearTimeout(typing);
    if (search.value !== library.query().q) library.setQuery({ q: search.value });
  };
  search.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(searchNow, SEARCH_DEBOUNCE_MS);
  });
  search.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    searchNow();
    // Enter on a phone means "done typing": the keyboard goes, the results stay.
    search.blur();
  });

  byId("state").addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button[data-state]");
    if (button) library.setQuery({ state: button.dataset.state as ReadState });
  });

  byId("filters-button").addEventListener("click", () => openFilters(ctx, library));
  byId("select-toggle").addEventListener("click", () => library.startSelecting());
  byId("selection-done").addEventListener("click", () => library.stopSelecting());
}

function showSelection(i18n: I18n, count: number, selecting: boolean): void {
  byId("search-row").hidden = selecting;
  byId("selection-row").hidden = !selecting;
  byId("tabs").hidden = selecting;
  byId("bulk-bar").hidden = !selecting;
  byId("selection-count").textContent = i18n.t("app-selection-count", { count });
}

function setUpTabs(ctx: AppContext): void {
  const tabs = byId("tabs");
  tabs.addEventListener("click", (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>("button[data-view]");
    if (!button || button.getAttribute("aria-current") === "page") return;
    const view = button.dataset.view;
    for (const other of tabs.querySelectorAll("button")) {
      if (other === button) other.setAttribute("aria-current", "page");
      else other.removeAttribute("aria-current");
    }
    byId("top").hidden = view !== "library";
    byId("library-view").hidden = view !== "library";
    byId("stats-view").hidden = view !== "stats";
    scrollTo(0, 0);
    if (view === "stats") void showStats(ctx);
  });
}

// Whatever goes wrong in starting, the page says so: never a spinner for ever, never a blank page.
start().catch(() => stop(builtInI18n(localeOf(navigator.language)), "app-error-failed"));
