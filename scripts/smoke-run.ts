import { runTest } from "@/lib/tests/run";
import { TestInputSchema } from "@/lib/tests/schemas";
const input = TestInputSchema.parse(JSON.parse(process.argv[2]!));
const r = await runTest(input, (e) => { if (e.type === "step") console.error("step", e.path.join("."), e.step.status, e.step.title); });
console.log(JSON.stringify(r, null, 1).slice(0, 6000));
