// Callback data stays far below Telegram's 64 bytes: only ids and a page number travel, and every id is
// checked against the pressing user before anything happens.

export const listCallback = {
  page: (viewId: number, page: number) => `v:${viewId}:${page}`,
  read: (linkId: number, viewId: number, page: number) => `rd:${linkId}:${viewId}:${page}`,
  unread: (linkId: number, viewId: number, page: number) => `ur:${linkId}:${viewId}:${page}`,
} as const;

export const PAGE_CALLBACK = /^v:(\d{1,15}):(\d{1,6})$/;
export const READ_CALLBACK = /^(rd|ur):(\d{1,15}):(\d{1,15}):(\d{1,6})$/;
