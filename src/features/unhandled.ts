import { Composer, InlineKeyboard } from "grammy";
import { suggestCommand } from "../telegram/command-suggestion.js";
import { COMMANDS, commandMessage, runCommandData, typedCommand } from "../telegram/commands.js";
import type { BotContext } from "../telegram/context.js";
import { escapeHtml, truncate } from "../views/html.js";

// What the suggestion shows of the command line; the button runs all of it.
const MAX_SHOWN = 200;
const MAX_LABEL = 40;

/** Installed last: a button from an old message still gets an answer, so Telegram stops its spinner. */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
});

/** Only commands get this far (capture answers every other message): a typo gets "Did you mean /unread?". */
unhandledFeature.on("message", async (ctx) => {
  const typed = typedCommand(ctx.message);
  const suggested = typed && suggestCommand(typed.name, COMMANDS);
  if (!typed || !suggested) return await ctx.reply(ctx.t("unknown-command"));
  const line = commandMessage(suggested, typed.argument).text;
  const argument = typed.argument === "" ? undefined : typed.argument;
  const data = runCommandData.tryPack({ command: suggested, argument });
  // Without an argument the command itself is tappable; with one, <code> lets it be copied.
  const shown = argument === undefined ? line : `<code>${escapeHtml(truncate(line, MAX_SHOWN))}</code>`;
  const text = ctx.t("command-suggestion", { command: shown });
  await ctx.reply(data === null ? `${text}\n${ctx.t("command-suggestion-too-long")}` : text, {
    reply_parameters: { message_id: ctx.message.message_id },
    ...(data === null
      ? {}
      : { reply_markup: new InlineKeyboard().text(ctx.t("command-suggestion-run", { command: truncate(line.replace(/\s+/gu, " "), MAX_LABEL) }), data) }),
  });
});
