import type { Generated, Selectable } from "kysely";

/** The whole schema as Kysely sees it; it mirrors the files in migrations/. Times are epoch milliseconds. */
export interface Database {
  users: UsersTable;
  links: LinksTable;
  tags: TagsTable;
  link_tags: LinkTagsTable;
  notes: NotesTable;
  link_messages: LinkMessagesTable;
  conversation_state: ConversationStateTable;
  list_views: ListViewsTable;
  link_search: LinkSearchTable;
  meta: MetaTable;
  digest_sends: DigestSendsTable;
  pending_imports: PendingImportsTable;
  save_confirmations: SaveConfirmationsTable;
  tag_questions: TagQuestionsTable;
  refetch_answers: RefetchAnswersTable;
  deleted_links: DeletedLinksTable;
  update_inbox: UpdateInboxTable;
}

export interface UsersTable {
  id: number;
  first_name: Generated<string>;
  language_code: string | null;
  time_zone: string;
  created_at: number;
  digest_enabled: Generated<number>;
  /** Local time of the digest, minutes after midnight. */
  digest_minute: Generated<number>;
  digest_size: Generated<number>;
  digest_always: Generated<number>;
  /** Next digest due, UTC epoch ms. */
  digest_next_at: Generated<number>;
  /** JSON array of link ids the last digest proposed. */
  digest_last_shown: Generated<string>;
  /** 1 once the user chose a time zone; digests wait for it. */
  time_zone_chosen: Generated<number>;
  /** The language chosen with /language; null follows `language_code`. */
  language: string | null;
  /** The link last saved, sent again, opened as a card or listed alone: where `/note text` goes (migration 0015). */
  last_link_id: Generated<number | null>;
}

export interface LinksTable {
  id: Generated<number>;
  user_id: number;
  url: string;
  url_key: string;
  title: string | null;
  source: string | null;
  saved_at: number;
  read_at: number | null;
  digest_snoozed_until: number | null;
  /**
   * Where `title` came from: the user's /title (kept over any page title), the fetched page, or the words the link
   * was sent with (provisional: the page's title replaces them); null when there is none. Links saved before
   * migration 0011 keep "user" for words from their message.
   */
  title_source: "user" | "page" | "message" | null;
  fetched_title: string | null;
  site_name: string | null;
  description: string | null;
  language: string | null;
  content_type: string | null;
  reading_minutes: number | null;
  fetch_status: Generated<"pending" | "done" | "failed">;
  fetch_attempts: Generated<number>;
  fetch_next_at: number | null;
  /** 0 for a live save or /refetch, 1 for an import: live ones are fetched first, imports politely behind them. */
  fetch_priority: Generated<number>;
  /**
   * The URL's host without "www.", filled from `url` by triggers on insert and on a new URL (migration 0021); null
   * only in what an insert on SQLite returns, which comes before its AFTER trigger.
   */
  site: Generated<string | null>;
}

export interface TagsTable {
  id: Generated<number>;
  user_id: number;
  name: string;
}

export interface LinkTagsTable {
  link_id: number;
  tag_id: number;
  tagged_at: number;
  /** 1 while the link is unread: a copy of `links.read_at is null` kept by triggers (migration 0008). */
  link_unread: Generated<number>;
}

export interface NotesTable {
  id: Generated<number>;
  user_id: number;
  link_id: number;
  text: string;
  created_at: number;
  updated_at: number;
  chat_id: number | null;
  message_id: number | null;
  /** 1 when the note holds the words the link was sent with; dropped when they only repeat the page's title. */
  captured: Generated<number>;
  /** The channel or person a forwarded post came from, for notes kept from its text. */
  source: string | null;
}

export interface LinkMessagesTable {
  chat_id: number;
  message_id: number;
  link_id: number;
}

export interface ConversationStateTable {
  key: string;
  value: string;
  updated_at: number;
}

export interface ListViewsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  /** JSON of the list's filters. */
  params: string;
  created_at: number;
  /** JSON of the page the message shows (see lists/views.ts); null until it is drawn. */
  shown: string | null;
}

/**
 * FTS5 table; rowid is the link id. Columns hold search text prepared by src/search/, not the raw values: every
 * word carries its owner's prefix.
 */
export interface LinkSearchTable {
  rowid: number;
  title: string;
  url: string;
  tags: string;
  notes: string;
}

export interface DigestSendsTable {
  user_id: number;
  local_date: string;
  status: "sending" | "sent" | "retry" | "skipped" | "failed";
  attempts: Generated<number>;
  claimed_at: number;
  finished_at: number | null;
}

export interface PendingImportsTable {
  id: Generated<number>;
  user_id: number;
  file_id: string;
  file_name: string;
  created_at: number;
}

export interface SaveConfirmationsTable {
  chat_id: number;
  message_id: number;
  user_id: number;
  /** JSON array of the link ids the message confirms. */
  link_ids: string;
  created_at: number;
}

export interface TagQuestionsTable {
  id: Generated<number>;
  user_id: number;
  chat_id: number;
  message_id: number | null;
  status: "queued" | "open" | "done" | "closed";
  /** JSON arrays; parsed only in src/store/tag-questions.ts. */
  link_groups: Generated<string>;
  known_ids: Generated<string>;
  message_count: Generated<number>;
  media_group_id: string | null;
  /** "together" once a burst is tagged as one, "split" once it is asked message by message. */
  mode: "together" | "split" | null;
  retag: Generated<number>;
  options: Generated<string>;
  selected: Generated<string>;
  pending_text: string | null;
  created_at: number;
  touched_at: number;
  expires_at: number | null;
}

/** A /refetch answer waiting for its fetch to end, to be edited with the outcome. */
export interface RefetchAnswersTable {
  chat_id: number;
  message_id: number;
  link_id: number;
  user_id: number;
  requested_at: number;
}

/** A deleted link waiting for its Undo (migration 0015): the rows it took along, as JSON parsed in src/store/trash.ts. */
export interface DeletedLinksTable {
  link_id: number;
  user_id: number;
  deleted_at: number;
  data: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export type User = Selectable<UsersTable>;
export type Link = Selectable<LinksTable>;
export type Note = Selectable<NotesTable>;

/** Updates received and not yet pruned (migration 0019); a chat's are handed out one at a time, oldest first. */
export interface UpdateInboxTable {
  update_id: number;
  /** "c<chat id>", or "u<user id>" for an update without a chat. */
  chat_key: string;
  user_id: number | null;
  /** The update as Telegram sent it (JSON). */
  payload: string;
  received_at: number;
  /** The worker handling it while `lease_until` is in the future; an expired lease is anyone's to take. */
  claimed_by: string | null;
  lease_until: number | null;
  done_at: number | null;
  /** When the rate limit counted it against its user; null when it was exempt, dropped or not yet handled. */
  counted_at: number | null;
}
