import { byId, h, replace } from "./dom.js";

let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * One message at the bottom of the screen, with at most one action (Undo). A new one replaces the old one, which is
 * also how an Undo toast ends when the user moves on.
 */
export function showToast(text: string, durationMs = 4000, action?: { label: string; run: () => void }): void {
  const toast = byId("toast");
  clearTimeout(timer);
  replace(
    toast,
    h("span", { class: "toast-text" }, text),
    action &&
      h(
        "button",
        {
          type: "button",
          class: "toast-action",
          onclick: () => {
            hideToast();
            action.run();
          },
        },
        action.label,
      ),
  );
  toast.hidden = false;
  timer = setTimeout(hideToast, durationMs);
}

export function hideToast(): void {
  clearTimeout(timer);
  byId("toast").hidden = true;
}
