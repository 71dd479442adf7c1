import { createI18n } from "../../src/telegram/i18n.js";
import { formatDate, formatDay } from "../../src/views/dates.js";
import type { Translate } from "../../src/views/translate.js";

const i18n = createI18n();
const english: Translate = (key, variables) => i18n.t("en", key, variables);

/** A day heading as an English user reads it ("Wed, Dec 2"), for tests that compute the day from the real clock. */
export const englishDay = (date: string, today: string = date) => formatDay(english, date, today);

/** A date inside an English sentence ("Dec 2"). */
export const englishDate = (date: string, today: string = date) => formatDate(english, date, today);
