import { useTranslations } from "next-intl";
import { TestCatalog } from "@/components/test-catalog";

export default function HomePage() {
  const t = useTranslations("home");
  return (
    <div className="space-y-10">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-[1.75rem]">{t("title")}</h1>
        <p className="mt-2 text-[0.9375rem] text-ink-muted">{t("intro")}</p>
      </div>
      <TestCatalog />
    </div>
  );
}
