// What an operation costs, as graphql-armor's cost limit counts it (objects 2, scalars 1, lists
// multiplied by `first`/`last`, deeper fields weighing more), handed back to the caller in the
// response's `extensions.cost` so a client can see how close it is to API_LIMITS.maxCost.
//
// graphql-armor measures while Apollo validates a document, and Apollo validates each document once
// (it keeps parsed, validated documents): so the cost is kept with the document, per operation.
import type { ApolloServerPlugin } from "@apollo/server";
import { type DocumentNode, Kind, type OperationDefinitionNode, type ValidationContext } from "graphql";

const costsOfDocument = new WeakMap<DocumentNode, number[]>();

/** graphql-armor's onAccept callback: remembers the cost of each operation of the document, in order. */
export function recordQueryCost(context: ValidationContext | null, details: { n?: number }): void {
  if (!context || typeof details.n !== "number") return;
  const document = context.getDocument();
  const costs = costsOfDocument.get(document) ?? [];
  costs.push(details.n);
  costsOfDocument.set(document, costs);
}

/** The recorded cost of `operation` in `document`, if it was measured. */
export function costOf(document: DocumentNode, operation: OperationDefinitionNode): number | undefined {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return costsOfDocument.get(document)?.[operations.indexOf(operation)];
}

/** Adds `extensions.cost: { requested, maximum }` to every executed operation's response. */
export function queryCostPlugin(maximum: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ document, operation, response }) {
          if (!document || !operation || response.body.kind !== "single") return;
          const requested = costOf(document, operation);
          if (requested === undefined) return;
          const result = response.body.singleResult;
          response.body.singleResult = { ...result, extensions: { ...result.extensions, cost: { requested, maximum } } };
        },
      };
    },
  };
}
