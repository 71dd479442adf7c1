import { InlineKeyboard, InputFile, type CommandContext } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { parseNotesArgs, type NotesFilter } from "../../notes/args.js";
import { MAX_FILTER_TAGS } from "../../recall/list-args.js";
import type { NotesTotals } from "../../notes/entries.js";
import { notesMarkdown } from "../../notes/markdown.js";
import { NOTES_PER_PAGE, notesHeading, renderNoNotes, renderNotesPage } from "../../notes/page.js";
import { allNotes, countNotes, notesPage, type NoteScope } from "../../store/notes.js";
import { localDate } from "../../time/local-date.js";
import { escapeHtml, truncate } from "../../views/html.js";
import { addPageButtons, type RenderedPage, type ViewKind, type ViewRegistry } from "../../lists/views.js";

const MAX_WORD_SHOWN = 40;

const scopeOf = (filter: NotesFilter): NoteScope => ({ tags: filter.tags, range: filter.period.range });

async function renderNotes(ctx: BotContext, filter: NotesFilter, viewId: number, requested: number): Promise<RenderedPage> {
  const { totals, page, notes } = await notesPage(ctx.db, ctx.user.id, scopeOf(filter), requested, NOTES_PER_PAGE);
  // Pages turned after the notes went elsewhere (moved, their link deleted) may find nothing left.
  if (totals.notes === 0) return { text: renderNoNotes(ctx.t, filter), linkIds: [] };
  return {
    text: renderNotesPage(ctx.t, { filter, totals, notes, timeZone: ctx.user.time_zone, today: localDate(ctx.clock(), ctx.user.time_zone) }),
    keyboard: page.count > 1 ? addPageButtons(new InlineKeyboard(), viewId, page) : undefined,
    linkIds: [...new Set(notes.map((note) => note.link_id))],
  };
}

/** The summary's pages; their period was fixed when /notes was sent, so ◀ ▶ keep showing the same notes. */
export const notesView: ViewKind<NotesFilter> = { kind: "notes", render: renderNotes };

async function sendNotesFile(ctx: BotContext, filter: NotesFilter, totals: NotesTotals): Promise<void> {
  const notes = await allNotes(ctx.db, ctx.user.id, scopeOf(filter));
  const markdown = notesMarkdown(ctx.t, { filter, totals, notes, timeZone: ctx.user.time_zone });
  const name = `linklog-notes-${localDate(ctx.clock(), ctx.user.time_zone)}.md`;
  await ctx.replyWithDocument(new InputFile(Buffer.from(markdown, "utf8"), name), { caption: notesHeading(ctx.t, filter, totals) });
}

/** `/notes [#tag…] [week|month|all|YYYY-MM] [file]`: the notes of a period as pages, or as one markdown file. */
export function notesCommand(views: ViewRegistry) {
  return async (ctx: CommandContext<BotContext>): Promise<void> => {
    const parsed = parseNotesArgs(ctx.match, ctx.clock(), ctx.user.time_zone);
    if (!parsed.ok) {
      const problem = ctx.t(`notes-${parsed.problem}`, { word: escapeHtml(truncate(parsed.word, MAX_WORD_SHOWN)), max: MAX_FILTER_TAGS });
      await ctx.reply(`${problem}\n\n${ctx.t("notes-usage")}`);
      return;
    }
    const { asFile, ...filter } = parsed.value;
    const totals = await countNotes(ctx.db, ctx.user.id, scopeOf(filter));
    if (totals.notes === 0) await ctx.reply(renderNoNotes(ctx.t, filter));
    else if (asFile) await sendNotesFile(ctx, filter, totals);
    else await views.send(ctx, notesView, filter);
  };
}
