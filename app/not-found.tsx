import type { Metadata } from "next";
import { PageNotFoundView } from "@/components/not-found-views";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return <PageNotFoundView />;
}
