export interface Page {
  /** 0-based, clamped into the pages that exist. */
  index: number;
  /** At least 1, so an empty list still has a page to say so on. */
  count: number;
  offset: number;
  size: number;
  hasPrevious: boolean;
  hasNext: boolean;
}

/** Where page `requested` of `total` items lies; a stale page number (the list shrank) lands on the last page. */
export function pageOf(total: number, requested: number, size: number): Page {
  const count = Math.max(1, Math.ceil(total / size));
  const index = Math.min(Math.max(0, Math.trunc(requested) || 0), count - 1);
  return { index, count, offset: index * size, size, hasPrevious: index > 0, hasNext: index < count - 1 };
}

/** Page `index` of `count` as a message showed it: a redraw of those rows keeps their numbers and buttons. */
export function pageAt(index: number, count: number, size: number): Page {
  return { index, count, offset: index * size, size, hasPrevious: index > 0, hasNext: index < count - 1 };
}
