import type { ThemeParams } from "./telegram.js";

const systemDark = matchMedia("(prefers-color-scheme: dark)");
let current: ThemeParams = {};
// Outside Telegram the system's setting decides, and may change while the page is open.
systemDark.addEventListener("change", () => applyTheme(current));

/**
 * Telegram's theme on the page: every theme parameter becomes a CSS variable `--tg-<name>` (`bg_color` →
 * `--tg-bg-color`), which app.css reads with its own light and dark colours as fallbacks for a browser outside
 * Telegram (or an app that sends fewer parameters). The names are the Mini Apps ThemeParams' (bg_color, text_color,
 * hint_color, link_color, button_color, button_text_color, secondary_bg_color, header_bg_color, accent_text_color,
 * section_bg_color, section_header_text_color, subtitle_text_color, destructive_text_color,
 * section_separator_color, bottom_bar_bg_color): https://core.telegram.org/bots/webapps#themeparams
 */
export function applyTheme(params: ThemeParams): void {
  current = params;
  const root = document.documentElement;
  for (const [name, value] of Object.entries(params)) {
    // Only colours: a parameter is written into a style property, so nothing else may get through.
    if (value && /^#[0-9a-f]{3,8}$/i.test(value)) root.style.setProperty(`--tg-${name.replaceAll("_", "-")}`, value);
  }
  // The fallbacks, form controls and scrollbars follow the theme's brightness, not the system's: Telegram may be dark
  // on a phone set to light. Without a theme, the system's setting.
  const background = params.bg_color;
  const dark = background && /^#[0-9a-f]{6}$/i.test(background) ? luminance(background) < 0.5 : systemDark.matches;
  root.dataset.scheme = dark ? "dark" : "light";
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
