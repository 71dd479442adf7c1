import type { Api } from "./api.js";
import type { I18n } from "./i18n.js";

/** What every view is given: the API, the user's language, and where a failure goes to be told. */
export interface AppContext {
  api: Api;
  i18n: I18n;
  /**
   * Tells a failed request in words: a refused sign-in (401, 403) ends the page with why; anything else is a toast,
   * unless `quiet` (the caller shows the failure in place, with a retry).
   */
  fail(error: unknown, options?: { quiet?: boolean }): void;
}
