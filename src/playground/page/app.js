// @ts-check
// The playground's chat page: what a Telegram client shows of a private chat with the bot, drawn from the Bot API
// emulator's messages (GET /api/state, then an event stream) and turned back into updates (POST /api/...).

/** @typedef {{ type: string, offset: number, length: number, url?: string, language?: string }} Entity */
/** @typedef {{ text: string, callback_data?: string, url?: string, copy_text?: { text: string }, web_app?: { url: string } }} Button */
/** @typedef {{ type: string, text?: string, web_app?: { url: string } }} MenuButton */
/**
 * @typedef {{
 *   message_id: number, date: number, edit_date?: number, text?: string, entities?: Entity[], caption?: string,
 *   caption_entities?: Entity[], document?: { file_id: string, file_name?: string, file_size?: number },
 *   photo?: Array<{ file_id: string, width: number, height: number }>,
 *   reply_to_message?: Message, forward_origin?: { type: string, chat?: { title?: string }, sender_user?: { first_name: string } },
 *   reply_markup?: { inline_keyboard: Button[][] }, from?: { is_bot: boolean, first_name: string }
 * }} Message
 */
/** @typedef {{ message: Message, byBot: boolean, reaction?: Array<{ type: string, emoji?: string }> }} Stored */
/** @typedef {{ command: string, description: string }} Command */
/** @typedef {{ keyboard: Array<Array<string | { text: string, request_location?: boolean }>>, one_time_keyboard?: boolean }} ReplyKeyboard */

/** @type {Record<string, Record<string, string>>} */
const TEXTS = {
  en: {
    banner: "Playground · not connected to Telegram · set BOT_TOKEN for a real bot",
    "status-bot": "bot",
    "status-typing": "typing…",
    "status-document": "sending a file…",
    "status-offline": "reconnecting…",
    message: "Message",
    menu: "Menu",
    send: "Send",
    attach: "Send a file",
    forward: "Paste as forwarded from a channel",
    "forwarded-from": "Forwarded from channel",
    "forwarded-header": "Forwarded from {name}",
    "channel-name": "Channel name",
    "cancel-forward": "Stop forwarding",
    "reply-to": "Reply to",
    "cancel-reply": "Cancel reply",
    reply: "Reply",
    theme: "Switch theme",
    edited: "edited",
    download: "Download",
    "show-more": "Show more",
    "show-less": "Show less",
    "not-here": "This button does nothing in the playground.",
    copied: "Copied.",
    "send-failed": "Not sent: {reason}",
    you: "You",
    "bot-keyboard": "The bot's keyboard",
    "sample-location": "The playground has no GPS: it sent {city}'s location.",
    "close-app": "Close",
  },
  "zh-hans": {
    banner: "演示模式 · 未连接 Telegram · 设置 BOT_TOKEN 即可连接真正的机器人",
    "status-bot": "机器人",
    "status-typing": "正在输入…",
    "status-document": "正在发送文件…",
    "status-offline": "正在重新连接…",
    message: "消息",
    menu: "菜单",
    send: "发送",
    attach: "发送文件",
    forward: "作为频道转发的消息粘贴",
    "forwarded-from": "转发自频道",
    "forwarded-header": "转发自 {name}",
    "channel-name": "频道名称",
    "cancel-forward": "停止转发",
    "reply-to": "回复",
    "cancel-reply": "取消回复",
    reply: "回复",
    theme: "切换主题",
    edited: "已编辑",
    download: "下载",
    "show-more": "展开",
    "show-less": "收起",
    "not-here": "这个按钮在演示模式中不起作用。",
    copied: "已复制。",
    "send-failed": "未发送：{reason}",
    you: "你",
    "bot-keyboard": "机器人的键盘",
    "sample-location": "演示模式没有定位功能：已发送{city}的位置。",
    "close-app": "关闭",
  },
};

// Where "📍 Send my location" says the user is: the page cannot ask a phone's GPS.
const SAMPLE_PLACES = {
  en: { city: "London", latitude: 51.5072, longitude: -0.1276 },
  "zh-hans": { city: "上海", latitude: 31.2304, longitude: 121.4737 },
};
const STATUS_MS = 5000;
const TOAST_MS = 2500;
const SWIPE_PX = 60;

const state = {
  language: "en",
  botName: "linklog",
  /** @type {Command[]} */
  commands: [],
  /** @type {MenuButton} */
  menuButton: { type: "default" },
  /** @type {Map<number, Stored>} */
  messages: new Map(),
  /** @type {number | undefined} */
  replyTo: undefined,
  forwarding: false,
};

/** @param {string} id */
function element(id) {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing`);
  return found;
}

const chat = element("chat");
const textBox = /** @type {HTMLTextAreaElement} */ (element("text"));
const fileInput = /** @type {HTMLInputElement} */ (element("file"));
const channelInput = /** @type {HTMLInputElement} */ (element("channel"));
const commandList = element("commands");
const menuButton = element("menu-button");
const libraryButton = element("library-button");
const statusLine = element("bot-status");

/**
 * @param {string} key
 * @param {Record<string, string>} [values]
 */
function t(key, values = {}) {
  const text = TEXTS[state.language]?.[key] ?? TEXTS.en?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
}

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {string} [className]
 * @param {string} [text]
 * @returns {HTMLElementTagNameMap[K]}
 */
function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// --- talking to the playground server

/**
 * @param {string} path
 * @param {unknown} body
 */
async function post(path, body) {
  const response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error((await response.json().catch(() => ({}))).error ?? response.statusText);
  return response.json();
}

/** @param {unknown} error */
function reportFailure(error) {
  toast(t("send-failed", { reason: error instanceof Error ? error.message : String(error) }));
}

async function loadState() {
  const response = await fetch("/api/state");
  const data = await response.json();
  state.botName = data.bot.first_name;
  state.language = data.language;
  state.commands = data.commands;
  state.menuButton = data.menuButton;
  state.messages = new Map(data.messages.map((/** @type {Stored} */ stored) => [stored.message.message_id, stored]));
  showReplyKeyboard(data.keyboard);
  element("bot-name").textContent = state.botName;
  applyLanguage();
  chat.replaceChildren(...[...state.messages.values()].map(renderRow));
  scrollToEnd(true);
  return data.messages.length;
}

function listen() {
  const events = new EventSource("/api/events");
  let dropped = false;
  events.onerror = () => {
    dropped = true;
    setStatus("status-offline", 0);
  };
  events.onopen = () => {
    if (!dropped) return;
    dropped = false;
    setStatus("status-bot", 0);
    void loadState();
  };
  events.onmessage = (message) => applyEvent(JSON.parse(message.data));
}

/** @param {any} event */
function applyEvent(event) {
  switch (event.kind) {
    case "message":
      state.messages.set(event.message.message_id, { message: event.message, byBot: event.byBot });
      if (event.byBot) setStatus("status-bot", 0);
      return appendRow(event.message.message_id);
    case "edited":
      return redraw(event.message.message_id, (stored) => ({ ...stored, message: event.message }));
    case "reaction":
      return redraw(event.messageId, (stored) => ({ ...stored, reaction: event.reaction }));
    case "deleted":
      state.messages.delete(event.messageId);
      return document.getElementById(`m-${event.messageId}`)?.remove();
    case "callback-answer":
      if (event.text && event.showAlert) return showAlert(event.text);
      if (event.text) toast(event.text);
      return;
    case "chat-action":
      return setStatus(event.action === "upload_document" ? "status-document" : "status-typing", STATUS_MS);
    case "commands":
      state.commands = event.commands;
      return applyLanguage();
    case "menu-button":
      state.menuButton = event.menuButton;
      return applyLanguage();
    case "keyboard":
      return showReplyKeyboard(event.keyboard);
  }
}

/**
 * @param {number} id
 * @param {(stored: Stored) => Stored} change
 */
function redraw(id, change) {
  const stored = state.messages.get(id);
  if (!stored) return;
  state.messages.set(id, change(stored));
  document.getElementById(`m-${id}`)?.replaceWith(renderRow(/** @type {Stored} */ (state.messages.get(id))));
}

/** @param {number} id */
function appendRow(id) {
  const stored = state.messages.get(id);
  if (!stored) return;
  const nearEnd = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 120;
  chat.append(renderRow(stored));
  scrollToEnd(nearEnd || !stored.byBot);
}

/** @param {boolean} really */
function scrollToEnd(really) {
  if (really) chat.scrollTop = chat.scrollHeight;
}

// --- drawing a message

/** @param {Stored} stored */
function renderRow(stored) {
  const { message, byBot } = stored;
  const row = make("div", `row ${byBot ? "in" : "out"}`);
  row.id = `m-${message.message_id}`;
  row.dataset.id = String(message.message_id);
  const main = make("div", "row-main");
  const bubble = make("div", "bubble");
  if (message.forward_origin) {
    const name = message.forward_origin.chat?.title ?? message.forward_origin.sender_user?.first_name ?? "";
    bubble.append(make("div", "forwarded", t("forwarded-header", { name })));
  }
  if (message.reply_to_message) bubble.append(renderQuotedReply(message.reply_to_message));
  if (message.document) bubble.append(renderDocument(message.document));
  const photo = message.photo?.at(-1);
  if (photo) bubble.append(renderPhoto(photo));
  const text = message.text ?? message.caption;
  const entities = message.text !== undefined ? message.entities : message.caption_entities;
  if (text) {
    const body = make("div", "text");
    body.append(renderEntities(text, entities ?? []));
    bubble.append(body);
  }
  if (stored.reaction?.length) bubble.append(renderReactions(stored.reaction));
  bubble.append(make("span", "meta", `${message.edit_date ? `${t("edited")} ` : ""}${clock(message.date)}`));
  const replyButton = make("button", "reply-action", "↩");
  replyButton.type = "button";
  replyButton.setAttribute("aria-label", t("reply"));
  replyButton.addEventListener("click", () => startReply(message.message_id));
  main.append(bubble, replyButton);
  row.append(main);
  if (message.reply_markup) row.append(renderKeyboard(message));
  allowSwipeToReply(row, message.message_id);
  return row;
}

/** @param {Message} quoted */
function renderQuotedReply(quoted) {
  const quote = make("a", "quote-reply");
  quote.href = `#m-${quoted.message_id}`;
  quote.append(make("b", "", quoted.from?.is_bot ? state.botName : t("you")), excerpt(quoted));
  quote.addEventListener("click", (event) => {
    event.preventDefault();
    flash(quoted.message_id);
  });
  return quote;
}

/**
 * A picture the bot sent, as wide as the bubble; its size is known before it loads, so the chat does not jump.
 * @param {{ file_id: string, width: number, height: number }} photo
 */
function renderPhoto(photo) {
  const image = make("img", "photo");
  image.src = `/api/files/${encodeURIComponent(photo.file_id)}`;
  image.width = photo.width;
  image.height = photo.height;
  image.alt = "";
  image.style.cssText = "display: block; max-width: 100%; height: auto; border-radius: 8px;";
  return image;
}

/** @param {{ file_id: string, file_name?: string, file_size?: number }} document */
function renderDocument(document) {
  const link = make("a", "document");
  link.href = `/api/files/${encodeURIComponent(document.file_id)}`;
  link.download = document.file_name ?? "file";
  link.title = t("download");
  const about = make("div");
  about.append(make("div", "document-name", document.file_name ?? "file"), make("div", "document-size", size(document.file_size ?? 0)));
  link.append(make("span", "document-icon", "⬇"), about);
  return link;
}

/** @param {Array<{ type: string, emoji?: string }>} reaction */
function renderReactions(reaction) {
  const list = make("div", "reactions");
  for (const one of reaction) list.append(make("span", "reaction", one.emoji ?? "★"));
  return list;
}

/** @param {Message} message */
function renderKeyboard(message) {
  const keyboard = make("div", "keyboard");
  for (const row of message.reply_markup?.inline_keyboard ?? []) {
    const line = make("div", "keyboard-row");
    for (const button of row) line.append(renderButton(message.message_id, button));
    keyboard.append(line);
  }
  return keyboard;
}

/**
 * @param {number} messageId
 * @param {Button} button
 */
function renderButton(messageId, button) {
  if (button.url) {
    const link = make("a", "", button.text);
    link.href = button.url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    return link;
  }
  const control = make("button", "", button.text);
  control.type = "button";
  control.addEventListener("click", () => {
    if (button.web_app) {
      void openMiniApp(button.web_app.url, button.text).catch(reportFailure);
    } else if (button.callback_data !== undefined) {
      control.classList.add("pressed");
      post("/api/press", { messageId, data: button.callback_data })
        .catch(reportFailure)
        .finally(() => control.classList.remove("pressed"));
    } else if (button.copy_text) {
      void navigator.clipboard?.writeText(button.copy_text.text).then(() => toast(t("copied")));
    } else {
      toast(t("not-here"));
    }
  });
  return control;
}

/**
 * Telegram's entities to elements. They nest as the bot's HTML did, so each one holds the ones that start inside it.
 * @param {string} text
 * @param {Entity[]} entities
 */
function renderEntities(text, entities) {
  const sorted = [...entities].sort((a, b) => a.offset - b.offset || b.length - a.length);
  const fragment = document.createDocumentFragment();
  fill(fragment, text, sorted, 0, text.length);
  return fragment;
}

/**
 * @param {Node} parent
 * @param {string} text
 * @param {Entity[]} entities sorted, all within [start, end)
 * @param {number} start
 * @param {number} end
 */
function fill(parent, text, entities, start, end) {
  let at = start;
  for (let i = 0; i < entities.length;) {
    const entity = /** @type {Entity} */ (entities[i]);
    const stop = Math.min(entity.offset + entity.length, end);
    let j = i + 1;
    while (j < entities.length && /** @type {Entity} */ (entities[j]).offset < stop) j++;
    appendPlain(parent, text.slice(at, entity.offset));
    const { outer, inner } = entityElement(entity, text.slice(entity.offset, stop));
    fill(inner, text, entities.slice(i + 1, j), entity.offset, stop);
    parent.appendChild(outer);
    at = stop;
    i = j;
  }
  appendPlain(parent, text.slice(at, end));
}

/**
 * Text outside entities, with its /commands tappable: Telegram's apps find those themselves in a bot's messages.
 * @param {Node} parent
 * @param {string} text
 */
function appendPlain(parent, text) {
  let at = 0;
  for (const match of text.matchAll(/(?<![\w/])\/[a-z][a-z0-9_]{0,31}(?![\w/])/g)) {
    parent.appendChild(document.createTextNode(text.slice(at, match.index)));
    const command = match[0];
    const node = clickable("command", () => void sendText(command).catch(reportFailure));
    node.textContent = command;
    parent.appendChild(node);
    at = match.index + command.length;
  }
  parent.appendChild(document.createTextNode(text.slice(at)));
}

/**
 * @param {Entity} entity
 * @param {string} covered the text the entity covers
 * @returns {{ outer: HTMLElement, inner: HTMLElement }}
 */
function entityElement(entity, covered) {
  /** @param {HTMLElement} node */
  const same = (node) => ({ outer: node, inner: node });
  switch (entity.type) {
    case "bold":
      return same(make("b"));
    case "italic":
      return same(make("i"));
    case "underline":
      return same(make("u"));
    case "strikethrough":
      return same(make("s"));
    case "code":
      return same(make("code"));
    case "pre": {
      const pre = make("pre");
      const code = make("code");
      pre.append(code);
      return { outer: pre, inner: code };
    }
    case "text_link":
      return same(link(entity.url ?? "#"));
    case "url":
      return same(link(/^[a-z][\w+.-]*:/i.test(covered) ? covered : `https://${covered}`));
    case "email":
      return same(link(`mailto:${covered}`));
    case "bot_command":
      return same(clickable("command", () => void sendText(covered).catch(reportFailure)));
    case "mention":
    case "hashtag":
    case "cashtag":
      return same(make("span", "mention"));
    case "spoiler":
      return same(clickable("spoiler", (node) => node.classList.add("shown")));
    case "blockquote":
      return same(make("blockquote"));
    case "expandable_blockquote":
      return expandableQuote();
    default:
      return same(make("span"));
  }
}

/** @param {string} href */
function link(href) {
  const anchor = make("a");
  anchor.href = href;
  anchor.target = "_blank";
  anchor.rel = "noopener noreferrer";
  return anchor;
}

/**
 * @param {string} className
 * @param {(node: HTMLElement) => void} onClick
 */
function clickable(className, onClick) {
  const node = make("span", className);
  node.setAttribute("role", "button");
  node.tabIndex = 0;
  node.addEventListener("click", () => onClick(node));
  return node;
}

/** Collapsed to three lines, as Telegram shows `<blockquote expandable>`, opened and closed by a tap. */
function expandableQuote() {
  const quote = make("blockquote", "expandable collapsed");
  const inner = make("span");
  const toggle = make("button", "toggle", "▾");
  toggle.type = "button";
  toggle.setAttribute("aria-label", t("show-more"));
  toggle.setAttribute("aria-expanded", "false");
  const flip = () => {
    const collapsed = quote.classList.toggle("collapsed");
    toggle.textContent = collapsed ? "▾" : "▴";
    toggle.setAttribute("aria-label", t(collapsed ? "show-more" : "show-less"));
    toggle.setAttribute("aria-expanded", String(!collapsed));
  };
  toggle.addEventListener("click", (event) => {
    event.stopPropagation();
    flip();
  });
  quote.addEventListener("click", (event) => {
    if (quote.classList.contains("collapsed") && !(event.target instanceof HTMLAnchorElement)) flip();
  });
  quote.append(inner, toggle);
  return { outer: quote, inner };
}

/** @param {Message} message */
function excerpt(message) {
  if (message.document) return `📄 ${message.document.file_name ?? ""}`;
  if (message.photo && !message.caption) return "🖼";
  return (message.text ?? message.caption ?? "").split("\n", 1)[0]?.slice(0, 120) ?? "";
}

/** @param {number} seconds */
function clock(seconds) {
  return new Date(seconds * 1000).toLocaleTimeString(state.language === "en" ? "en-GB" : "zh-CN", { hour: "2-digit", minute: "2-digit" });
}

/** @param {number} bytes */
function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// --- what the user does

/** @param {string} text */
async function sendText(text) {
  if (text.trim() === "") return;
  const body = {
    text,
    ...(state.replyTo !== undefined ? { replyTo: state.replyTo } : {}),
    ...(state.forwarding ? { forwardedFrom: channelInput.value } : {}),
  };
  await post("/api/messages", body);
  stopReply();
}

async function sendComposed() {
  const text = textBox.value;
  if (text.trim() === "") return;
  textBox.value = "";
  fitTextBox();
  hideCommands();
  try {
    await sendText(text);
  } catch (error) {
    textBox.value = text;
    reportFailure(error);
  }
}

/** @param {number} id */
function startReply(id) {
  const stored = state.messages.get(id);
  if (!stored) return;
  state.replyTo = id;
  const title = element("reply-bar").querySelector(".bar-title");
  if (title) title.textContent = `${t("reply-to")} ${stored.byBot ? state.botName : t("you")}`;
  element("reply-text").textContent = excerpt(stored.message);
  element("reply-bar").hidden = false;
  textBox.focus();
}

function stopReply() {
  state.replyTo = undefined;
  element("reply-bar").hidden = true;
}

/** @param {boolean} on */
function setForwarding(on) {
  state.forwarding = on;
  element("forward-bar").hidden = !on;
  element("forward").setAttribute("aria-pressed", String(on));
  if (on) channelInput.select();
}

/**
 * A swipe to the left on a message answers it, as on a phone.
 * @param {HTMLElement} row
 * @param {number} id
 */
function allowSwipeToReply(row, id) {
  /** @type {{ x: number, y: number } | undefined} */
  let start;
  row.addEventListener("pointerdown", (event) => {
    if (event.pointerType !== "mouse") start = { x: event.clientX, y: event.clientY };
  });
  row.addEventListener("pointermove", (event) => {
    if (!start) return;
    const dx = Math.min(0, event.clientX - start.x);
    if (Math.abs(event.clientY - start.y) > 30) return void (start = undefined);
    row.style.transform = `translateX(${Math.max(dx, -SWIPE_PX)}px)`;
  });
  const end = (/** @type {PointerEvent} */ event) => {
    if (start && start.x - event.clientX >= SWIPE_PX) startReply(id);
    start = undefined;
    row.style.transform = "";
  };
  row.addEventListener("pointerup", end);
  row.addEventListener("pointercancel", end);
}

async function uploadChosenFile() {
  const file = fileInput.files?.[0];
  fileInput.value = "";
  if (!file) return;
  try {
    const response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, { method: "POST", body: file });
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).error ?? response.statusText);
  } catch (error) {
    reportFailure(error);
  }
}

// --- the bot's keyboard (reply markup), shown in place of the phone's own

/** @param {ReplyKeyboard | null} keyboard */
function showReplyKeyboard(keyboard) {
  const area = element("reply-keyboard");
  area.hidden = !keyboard;
  if (!keyboard) return area.replaceChildren();
  area.replaceChildren(
    ...keyboard.keyboard.map((row) => {
      const line = make("div", "keyboard-row");
      for (const button of row) {
        const label = typeof button === "string" ? button : button.text;
        const control = make("button", "", label);
        control.type = "button";
        control.addEventListener("click", () => {
          if (keyboard.one_time_keyboard) area.hidden = true;
          const sent = typeof button !== "string" && button.request_location ? shareLocation() : sendText(label);
          sent.catch(reportFailure);
        });
        line.append(control);
      }
      return line;
    }),
  );
}

async function shareLocation() {
  const place = state.language === "en" ? SAMPLE_PLACES.en : SAMPLE_PLACES["zh-hans"];
  toast(t("sample-location", { city: place.city }));
  await post("/api/location", { latitude: place.latitude, longitude: place.longitude });
}

// --- the command menu

/** @param {string} prefix */
function showCommands(prefix) {
  const matching = state.commands.filter((command) => `/${command.command}`.startsWith(prefix));
  if (matching.length === 0) return hideCommands();
  commandList.replaceChildren(
    ...matching.map((command) => {
      const item = make("button");
      item.type = "button";
      item.setAttribute("role", "option");
      item.append(make("span", "command-name", `/${command.command}`), make("span", "command-description", command.description));
      item.addEventListener("click", () => {
        hideCommands();
        textBox.value = "";
        sendText(`/${command.command}`).catch(reportFailure);
      });
      return item;
    }),
  );
  commandList.hidden = false;
  menuButton.setAttribute("aria-expanded", "true");
}

function hideCommands() {
  commandList.hidden = true;
  menuButton.setAttribute("aria-expanded", "false");
}

// --- small pieces of chrome

/**
 * @param {string} key
 * @param {number} forMs 0: until changed
 */
function setStatus(key, forMs) {
  statusLine.textContent = t(key);
  statusLine.dataset.text = key;
  statusLine.classList.toggle("busy", key !== "status-bot");
  if (forMs > 0) setTimeout(() => statusLine.dataset.text === key && setStatus("status-bot", 0), forMs);
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let toastTimer;
/** @param {string} text */
function toast(text) {
  const box = element("toast");
  box.textContent = text;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (box.hidden = true), TOAST_MS);
}

/** @param {string} text */
function showAlert(text) {
  element("alert-text").textContent = text;
  /** @type {HTMLDialogElement} */ (element("alert")).showModal();
}

/** @param {number} id */
function flash(id) {
  const row = document.getElementById(`m-${id}`);
  if (!row) return;
  row.scrollIntoView({ block: "center" });
  row.classList.add("highlight");
  setTimeout(() => row.classList.remove("highlight"), 1200);
}

function fitTextBox() {
  textBox.style.height = "auto";
  textBox.style.height = `${textBox.scrollHeight}px`;
}

function applyLanguage() {
  document.documentElement.lang = state.language === "en" ? "en" : "zh-Hans";
  for (const node of document.querySelectorAll("[data-text]")) node.textContent = t(/** @type {HTMLElement} */ (node).dataset.text ?? "");
  for (const node of document.querySelectorAll("[data-label]")) node.setAttribute("aria-label", t(/** @type {HTMLElement} */ (node).dataset.label ?? ""));
  textBox.placeholder = t("message");
  for (const button of document.querySelectorAll("[data-language]")) {
    button.setAttribute("aria-pressed", String(/** @type {HTMLElement} */ (button).dataset.language === state.language));
  }
  menuButton.hidden = state.commands.length === 0;
  const library = state.menuButton.type === "web_app" ? state.menuButton : undefined;
  libraryButton.hidden = !library;
  libraryButton.textContent = library?.text ?? "";
}

/** @param {string} language */
async function switchLanguage(language) {
  if (language === state.language) return;
  const answer = await post("/api/language", { language });
  state.language = language;
  state.commands = answer.commands;
  applyLanguage();
  chat.replaceChildren(...[...state.messages.values()].map(renderRow));
}

function applyTheme() {
  const chosen = localStorage.getItem("theme");
  if (chosen) document.documentElement.dataset.theme = chosen;
  const dark = chosen ? chosen === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
  element("theme").setAttribute("aria-pressed", String(dark));
}

function toggleTheme() {
  const dark = document.documentElement.dataset.theme ? document.documentElement.dataset.theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
  localStorage.setItem("theme", dark ? "light" : "dark");
  applyTheme();
}

// --- the Mini App, as Telegram opens it: a frame over the chat, signed in as this page's user

// Telegram's own colours for its light and dark themes, as it hands them to Mini Apps (tgWebAppThemeParams).
const TELEGRAM_THEMES = {
  light: {
    bg_color: "#ffffff",
    secondary_bg_color: "#f0f0f0",
    text_color: "#000000",
    hint_color: "#999999",
    link_color: "#2481cc",
    button_color: "#2481cc",
    button_text_color: "#ffffff",
    destructive_text_color: "#ff3b30",
  },
  dark: {
    bg_color: "#17212b",
    secondary_bg_color: "#232e3c",
    text_color: "#f5f5f5",
    hint_color: "#708499",
    link_color: "#6ab3f3",
    button_color: "#5288c1",
    button_text_color: "#ffffff",
    destructive_text_color: "#ec3942",
  },
};

function isDark() {
  const chosen = document.documentElement.dataset.theme;
  return chosen ? chosen === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
}

/**
 * @param {string} url
 * @param {string} title
 */
async function openMiniApp(url, title) {
  const response = await fetch("/api/web-app");
  const launch = await response.json();
  if (!response.ok) throw new Error(launch.error);
  // Only the bot's own page gets the user's initData, as Telegram hands it only to the button's page.
  if (new URL(url).origin !== new URL(launch.url).origin) return toast(t("not-here"));
  const hash = new URLSearchParams({
    tgWebAppData: launch.initData,
    tgWebAppVersion: "8.0",
    tgWebAppPlatform: "web",
    tgWebAppThemeParams: JSON.stringify(TELEGRAM_THEMES[isDark() ? "dark" : "light"]),
  });
  element("web-app-title").textContent = title.replace(/^\P{L}+/u, "");
  /** @type {HTMLIFrameElement} */ (element("web-app-frame")).src = `${url}#${hash}`;
  element("web-app").hidden = false;
}

function closeMiniApp() {
  element("web-app").hidden = true;
  /** @type {HTMLIFrameElement} */ (element("web-app-frame")).src = "about:blank";
}

/** What the Mini App asks of Telegram in a frame (postMessage): to close, or to open a link outside. */
window.addEventListener("message", (event) => {
  const frame = /** @type {HTMLIFrameElement} */ (element("web-app-frame"));
  if (event.source !== frame.contentWindow || typeof event.data !== "string") return;
  let request;
  try {
    request = JSON.parse(event.data);
  } catch {
    return;
  }
  if (request.eventType === "web_app_close") closeMiniApp();
  if (request.eventType === "web_app_open_link" && /^https?:/.test(request.eventData?.url ?? "")) {
    window.open(request.eventData.url, "_blank", "noopener,noreferrer");
  }
});
element("web-app-close").addEventListener("click", closeMiniApp);
libraryButton.addEventListener("click", () => {
  const url = state.menuButton.web_app?.url;
  if (url) void openMiniApp(url, state.menuButton.text ?? "").catch(reportFailure);
});

// --- wiring

textBox.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    void sendComposed();
  } else if (event.key === "Escape") {
    hideCommands();
    stopReply();
  }
});
textBox.addEventListener("input", () => {
  fitTextBox();
  const typed = textBox.value;
  if (/^\/\w*$/.test(typed)) showCommands(typed);
  else hideCommands();
});
element("send").addEventListener("click", () => void sendComposed());
element("attach").addEventListener("click", () => fileInput.click());
fileInput.addEventListener("change", () => void uploadChosenFile());
element("forward").addEventListener("click", () => setForwarding(!state.forwarding));
element("forward-cancel").addEventListener("click", () => setForwarding(false));
element("reply-cancel").addEventListener("click", stopReply);
element("theme").addEventListener("click", toggleTheme);
menuButton.addEventListener("click", () => (commandList.hidden ? showCommands("/") : hideCommands()));
for (const button of document.querySelectorAll("[data-language]")) {
  button.addEventListener("click", () => switchLanguage(/** @type {HTMLElement} */ (button).dataset.language ?? "en").catch(reportFailure));
}

applyTheme();
// Listening first: a message that arrives while the state loads is drawn twice at worst, never lost.
listen();
loadState()
  .then((count) => {
    // A first visit from a Chinese browser starts in Chinese; after that the user's choice stands.
    if (count === 0 && navigator.language.toLowerCase().startsWith("zh")) return switchLanguage("zh-hans");
  })
  .catch(reportFailure);
