import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Vitest's order, except that the check of raised against declared problem codes runs after every scenario. */
export class LastCheckSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isCheck = (file: TestSpecification) => file.moduleId.endsWith("zz-declared-problems.test.ts");
    return [...sorted.filter((file) => !isCheck(file)), ...sorted.filter(isCheck)];
  }
}
