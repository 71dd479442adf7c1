import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { BotCommand, MenuButton, Message, ReactionType, ReplyKeyboardMarkup, Update, User, UserFromGetMe } from "@grammyjs/types";
import { WebhookDelivery } from "./webhook-delivery.js";
import { ApiError, badRequest, errorResponse, faultError, type ApiResponse, type Fault } from "./api-error.js";
import { ChatStore, compact, stableJson, type ChatEvent, type StoredMessage } from "./chat-store.js";
import { inlineMarkup, replyKeyboard, trimWithEntities, validCommands } from "./checks.js";
import { asDocument, asPhoto, FileStore, type StoredFile } from "./file-store.js";
import { MenuButtons } from "./menu-buttons.js";
import { readBody, type Payload } from "./request-body.js";
import { parseTelegramHtml } from "./telegram-html.js";
import { int, UpdateQueue, type PollHooks } from "./update-queue.js";
import { createUser, type EmulatedUser, type NewUpdate, type UserInit } from "./users.js";

export type { Fault };

export interface RecordedCall {
  index: number;
  method: string;
  payload: Record<string, any>;
  /** When the request arrived (ms). */
  at: number;
  response: ApiResponse;
  /**
   * True while a long poll waits for updates. It is recorded as soon as it waits (so "the bot is polling"
   * is observable) with `{ ok: true, result: [] }`, and the response is replaced when it is answered.
   */
  pending?: boolean;
}

/** The Bot API as a request handler, with what a test or the playground needs to play the user's side. */
export interface BotApi {
  token: string;
  botInfo: UserFromGetMe;
  /** Every call, in order; empty when created with `recordCalls: false` (the playground runs for days). */
  calls: RecordedCall[];
  /** Serves `POST /bot<token>/<method>` and `GET /file/bot<token>/<path>`; false for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  mark(): number;
  waitForCall(method: string, predicate?: (c: RecordedCall) => boolean, opts?: { since?: number; timeoutMs?: number }): Promise<RecordedCall>;
  callsOf(method: string, since?: number): RecordedCall[];
  /** Resolves once a getUpdates call is parked waiting for updates: the bot is up and polling. */
  waitForLongPoll(opts?: { timeoutMs?: number }): Promise<void>;
  pushUpdate(update: NewUpdate): Update;
  user(from?: UserInit): EmulatedUser;
  failNext(method: string, fault: Fault, times?: number): void;
  /** The bot's messages in a chat, oldest first. */
  chatMessages(chatId: number): Message[];
  /** Every message of a chat, the user's too, with the bot's reactions. */
  history(chatId: number): StoredMessage[];
  /** The reply keyboard the bot shows in a chat, in place of the user's own, or null. */
  keyboard(chatId: number): ReplyKeyboardMarkup | null;
  /** Tells `listener` of every change to any chat; returns the way to stop. */
  subscribe(listener: (event: ChatEvent) => void): () => void;
  /** The command menu a user with this language would see: its own, its base language's (zh for zh-hans), or the one for all. */
  commandsFor(languageCode?: string): BotCommand[];
  /** The menu button a chat shows (setChatMenuButton), or the default one without a chat. */
  menuButton(chatId?: number): MenuButton;
  /** Makes a private chat known, as if its user had started the bot earlier (benchmarks with many users). */
  knowPrivateChat(userId: number): void;
  addFile(content: Buffer | string, fileName?: string): { file_id: string; file_unique_id: string; file_size: number };
  file(fileId: string): StoredFile | undefined;
  documentContent(message: Message): Buffer | undefined;
  /** The bytes of a message's photo (its largest size). */
  photoContent(message: Message): Buffer | undefined;
  pendingUpdates(): number;
  /**
   * Posts updates to these addresses, in turn, whenever the bot's webhook is `publicUrl` (as a reverse proxy in
   * front of several instances would); without a route, a webhook gets nothing and updates wait as before.
   */
  routeWebhook(publicUrl: string, targets: readonly string[]): void;
  /** Ends a waiting long poll with [] and fails every waiter: the server is going away. */
  shutdown(): void;
}

/** A Bot API server of its own on 127.0.0.1, as the end-to-end tests use it. */
export interface Emulator extends BotApi {
  apiRoot: string;
  close(): Promise<void>;
}

export interface EmulatorOptions {
  token?: string;
  botInfo?: Partial<UserFromGetMe>;
  recordCalls?: boolean;
}

export const DEFAULT_TOKEN = "123456:TEST-token-for-the-emulator";
const MAX_TEXT_LENGTH = 4096;
const MAX_CAPTION_LENGTH = 1024;

interface CallContext extends PollHooks {
  payload: Payload;
  files: Map<string, File>;
}
type Handler = (call: CallContext) => unknown;

interface CallWaiter {
  matches(call: RecordedCall): boolean;
  settle(call: RecordedCall | Error): void;
}

/** What getMe answers; also given to bots built in-process, which then make no getMe call. */
export const TEST_BOT_INFO: UserFromGetMe = {
  id: 123456,
  is_bot: true,
  first_name: "linklog",
  username: "linklog_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export function createBotApi(opts: EmulatorOptions = {}): BotApi {
  const token = opts.token ?? DEFAULT_TOKEN;
  const recordCalls = opts.recordCalls ?? true;
  const botInfo: UserFromGetMe = { ...TEST_BOT_INFO, ...opts.botInfo } as UserFromGetMe;
  const botUser: User = { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username };

  const calls: RecordedCall[] = [];
  let callCount = 0;
  const callWaiters = new Set<CallWaiter>();
  const faults = new Map<string, Fault[]>();
  const updates = new UpdateQueue();
  const chats = new ChatStore();
  const files = new FileStore();
  const pendingCallbackQueries = new Map<string, number>();
  const commandSets = new Map<string, BotCommand[]>();
  const profileTexts = new Map<string, string>();
  const menuButtons = new MenuButtons();

  const setProfileText = (field: "description" | "short_description", p: Payload, maxLength: number) => {
    const text = String(p[field] ?? "");
    if (text.length > maxLength) throw badRequest(`${field === "description" ? "BOT_DESCRIPTION" : "BOT_SHORT_DESCRIPTION"}_INVALID`);
    profileTexts.set(`${field}|${p.language_code ?? ""}`, text);
    return true;
  };

  const webhookRoutes = new Map<string, readonly string[]>();
  let delivery: WebhookDelivery | undefined;
  const setWebhook = (p: Payload) => {
    const url = String(p.url ?? "");
    // Setting the same webhook again (an instance restarting) keeps the updates on their way, as Telegram does.
    if (delivery && url === updates.webhookUrl) return;
    updates.webhookUrl = url;
    delivery?.stop();
    delivery = webhookRoutes.has(updates.webhookUrl)
      ? new WebhookDelivery(
          { url: updates.webhookUrl, secret: p.secret_token as string | undefined, maxConnections: int(p.max_connections) },
          (url) => webhookRoutes.get(url) ?? [],
        )
      : undefined;
    updates.sink = delivery && ((update) => delivery!.add(update));
  };

  const pushUpdate = (update: NewUpdate): Update => {
    const full = updates.push(update);
    chats.remember(full);
    const query = full.callback_query;
    if (query) pendingCallbackQueries.set(query.id, query.message?.chat.id ?? query.from.id);
    return full;
  };

  // --- messages

  const formatText = (raw: unknown, parseMode: unknown, given: unknown) => {
    const source = raw === undefined || raw === null ? "" : String(raw);
    const mode = typeof parseMode === "string" ? parseMode.toLowerCase() : "";
    if (mode === "html") {
      const parsed = parseTelegramHtml(source);
      if (!parsed.ok) throw badRequest(`can't parse entities: ${parsed.reason}`);
      return trimWithEntities(parsed.text, parsed.entities);
    }
    // Fail loudly rather than pretend Markdown was checked.
    if (mode !== "") throw badRequest(`the emulator does not implement parse_mode ${String(parseMode)}`);
    return trimWithEntities(source, Array.isArray(given) ? given : undefined);
  };
  const messageText = (p: Payload) => {
    const { text, entities } = formatText(p.text, p.parse_mode, p.entities);
    if (text === "") throw badRequest("message text is empty");
    if (text.length > MAX_TEXT_LENGTH) throw badRequest("message is too long");
    return { text, entities };
  };
  const captionText = (p: Payload) => {
    const { text, entities } = formatText(p.caption, p.parse_mode, p.caption_entities);
    if (text.length > MAX_CAPTION_LENGTH) throw badRequest("message caption is too long");
    return { caption: text || undefined, caption_entities: text ? entities : undefined };
  };
  const repliedTo = (chatId: unknown, p: Payload): Message | undefined => {
    const id = int(p.reply_parameters?.message_id ?? p.reply_to_message_id);
    if (id === undefined) return undefined;
    const found = chats.message(chats.known(chatId), id);
    if (found) return { ...found.message, reply_to_message: undefined };
    if (p.reply_parameters?.allow_sending_without_reply || p.allow_sending_without_reply) return undefined;
    throw badRequest("message to be replied not found");
  };
  const sendBotMessage = (p: Payload, content: Partial<Message>): Message => {
    const state = chats.known(p.chat_id);
    // Validate before taking a message id: Telegram does not use up ids on failed sends.
    const reply_to_message = repliedTo(p.chat_id, p);
    const reply_markup = inlineMarkup(p.reply_markup);
    const keyboard = replyKeyboard(p.reply_markup);
    const message = compact({
      message_id: chats.nextMessageId(state.chat.id),
      from: botUser,
      chat: state.chat,
      date: now(),
      reply_to_message,
      ...content,
      link_preview_options: p.link_preview_options,
      reply_markup,
    }) as Message;
    const sent = chats.addBotMessage(state, message);
    if (keyboard !== undefined) chats.setKeyboard(state.chat.id, keyboard);
    return sent;
  };
  const editable = (p: Payload) => {
    if (p.inline_message_id !== undefined) throw badRequest("the emulator only edits messages by chat_id and message_id");
    return chats.editable(p.chat_id, p.message_id, "message to edit not found");
  };

  // --- method table

  const handlers: Record<string, Handler> = {
    getMe: () => botInfo,
    getUpdates: ({ payload, onAbort, onPark }) => updates.getUpdates(payload, { onAbort, onPark }),
    setWebhook: ({ payload }) => {
      setWebhook(payload);
      if (bool(payload.drop_pending_updates)) updates.drop();
      return true;
    },
    deleteWebhook: ({ payload }) => {
      setWebhook({});
      if (bool(payload.drop_pending_updates)) updates.drop();
      return true;
    },
    getWebhookInfo: () => ({ url: updates.webhookUrl, has_custom_certificate: false, pending_update_count: updates.length + (delivery?.pending ?? 0) }),
    sendMessage: ({ payload: p }) => sendBotMessage(p, messageText(p)),
    editMessageText: ({ payload: p }) => {
      const stored = editable(p);
      if (stored.message.text === undefined) throw badRequest("there is no text in the message to edit");
      // Omitting reply_markup in an edit removes the keyboard, as in Telegram.
      return chats.applyEdit(stored, { ...messageText(p), reply_markup: inlineMarkup(p.reply_markup) }, now());
    },
    editMessageReplyMarkup: ({ payload: p }) => chats.applyEdit(editable(p), { reply_markup: inlineMarkup(p.reply_markup) }, now()),
    deleteMessage: ({ payload: p }) => {
      chats.delete(p.chat_id, p.message_id);
      return true;
    },
    answerCallbackQuery: ({ payload: p }) => {
      const chatId = pendingCallbackQueries.get(String(p.callback_query_id));
      if (chatId === undefined) throw badRequest("query is too old and response timeout expired or query ID is invalid");
      pendingCallbackQueries.delete(String(p.callback_query_id));
      chats.emit({ kind: "callback-answer", chatId, ...(p.text ? { text: String(p.text) } : {}), showAlert: bool(p.show_alert) });
      return true;
    },
    setMyCommands: ({ payload: p }) => {
      commandSets.set(commandSetKey(p), validCommands(p.commands));
      chats.emit({ kind: "commands" });
      return true;
    },
    getMyCommands: ({ payload: p }) => commandSets.get(commandSetKey(p)) ?? [],
    setMyDescription: ({ payload: p }) => setProfileText("description", p, 512),
    getMyDescription: ({ payload: p }) => ({ description: profileTexts.get(`description|${p.language_code ?? ""}`) ?? "" }),
    setMyShortDescription: ({ payload: p }) => setProfileText("short_description", p, 120),
    getMyShortDescription: ({ payload: p }) => ({ short_description: profileTexts.get(`short_description|${p.language_code ?? ""}`) ?? "" }),
    setChatMenuButton: ({ payload: p }) => {
      menuButtons.set(p);
      chats.emit(p.chat_id === undefined ? { kind: "menu-button" } : { kind: "menu-button", chatId: chats.known(p.chat_id).chat.id });
      return true;
    },
    getChatMenuButton: ({ payload: p }) => menuButtons.get(p.chat_id as number | undefined),
    deleteMyCommands: ({ payload: p }) => {
      commandSets.delete(commandSetKey(p));
      chats.emit({ kind: "commands" });
      return true;
    },
    sendChatAction: ({ payload: p }) => {
      chats.emit({ kind: "chat-action", chatId: chats.known(p.chat_id).chat.id, action: String(p.action ?? "") });
      return true;
    },
    setMessageReaction: ({ payload: p }) => {
      chats.react(p.chat_id, p.message_id, Array.isArray(p.reaction) ? (p.reaction as ReactionType[]) : []);
      return true;
    },
    sendDocument: async ({ payload: p, files: parts }) => {
      chats.known(p.chat_id);
      const caption = captionText(p);
      const file = await files.upload(p.document, parts, "document");
      return sendBotMessage(p, { document: asDocument(file), ...caption });
    },
    sendPhoto: async ({ payload: p, files: parts }) => {
      chats.known(p.chat_id);
      const caption = captionText(p);
      const photo = asPhoto(await files.upload(p.photo, parts, "photo"));
      return sendBotMessage(p, { photo, ...caption });
    },
    getFile: ({ payload: p }) => {
      const file = files.byFileId(String(p.file_id));
      if (!file) throw badRequest("invalid file_id");
      const { file_id, file_unique_id, file_size, file_path } = file;
      return { file_id, file_unique_id, file_size, file_path };
    },
  };
  // Telegram matches method names case-insensitively.
  const handlerByName = new Map(Object.entries(handlers).map(([name, handler]) => [name.toLowerCase(), handler]));

  // --- recording

  const notifyWaiters = (call: RecordedCall) => {
    for (const waiter of callWaiters) if (waiter.matches(call)) waiter.settle(call);
  };
  const record = (method: string, payload: Payload, at: number, response: ApiResponse, pending = false) => {
    const call: RecordedCall = { index: callCount++, method, payload, at, response, ...(pending ? { pending } : {}) };
    if (recordCalls) calls.push(call);
    notifyWaiters(call);
    return call;
  };
  const complete = (call: RecordedCall, response: ApiResponse) => {
    call.response = response;
    delete call.pending;
    notifyWaiters(call);
  };

  const invoke = async (method: string, call: CallContext): Promise<ApiResponse> => {
    const handler = handlerByName.get(method.toLowerCase());
    if (!handler) return { ok: false, error_code: 404, description: "Not Found" };
    try {
      return { ok: true, result: await handler(call) };
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      // A bug in the emulator should be visible in the test, not look like Telegram's answer.
      return { ok: false, error_code: 500, description: `Internal Server Error: emulator failed: ${String(error)}` };
    }
  };

  const takeFault = (method: string, payload: Payload) => {
    const key = method.toLowerCase();
    const pending = faults.get(key) ?? [];
    const at = pending.findIndex((f) => f.chatId === undefined || f.chatId === Number(payload.chat_id));
    if (at < 0) return undefined;
    const [fault] = pending.splice(at, 1);
    if (pending.length === 0) faults.delete(key);
    return fault;
  };

  // --- HTTP

  const onApiRequest = async (req: IncomingMessage, res: ServerResponse, url: URL, requestToken: string, method: string) => {
    const at = Date.now();
    let body: { payload: Payload; files: Map<string, File> };
    try {
      body = await readBody(req, url);
    } catch {
      const response = errorResponse(badRequest("can't parse request body"));
      record(method, {}, at, response);
      return reply(res, response);
    }
    const { payload, files: parts } = body;
    const recordedPayload = { ...payload };
    for (const [name, file] of parts) recordedPayload[name] = { file_name: file.name, size: file.size };

    if (requestToken !== token) {
      const response = errorResponse(new ApiError(401, "Unauthorized"));
      record(method, recordedPayload, at, response);
      return reply(res, response);
    }
    const fault = takeFault(method, payload);
    if (fault && "drop" in fault) {
      record(method, recordedPayload, at, { ok: false, description: "connection dropped (failNext fault)" });
      req.socket.destroy();
      return;
    }
    const aborts: Array<() => void> = [];
    let aborted = false;
    res.on("close", () => {
      if (res.writableFinished) return;
      aborted = true;
      for (const listener of aborts) listener();
    });
    let parked: RecordedCall | undefined;
    const response = fault
      ? errorResponse(faultError(fault))
      : await invoke(method, {
          payload,
          files: parts,
          onAbort: (listener) => aborts.push(listener),
          onPark: () => (parked = record(method, recordedPayload, at, { ok: true, result: [] }, true)),
        });
    const recorded = aborted ? { ok: false, description: "aborted: the client closed the connection" } : response;
    if (parked) complete(parked, recorded);
    else record(method, recordedPayload, at, recorded);
    reply(res, response);
  };

  const serveFile = (res: ServerResponse, requestToken: string, path: string) => {
    const file = requestToken === token ? files.byFilePath(path) : undefined;
    if (!file) return reply(res, { ok: false, error_code: 404, description: "Not Found" });
    res.writeHead(200, { "content-type": file.mime_type, "content-length": file.content.length });
    res.end(file.content);
  };

  const reply = (res: ServerResponse, response: ApiResponse) => {
    if (res.destroyed) return;
    const body = JSON.stringify(response);
    res.writeHead(response.ok ? 200 : (response.error_code ?? 500), {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      ...(updates.closed ? { connection: "close" } : {}),
    });
    res.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
    if (file && req.method === "GET") {
      serveFile(res, file[1]!, decodeURIComponent(file[2]!));
      return true;
    }
    const api = /^\/bot([^/]*)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (!api) return false;
    onApiRequest(req, res, url, decodeURIComponent(api[1]!), api[2]!).catch((error: unknown) => {
      reply(res, { ok: false, error_code: 500, description: `Internal Server Error: emulator failed: ${String(error)}` });
    });
    return true;
  };

  const describeCalls = (since: number) => {
    const lines = calls
      .filter((c) => c.index >= since)
      .map(({ method, response: r }) => (r.ok ? method : `${method} (${[r.error_code, r.description].filter(Boolean).join(" ")})`));
    // Idle long polls would otherwise drown the interesting calls.
    const collapsed: string[] = [];
    let repeats = 1;
    lines.forEach((line, i) => {
      if (line === lines[i + 1]) return void repeats++;
      collapsed.push(repeats > 1 ? `${line} ×${repeats}` : line);
      repeats = 1;
    });
    return collapsed.join(", ") || "none";
  };

  return {
    token,
    botInfo,
    calls,
    handle,
    mark: () => callCount,
    callsOf: (method, since = 0) => calls.filter((c) => c.index >= since && sameMethod(c.method, method)),
    waitForCall(method, predicate = () => true, { since = 0, timeoutMs = 5000 } = {}) {
      const matches = (c: RecordedCall) => c.index >= since && sameMethod(c.method, method) && safely(predicate, c);
      // From `since` on: a benchmark waits tens of thousands of times on a log that long.
      const found = calls.slice(since).find(matches);
      if (found) return Promise.resolve(found);
      return new Promise<RecordedCall>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiter.settle(new Error(`waitForCall("${method}") timed out after ${timeoutMs} ms; calls since #${since}: ${describeCalls(since)}`));
        }, timeoutMs);
        const waiter: CallWaiter = {
          matches,
          settle: (outcome) => {
            clearTimeout(timer);
            callWaiters.delete(waiter);
            if (outcome instanceof Error) reject(outcome);
            else resolve(outcome);
          },
        };
        callWaiters.add(waiter);
      });
    },
    waitForLongPoll: ({ timeoutMs = 5000 } = {}) => updates.waitForPoll(timeoutMs, () => describeCalls(0)),
    pushUpdate,
    user: (from) => createUser({ nextMessageId: (chatId) => chats.nextMessageId(chatId), pushUpdate }, from),
    failNext(method, fault, times = 1) {
      const key = method.toLowerCase();
      faults.set(key, [...(faults.get(key) ?? []), ...Array<Fault>(times).fill(fault)]);
    },
    knowPrivateChat: (userId) => chats.knowPrivateChat(userId),
    chatMessages: (chatId) => chats.history(chatId).flatMap((stored) => (stored.byBot ? [stored.message] : [])),
    history: (chatId) => chats.history(chatId),
    subscribe: (listener) => chats.subscribe(listener),
    keyboard: (chatId) => chats.keyboard(chatId),
    commandsFor: (languageCode = "") =>
      [languageCode, languageCode.split("-")[0], ""].map((code) => commandSets.get(commandSetKey(code ? { language_code: code } : {}))).find(Boolean) ?? [],
    menuButton: (chatId) => menuButtons.get(chatId),
    addFile(content, fileName) {
      const { file_id, file_unique_id, file_size } = files.add(Buffer.from(content), fileName);
      return { file_id, file_unique_id, file_size };
    },
    file: (fileId) => files.byFileId(fileId),
    documentContent(message) {
      const file = message.document && files.byFileId(message.document.file_id);
      return file ? Buffer.from(file.content) : undefined;
    },
    photoContent(message) {
      const file = message.photo && files.byFileId(message.photo.at(-1)!.file_id);
      return file ? Buffer.from(file.content) : undefined;
    },
    pendingUpdates: () => updates.length + (delivery?.pending ?? 0),
    routeWebhook: (publicUrl, targets) => void webhookRoutes.set(publicUrl, targets),
    shutdown() {
      updates.close();
      delivery?.stop();
      for (const waiter of callWaiters) waiter.settle(new Error("the emulator was closed"));
    },
  };
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const api = createBotApi(opts);
  const server = createServer((req, res) => {
    if (api.handle(req, res)) return;
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, error_code: 404, description: "Not Found" }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  let closing: Promise<void> | undefined;
  return Object.assign(api, {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        api.shutdown();
        server.close(() => resolve());
        server.closeIdleConnections();
        // A client may hold a keep-alive socket open; do not let it block the test run.
        setTimeout(() => server.closeAllConnections(), 200).unref();
      })),
  });
}

const commandSetKey = (p: Payload) => `${stableJson(p.scope ?? { type: "default" })}|${p.language_code ?? ""}`;
const bool = (value: unknown) => value === true || value === "true";
const now = () => Math.floor(Date.now() / 1000);
const sameMethod = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function safely(predicate: (c: RecordedCall) => boolean, call: RecordedCall): boolean {
  try {
    return predicate(call);
  } catch {
    // A predicate that reads a field this call lacks simply does not match it.
    return false;
  }
}
