"use client";
// What a signed-in page's view runs inside once the gate (apollo-gate.tsx) has its Apollo Client:
// the provider, the card previews' layer and the failed actions' messages. A module of its own, loaded by the gate after the
// document has painted, so Apollo Client's code is not among the page's first scripts.
import type { ApolloClient } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import type { ReactNode } from "react";
import { ActionErrors } from "./action-errors";
import { CardPreviewLayer } from "./card-preview";

export default function ApolloFrame({ client, children }: { client: ApolloClient; children: ReactNode }) {
  return (
    <ApolloProvider client={client}>
      {children}
      <CardPreviewLayer />
      <ActionErrors />
    </ApolloProvider>
  );
}
