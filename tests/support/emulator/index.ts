export { startEmulator, DEFAULT_TOKEN, type Emulator, type Fault, type RecordedCall } from "./server.js";
export {
  detectUrlEntities,
  forwardOrigin,
  type DistributiveOmit,
  type EmulatedUser,
  type NewUpdate,
  type UserInit,
} from "./users.js";
export { parseTelegramHtml, htmlTextLength, type HtmlParseResult } from "./html.js";
