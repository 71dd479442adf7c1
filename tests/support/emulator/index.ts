export { startEmulator, DEFAULT_TOKEN, TEST_BOT_INFO, type Emulator, type Fault, type RecordedCall } from "./server.js";
export { detectUrlEntities, forwardOrigin, type DistributiveOmit, type EmulatedUser, type NewUpdate, type UserInit } from "./users.js";
export { parseTelegramHtml, htmlTextLength, type HtmlParseResult } from "./html.js";
