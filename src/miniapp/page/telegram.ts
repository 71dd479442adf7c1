/**
 * The page's side of Telegram, without telegram-web-app.js: that script is served by telegram.org, and the page
 * loads nothing from a third party at run time. What the page needs of it is small and documented:
 *
 * - Launch parameters arrive in the URL's hash as query parameters: `tgWebAppData` (the signed initData),
 *   `tgWebAppThemeParams` (JSON), `tgWebAppVersion`, `tgWebAppPlatform`. A reload inside Telegram may lose the hash,
 *   so they are kept in sessionStorage, as the docs advise.
 *   https://docs.telegram-mini-apps.com/platform/launch-parameters
 * - Methods (`web_app_ready`, `web_app_expand`, `web_app_open_link`, `web_app_setup_back_button`) go to the app through
 *   `window.TelegramWebviewProxy.postEvent(type, JSON data)` on mobile and desktop, or `postMessage` of
 *   `{eventType, eventData}` to the parent frame in Telegram Web. https://core.telegram.org/api/web-events
 * - Events (`theme_changed` with `{theme_params}`, `back_button_pressed`) come back through `window.Telegram.WebView.receiveEvent` (iOS,
 *   Android), `window.TelegramGameProxy.receiveEvent` (desktop), or a `message` from the parent frame (web).
 *   https://docs.telegram-mini-apps.com/platform/events
 */

export type ThemeParams = Partial<Record<string, string>>;

/**
 * What the page uses of the launch parameters. `tgWebAppPlatform` is left out: nothing here differs by platform
 * (how to post an event is told by what the window offers, not by its name).
 */
export interface LaunchParams {
  /** The raw initData, exactly as signed: the server checks its hash over these bytes. */
  initData: string;
  themeParams: ThemeParams;
  /** The Mini Apps API version the app speaks ("8.0"): a method newer than it is not posted. */
  version: string;
}

interface EventReceiver {
  receiveEvent(type: string, data: unknown): void;
}

declare global {
  interface Window {
    TelegramWebviewProxy?: { postEvent(type: string, data: string): void };
    Telegram?: { WebView?: EventReceiver };
    TelegramGameProxy?: EventReceiver;
  }
}

const STORAGE_KEY = "linklog-launch";
/** tgWebAppVersion of this launch, which `supports` compares against. */
let apiVersion = "";

function fromHash(hash: string): LaunchParams | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const initData = params.get("tgWebAppData");
  if (initData === null) return null;
  let themeParams: ThemeParams = {};
  try {
    themeParams = JSON.parse(params.get("tgWebAppThemeParams") ?? "{}") as ThemeParams;
  } catch {
    // A theme that does not parse only costs the colours: the CSS falls back to the system's light or dark.
  }
  return { initData, themeParams, version: params.get("tgWebAppVersion") ?? "" };
}

/** The launch parameters of this hash, or of the last launch in this tab; null when the page was opened elsewhere. */
export function launchParams(): LaunchParams | null {
  let found = fromHash(location.hash);
  try {
    if (found) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(found));
    else found = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") as LaunchParams | null;
  } catch {
    // Storage may be refused (a private window); the hash alone still works for this load.
  }
  apiVersion = found?.version ?? "";
  return found;
}

/** Whether the app's Mini Apps API is at least `needed` ("6.4"): versions compare number by number. */
function supports(needed: string): boolean {
  const have = apiVersion.split(".").map(Number);
  const want = needed.split(".").map(Number);
  for (let i = 0; i < want.length; i++) {
    const [a, b] = [have[i] ?? 0, want[i]!];
    if (a !== b) return a > b;
  }
  return true;
}

const inFrame = window.parent !== window;

/** Sends a Mini App method to the Telegram app; outside Telegram it goes nowhere, which is what a browser wants. */
export function postEvent(type: string, data: object = {}): void {
  if (window.TelegramWebviewProxy) window.TelegramWebviewProxy.postEvent(type, JSON.stringify(data));
  else if (inFrame) window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data }), "*");
}

/** Listens for one Telegram event on every path the apps deliver it by. */
export function onEvent(type: string, listener: (data: unknown) => void): void {
  const receiver: EventReceiver = {
    receiveEvent: (eventType, data) => {
      if (eventType === type) listener(data);
    },
  };
  const previous = window.Telegram?.WebView?.receiveEvent;
  const chained: EventReceiver = {
    receiveEvent: (eventType, data) => {
      previous?.(eventType, data);
      receiver.receiveEvent(eventType, data);
    },
  };
  window.Telegram = { ...window.Telegram, WebView: chained };
  window.TelegramGameProxy = chained;
  if (inFrame)
    window.addEventListener("message", (event) => {
      if (event.source !== window.parent || typeof event.data !== "string") return;
      try {
        const { eventType, eventData } = JSON.parse(event.data) as { eventType?: string; eventData?: unknown };
        if (eventType) receiver.receiveEvent(eventType, eventData);
      } catch {
        // Not a Telegram event: other messages may reach a frame.
      }
    });
}

let backButtonShown = false;

/**
 * Shows or hides Telegram's Back button (web_app_setup_back_button, API 6.1). While a sheet or selection mode is
 * open it takes the user one step back (`back_button_pressed`); without it, Android's back key closes the Mini App.
 */
export function showBackButton(visible: boolean): void {
  if (visible === backButtonShown || !supports("6.1")) return;
  backButtonShown = visible;
  postEvent("web_app_setup_back_button", { is_visible: visible });
}

/**
 * Opens a page outside the Mini App through Telegram (web_app_open_link, Mini Apps API 6.4): true when Telegram
 * takes it; false outside Telegram or in an older app, where the page's plain link opens it instead.
 */
export function openLink(url: string): boolean {
  if ((!window.TelegramWebviewProxy && !inFrame) || !supports("6.4")) return false;
  postEvent("web_app_open_link", { url });
  return true;
}
