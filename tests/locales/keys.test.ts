import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/telegram/i18n.js";
import { EXPORT_HEADINGS } from "../../src/portable/markdown-log.js";

const root = new URL("../..", import.meta.url).pathname;

function filesUnder(dir: string, ending: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ending))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A locale's files as @grammyjs/i18n loads them: every .ftl file of its folder, one after the other. */
function localeSource(locale: string): string {
  return filesUnder(`locales/${locale}`, ".ftl")
    .sort()
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
}

/** Message ids as the text declares them, whether or not Fluent could parse what follows (terms aside). */
function declaredIds(source: string): string[] {
  return [...source.matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((match) => match[1]!);
}

// The parsed form of @fluent/bundle's resources (its `ast` types are not exported).
type Node = string | { type: string; name?: string; selector?: Node; variants?: { value: Pattern }[]; args?: Node[]; value?: unknown };
type Pattern = string | Node[];
interface Entry {
  id: string;
  value: Pattern | null;
  attributes: Record<string, Pattern>;
}

function variablesIn(pattern: Pattern | null, found = new Set<string>()): Set<string> {
  if (pattern === null || typeof pattern === "string") return found;
  const visit = (node: Node | undefined): void => {
    if (node === undefined || typeof node === "string") return;
    if (node.type === "var") found.add(node.name!);
    visit(node.selector);
    for (const variant of node.variants ?? []) variablesIn(variant.value, found);
    for (const arg of node.args ?? []) visit(arg);
  };
  pattern.forEach(visit);
  return found;
}

/** Every message of a locale with its attributes and the variables each uses, read the way the bot reads them. */
function messagesOf(locale: string): Map<string, { variables: string[]; attributes: Map<string, string[]> }> {
  const entries = new FluentResource(localeSource(locale)).body as unknown as Entry[];
  const sorted = (set: Set<string>) => [...set].sort();
  return new Map(
    entries
      .filter((entry) => !entry.id.startsWith("-"))
      .map((entry) => [
        entry.id,
        {
          variables: sorted(variablesIn(entry.value)),
          attributes: new Map(Object.entries(entry.attributes).map(([name, pattern]) => [name, sorted(variablesIn(pattern))])),
        },
      ]),
  );
}

const OTHER_LOCALES = LOCALES.filter((locale) => locale !== "en");

describe("translations", () => {
  it("define every key the code asks for by name", () => {
    const keys = new Set(declaredIds(localeSource("en")));
    const used = filesUnder("src", ".ts").flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-z][a-z0-9-]*)"/g)].map((match) => ({ file: file.slice(root.length), key: match[1]! })),
    );
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter(({ key }) => !keys.has(key))).toEqual([]);
  });

  it("have a folder for every locale the bot answers in, and nothing else", () => {
    const folders = readdirSync(join(root, "locales"), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.map((entry) => entry.name).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES)("%s: every message parses, and is declared once", (locale) => {
    const declared = declaredIds(localeSource(locale));
    const parsed = new Set(messagesOf(locale).keys());
    // FluentResource skips an entry it cannot parse without a word: a declared id missing from it is a syntax error.
    expect(
      declared.filter((id) => !parsed.has(id)),
      "messages with syntax errors",
    ).toEqual([]);
    expect(
      declared.filter((id, i) => declared.indexOf(id) !== i),
      "messages declared twice",
    ).toEqual([]);
  });

  it.each(LOCALES)("%s: every message formats without errors, whatever its variables", (locale) => {
    const bundle = new FluentBundle(locale, { useIsolating: false });
    expect(bundle.addResource(new FluentResource(localeSource(locale)))).toEqual([]);
    const failures: string[] = [];
    for (const [id, { variables, attributes }] of messagesOf(locale)) {
      const message = bundle.getMessage(id)!;
      const patterns = [...(message.value ? [[id, message.value, variables] as const] : [])];
      for (const [name, used] of attributes) patterns.push([`${id}.${name}`, message.attributes[name]!, used]);
      for (const [name, pattern, used] of patterns) {
        for (const value of [1, 2]) {
          const errors: Error[] = [];
          bundle.formatPattern(pattern, Object.fromEntries(used.map((variable) => [variable, value])), errors);
          failures.push(...errors.map((error) => `${name} (${JSON.stringify(value)}): ${error.message}`));
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(OTHER_LOCALES)("%s: has every message and attribute of English, no others, with the same variables", (locale) => {
    const english = messagesOf("en");
    const translated = messagesOf(locale);
    const missing = [...english.keys()].filter((id) => !translated.has(id));
    const extra = [...translated.keys()].filter((id) => !english.has(id));
    expect(missing, `messages missing from locales/${locale}`).toEqual([]);
    expect(extra, `messages in locales/${locale} that English does not have`).toEqual([]);
    const differences: string[] = [];
    for (const [id, en] of english) {
      const other = translated.get(id)!;
      if (en.variables.join() !== other.variables.join()) differences.push(`${id}: en {${en.variables}} ≠ ${locale} {${other.variables}}`);
      for (const [name, used] of en.attributes) {
        const theirs = other.attributes.get(name);
        if (!theirs) differences.push(`${id}.${name}: missing`);
        else if (used.join() !== theirs.join()) differences.push(`${id}.${name}: en {${used}} ≠ ${locale} {${theirs}}`);
      }
      for (const name of other.attributes.keys()) if (!en.attributes.has(name)) differences.push(`${id}.${name}: not in en`);
    }
    expect(differences).toEqual([]);
  });

  it.each(OTHER_LOCALES)("%s: keeps one file per English file, so a key is found where its English is", (locale) => {
    const names = (dir: string) =>
      filesUnder(dir, ".ftl")
        .map((file) => file.slice(join(root, dir).length + 1))
        .sort();
    expect(names(`locales/${locale}`)).toEqual(names("locales/en"));
  });

  it.each(LOCALES)("%s: the markdown export's heading is one the importer recognises, so an export imports back", (locale) => {
    const bundle = new FluentBundle(locale, { useIsolating: false });
    bundle.addResource(new FluentResource(localeSource(locale)));
    const heading = bundle.formatPattern(bundle.getMessage("export-markdown-heading")!.value!);
    expect(EXPORT_HEADINGS.has(heading.toLowerCase())).toBe(true);
  });
});
