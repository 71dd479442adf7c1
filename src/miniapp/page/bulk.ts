import { parseTags } from "../../tags/parse-tags.js";
import type { BulkRequest } from "../api-types.js";
import type { AppContext } from "./context.js";
import { byId, h, replace } from "./dom.js";
import type { Library } from "./library.js";
import { openSheet } from "./sheet.js";
import { showToast } from "./toast.js";

/** The bot keeps deleted links this long for Undo (README: "↩️ Undo for 10 minutes"); the toast offers it as long. */
const UNDO_WINDOW_MS = 10 * 60_000;

type Action = Exclude<BulkRequest["action"], "restore">;

/** The bar of selection mode: mark read or unread, add or remove a tag, delete with Undo; one request each. */
export function setUpBulkBar(ctx: AppContext, library: Library): void {
  byId("bulk-bar").addEventListener("click", (event) => {
    const action = (event.target as Element).closest<HTMLElement>("button[data-action]")?.dataset.action as Action | undefined;
    if (!action) return;
    const ids = library.selectedLinks().map((link) => link.id);
    if (ids.length === 0) return showToast(ctx.i18n.t("app-bulk-none"));
    if (action === "add-tags") return askTagsToAdd(ctx, library, ids);
    if (action === "remove-tags") return askTagsToRemove(ctx, library, ids);
    void perform(ctx, library, action, ids);
  });
}

async function perform(ctx: AppContext, library: Library, action: Action, ids: number[], tags: string[] = []): Promise<boolean> {
  const { api, i18n } = ctx;
  const bar = byId("bulk-bar");
  bar.setAttribute("aria-busy", "true");
  try {
    const result = await api.bulk({ ids, action, ...(tags.length > 0 ? { tags } : {}) });
    library.applyBulk(ids, action, tags);
    library.stopSelecting();
    const count = result.changed;
    const tag = tags.map((t) => `#${t}`).join(" ");
    if (action === "delete" && result.undo?.length) {
      const undo = result.undo;
      showToast(i18n.t("app-done-delete", { count }), {
        durationMs: UNDO_WINDOW_MS,
        action: { label: i18n.t("app-undo"), run: () => void restore(ctx, library, undo) },
        dismissLabel: i18n.t("app-close"),
      });
    } else showToast(i18n.t(`app-done-${action}`, { count, tag }));
    return true;
  } catch (error) {
    ctx.fail(error);
    return false;
  } finally {
    bar.removeAttribute("aria-busy");
  }
}

async function restore(ctx: AppContext, library: Library, ids: number[]): Promise<void> {
  try {
    const { changed } = await ctx.api.bulk({ ids, action: "restore" });
    showToast(changed > 0 ? ctx.i18n.t("app-done-restore", { count: changed }) : ctx.i18n.t("app-undo-expired"));
    library.applyBulk(ids, "restore");
  } catch (error) {
    ctx.fail(error);
  }
}

/** Tags typed as in the bot (`rust async`, `#rust, #async`, `机器学习`), with the user's most used ones to tap. */
function askTagsToAdd(ctx: AppContext, library: Library, ids: number[]): void {
  const { i18n } = ctx;
  const sheet = openSheet(i18n.t("app-tag-add-title", { count: ids.length }), i18n.t("app-close"));
  const input = h("input", { id: "tag-input", type: "text", autocomplete: "off", enterkeyhint: "done", autocapitalize: "none" });
  const suggestions = h("div", { class: "facets" });
  const form = h(
    "form",
    {
      id: "tag-form",
      class: "tag-form",
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const tags = parseTags(input.value);
        if (tags.length > 0 && (await perform(ctx, library, "add-tags", ids, tags))) sheet.close();
      },
    },
    h("label", { for: "tag-input" }, i18n.t("app-tag-name")),
    input,
    suggestions,
  );
  replace(sheet.body, form);
  replace(
    sheet.footer,
    h("button", { type: "button", class: "button secondary", onclick: () => sheet.close() }, i18n.t("app-cancel")),
    h("button", { type: "submit", class: "button primary", form: "tag-form" }, i18n.t("app-tag-add")),
  );
  input.focus();
  ctx.api.facets("all").then(
    (facets) => {
      replace(
        suggestions,
        facets.tags.slice(0, 12).map(({ name }) =>
          h(
            "button",
            {
              type: "button",
              class: "facet",
              onclick: () => {
                const typed = parseTags(input.value);
                if (!typed.includes(name)) input.value = [...typed, name].join(" ");
              },
            },
            `#${name}`,
          ),
        ),
      );
    },
    // Suggestions are a convenience: typing still works without them.
    () => undefined,
  );
}

function askTagsToRemove(ctx: AppContext, library: Library, ids: number[]): void {
  const { i18n } = ctx;
  const sheet = openSheet(i18n.t("app-tag-remove-title", { count: ids.length }), i18n.t("app-close"));
  const present = [...new Set(library.selectedLinks().flatMap((link) => link.tags))].sort();
  const chosen = new Set<string>();
  const remove = h(
    "button",
    {
      type: "button",
      class: "button danger",
      disabled: true,
      onclick: async () => {
        if (await perform(ctx, library, "remove-tags", ids, [...chosen])) sheet.close();
      },
    },
    i18n.t("app-tag-remove"),
  );
  replace(
    sheet.body,
    present.length === 0
      ? h("p", { class: "hint" }, i18n.t("app-tag-remove-none"))
      : h(
          "div",
          { class: "facets" },
          present.map((tag) =>
            h(
              "button",
              {
                type: "button",
                class: "facet",
                "aria-pressed": "false",
                onclick: (event: Event) => {
                  const on = !chosen.has(tag);
                  if (on) chosen.add(tag);
                  else chosen.delete(tag);
                  (event.currentTarget as HTMLElement).setAttribute("aria-pressed", String(on));
                  remove.disabled = chosen.size === 0;
                },
              },
              `#${tag}`,
            ),
          ),
        ),
  );
  replace(sheet.footer, h("button", { type: "button", class: "button secondary", onclick: () => sheet.close() }, i18n.t("app-cancel")), remove);
}
