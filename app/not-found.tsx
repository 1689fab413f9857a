import { getTranslations } from "next-intl/server";
import { PageNotFoundView } from "@/components/not-found-views";
import type { Metadata } from "next";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notFound.page"))("metaTitle") };
}

export default function NotFound() {
  return <PageNotFoundView />;
}
