import type { LibraryLink, LinkDetail, NoteItem } from "../api-types.js";
import type { AppContext } from "./context.js";
import { h, icon, replace } from "./dom.js";
import type { Library } from "./library.js";
import { openSheet, type Sheet } from "./sheet.js";
import { openLink } from "./telegram.js";

/**
 * A link's sheet: its address (opened by Telegram's browser inside Telegram), tags, when it was saved and read, its
 * description, and its notes, which can be added, edited and deleted here. What changes is shown in the list too.
 */
export function openDetail(ctx: AppContext, summary: LibraryLink, library: Library): void {
  const sheet = openSheet(summary.name, ctx.i18n.t("app-close"));
  replace(sheet.body, h("div", { class: "spinner small", role: "img", "aria-label": ctx.i18n.t("app-loading") }));
  void refresh(ctx, sheet, summary.id, library);
}

async function refresh(ctx: AppContext, sheet: Sheet, id: number, library: Library): Promise<void> {
  try {
    const detail = await ctx.api.link(id);
    if (!sheet.isOpen()) return;
    const { notes: _notes, description: _description, ...link } = detail;
    library.update(link);
    render(ctx, sheet, detail, () => refresh(ctx, sheet, id, library));
  } catch (error) {
    if (!sheet.isOpen()) return;
    replace(sheet.body, h("p", { class: "empty" }, ctx.i18n.t("app-load-failed")));
    ctx.fail(error, { quiet: true });
  }
}

function render(ctx: AppContext, sheet: Sheet, detail: LinkDetail, changed: () => Promise<void>): void {
  const { i18n, api } = ctx;
  /** Runs a change, then shows the link as the server now has it; a failure is told and nothing is redrawn. */
  const change = async (button: HTMLButtonElement | null, run: () => Promise<unknown>) => {
    if (button) button.disabled = true;
    try {
      await run();
      await changed();
    } catch (error) {
      ctx.fail(error);
      if (button) button.disabled = false;
    }
  };

  const address = h("a", { class: "url", href: detail.url, target: "_blank", rel: "noopener noreferrer" }, detail.url);
  address.addEventListener("click", (event) => {
    if (openLink(detail.url)) event.preventDefault();
  });
  const read = detail.readAt !== null;
  const toggleRead = h(
    "button",
    { type: "button", class: "button secondary", onclick: () => change(toggleRead, () => api.bulk({ ids: [detail.id], action: read ? "unread" : "read" })) },
    icon(read ? "unread" : "read", 20),
    i18n.t(read ? "app-detail-mark-unread" : "app-detail-mark-read"),
  );
  const open = h("a", { class: "button primary", href: detail.url, target: "_blank", rel: "noopener noreferrer" }, icon("open", 20), i18n.t("app-detail-open"));
  open.addEventListener("click", (event) => {
    if (openLink(detail.url)) event.preventDefault();
  });

  replace(
    sheet.body,
    address,
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, i18n.t("app-detail-saved")),
      h("dd", {}, i18n.dateTime(detail.savedAt)),
      h("dt", {}, i18n.t("app-detail-read")),
      h("dd", {}, detail.readAt === null ? i18n.t("app-detail-not-read") : i18n.dateTime(detail.readAt)),
      h("dt", {}, i18n.t("app-detail-tags")),
      h("dd", { class: "chips" }, detail.tags.length > 0 ? detail.tags.map((tag) => h("span", { class: "chip" }, `#${tag}`)) : i18n.t("app-detail-no-tags")),
    ),
    detail.description && h("p", { class: "description" }, detail.description),
    h("div", { class: "actions" }, open, toggleRead),
    h(
      "section",
      { class: "notes-section" },
      h("h3", {}, i18n.t("app-notes")),
      detail.notes.length === 0
        ? h("p", { class: "hint" }, i18n.t("app-notes-empty"))
        : h(
            "ul",
            { class: "notes-list" },
            detail.notes.map((note) => noteItem(ctx, note, change)),
          ),
      newNoteForm(ctx, detail.id, change),
    ),
  );
}

type Change = (button: HTMLButtonElement | null, run: () => Promise<unknown>) => Promise<void>;

function noteItem(ctx: AppContext, note: NoteItem, change: Change): HTMLLIElement {
  const { i18n, api } = ctx;
  const item = h("li", { class: "note" });
  const view = () =>
    replace(
      item,
      h("p", { class: "note-text" }, note.text),
      h(
        "div",
        { class: "note-foot" },
        h(
          "span",
          { class: "hint" },
          note.updatedAt > note.createdAt ? i18n.t("app-note-edited", { date: i18n.dateTime(note.updatedAt) }) : i18n.dateTime(note.createdAt),
        ),
        h("button", { type: "button", class: "text-button", onclick: edit }, i18n.t("app-note-edit")),
        h("button", { type: "button", class: "text-button destructive", onclick: confirmDelete }, i18n.t("app-note-delete")),
      ),
    );
  function edit() {
    const text = h("textarea", { class: "note-input", rows: 4, value: note.text, "aria-label": i18n.t("app-note-edit") });
    const save: HTMLButtonElement = h(
      "button",
      { type: "button", class: "button primary", onclick: () => text.value.trim() && change(save, () => api.editNote(note.id, text.value.trim())) },
      i18n.t("app-note-save"),
    );
    replace(
      item,
      text,
      h("div", { class: "note-foot" }, h("button", { type: "button", class: "button secondary", onclick: view }, i18n.t("app-cancel")), save),
    );
    text.focus();
  }
  function confirmDelete() {
    const remove: HTMLButtonElement = h(
      "button",
      { type: "button", class: "button danger", onclick: () => change(remove, () => api.deleteNote(note.id)) },
      i18n.t("app-note-delete"),
    );
    replace(
      item,
      h("p", { class: "note-text" }, note.text),
      h(
        "div",
        { class: "note-foot confirm" },
        h("span", {}, i18n.t("app-note-delete-confirm")),
        h("button", { type: "button", class: "button secondary", onclick: view }, i18n.t("app-cancel")),
        remove,
      ),
    );
    remove.focus();
  }
  view();
  return item;
}

function newNoteForm(ctx: AppContext, linkId: number, change: Change): HTMLFormElement {
  const { i18n, api } = ctx;
  const text = h("textarea", { id: "new-note", class: "note-input", rows: 3 });
  const add = h("button", { type: "submit", class: "button primary" }, i18n.t("app-note-add"));
  return h(
    "form",
    {
      class: "new-note",
      onsubmit: (event: Event) => {
        event.preventDefault();
        if (text.value.trim()) void change(add, () => api.addNote(linkId, text.value.trim()));
      },
    },
    h("label", { for: "new-note" }, i18n.t("app-note-new")),
    text,
    add,
  );
}
