import { TestCatalog } from "@/components/test-catalog";

export default function HomePage() {
  return (
    <div className="space-y-10">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold tracking-tight text-ink sm:text-[1.75rem]">Choose a test</h1>
        <p className="mt-2 text-[0.9375rem] text-ink-muted">
          A self-hosted Remote Connectivity Analyzer: it tests your Exchange, mail and TLS servers from this host the way a remote client would, step by step,
          and keeps each result at a permalink you can share with your team.
        </p>
      </div>
      <TestCatalog />
    </div>
  );
}
