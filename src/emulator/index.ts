export {
  createBotApi,
  startEmulator,
  DEFAULT_TOKEN,
  TEST_BOT_INFO,
  type BotApi,
  type Emulator,
  type EmulatorOptions,
  type Fault,
  type RecordedCall,
} from "./bot-api-server.js";
export type { ChatEvent, StoredMessage } from "./chat-store.js";
export { detectUrlEntities } from "./url-entities.js";
export { forwardOrigin, type DistributiveOmit, type EmulatedUser, type NewUpdate, type UserInit } from "./users.js";
export { parseTelegramHtml, htmlTextLength, type HtmlParseResult } from "./telegram-html.js";
