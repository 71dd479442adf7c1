import type { LibraryLink } from "../api-types.js";
import { h, icon } from "./dom.js";
import type { I18n } from "./i18n.js";

/**
 * One row of the library: the title, then site, tags and note count, and a tick once read. The checkbox only shows
 * in selection mode (CSS); its label names the link, as a screen reader needs to know what it selects.
 */
export function linkRow(link: LibraryLink, i18n: I18n, selected: boolean): HTMLLIElement {
  const name = link.name;
  const notes =
    link.noteCount > 0 &&
    h(
      "span",
      { class: "notes" },
      icon("note", 14),
      h("span", { class: "note-count", "aria-hidden": "true" }, String(link.noteCount)),
      h("span", { class: "visually-hidden" }, i18n.t("app-link-notes", { count: link.noteCount })),
    );
  return h(
    "li",
    { class: link.readAt === null ? "link" : "link is-read", "data-id": link.id },
    h("input", { type: "checkbox", class: "pick", checked: selected, "aria-label": i18n.t("app-select-link", { title: name }) }),
    h(
      "button",
      { type: "button", class: "link-main" },
      h("span", { class: link.title === null ? "link-title is-url" : "link-title" }, name),
      h("span", { class: "link-meta" }, h("span", { class: "site" }, link.site), ...link.tags.map((tag) => h("span", { class: "chip" }, `#${tag}`)), notes),
      link.snippet && h("span", { class: "snippet" }, link.snippet),
    ),
    h(
      "span",
      { class: "read-mark", role: "img", "aria-label": i18n.t(link.readAt === null ? "app-link-unread" : "app-link-read") },
      icon(link.readAt === null ? "dot" : "check", 18),
    ),
  );
}
