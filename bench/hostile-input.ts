// Hostile input (issue 13): the longest the main thread is held while the bot handles each input built to stall
// it, next to the same stall for one normal save. Each input goes through the product's own function for it,
// called directly: no network, no Telegram. A stall is measured by bench/stall.ts.
import SQLite from "better-sqlite3";
import type { Api } from "grammy";
import { Kysely, SqliteDialect } from "kysely";
import { createI18n, translatorFor } from "../src/telegram/i18n.js";
import { captureLinks } from "../src/capture/capture-links.js";
import type { DB } from "../src/db/connection.js";
import type { Database } from "../src/db/schema.js";
import { withStatementCache } from "../src/db/statement-cache.js";
import { htmlInfo } from "../src/fetch/html-info.js";
import { extractLinks } from "../src/links/extract.js";
import { mergeDuplicates } from "../src/portable/merge.js";
import { parseImportFile } from "../src/portable/parse-file.js";
import type { QuestionPort } from "../src/questions/flow.js";
import { toggleTag } from "../src/questions/settle.js";
import { Redraws } from "../src/questions/redraws.js";
import { ownerPrefix } from "../src/search/query.js";
import { ownedText, searchText } from "../src/search/search-text.js";
import { searchLinks } from "../src/store/search.js";
import { createTagQuestion, findTagQuestion, updateTagQuestion } from "../src/store/tag-questions.js";
import { freshDatabase } from "./fresh-database.js";
import { backtrackingLogs, deepPages, hostileQueries, inflatingZip, linkMessage, longNotes } from "./hostile-inputs.js";
import { HEAVY_USER, RECALL_SIZES, recallDatabase } from "./recall-data.js";
import { medianOfRuns, RUNS, type Figure, type Scale } from "./report.js";
import { longestStall, worstStall } from "./stall.js";

const KiB = 1024;
const MiB = 1024 * KiB;

interface HostileSize {
  pageLength: number;
  zipLength: number;
  /** What the zip may unpack to: IMPORT_MAX_BYTES's default at full size. */
  zipCap: number;
  noteLength: number;
  presses: number;
}

const SIZES: Record<Scale, HostileSize> = {
  full: { pageLength: MiB, zipLength: 99 * MiB, zipCap: 20 * MiB, noteLength: 20 * MiB, presses: 5000 },
  quick: { pageLength: MiB, zipLength: 24 * MiB, zipCap: 20 * MiB, noteLength: 20 * MiB, presses: 1000 },
  tiny: { pageLength: 16 * KiB, zipLength: 512 * KiB, zipCap: 256 * KiB, noteLength: 256 * KiB, presses: 20 },
};
/** The log: 8,000 spaces of bait, about 8 KB, small at every scale. */
const LOG_SPACES = 8000;
const context = { timeZone: "UTC", now: Date.UTC(2026, 10, 25) };

const size = (bytes: number) => (bytes >= MiB ? `${bytes / MiB} MiB` : `${bytes / KiB} KiB`);
const count = (n: number) => n.toLocaleString("en-US");

/** An input with its variants; the worst variant counts. */
interface HostileCase {
  label: string;
  variants: (() => unknown)[];
}

function readerCases(sizes: HostileSize): HostileCase[] {
  const zip = inflatingZip(sizes.zipLength);
  const zipContext = { ...context, maxUnpackedBytes: sizes.zipCap };
  return [
    {
      label: `${size(sizes.pageLength)} page of nested unclosed tags (b, div, a, mixed), title reader`,
      variants: deepPages(sizes.pageLength).map((page) => () => htmlInfo(page)),
    },
    {
      label: `8 KB markdown log of backtracking bait, import preview`,
      variants: backtrackingLogs(LOG_SPACES).map((log) => () => mergeDuplicates(parseImportFile("log.md", log, context).links)),
    },
    {
      label: `zip inflating to ${size(sizes.zipLength)} (cap ${size(sizes.zipCap)}), until refused`,
      variants: [() => refused(parseImportFile("pocket.zip", zip, zipContext).problems)],
    },
    {
      label: `${size(sizes.noteLength)} note through the search text`,
      variants: longNotes(sizes.noteLength).map((note) => () => ownedText(ownerPrefix(1), searchText(note))),
    },
  ];
}

function refused(problems: readonly { key: string }[]): void {
  if (!problems.some((problem) => problem.key.startsWith("problem-zip-"))) throw new Error("the zip was not refused");
}

/** What a save does before it replies: the message's links extracted and captured. */
function normalSave(db: DB): () => Promise<unknown> {
  let n = 0;
  return async () => {
    const message = linkMessage(++n);
    const { saved } = await captureLinks(db, 1, extractLinks(message), Date.now(), { chatId: 1, messageId: message.message_id });
    if (saved.length !== 1) throw new Error("the normal save saved nothing");
  };
}

function questionPort(db: DB): QuestionPort {
  // The edit of the buttons goes to Telegram: its answer is no work of the main thread.
  const api = { editMessageReplyMarkup: () => Promise.resolve(true) } as unknown as Api;
  return {
    db,
    api,
    t: translatorFor(createI18n(), { language_code: "en" }),
    clock: Date.now,
    timeoutMs: 3_600_000,
    timeZone: "UTC",
    redraws: new Redraws(1000, () => {}),
  };
}

/** Press 1 and press `presses` of one open tag question: the press handler's lookup, then the toggle. */
async function tagPresses(port: QuestionPort, linkId: number, presses: number): Promise<{ first: number; last: number }> {
  const options = ["elixir", "beam", "otp", "rust", "进程", "调度", "memory", "async"];
  const created = await createTagQuestion(port.db, {
    userId: 1,
    chatId: 1,
    status: "open",
    groups: [[linkId]],
    knownIds: [],
    mediaGroupId: null,
    now: Date.now(),
    expiresAt: null,
  });
  await updateTagQuestion(port.db, created.id, { messageId: 1, options });
  const press = async () => {
    const question = await findTagQuestion(port.db, 1, created.id);
    if (!question || !(await toggleTag(port, question, 0))) throw new Error("the press found no question");
  };
  const first = await longestStall(press);
  for (let i = 2; i < presses; i++) await press();
  return { first, last: await longestStall(press) };
}

function openRecall(path: string): DB {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(new SQLite(path, { readonly: true })) }) });
}

export async function hostileInput(scale: Scale): Promise<Figure[]> {
  const sizes = SIZES[scale];
  const readers = readerCases(sizes);
  const recall = openRecall(await recallDatabase(scale));
  const searches = hostileQueries().map((query) => () => searchLinks(recall, HEAVY_USER, query, 0, 8));
  const database = await freshDatabase();
  const { db } = database;
  const save = normalSave(db);
  const port = questionPort(db);

  const results = await medianOfRuns<string>(RUNS[scale], async (run) => {
    const values: Record<string, number> = { save: await longestStall(save) };
    for (const reader of readers) values[reader.label] = await worstStall(reader.variants);
    values.search = await worstStall(searches);
    const link = (await captureLinks(db, 1, { links: [{ url: `https://example.org/tagged/${run}`, title: null }], source: null }, Date.now())).saved[0]!;
    return { ...values, ...(await tagPresses(port, link.id, sizes.presses)) };
  });
  await recall.destroy();
  await database.remove();

  const baseline = results.save!;
  const row = (label: string, value: number): Figure => ({ figure: `hostile: ${label}`, value, unit: "ms", baseline, ratio: value / baseline });
  const inputs = [
    ...readers.map((reader) => row(reader.label, results[reader.label]!)),
    row(`/search 1,000 × #a and 1,000 distinct words, ${count(RECALL_SIZES[scale].heavyLinks)} links`, results.search!),
    row("tag question, press 1", results.first!),
    row(`tag question, press ${count(sizes.presses)}`, results.last!),
  ];
  return [
    row("worst stall of any input below, against a normal save", Math.max(...inputs.map((input) => input.value))),
    { figure: "hostile: a normal save (extract + capture)", value: baseline, unit: "ms" },
    ...inputs,
  ];
}
