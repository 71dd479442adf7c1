import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { BotCommand, Chat, InlineKeyboardMarkup, Message, MessageEntity, Update, User, UserFromGetMe } from "@grammyjs/types";
import { parseTelegramHtml } from "./html.js";
import { createUser, detectUrlEntities, type EmulatedUser, type NewUpdate, type UserInit } from "./users.js";

export interface RecordedCall {
  index: number;
  method: string;
  payload: Record<string, any>;
  /** When the request arrived (ms). */
  at: number;
  response: { ok: boolean; result?: any; error_code?: number; description?: string; parameters?: { retry_after?: number } };
  /**
   * True while a long poll waits for updates. It is recorded as soon as it waits (so "the bot is polling"
   * is observable) with `{ ok: true, result: [] }`, and the response is replaced when it is answered.
   */
  pending?: boolean;
}

/** With `chatId`, only calls to that chat take the fault: one chat's trouble, while the others are served. */
export type Fault = ({ status: 400 | 403 | 429 | 500 | 502; description?: string; retryAfter?: number } | { drop: true }) & { chatId?: number };

export interface Emulator {
  apiRoot: string;
  token: string;
  botInfo: UserFromGetMe;
  calls: RecordedCall[];
  mark(): number;
  waitForCall(method: string, predicate?: (c: RecordedCall) => boolean, opts?: { since?: number; timeoutMs?: number }): Promise<RecordedCall>;
  callsOf(method: string, since?: number): RecordedCall[];
  /** Resolves once a getUpdates call is parked waiting for updates: the bot is up and polling. */
  waitForLongPoll(opts?: { timeoutMs?: number }): Promise<void>;
  pushUpdate(update: NewUpdate): Update;
  user(from?: UserInit): EmulatedUser;
  failNext(method: string, fault: Fault, times?: number): void;
  chatMessages(chatId: number): Message[];
  /** Makes a private chat known, as if its user had started the bot earlier (benchmarks with many users). */
  knowPrivateChat(userId: number): void;
  addFile(content: Buffer | string, fileName?: string): { file_id: string; file_unique_id: string; file_size: number };
  documentContent(message: Message): Buffer | undefined;
  pendingUpdates(): number;
  close(): Promise<void>;
}

export const DEFAULT_TOKEN = "123456:TEST-token-for-the-emulator";
const MAX_TEXT_LENGTH = 4096;
const MAX_CAPTION_LENGTH = 1024;
const MAX_CALLBACK_DATA_BYTES = 64;
// Telegram only sends these when a bot asks for them explicitly.
const OPT_IN_UPDATES = ["chat_member", "message_reaction", "message_reaction_count"];
// Fields Telegram decodes from JSON when they arrive as strings (always the case in form bodies).
const JSON_FIELDS = [
  "reply_markup",
  "entities",
  "caption_entities",
  "link_preview_options",
  "reply_parameters",
  "allowed_updates",
  "commands",
  "scope",
  "reaction",
  "media",
];
const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
const ACTION_FIELDS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];
const MIME_TYPES: Record<string, string> = {
  txt: "text/plain",
  md: "text/markdown",
  csv: "text/csv",
  json: "application/json",
  html: "text/html",
  pdf: "application/pdf",
  zip: "application/zip",
  jpg: "image/jpeg",
  png: "image/png",
};

type Payload = Record<string, any>;
type ApiResponse = RecordedCall["response"];

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: { retry_after?: number },
  ) {
    super(description);
  }
}
const badRequest = (reason: string) => new ApiError(400, `Bad Request: ${reason}`);

interface CallContext {
  payload: Payload;
  files: Map<string, File>;
  /** Runs when the client goes away before the answer (a stopped bot aborting its long poll). */
  onAbort(listener: () => void): void;
  /** Called by a long poll that starts waiting. */
  onPark(): void;
}
type Handler = (call: CallContext) => unknown;

interface StoredMessage {
  message: Message;
  byBot: boolean;
}
interface ChatState {
  chat: Chat;
  messages: Map<number, StoredMessage>;
}
interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_path: string;
  file_name?: string;
  mime_type: string;
  content: Buffer;
}
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

export async function startEmulator(opts: { token?: string; botInfo?: Partial<UserFromGetMe> } = {}): Promise<Emulator> {
  const token = opts.token ?? DEFAULT_TOKEN;
  const botInfo: UserFromGetMe = { ...TEST_BOT_INFO, ...opts.botInfo } as UserFromGetMe;
  const botUser: User = { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username };

  const calls: RecordedCall[] = [];
  const callWaiters = new Set<CallWaiter>();
  const pollWaiters = new Set<() => void>();
  const faults = new Map<string, Fault[]>();
  let queue: Update[] = [];
  let nextUpdateId = 1;
  let allowedUpdates: string[] = [];
  let poll: { limit: number; deliver(updates: Update[]): void } | undefined;
  let webhookUrl = "";
  let closed = false;
  const chats = new Map<number, ChatState>();
  const lastMessageIds = new Map<number, number>();
  const pendingCallbackQueries = new Set<string>();
  const commandSets = new Map<string, BotCommand[]>();
  const filesById = new Map<string, StoredFile>();
  const filesByPath = new Map<string, StoredFile>();

  const nextMessageId = (chatId: number) => {
    const id = (lastMessageIds.get(chatId) ?? 0) + 1;
    lastMessageIds.set(chatId, id);
    return id;
  };

  /** Keeps what Telegram would know from an incoming update: the chat, the user's message, the open query. */
  const remember = (update: Update) => {
    const message = update.message ?? update.edited_message;
    if (message) {
      const state = chatState(message.chat);
      state.messages.set(message.message_id, { message, byBot: false });
      lastMessageIds.set(message.chat.id, Math.max(lastMessageIds.get(message.chat.id) ?? 0, message.message_id));
    }
    const query = update.callback_query;
    if (query) {
      pendingCallbackQueries.add(query.id);
      if (query.message) chatState(query.message.chat);
    }
  };
  const chatState = (chat: Chat) => {
    let state = chats.get(chat.id);
    if (!state) chats.set(chat.id, (state = { chat, messages: new Map() }));
    return state;
  };
  const knownChat = (chatId: unknown) => {
    if (chatId === undefined || chatId === "") throw badRequest("chat_id is empty");
    const state = chats.get(Number(chatId));
    if (!state) throw badRequest("chat not found");
    return state;
  };

  // --- updates and long polling

  const isAllowed = (update: Update) => {
    const kind = Object.keys(update).find((key) => key !== "update_id") ?? "";
    return allowedUpdates.length > 0 ? allowedUpdates.includes(kind) : !OPT_IN_UPDATES.includes(kind);
  };
  const deliverable = (limit: number) => {
    // Telegram never stores updates a bot did not ask for.
    queue = queue.filter(isAllowed);
    return queue.slice(0, limit);
  };
  const wakePoll = () => {
    if (!poll) return;
    const ready = deliverable(poll.limit);
    if (ready.length > 0) poll.deliver(ready);
  };
  const pushUpdate = (update: NewUpdate): Update => {
    const full = { update_id: nextUpdateId++, ...update } as Update;
    remember(full);
    queue.push(full);
    wakePoll();
    return full;
  };

  const getUpdates: Handler = ({ payload, onAbort, onPark }) => {
    if (webhookUrl) {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    // Only one poll is served at a time; the newest wins, the older one ends quietly.
    poll?.deliver([]);
    const offset = int(payload.offset);
    const limit = Math.min(Math.max(int(payload.limit) ?? 100, 1), 100);
    const timeout = int(payload.timeout) ?? 0;
    if (Array.isArray(payload.allowed_updates)) allowedUpdates = payload.allowed_updates.map(String);
    // An offset confirms every earlier update; a negative one keeps only the last -offset updates.
    if (offset !== undefined && offset > 0) queue = queue.filter((u) => u.update_id >= offset);
    if (offset !== undefined && offset < 0) queue = queue.slice(offset);

    const ready = deliverable(limit);
    if (ready.length > 0 || timeout <= 0 || closed) return ready;
    return new Promise<Update[]>((resolve) => {
      const current = { limit, deliver: finish };
      const timer = setTimeout(() => finish([]), timeout * 1000);
      function finish(updates: Update[]) {
        clearTimeout(timer);
        if (poll === current) poll = undefined;
        resolve(updates);
      }
      poll = current;
      onAbort(() => finish([]));
      onPark();
      for (const wake of pollWaiters) wake();
      pollWaiters.clear();
    });
  };

  // --- messages

  const formatText = (raw: unknown, parseMode: unknown, given: unknown) => {
    const source = raw === undefined || raw === null ? "" : String(raw);
    const mode = typeof parseMode === "string" ? parseMode.toLowerCase() : "";
    let text = source;
    let entities: MessageEntity[] | undefined = Array.isArray(given) ? given : undefined;
    if (mode === "html") {
      const parsed = parseTelegramHtml(source);
      if (!parsed.ok) throw badRequest(`can't parse entities: ${parsed.reason}`);
      ({ text, entities } = parsed);
    } else if (mode !== "") {
      // Fail loudly rather than pretend Markdown was checked.
      throw badRequest(`the emulator does not implement parse_mode ${String(parseMode)}`);
    }
    return trimWithEntities(text, entities);
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
  const repliedTo = (state: ChatState, p: Payload): Message | undefined => {
    const id = int(p.reply_parameters?.message_id ?? p.reply_to_message_id);
    if (id === undefined) return undefined;
    const found = state.messages.get(id);
    if (found) return { ...found.message, reply_to_message: undefined };
    if (p.reply_parameters?.allow_sending_without_reply || p.allow_sending_without_reply) return undefined;
    throw badRequest("message to be replied not found");
  };
  const storeBotMessage = (state: ChatState, p: Payload, content: Partial<Message>): Message => {
    // Validate before taking a message id: Telegram does not use up ids on failed sends.
    const reply_to_message = repliedTo(state, p);
    const reply_markup = inlineMarkup(p.reply_markup);
    const message = compact({
      message_id: nextMessageId(state.chat.id),
      from: botUser,
      chat: state.chat,
      date: now(),
      reply_to_message,
      ...content,
      link_preview_options: p.link_preview_options,
      reply_markup,
    }) as Message;
    state.messages.set(message.message_id, { message, byBot: true });
    return structuredClone(message);
  };
  const editable = (p: Payload, notFound: string) => {
    if (p.inline_message_id !== undefined) throw badRequest("the emulator only edits messages by chat_id and message_id");
    const stored = knownChat(p.chat_id).messages.get(Number(p.message_id));
    if (!stored) throw badRequest(notFound);
    if (!stored.byBot) throw badRequest("message can't be edited");
    return stored;
  };
  const applyEdit = (stored: StoredMessage, changes: Partial<Message>): Message => {
    const next = compact({ ...stored.message, ...changes }) as Message;
    if (sameContent(next, stored.message)) throw badRequest(NOT_MODIFIED);
    stored.message = { ...next, edit_date: now() };
    return structuredClone(stored.message);
  };

  // --- files

  const storeFile = (content: Buffer, fileName?: string, mimeType?: string): StoredFile => {
    const n = filesById.size + 1;
    const extension = fileName?.match(/\.([A-Za-z0-9]{1,8})$/)?.[1];
    const file: StoredFile = {
      file_id: `BQACAgEmu${n}${Math.random().toString(36).slice(2, 10)}`,
      file_unique_id: `AgADemu${n}`,
      file_size: content.length,
      file_path: `documents/file_${n}${extension ? `.${extension}` : ""}`,
      ...(fileName !== undefined ? { file_name: fileName } : {}),
      mime_type: mimeType || MIME_TYPES[extension?.toLowerCase() ?? ""] || "application/octet-stream",
      content,
    };
    filesById.set(file.file_id, file);
    filesByPath.set(file.file_path, file);
    return file;
  };
  const upload = async (ref: unknown, files: Map<string, File>, field: string): Promise<StoredFile> => {
    if (typeof ref === "string" && !ref.startsWith("attach://")) {
      const known = filesById.get(ref);
      if (!known) throw badRequest("wrong file identifier/HTTP URL specified");
      return known;
    }
    const part = typeof ref === "string" ? files.get(ref.slice("attach://".length)) : files.get(field);
    if (!part) throw badRequest(`there is no ${field} in the request`);
    const content = Buffer.from(await part.arrayBuffer());
    if (content.length === 0) throw badRequest("file must be non-empty");
    // grammY labels every upload application/octet-stream; Telegram guesses from the name instead.
    const type = part.type === "application/octet-stream" ? "" : part.type;
    return storeFile(content, part.name || undefined, type);
  };

  // --- method table

  const handlers: Record<string, Handler> = {
    getMe: () => botInfo,
    getUpdates,
    setWebhook: ({ payload }) => {
      webhookUrl = String(payload.url ?? "");
      if (bool(payload.drop_pending_updates)) queue = [];
      return true;
    },
    deleteWebhook: ({ payload }) => {
      webhookUrl = "";
      if (bool(payload.drop_pending_updates)) queue = [];
      return true;
    },
    getWebhookInfo: () => ({ url: webhookUrl, has_custom_certificate: false, pending_update_count: queue.length }),
    sendMessage: ({ payload: p }) => {
      const state = knownChat(p.chat_id);
      return storeBotMessage(state, p, messageText(p));
    },
    editMessageText: ({ payload: p }) => {
      const stored = editable(p, "message to edit not found");
      if (stored.message.text === undefined) throw badRequest("there is no text in the message to edit");
      // Omitting reply_markup in an edit removes the keyboard, as in Telegram.
      return applyEdit(stored, { ...messageText(p), reply_markup: inlineMarkup(p.reply_markup) });
    },
    editMessageReplyMarkup: ({ payload: p }) => {
      const stored = editable(p, "message to edit not found");
      return applyEdit(stored, { reply_markup: inlineMarkup(p.reply_markup) });
    },
    deleteMessage: ({ payload: p }) => {
      if (!knownChat(p.chat_id).messages.delete(Number(p.message_id))) throw badRequest("message to delete not found");
      return true;
    },
    answerCallbackQuery: ({ payload: p }) => {
      if (!pendingCallbackQueries.delete(String(p.callback_query_id))) {
        throw badRequest("query is too old and response timeout expired or query ID is invalid");
      }
      return true;
    },
    setMyCommands: ({ payload: p }) => {
      commandSets.set(commandSetKey(p), validCommands(p.commands));
      return true;
    },
    getMyCommands: ({ payload: p }) => commandSets.get(commandSetKey(p)) ?? [],
    deleteMyCommands: ({ payload: p }) => {
      commandSets.delete(commandSetKey(p));
      return true;
    },
    sendChatAction: ({ payload: p }) => {
      knownChat(p.chat_id);
      return true;
    },
    setMessageReaction: ({ payload: p }) => {
      knownChat(p.chat_id);
      return true;
    },
    sendDocument: async ({ payload: p, files }) => {
      const state = knownChat(p.chat_id);
      const caption = captionText(p);
      const file = await upload(p.document, files, "document");
      const { file_id, file_unique_id, file_name, mime_type, file_size } = file;
      return storeBotMessage(state, p, { document: compact({ file_id, file_unique_id, file_name, mime_type, file_size }), ...caption });
    },
    getFile: ({ payload: p }) => {
      const file = filesById.get(String(p.file_id));
      if (!file) throw badRequest("invalid file_id");
      const { file_id, file_unique_id, file_size, file_path } = file;
      return { file_id, file_unique_id, file_size, file_path };
    },
  };
  // Telegram matches method names case-insensitively.
  const handlerByName = new Map(Object.entries(handlers).map(([name, handler]) => [name.toLowerCase(), handler]));

  // --- HTTP

  const notifyWaiters = (call: RecordedCall) => {
    for (const waiter of callWaiters) if (waiter.matches(call)) waiter.settle(call);
  };
  const record = (method: string, payload: Payload, at: number, response: ApiResponse, pending = false) => {
    const call: RecordedCall = { index: calls.length, method, payload, at, response, ...(pending ? { pending } : {}) };
    calls.push(call);
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
    const { payload, files } = body;
    const recordedPayload = { ...payload };
    for (const [name, file] of files) recordedPayload[name] = { file_name: file.name, size: file.size };

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
          files,
          onAbort: (listener) => aborts.push(listener),
          onPark: () => (parked = record(method, recordedPayload, at, { ok: true, result: [] }, true)),
        });
    const recorded = aborted ? { ok: false, description: "aborted: the client closed the connection" } : response;
    if (parked) complete(parked, recorded);
    else record(method, recordedPayload, at, recorded);
    reply(res, response);
  };

  const serveFile = (res: ServerResponse, requestToken: string, path: string) => {
    const file = requestToken === token ? filesByPath.get(path) : undefined;
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
      ...(closed ? { connection: "close" } : {}),
    });
    res.end(body);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
    if (file && req.method === "GET") return serveFile(res, file[1]!, decodeURIComponent(file[2]!));
    const api = /^\/bot([^/]*)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (!api) return reply(res, { ok: false, error_code: 404, description: "Not Found" });
    onApiRequest(req, res, url, decodeURIComponent(api[1]!), api[2]!).catch((error: unknown) => {
      reply(res, { ok: false, error_code: 500, description: `Internal Server Error: emulator failed: ${String(error)}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const describeCalls = (since: number) => {
    const lines = calls
      .slice(since)
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
    apiRoot,
    token,
    botInfo,
    calls,
    mark: () => calls.length,
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
    waitForLongPoll({ timeoutMs = 5000 } = {}) {
      if (poll) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          pollWaiters.delete(wake);
          reject(new Error(`no long poll (getUpdates with a timeout) within ${timeoutMs} ms; calls: ${describeCalls(0)}`));
        }, timeoutMs);
        pollWaiters.add(wake);
      });
    },
    pushUpdate,
    user: (from) => createUser({ nextMessageId, pushUpdate }, from),
    failNext(method, fault, times = 1) {
      const key = method.toLowerCase();
      faults.set(key, [...(faults.get(key) ?? []), ...Array<Fault>(times).fill(fault)]);
    },
    knowPrivateChat: (userId) => void chatState({ id: userId, type: "private", first_name: `user${userId}` }),
    chatMessages: (chatId) =>
      [...(chats.get(chatId)?.messages.values() ?? [])]
        .filter((m) => m.byBot)
        .map((m) => structuredClone(m.message))
        .sort((a, b) => a.message_id - b.message_id),
    addFile(content, fileName) {
      const { file_id, file_unique_id, file_size } = storeFile(Buffer.from(content), fileName);
      return { file_id, file_unique_id, file_size };
    },
    documentContent(message) {
      const file = message.document && filesById.get(message.document.file_id);
      return file ? Buffer.from(file.content) : undefined;
    },
    pendingUpdates: () => queue.length,
    async close() {
      if (closed) return;
      closed = true;
      poll?.deliver([]);
      for (const waiter of callWaiters) waiter.settle(new Error("the emulator was closed"));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // A client may hold a keep-alive socket open; do not let it block the test run.
        setTimeout(() => server.closeAllConnections(), 200).unref();
      });
    },
  };
}

// --- helpers without emulator state

async function readBody(req: IncomingMessage, url: URL): Promise<{ payload: Payload; files: Map<string, File> }> {
  const payload: Payload = Object.fromEntries(url.searchParams);
  const files = new Map<string, File>();
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  if (body.length > 0 && type.includes("application/json")) {
    Object.assign(payload, JSON.parse(body.toString("utf8")));
  } else if (body.length > 0 && type.includes("application/x-www-form-urlencoded")) {
    Object.assign(payload, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
  } else if (body.length > 0 && type.includes("multipart/form-data")) {
    for (const part of multipartParts(body, type)) {
      if (part.filename === undefined) payload[part.name] = part.data.toString("utf8");
      else files.set(part.name, new File([part.data], part.filename, { type: part.type ?? "" }));
    }
  }
  for (const field of JSON_FIELDS) {
    if (typeof payload[field] === "string") payload[field] = parseJsonOr(payload[field]);
  }
  return { payload, files };
}

/**
 * Undici's `formData()` rejects what grammY sends (`form-data;name=...;filename=x.csv`, no spaces,
 * unquoted file name), which Telegram accepts, so multipart is split here by hand.
 */
function multipartParts(body: Buffer, contentType: string) {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) throw new Error("multipart body without a boundary");
  const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`);
  // The first delimiter has no CRLF before it; adding one makes every delimiter look alike.
  const data = Buffer.concat([Buffer.from("\r\n"), body]);
  const parts: Array<{ name: string; filename?: string; type?: string; data: Buffer }> = [];
  for (let at = data.indexOf(delimiter); at >= 0;) {
    const start = at + delimiter.length;
    if (data.toString("latin1", start, start + 2) === "--") break;
    const next = data.indexOf(delimiter, start);
    if (next < 0) throw new Error("unterminated multipart body");
    const part = data.subarray(start + 2, next);
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.toString("utf8", 0, headerEnd);
    const param = (key: string) => new RegExp(`;\\s*${key}=(?:"([^"]*)"|([^;\\r\\n]*))`, "i").exec(headers);
    const name = param("name");
    const filename = param("filename");
    const type = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim();
    parts.push({
      name: name?.[1] ?? name?.[2] ?? "",
      ...(filename ? { filename: filename[1] ?? filename[2]?.trim() ?? "" } : {}),
      ...(type ? { type } : {}),
      data: part.subarray(headerEnd + 4),
    });
    at = next;
  }
  return parts;
}

function inlineMarkup(markup: unknown): InlineKeyboardMarkup | undefined {
  if (markup === undefined || markup === null) return undefined;
  if (typeof markup !== "object") throw badRequest("can't parse reply keyboard markup JSON object");
  // Reply keyboards are accepted but never echoed back in a Message.
  if (!("inline_keyboard" in markup)) return undefined;
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  }
  for (const button of rows.flat() as Record<string, unknown>[]) {
    if (typeof button?.text !== "string") throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
    if ("callback_data" in button) {
      const bytes = Buffer.byteLength(String(button.callback_data ?? ""), "utf8");
      if (bytes === 0 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest("BUTTON_DATA_INVALID");
    } else if (!ACTION_FIELDS.some((field) => field in button)) {
      throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
    }
    if ("url" in button && !/^(https?|tg):\/\/\S+$/i.test(String(button.url))) throw badRequest("BUTTON_URL_INVALID");
  }
  return rows.some((row: unknown[]) => row.length > 0) ? (markup as InlineKeyboardMarkup) : undefined;
}

function validCommands(commands: unknown): BotCommand[] {
  if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
  if (commands.length > 100) throw badRequest("BOT_COMMANDS_TOO_MUCH");
  return commands.map((c: Record<string, unknown>) => {
    if (typeof c?.command !== "string" || !/^[a-z0-9_]{1,32}$/.test(c.command)) throw badRequest("BOT_COMMAND_INVALID");
    const description = c.description;
    if (typeof description !== "string" || description.trim().length < 1 || description.length > 256) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
    return { command: c.command, description };
  });
}

const commandSetKey = (p: Payload) => `${stableJson(p.scope ?? { type: "default" })}|${p.language_code ?? ""}`;

/** Telegram trims the text it stores; entities move with it and are cut to fit. */
function trimWithEntities(text: string, given?: MessageEntity[]): { text: string; entities?: MessageEntity[] } {
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  // Without entities or a parse mode, Telegram finds the links itself.
  const entities =
    given === undefined
      ? detectUrlEntities(trimmed)
      : given
          .map((e) => {
            const start = Math.max(e.offset - lead, 0);
            const end = Math.min(e.offset + e.length - lead, trimmed.length);
            return { ...e, offset: start, length: end - start };
          })
          .filter((e) => e.length > 0);
  return entities.length > 0 ? { text: trimmed, entities } : { text: trimmed };
}

function faultError(fault: Exclude<Fault, { drop: true }>): ApiError {
  if (fault.status === 429) {
    const retryAfter = fault.retryAfter ?? 1;
    return new ApiError(429, fault.description ?? `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
  }
  const defaults = { 400: "Bad Request: injected fault", 403: "Forbidden: bot was blocked by the user", 500: "Internal Server Error", 502: "Bad Gateway" };
  return new ApiError(fault.status, fault.description ?? defaults[fault.status]);
}

function errorResponse(error: ApiError): ApiResponse {
  return {
    ok: false,
    error_code: error.code,
    description: error.description,
    ...(error.parameters ? { parameters: error.parameters } : {}),
  };
}

function sameContent(a: Message, b: Message): boolean {
  const content = (m: Message) =>
    stableJson({ text: m.text, entities: m.entities ?? [], caption: m.caption, caption_entities: m.caption_entities ?? [], reply_markup: m.reply_markup });
  return content(a) === content(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  );
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function int(value: unknown): number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}

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
