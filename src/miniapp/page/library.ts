import type { BulkRequest, LibraryLink } from "../api-types.js";
import type { LinkQuery } from "./api.js";
import type { AppContext } from "./context.js";
import { byId, h, replace } from "./dom.js";
import { linkRow } from "./link-row.js";

/** How far below the screen the next page starts loading, so that scrolling rarely meets the end. */
const PRELOAD_MARGIN_PX = 800;
/** A press this long on a row starts selection mode, as in Telegram's own lists. */
const LONG_PRESS_MS = 450;
/** A finger that moves this far is scrolling, not pressing. */
const PRESS_SLOP_PX = 10;

export interface Library {
  query(): LinkQuery;
  /** Changes what is shown and loads it from the first page (a newer change cancels the older one's request). */
  setQuery(change: Partial<LinkQuery>): void;
  reload(): void;
  /** A link changed elsewhere (its detail sheet): redrawn, or dropped when it no longer belongs in the list. */
  update(link: LibraryLink): void;
  /** What a bulk action did to these links, shown without loading the list again. */
  applyBulk(ids: readonly number[], action: BulkRequest["action"], tags?: readonly string[]): void;
  startSelecting(id?: number): void;
  stopSelecting(): void;
  selectedLinks(): LibraryLink[];
}

interface LibraryEvents {
  open(link: LibraryLink): void;
  /** What is shown changed, from the header or from the list's own buttons ("Clear filters", "Search all links"). */
  queryChanged(query: LinkQuery): void;
  selectionChanged(count: number, selecting: boolean): void;
}

function filtersActive(query: LinkQuery): boolean {
  return query.tags.length > 0 || query.site !== null || query.from !== null || query.to !== null;
}

/**
 * The list of links: pages of GET api/links under day headings (newest first; search results in the server's
 * ranking, without headings, since relevance is not by day), loaded as the end of the list comes near, and
 * selection mode for bulk actions.
 */
export function createLibrary(ctx: AppContext, events: LibraryEvents): Library {
  const { api, i18n } = ctx;
  const list = byId("list");
  const sentinel = byId("sentinel");
  const status = byId("list-status");

  let query: LinkQuery = { state: "unread", tags: [], site: null, from: null, to: null, q: "" };
  const shown = new Map<number, LibraryLink>();
  const selected = new Set<number>();
  let selecting = false;
  let next: string | null = null;
  let loading = false;
  let loadFailed = false;
  // Every reset starts a new generation; an answer for an older one is dropped, its request aborted.
  let generation = 0;
  let controller = new AbortController();

  const rowOf = (id: number) => list.querySelector<HTMLLIElement>(`li.link[data-id="${id}"]`);

  /** The list a link goes under: its day's (a new heading when the day changes), or the one list of results. */
  function groupFor(link: LibraryLink): HTMLUListElement {
    const key = query.q.trim() ? "results" : link.day;
    const last = list.lastElementChild as HTMLElement | null;
    if (last?.dataset.group === key) return last.querySelector("ul")!;
    const group = h(
      "section",
      { class: "group", "data-group": key },
      key !== "results" && h("h2", { class: "day" }, i18n.day(link.day)),
      h("ul", { class: "links" }),
    );
    list.append(group);
    return group.querySelector("ul")!;
  }

  function showStatus(kind: "loading" | "more" | "end" | "empty" | "failed"): void {
    status.dataset.kind = kind;
    if (kind === "loading") return replace(status, h("span", { class: "spinner small", role: "img", "aria-label": i18n.t("app-loading") }));
    if (kind === "failed")
      return replace(
        status,
        h("p", {}, i18n.t("app-load-failed")),
        h("button", { type: "button", class: "button secondary", onclick: retry }, i18n.t("app-retry")),
      );
    if (kind !== "empty") return replace(status);
    const q = query.q.trim();
    if (q) {
      const narrowed = query.state !== "all" || filtersActive(query);
      return replace(
        status,
        h("p", { class: "empty" }, i18n.t("app-empty-search", { query: q })),
        narrowed &&
          h(
            "button",
            { type: "button", class: "button secondary", onclick: () => setQuery({ state: "all", tags: [], site: null, from: null, to: null }) },
            i18n.t("app-search-everywhere"),
          ),
      );
    }
    if (filtersActive(query))
      return replace(
        status,
        h("p", { class: "empty" }, i18n.t("app-empty-filtered")),
        h(
          "button",
          { type: "button", class: "button secondary", onclick: () => setQuery({ tags: [], site: null, from: null, to: null }) },
          i18n.t("app-filters-clear"),
        ),
      );
    replace(status, h("p", { class: "empty" }, i18n.t(`app-empty-${query.state}`)));
  }

  async function load(reset: boolean): Promise<void> {
    if (reset) {
      controller.abort();
      controller = new AbortController();
      generation += 1;
      next = null;
      loading = false;
      loadFailed = false;
      shown.clear();
      list.replaceChildren();
    } else if (loading || loadFailed || next === null) return;
    const mine = generation;
    const { signal } = controller;
    loading = true;
    showStatus("loading");
    try {
      const page = await api.links(query, reset ? null : next, signal);
      if (mine !== generation) return;
      for (const link of page.links) {
        shown.set(link.id, link);
        groupFor(link).append(linkRow(link, i18n, selected.has(link.id)));
      }
      next = page.next;
      loading = false;
      showStatus(shown.size === 0 ? "empty" : next ? "more" : "end");
      // A short page leaves the sentinel on screen, and the observer only reports changes: look once more.
      requestAnimationFrame(loadIfNearEnd);
    } catch (error) {
      if (mine !== generation || signal.aborted) return;
      loading = false;
      loadFailed = true;
      showStatus("failed");
      ctx.fail(error, { quiet: true });
    }
  }

  function retry(): void {
    loadFailed = false;
    void load(shown.size === 0);
  }

  function loadIfNearEnd(): void {
    if (!sentinel.offsetParent) return; // the library is not the view on screen
    if (sentinel.getBoundingClientRect().top < innerHeight + PRELOAD_MARGIN_PX) void load(false);
  }

  new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && void load(false), {
    rootMargin: `0px 0px ${PRELOAD_MARGIN_PX}px 0px`,
  }).observe(sentinel);

  function setQuery(change: Partial<LinkQuery>): void {
    query = { ...query, ...change };
    events.queryChanged(query);
    void load(true);
  }

  function belongs(link: LibraryLink): boolean {
    if (query.state === "unread" && link.readAt !== null) return false;
    if (query.state === "read" && link.readAt === null) return false;
    return query.tags.every((tag) => link.tags.includes(tag));
  }

  function remove(id: number): void {
    const row = rowOf(id);
    const group = row?.closest("section");
    row?.remove();
    if (group && !group.querySelector("li")) group.remove();
    shown.delete(id);
    selected.delete(id);
  }

  function update(link: LibraryLink): void {
    if (!shown.has(link.id)) return;
    if (!belongs(link)) return remove(link.id);
    shown.set(link.id, link);
    rowOf(link.id)?.replaceWith(linkRow(link, i18n, selected.has(link.id)));
  }

  function notifySelection(): void {
    document.body.classList.toggle("selecting", selecting);
    events.selectionChanged(selected.size, selecting);
  }

  function setSelected(id: number, on: boolean): void {
    if (on) selected.add(id);
    else selected.delete(id);
    const box = rowOf(id)?.querySelector<HTMLInputElement>("input.pick");
    if (box) box.checked = on;
    rowOf(id)?.classList.toggle("is-selected", on);
    notifySelection();
  }

  function startSelecting(id?: number): void {
    selecting = true;
    if (id !== undefined) setSelected(id, true);
    else notifySelection();
  }

  function stopSelecting(): void {
    selecting = false;
    for (const id of [...selected]) setSelected(id, false);
    notifySelection();
  }

  // Rows are handled by delegation: one set of listeners, however many pages are loaded.
  let press: { id: number; x: number; y: number; timer: ReturnType<typeof setTimeout> } | null = null;
  let pressed = false;
  const idOf = (target: EventTarget | null) => Number((target as Element | null)?.closest<HTMLElement>("li.link")?.dataset.id ?? NaN);
  const cancelPress = () => {
    if (press) clearTimeout(press.timer);
    press = null;
  };
  list.addEventListener("pointerdown", (event) => {
    const id = idOf(event.target);
    if (Number.isNaN(id) || !(event.target as Element).closest(".link-main")) return;
    cancelPress();
    pressed = false;
    press = {
      id,
      x: event.clientX,
      y: event.clientY,
      timer: setTimeout(() => {
        pressed = true;
        press = null;
        if (selecting) setSelected(id, !selected.has(id));
        else startSelecting(id);
        navigator.vibrate?.(10);
      }, LONG_PRESS_MS),
    };
  });
  list.addEventListener("pointermove", (event) => {
    if (press && Math.hypot(event.clientX - press.x, event.clientY - press.y) > PRESS_SLOP_PX) cancelPress();
  });
  for (const type of ["pointerup", "pointercancel", "pointerleave"]) list.addEventListener(type, cancelPress);
  // A long press on a phone also opens the context menu (and selects text): the press means "select" here.
  list.addEventListener("contextmenu", (event) => {
    if ((event.target as Element).closest(".link-main")) event.preventDefault();
  });
  list.addEventListener("click", (event) => {
    const target = event.target as Element;
    const id = idOf(target);
    if (Number.isNaN(id) || !target.closest(".link-main")) return;
    if (pressed) {
      // The click that ends a long press: the press already did what it meant.
      pressed = false;
      return;
    }
    if (selecting) setSelected(id, !selected.has(id));
    else events.open(shown.get(id)!);
  });
  list.addEventListener("change", (event) => {
    const box = event.target as HTMLInputElement;
    if (box.classList.contains("pick")) setSelected(idOf(box), box.checked);
  });

  return {
    query: () => query,
    setQuery,
    reload: () => void load(true),
    update,
    applyBulk(ids, action, tags = []) {
      if (action === "restore") return void load(true);
      for (const id of ids) {
        const link = shown.get(id);
        if (!link) continue;
        if (action === "delete") remove(id);
        else if (action === "read") update({ ...link, readAt: link.readAt ?? Date.now() });
        else if (action === "unread") update({ ...link, readAt: null });
        else if (action === "add-tags") update({ ...link, tags: [...link.tags, ...tags.filter((tag) => !link.tags.includes(tag))] });
        else update({ ...link, tags: link.tags.filter((tag) => !tags.includes(tag)) });
      }
      notifySelection();
      if (shown.size === 0) showStatus(next ? "more" : "empty");
      requestAnimationFrame(loadIfNearEnd);
    },
    startSelecting,
    stopSelecting,
    selectedLinks: () => [...selected].flatMap((id) => shown.get(id) ?? []),
  };
}
