import { byId, h, icon, replace } from "./dom.js";

export interface Sheet {
  /** The scrolling part: what a module fills. */
  body: HTMLElement;
  /** The part that stays at the bottom (the sheet's buttons). */
  footer: HTMLElement;
  close(): void;
  /** Whether this sheet is still the one on screen: an answer that arrives late must not fill a newer sheet. */
  isOpen(): boolean;
}

let generation = 0;

/**
 * The bottom sheet (filters, a link's detail, a tag to add): one modal <dialog>, so focus stays inside it, Escape
 * closes it and the page behind is inert for screen readers. A tap on the dimmed page above it closes it too.
 */
export function openSheet(title: string, closeLabel: string, onClose?: () => void): Sheet {
  const dialog = byId<HTMLDialogElement>("sheet");
  const mine = ++generation;
  const body = h("div", { class: "sheet-body" });
  const footer = h("div", { class: "sheet-footer" });
  const heading = h("h2", { id: "sheet-title" }, title);
  const close = () => {
    if (mine === generation && dialog.open) dialog.close();
  };
  replace(
    dialog,
    h("div", { class: "sheet-head" }, heading, h("button", { type: "button", class: "icon-button", "aria-label": closeLabel, onclick: close }, icon("close"))),
    body,
    footer,
  );
  dialog.setAttribute("aria-labelledby", "sheet-title");
  dialog.onclose = () => {
    if (mine === generation) onClose?.();
  };
  dialog.onclick = (event) => {
    if (event.target === dialog) close();
  };
  if (!dialog.open) dialog.showModal();
  // showModal focuses the first control, the close button; the sheet's own content is what the user came for.
  heading.tabIndex = -1;
  heading.focus();
  return { body, footer, close, isOpen: () => mine === generation && dialog.open };
}
