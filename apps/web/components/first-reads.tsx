"use client";
// A seeded view's first cache reads, each in a task of its own, before the view renders them.
//
// With the server's answers in the browser's cache (lib/cache-seed.ts), the longest part of a
// view's first render was Apollo reading an answer back out of the cache (home's 50 titles: 29 ms of
// a 51 ms task at 1× in a Lighthouse trace), inside React's render of the view's component, which
// React cannot slice. Read here first — what useQuery's first render does: watchQuery, then the
// current result — Apollo's result cache keeps each result, so the view's own useQuery finds it
// ready and its render is short (bench/README.md, "The stand-in leaves hidden"). A long list's
// objects are read first, a slice per task, so that no one read is long (`entitySlices`): this
// relies on how Apollo keys its kept results, which lib/cache-seed.test.ts checks.
//
// Only while the server's stand-in is on screen (a page's first load, when the view keeps it meanwhile);
// a page the tab navigates to later renders at once.
import type { ApolloClient, DocumentNode } from "@apollo/client";
import { useApolloClient } from "@apollo/client/react";
// Types only: the kinds are written as their strings, so that no graphql-js module joins the views' chunks.
import type { FieldNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode } from "graphql";
import { type ReactNode, startTransition, use, useEffect, useState } from "react";
import { KeepStandIn, StandInContext } from "./stand-in";

export interface FirstRead {
  query: DocumentNode;
  variables?: Record<string, unknown>;
  /**
   * Where a long list of objects with ids sits in the answer (home's titles: recommendations, edges,
   * node, media): they are read a slice per task before the query itself (`entitySlices`).
   */
  entitiesAt?: readonly string[];
}

/** One first read: what useQuery's first render reads, so that its result is then Apollo's to reuse. */
export function readFirst(client: ApolloClient, read: FirstRead) {
  return client.watchQuery({ query: read.query, variables: read.variables }).getCurrentResult();
}

/** How many of a list's objects one task reads. */
const ENTITIES_PER_TASK = 10;

/**
 * A query's list of objects, to be read ahead a slice per task. Apollo keeps the result of reading
 * each object with the query's own selection of it (its result cache is keyed by that selection,
 * the object and the variables), so the query's read then finds every object already read and only
 * walks the list: home's one 22–70 ms read (1×) becomes a few shorter ones. Finds the objects now (their
 * ids only) and returns one task per slice of them.
 */
export function entitySlices(client: ApolloClient, read: FirstRead & { entitiesAt: readonly string[] }): Array<() => unknown[]> {
  // The document as Apollo Client runs it (with __typename everywhere): its selection objects are the keys.
  const document = client.documentTransform.transformDocument(read.query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === ("OperationDefinition" as Kind.OPERATION_DEFINITION),
  );
  const fragments = document.definitions.filter(
    (definition): definition is FragmentDefinitionNode => definition.kind === ("FragmentDefinition" as Kind.FRAGMENT_DEFINITION),
  );
  if (!operation) return [];
  const fieldIn = (selectionSet: SelectionSetNode, name: string): FieldNode | undefined => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === ("Field" as Kind.FIELD) && (selection.alias ?? selection.name).value === name) return selection;
      const inner =
        selection.kind === ("InlineFragment" as Kind.INLINE_FRAGMENT)
          ? selection.selectionSet
          : selection.kind === ("FragmentSpread" as Kind.FRAGMENT_SPREAD)
            ? fragments.find((fragment) => fragment.name.value === selection.name.value)?.selectionSet
            : undefined;
      const found = inner && fieldIn(inner, name);
      if (found) return found;
    }
    return undefined;
  };
  const fields: FieldNode[] = [];
  let selectionSet: SelectionSetNode | undefined = operation.selectionSet;
  for (const name of read.entitiesAt) {
    const field: FieldNode | undefined = selectionSet && fieldIn(selectionSet, name);
    if (!field?.selectionSet) return [];
    fields.push(field);
    selectionSet = field.selectionSet;
  }
  const leaf = fields.at(-1)!.selectionSet!;
  const plainField = (name: string): FieldNode => ({ kind: "Field" as Kind.FIELD, name: { kind: "Name" as Kind.NAME, value: name } });
  // The same fields down to the objects (same arguments, so the same stored values), and of each object only its id.
  const idsAlong = (index: number): SelectionSetNode => ({
    kind: "SelectionSet" as Kind.SELECTION_SET,
    selections: [
      {
        ...fields[index]!,
        selectionSet:
          index === fields.length - 1
            ? { kind: "SelectionSet" as Kind.SELECTION_SET, selections: [plainField("__typename"), plainField("id")] }
            : idsAlong(index + 1),
      },
    ],
  });
  const idsQuery: DocumentNode = { kind: "Document" as Kind.DOCUMENT, definitions: [{ ...operation, selectionSet: idsAlong(0) }] };
  // One object, read with the query's own selection of it.
  const objectQuery: DocumentNode = { kind: "Document" as Kind.DOCUMENT, definitions: [{ ...operation, selectionSet: leaf }, ...fragments] };
  const ids: string[] = [];
  const collect = (value: unknown, depth: number): void => {
    if (Array.isArray(value)) for (const item of value) collect(item, depth);
    else if (value && typeof value === "object") {
      if (depth === fields.length) {
        const id = client.cache.identify(value as { __typename: string; id: string });
        if (id) ids.push(id);
      } else collect((value as Record<string, unknown>)[read.entitiesAt[depth]!], depth + 1);
    }
  };
  collect(client.cache.diff({ query: idsQuery, variables: read.variables, returnPartialData: true, optimistic: true }).result, 0);
  const slices: Array<() => unknown[]> = [];
  for (let start = 0; start < ids.length; start += ENTITIES_PER_TASK) {
    const slice = ids.slice(start, start + ENTITIES_PER_TASK);
    slices.push(() =>
      slice.map((id) => client.cache.diff({ query: objectQuery, id, variables: read.variables, returnPartialData: true, optimistic: true }).result),
    );
  }
  return slices;
}

/**
 * `children` once `reads` (the first render's) have each been read from the cache, one per task;
 * until then the gate's stand-in stays (`fallback` if it has gone). The stand-in's context is read
 * here, not in the view: `children`, made by the view, does not render again when it changes.
 */
export function FirstReads({ reads, fallback, children }: { reads: FirstRead[]; fallback?: ReactNode; children: ReactNode }) {
  const client = useApolloClient();
  const standIn = use(StandInContext);
  const [pending] = useState(() => (standIn?.shown ? reads : []));
  const [done, setDone] = useState(pending.length === 0);
  useEffect(() => {
    if (done) return;
    // Each read in a task of its own, the first too: effects may run in the task of the commit before.
    // A list's objects come first, a slice per task once the list is found (entitySlices).
    const queue: Array<() => void> = pending.flatMap(({ entitiesAt, ...read }) => [
      ...(entitiesAt ? [() => void queue.unshift(...entitySlices(client, { ...read, entitiesAt }))] : []),
      () => void readFirst(client, read),
    ]);
    const next = () => {
      const task = queue.shift();
      if (!task) {
        startTransition(() => setDone(true));
        return;
      }
      try {
        task();
      } catch {
        // A read ahead is only a head start: the view reads (and reports) for itself.
      }
      timer = setTimeout(next);
    };
    let timer = setTimeout(next);
    return () => clearTimeout(timer);
  }, [client, done, pending]);
  return done ? children : <KeepStandIn>{fallback}</KeepStandIn>;
}
