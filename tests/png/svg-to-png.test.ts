import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { hasCjkFont, svgToPng } from "../../src/png/svg-to-png.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function fontFolder(...files: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), "fonts-"));
  folders.push(folder);
  for (const file of files) {
    mkdirSync(join(folder, file, ".."), { recursive: true });
    writeFileSync(join(folder, file), "");
  }
  return folder;
}

describe("SVG to PNG", () => {
  it("draws at the width asked, the height following the picture's shape", async () => {
    const png = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 3"><text x="0" y="2" font-size="1">统计</text></svg>', { width: 640 });
    expect(png.toString("hex", 0, 8)).toBe("89504e470d0a1a0a");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 480]);
  });

  it("knows whether a font for Chinese is installed, by the font files of the system's folders", () => {
    expect(hasCjkFont([fontFolder("truetype/dejavu/DejaVuSans.ttf")])).toBe(false);
    expect(hasCjkFont([fontFolder("truetype/wqy/wqy-microhei.ttc")])).toBe(true);
    expect(hasCjkFont([fontFolder("opentype/noto/NotoSansCJK-Regular.ttc")])).toBe(true);
    expect(hasCjkFont(["/no/such/folder"])).toBe(false);
  });
});
