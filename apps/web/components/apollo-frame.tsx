"use client";
// What a signed-in page's view runs inside once the gate (apollo-gate.tsx) has its Apollo Client:
// the provider and the card previews' layer. A module of its own, loaded by the gate after the
// document has painted, so Apollo Client's code is not among the page's first scripts.
import type { ApolloClient } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import type { ReactNode } from "react";
import { CardPreviewLayer } from "./card-preview";

export default function ApolloFrame({ client, children }: { client: ApolloClient; children: ReactNode }) {
  return (
    <ApolloProvider client={client}>
      {children}
      <CardPreviewLayer />
    </ApolloProvider>
  );
}
