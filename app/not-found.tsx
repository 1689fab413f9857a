import { PageNotFoundView } from "@/components/not-found-views";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return <PageNotFoundView />;
}
