import { readdirSync } from "node:fs";
import { renderAsync } from "@resvg/resvg-js";
import type { Logger } from "../logger.js";

/**
 * SVG to PNG with resvg (Rust, shipped prebuilt per platform inside the npm package: nothing is downloaded or
 * compiled at install). Text is drawn with the system's fonts: Chinese needs a CJK font there, such as Debian's
 * `fonts-wqy-microhei` (or `fonts-noto-cjk`); without one, Chinese letters come out as empty boxes, which is
 * said once in the log rather than failing /stats.
 */

const FONT_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts"];
// File names of fonts that cover Chinese: WenQuanYi, Noto/Source Han CJK, Droid Sans Fallback, AR PL.
const CJK_FONT_FILE = /wqy|cjk|sourcehan|droidsansfallback|uming|ukai/i;

export interface PngOptions {
  /** The picture's width in pixels; the height follows the SVG's aspect ratio. */
  width: number;
  /** Where the missing-font warning goes. */
  logger?: Pick<Logger, "warn">;
}

/** Whether any font directory holds a font file that covers Chinese. */
export function hasCjkFont(dirs: readonly string[] = FONT_DIRS): boolean {
  return dirs.some((dir) => {
    try {
      return readdirSync(dir, { recursive: true, encoding: "utf8" }).some((file) => CJK_FONT_FILE.test(file));
    } catch {
      return false;
    }
  });
}

let fontChecked = false;

function warnOnceWithoutCjkFont(logger: PngOptions["logger"]): void {
  if (fontChecked) return;
  fontChecked = true;
  if (!hasCjkFont()) {
    logger?.warn({ dirs: FONT_DIRS }, "no font covering Chinese was found: charts draw Chinese text as boxes; install fonts-wqy-microhei (Debian/Ubuntu)");
  }
}

/** The SVG drawn as a PNG, off the event loop (resvg renders on its own thread). */
export async function svgToPng(svg: string, { width, logger }: PngOptions): Promise<Buffer> {
  warnOnceWithoutCjkFont(logger);
  const image = await renderAsync(svg, {
    fitTo: { mode: "width", value: width },
    font: { loadSystemFonts: true, defaultFontFamily: "WenQuanYi Micro Hei", sansSerifFamily: "WenQuanYi Micro Hei" },
    background: "#ffffff",
    logLevel: "off",
  });
  return image.asPng();
}
