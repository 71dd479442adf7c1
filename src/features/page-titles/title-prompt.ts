import { createConversation, type Conversation } from "@grammyjs/conversations";
import type { BotContext, ConversationContext } from "../../telegram/context.js";
import { isCommand } from "../../telegram/commands.js";
import type { DB } from "../../db/connection.js";
import { hasLinks } from "../../links/has-links.js";
import { findUserLinks } from "../../store/links.js";
import { clearUserTitle, setUserTitle } from "../../store/page-info.js";
import { escapeHtml } from "../../views/html.js";
import { displayTitle } from "../../views/links.js";
import { PROMPTS } from "../../telegram/prompts.js";

export const TITLE_PROMPT = PROMPTS.title;
const MAX_TITLE = 300;
// A title is typed within minutes or forgotten; after this the next message is an ordinary message again.
const WAIT_MS = 10 * 60_000;

/** The title as stored: one line, trimmed, bounded; "-" means "back to the page's title". */
export function titleOf(text: string): string {
  return text.replace(/\s+/gu, " ").trim().slice(0, MAX_TITLE);
}

/**
 * `/title 12` without a title: asks for it and takes the next message as the title. One wait, so the replayed
 * history stays one update long; anything else ends the prompt and is handled as usual. The database is reached only through `external`, since the builder is replayed on every update.
 */
export function titlePrompt(db: DB) {
  async function askForTitle(conversation: Conversation<BotContext, ConversationContext>, ctx: ConversationContext, linkId: number) {
    const userId = ctx.from!.id;
    const link = await conversation.external(async () => {
      const [found] = await findUserLinks(db, userId, [linkId]);
      return found && { url: found.url, title: found.title };
    });
    if (!link) return void (await ctx.reply(ctx.t("link-not-found")));
    await ctx.reply(ctx.t("title-ask", { link: escapeHtml(displayTitle(link)) }));
    const answer = await conversation.wait({ maxMilliseconds: WAIT_MS });
    const text = answer.message?.text;
    // A command, a button, or a message with links is not a title: the prompt ends and it is handled as usual.
    if (text === undefined || isCommand(answer.message!) || hasLinks(answer.message!) || titleOf(text) === "") return await conversation.halt({ next: true });
    const title = titleOf(text);
    const done = await conversation.external(() => (title === "-" ? clearUserTitle(db, userId, linkId) : setUserTitle(db, userId, linkId, title)));
    if (!done) return void (await answer.reply(ctx.t("link-not-found")));
    await answer.reply(title === "-" ? ctx.t("title-cleared") : ctx.t("title-set", { title: escapeHtml(title) }));
  }
  return createConversation(askForTitle, { id: TITLE_PROMPT });
}
