import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const page = join(root, "src/miniapp/page");

/**
 * Builds the Mini App's page into `outDir` (`index.html`, `app.js`, `app.css`): its TypeScript and @fluent/bundle in
 * one minified ES2020 module, and both locales' mini-app.ftl built in for the moments before a session (see
 * page/i18n.ts). Everything the page needs at run time is in these three files: no script, font or style from
 * elsewhere, so Telegram's WebView loads only what the bot serves.
 */
export async function buildMiniAppPage(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const messages = Object.fromEntries(["en", "zh"].map((locale) => [locale, readFileSync(join(root, "locales", locale, "mini-app.ftl"), "utf8")]));
  const result = await build({
    entryPoints: { app: join(page, "main.ts"), "app-style": join(page, "app.css") },
    outdir: outDir,
    entryNames: "[name]",
    bundle: true,
    minify: true,
    format: "esm",
    // Telegram's WebViews (Chrome on Android and desktop, Safari on iOS) all run ES2020.
    target: "es2020",
    define: { BUILT_IN_MESSAGES: JSON.stringify(messages) },
    legalComments: "none",
    // The Chinese texts as UTF-8, not \u escapes: a third smaller, and the server says charset=utf-8.
    charset: "utf8",
    logLevel: "silent",
    write: false,
  });
  // esbuild names a CSS entry after its own name; the page links app.css.
  const files = result.outputFiles.map((file) => ({ name: basename(file.path).replace("app-style.css", "app.css"), contents: file.contents }));
  files.push({ name: "index.html", contents: readFileSync(join(page, "index.html")) });
  // Each file whole or not at all: a server (or a second build, as parallel test runs make) never sees half of one.
  for (const { name, contents } of files) {
    const partial = join(outDir, `.${name}.${process.pid}`);
    writeFileSync(partial, contents);
    renameSync(partial, join(outDir, name));
  }
}

// `tsx scripts/build-mini-app.ts [outDir]`, as `npm run build` and `npm run dev` call it: dist/miniapp by default.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildMiniAppPage(resolve(process.argv[2] ?? join(root, "dist/miniapp")));
}
