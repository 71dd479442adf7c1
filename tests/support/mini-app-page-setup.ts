import { buildMiniAppPage } from "../../scripts/build-mini-app.js";

/**
 * The Mini App's page as `npm run build` makes it, where the server looks for it (dist/miniapp), before any test:
 * the browser tests open it, and the playground's process serves it from there too.
 */
export default async function setup(): Promise<void> {
  await buildMiniAppPage(new URL("../../dist/miniapp", import.meta.url).pathname);
}
