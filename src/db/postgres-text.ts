import { OperationNodeTransformer, type PrimitiveValueListNode, type ValueNode } from "kysely";
import { transformerPlugin } from "./transformer-plugin.js";

/**
 * Text as PostgreSQL can store it: it refuses U+0000 in text and cannot encode a lone surrogate, both of which SQLite
 * keeps (a pasted title, an imported file). Each becomes U+FFFD, the character that says "something unreadable was
 * here", instead of the whole save failing.
 */
export function storableText(text: string): string {
  return text.toWellFormed().replaceAll("\u0000", "\uFFFD");
}

const storable = (value: unknown): unknown => (typeof value === "string" ? storableText(value) : value);

class StorableValues extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return typeof node.value === "string" ? { ...node, value: storableText(node.value) } : node;
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return { ...node, values: node.values.map(storable) };
  }
}

/** Every string a query sends to PostgreSQL passes through `storableText`. */

/** Every string a query sends to PostgreSQL passes through `storableText`. */
export const postgresTextPlugin = () => transformerPlugin(new StorableValues());
