import type { Generated, Insertable, Selectable } from "kysely";

/** The whole schema as Kysely sees it; it mirrors the files in migrations/. Times are epoch milliseconds. */
export interface Database {
  users: UsersTable;
  links: LinksTable;
  tags: TagsTable;
  link_tags: LinkTagsTable;
  notes: NotesTable;
  link_messages: LinkMessagesTable;
  conversation_state: ConversationStateTable;
}

export interface UsersTable {
  id: number;
  first_name: Generated<string>;
  language_code: string | null;
  time_zone: string;
  created_at: number;
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

export type User = Selectable<UsersTable>;
export type Link = Selectable<LinksTable>;
export type NewLink = Insertable<LinksTable>;
export type Note = Selectable<NotesTable>;
