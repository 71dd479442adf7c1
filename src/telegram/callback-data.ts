/**
 * Button data written once: a definition names its prefix and fields, and from that alone come the data a button
 * carries (`pack`), the pattern a handler listens on (`pattern`, for `composer.callbackQuery`) and the values read
 * back (`unpack`). The wire format is `prefix:field:field…`, the one every hand-made button used, so buttons in
 * messages sent before keep working. Telegram allows 64 bytes: `pack` refuses anything longer or anything its own
 * pattern would not match, so a button that could never be answered is caught where it is built. Every value read
 * back is only a claim: ids are checked against the pressing user by the handler.
 */

/** Telegram's limit on `callback_data`, in UTF-8 bytes. */
export const MAX_CALLBACK_BYTES = 64;

export interface Field<T> {
  /** A regular expression without capturing groups: what the field looks like on the wire. */
  readonly source: string;
  /** Only the last fields may be optional; they are left out of the data together with their colon. */
  readonly optional: boolean;
  /** The longest value the field can carry, for the test that every button fits in 64 bytes. */
  readonly widest: T;
  parse(text: string | undefined): T;
  format(value: T): string | undefined;
}

/** A whole number written in decimal; `maxDigits` bounds it (left out only where old buttons had no bound). */
export function int(maxDigits?: number): Field<number> {
  return {
    source: maxDigits === undefined ? "\\d+" : `\\d{1,${maxDigits}}`,
    optional: false,
    widest: maxDigits === undefined ? Number.MAX_SAFE_INTEGER : 10 ** maxDigits - 1,
    parse: (text) => Number(text),
    format: (value) => String(value),
  };
}

/** One of a few fixed words. */
export function oneOf<const T extends string>(...words: readonly [T, ...T[]]): Field<T> {
  return {
    source: `(?:${words.join("|")})`,
    optional: false,
    widest: words.reduce((a, b) => (b.length > a.length ? b : a)),
    parse: (text) => text as T,
    format: (value) => value,
  };
}

/** Free text of a given shape (`source` without capturing groups), for codes checked after unpacking. */
export function text(source: string, widest: string): Field<string> {
  return { source, optional: false, widest, parse: (value) => value ?? "", format: (value) => value };
}

/** A last field that may be absent (`q:12:d` and `q:12:t:3`). */
export function optional<T>(field: Field<T>): Field<T | undefined> {
  return {
    source: field.source,
    optional: true,
    widest: field.widest,
    parse: (value) => (value === undefined ? undefined : field.parse(value)),
    format: (value) => (value === undefined ? undefined : field.format(value)),
  };
}

type Fields = Record<string, Field<any>>;
export type ValuesOf<F extends Fields> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };

export interface CallbackData<V> {
  readonly prefix: string;
  /** Matches exactly the data `pack` makes; hand it to `composer.callbackQuery`. */
  readonly pattern: RegExp;
  pack(values: V): string;
  /** The data, or null where `pack` would refuse it: for a field of free text that may not fit in 64 bytes. */
  tryPack(values: V): string | null;
  /** The values, or null for data of another shape; never null for data that `pattern` matched. */
  unpack(data: string): V | null;
  /** The data of this kind with every field at its longest: what the 64-byte test packs. */
  readonly widest: V;
}

const registry = new Map<string, CallbackData<any>>();

/** Every definition made so far (the features define theirs when their modules load). */
export function registeredCallbackData(): readonly CallbackData<any>[] {
  return [...registry.values()];
}

export function callbackData<F extends Fields>(prefix: string, fields: F): CallbackData<ValuesOf<F>> {
  if (!/^[A-Za-z]+$/.test(prefix)) throw new Error(`callback prefix "${prefix}" must be letters only`);
  if (registry.has(prefix)) throw new Error(`callback prefix "${prefix}" is defined twice`);
  const entries = Object.entries(fields);
  const firstOptional = entries.findIndex(([, field]) => field.optional);
  if (firstOptional !== -1 && entries.slice(firstOptional).some(([, field]) => !field.optional)) {
    throw new Error(`callback "${prefix}": optional fields must come last`);
  }
  const groups = entries.map(([, field]) => (field.optional ? `(?::(${field.source}))?` : `:(${field.source})`)).join("");
  const pattern = new RegExp(`^${prefix}${groups}$`);

  const unpack = (data: string): ValuesOf<F> | null => {
    const match = pattern.exec(data);
    if (!match) return null;
    return Object.fromEntries(entries.map(([name, field], i) => [name, field.parse(match[i + 1])])) as ValuesOf<F>;
  };
  /** The data, or why it cannot be sent. */
  const encode = (values: ValuesOf<F>): { data: string; problem?: string } => {
    const parts = entries.map(([name, field]) => field.format(values[name]));
    const data = [prefix, ...parts.filter((part) => part !== undefined)].join(":");
    if (!pattern.test(data)) return { data, problem: `callback "${prefix}": ${JSON.stringify(values)} does not fit its own pattern` };
    if (Buffer.byteLength(data, "utf8") > MAX_CALLBACK_BYTES) return { data, problem: `callback "${prefix}": "${data}" is over ${MAX_CALLBACK_BYTES} bytes` };
    return { data };
  };
  const pack = (values: ValuesOf<F>): string => {
    const { data, problem } = encode(values);
    if (problem !== undefined) throw new Error(problem);
    return data;
  };
  const tryPack = (values: ValuesOf<F>): string | null => {
    const { data, problem } = encode(values);
    return problem === undefined ? data : null;
  };
  const widest = Object.fromEntries(entries.map(([name, field]) => [name, field.widest])) as ValuesOf<F>;
  const definition: CallbackData<ValuesOf<F>> = { prefix, pattern, pack, tryPack, unpack, widest };
  registry.set(prefix, definition);
  return definition;
}
