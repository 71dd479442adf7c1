import type { LookupFunction } from "node:net";
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import type { UserFromGetMe } from "@grammyjs/types";
import { Bot } from "grammy";
import type { Config } from "../config/config.js";
import type { DB } from "../db/connection.js";
import { captureFeature } from "../features/capture/index.js";
import { digestFeature } from "../features/digest/index.js";
import { importExportFeature } from "../features/import-export/index.js";
import { linkCardFeature, noteEditPrompt } from "../features/link-card/index.js";
import { listsFeature } from "../features/lists/index.js";
import { ViewRegistry } from "../lists/views.js";
import { notesFeature } from "../features/notes/index.js";
import { pageTitlesFeature } from "../features/page-titles/index.js";
import { searchFeature } from "../features/search/index.js";
import { statsFeature } from "../features/stats/index.js";
import { settingsFeature } from "../features/settings/index.js";
import { tagsFeature } from "../features/tags/index.js";
import { todayFeature } from "../features/today/index.js";
import { unreadFeature } from "../features/unread/index.js";
import { helpFeature } from "../features/help.js";
import { onboardingFeature } from "../features/onboarding/index.js";
import { cancelFeature, taggingFeature } from "../features/tagging/index.js";
import { unhandledFeature } from "../features/unhandled.js";
import { hasLinks } from "../links/has-links.js";
import type { Logger } from "../logger.js";
import { conversations } from "@grammyjs/conversations";
import { titlePrompt } from "../features/page-titles/title-prompt.js";
import { AlbumHints } from "../questions/album-hints.js";
import { conversationStateStorage } from "../store/conversation-state.js";
import { Redraws } from "../questions/redraws.js";
import { createRetryingFetch } from "../telegram/retrying-fetch.js";
import { telegramTransport } from "../telegram/transport.js";
import { replyDefaults, replyDefaultsInConversations } from "../telegram/reply-defaults.js";
import type { BotContext, ConversationContext } from "../telegram/context.js";
import { createI18n } from "../telegram/i18n.js";
import { allowedUsers } from "./middlewares/allowed-users.js";
import { currentUser } from "./middlewares/current-user.js";
import { handleUpdateError } from "./middlewares/error-boundary.js";
import { rateLimit } from "./middlewares/rate-limit.js";
import { lowerCaseCommands, runSuggestedCommand } from "./middlewares/typed-commands.js";

export interface BotDeps {
  config: Config;
  db: DB;
  logger: Logger;
  /** Who the bot is (the app asks getMe itself at start-up; tests give it), so the bot makes no getMe call. */
  botInfo?: UserFromGetMe;
  clock?: () => number;
  /** What carries API calls to Telegram, below the retries; the benchmark answers them in-process. */
  fetch?: typeof fetch;
  /** How the transport finds the API root's address; by default the system's DNS. */
  lookup?: LookupFunction;
}

/**
 * Bump whenever the code of a shipped conversation changes, so stored state is not replayed against new code
 * (4: the tag question left the plugin for its own table; only the title prompt is a conversation now).
 */
const CONVERSATION_STATE_VERSION = 4;
const ALBUM_HINT_DELAY_MS = 1500;
// Telegram refuses more than about one edit a second of a chat's message.
const REDRAW_GAP_MS = 1000;

/**
 * Links and files are the user's data, not chatter: 100 forwarded posts or an import file are kept however fast
 * they come. Flood protection limits what the bot is made to say; these pass uncounted.
 */
const savesUserData = (ctx: BotContext) => ctx.message !== undefined && (hasLinks(ctx.message) || ctx.message.document !== undefined);

export function createBot({ config, db, logger, botInfo, clock = Date.now, fetch, lookup }: BotDeps) {
  const apiRoot = config.TELEGRAM_API_ROOT;
  const transport = fetch ?? telegramTransport({ apiRoot, lookup });
  const bot = new Bot<BotContext>(config.BOT_TOKEN, {
    ...(botInfo ? { botInfo } : {}),
    client: { apiRoot, fetch: createRetryingFetch({ baseDelayMs: config.TELEGRAM_RETRY_BASE_MS, fetch: transport }) },
  });
  // Long flood waits that the fetch layer hands up are waited out here.
  // Network and 5xx failures were already retried (a bounded number of times) by the fetch layer; retrying
  // them again here would hold a chat for up to an hour per call.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 300, rethrowHttpErrors: true, rethrowInternalServerErrors: true }));
  // HTML, previews off: for handlers, and for the digest scheduler, page-title worker and question expiry, which
  // are given this same `bot.api`. Conversations build their own Api and get the defaults through `plugins` below.
  bot.api.config.use(replyDefaults);

  const i18n = createI18n();
  const albums = new AlbumHints(ALBUM_HINT_DELAY_MS);
  const questions = {
    timeoutMs: config.TAG_QUESTION_TIMEOUT_MINUTES * 60_000,
    redraws: new Redraws(REDRAW_GAP_MS, (error) => logger.warn({ err: error }, "could not redraw a tag question")),
  };

  bot.use(sequentialize((ctx) => ctx.chatId?.toString()));
  const protectedBot = bot.errorBoundary(handleUpdateError);
  protectedBot.use(async (ctx, next) => {
    ctx.config = config;
    ctx.db = db;
    ctx.clock = clock;
    ctx.logger = logger.child({ update_id: ctx.update.update_id });
    const started = performance.now();
    await next();
    ctx.logger.debug({ chat_id: ctx.chatId, kind: Object.keys(ctx.update)[1], ms: Math.round(performance.now() - started) }, "update handled");
  });
  protectedBot.use(i18n);
  // Before every handler that matches a command by name.
  protectedBot.use(lowerCaseCommands);
  protectedBot.use(rateLimit({ db, perWindow: config.RATE_LIMIT_UPDATES, exempt: savesUserData }));

  const privateChats = protectedBot.chatType("private");
  // A "Did you mean" press becomes the command it names here, so every handler below sees it as if typed.
  privateChats.use(allowedUsers, currentUser, runSuggestedCommand);
  privateChats.use(
    conversations<BotContext, ConversationContext>({
      storage: {
        type: "key",
        version: CONVERSATION_STATE_VERSION,
        prefix: "chat:",
        getStorageKey: (ctx) => ctx.chatId?.toString(),
        adapter: conversationStateStorage(db),
      },
      plugins: [replyDefaultsInConversations, i18n],
    }),
  );
  privateChats.use(cancelFeature(questions));
  // Before everything that reads text: while one waits, the title or note prompt takes the next message.
  privateChats.use(titlePrompt(db), noteEditPrompt(db));
  // A tapped zone button or a shared location answers the first-contact question, never a tag question.
  privateChats.use(onboardingFeature());
  // Before the notes: a reply to an open question answers it.
  privateChats.use(taggingFeature(questions));
  privateChats.use(helpFeature);
  // Every paginated list registers its kind here; the lists feature owns their shared buttons.
  const views = new ViewRegistry();
  privateChats.use(
    settingsFeature(),
    unreadFeature(views),
    todayFeature(views),
    tagsFeature(views),
    linkCardFeature(),
    pageTitlesFeature(),
    digestFeature(),
    importExportFeature(),
    searchFeature(views),
    statsFeature(),
    // Before capture: a reply to a link message is a note, even when it contains a link itself.
    notesFeature(views),
    listsFeature(views),
  );
  privateChats.use(captureFeature({ ...questions, albums }));
  privateChats.use(unhandledFeature);

  return { bot, i18n, questions };
}
