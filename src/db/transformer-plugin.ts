import type { KyselyPlugin, OperationNodeTransformer, QueryResult, UnknownRow } from "kysely";

/** A Kysely plugin that rewrites each query with `transformer` and leaves results as they come. */
export function transformerPlugin(transformer: OperationNodeTransformer): KyselyPlugin {
  return {
    transformQuery: (args) => transformer.transformNode(args.node),
    transformResult: async (args): Promise<QueryResult<UnknownRow>> => args.result,
  };
}
