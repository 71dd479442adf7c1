/** A link as lists show it: what the store reads for a list and the views render. */
export interface ListedLink {
  id: number;
  url: string;
  title: string | null;
  saved_at: number;
  read_at: number | null;
  tags: string[];
}
