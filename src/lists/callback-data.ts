// Callback data stays far below Telegram's 64 bytes: only ids and a page number travel, and every id is
// checked against the pressing user before anything happens.

import { callbackData, int } from "../telegram/callback-data.js";

export const pageData = callbackData("v", { viewId: int(15), page: int(6) });
// ✅ and ↩️ under a list item: which link, and the list page to redraw afterwards.
const listItem = { linkId: int(15), viewId: int(15), page: int(6) };
export const readData = callbackData("rd", listItem);
export const unreadData = callbackData("ur", listItem);

export const listCallback = {
  page: (viewId: number, page: number) => pageData.pack({ viewId, page }),
  read: (linkId: number, viewId: number, page: number) => readData.pack({ linkId, viewId, page }),
  unread: (linkId: number, viewId: number, page: number) => unreadData.pack({ linkId, viewId, page }),
} as const;
