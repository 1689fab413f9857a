import { ResultNotFoundView } from "@/components/not-found-views";

export default function ResultNotFound() {
  return <ResultNotFoundView />;
}
