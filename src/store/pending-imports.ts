import type { DB } from "../db/connection.js";

export interface PendingImport {
  id: number;
  file_id: string;
  file_name: string;
}

export async function addPendingImport(db: DB, userId: number, fileId: string, fileName: string, now: number): Promise<number> {
  const { id } = await db
    .insertInto("pending_imports")
    .values({ user_id: userId, file_id: fileId, file_name: fileName, created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Takes the user's pending import away, so a double tap on Import imports once; undefined when it is not theirs or gone. */
export async function takePendingImport(db: DB, userId: number, id: number): Promise<PendingImport | undefined> {
  return await db.deleteFrom("pending_imports").where("id", "=", id).where("user_id", "=", userId).returning(["id", "file_id", "file_name"]).executeTakeFirst();
}
