import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's chromium package: tests never let a tool download a browser of its own. */
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
/** Where tests leave screenshots to look at (.ci/run starts it empty; git ignores it). */
export const SCREENSHOTS = new URL("../../test-results/screenshots/", import.meta.url);

/** A phone's screen, in CSS pixels. */
export const PHONE = { width: 390, height: 844 };

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return await chromium.launch({
    executablePath: CHROMIUM,
    // Without the networking flags Chromium tries Google's hosts at start, which this closed network refuses.
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
