import { once } from "node:events";
import type { Writable } from "node:stream";
import type { DB } from "../db/connection.js";
import type { ExportFormat } from "../portable/formats.js";
import type { PortableLink } from "../portable/model.js";
import type { WriteContext } from "../portable/writers.js";
import { tagsOfLinks } from "./tags.js";

const BATCH = 500;

/**
 * The user's links newest first, a batch at a time with their tags and notes, so an export of 100,000
 * links holds one batch in memory, never the whole log. Pages by (saved_at, id), which the index serves.
 */
export async function* linksForExport(db: DB, userId: number): AsyncGenerator<PortableLink[]> {
  let after: { saved_at: number; id: number } | undefined;
  for (;;) {
    let query = db.selectFrom("links").select(["id", "url", "title", "saved_at", "read_at"]).where("user_id", "=", userId);
    if (after) {
      const { saved_at, id } = after;
      query = query.where((eb) => eb.or([eb("saved_at", "<", saved_at), eb.and([eb("saved_at", "=", saved_at), eb("id", "<", id)])]));
    }
    const rows = await query.orderBy("saved_at", "desc").orderBy("id", "desc").limit(BATCH).execute();
    if (rows.length === 0) return;
    after = rows.at(-1)!;
    const ids = rows.map((row) => row.id);
    const [tags, notes] = await Promise.all([
      tagsOfLinks(db, ids),
      db.selectFrom("notes").select(["link_id", "text", "created_at"]).where("link_id", "in", ids).orderBy("created_at").orderBy("id").execute(),
    ]);
    const notesByLink = new Map<number, { text: string; created_at: number }[]>();
    for (const note of notes) notesByLink.set(note.link_id, [...(notesByLink.get(note.link_id) ?? []), note]);
    yield rows.map((row) => ({
      url: row.url,
      title: row.title,
      tags: tags.get(row.id) ?? [],
      notes: (notesByLink.get(row.id) ?? []).map((note) => ({ text: note.text, createdAt: note.created_at })),
      savedAt: row.saved_at,
      read: row.read_at !== null,
      readAt: row.read_at,
    }));
  }
}

/** Writes the user's whole log to `out` in the chosen format, a batch of links at a time; returns how many. */
export async function writeExport(db: DB, userId: number, format: ExportFormat, context: WriteContext, out: Writable): Promise<number> {
  const writer = format.create(context);
  const write = async (chunk: string) => {
    // Respect back-pressure, so a slow disk or pipe never lets the export pile up in memory.
    if (chunk !== "" && !out.write(chunk)) await once(out, "drain");
  };
  let count = 0;
  await write(writer.head());
  for await (const batch of linksForExport(db, userId)) {
    await write(writer.links(batch));
    count += batch.length;
  }
  await write(writer.tail());
  return count;
}
