import type { Metadata } from "next";
import { BrowseView } from "./browse-view";

export const metadata: Metadata = { title: "Browse" };

export default function Page() {
  return <BrowseView />;
}
