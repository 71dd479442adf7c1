import { byId, h, icon, replace } from "./dom.js";

let timer: ReturnType<typeof setTimeout> | undefined;

interface ToastOptions {
  durationMs?: number;
  /** One action (Undo), which also ends the toast. */
  action?: { label: string; run: () => void };
  /** A toast that stays long (Undo for minutes) gets a close button with this label, so it never sits in the way. */
  dismissLabel?: string;
}

/** One message at the bottom of the screen; a new one replaces the old, which is also how an Undo offer ends. */
export function showToast(text: string, { durationMs = 4000, action, dismissLabel }: ToastOptions = {}): void {
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
    dismissLabel && h("button", { type: "button", class: "toast-close", "aria-label": dismissLabel, onclick: hideToast }, icon("close", 18)),
  );
  toast.hidden = false;
  timer = setTimeout(hideToast, durationMs);
}

function hideToast(): void {
  clearTimeout(timer);
  byId("toast").hidden = true;
}
