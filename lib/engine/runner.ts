import { logError } from "@/lib/log/logger";
import type { ProblemCode } from "@/lib/problems";
import { capDetails } from "./caps";
import { findingText, type Finding } from "./finding";
import { ProblemError } from "./problem-error";
import { englishOf, isLocalized, stepTextFields, text, type LocalizedText, type Text } from "./text";
import { worseStatus } from "./verdict";
import type { Details, RunEvent, Step, StepStatus } from "./types";

export type EmitEvent = (event: RunEvent) => void;

export interface StepOptions {
  /** When true (the default) an error in this step skips the later steps of the same scope. */
  blocking?: boolean;
  /**
   * This step is one alternative among several (an Autodiscover method): what fails inside it is recorded as a
   * warning, since a later alternative may still work. The caller reports the overall failure in a step of its own.
   */
  alternative?: boolean;
}

type StepBody<T> = (step: StepContext) => Promise<T> | T;

/**
 * A list of steps run in order: the whole test, or the children of one step.
 * A failed blocking step makes every later step of the scope `skipped`, with the reason.
 */
export class StepScope {
  readonly steps: Step[] = [];
  private blockReason: Text | undefined;
  private failures = 0;

  constructor(
    protected readonly emit: EmitEvent,
    protected readonly path: number[],
    /** What every scope of one run shares: resources to release when it ends, and its deadline. */
    protected readonly shared: RunShared,
    /** Inside an alternative: errors of this scope's steps are recorded as warnings. */
    protected readonly errorsAreWarnings = false,
  ) {}

  /** Registers something to close when the run ends, whatever happened. */
  defer(cleanup: () => void): void {
    this.shared.cleanups.push(cleanup);
  }

  /** Skips every later step of this scope, saying why. */
  block(reason: Text): void {
    this.blockReason ??= reason;
  }

  /**
   * Runs one step; answers its value, or undefined when the step ended in error or was skipped. The title is a plain
   * (English) string or a catalogue text (lib/engine/text.ts).
   */
  async step<T>(code: string, title: Text, body: StepBody<T>, options: StepOptions = {}): Promise<T | undefined> {
    const path = [...this.path, this.steps.length];
    const deadline = this.shared.deadline;
    const startMs = this.runOffset();
    if (deadline?.passed) {
      this.record(path, skippedStep(code, title, deadline.reason, startMs));
      return undefined;
    }
    if (this.blockReason !== undefined) {
      this.record(path, skippedStep(code, title, this.blockReason, startMs));
      return undefined;
    }
    this.emit({ type: "start", path, code, title: englishOf(title), ...(isLocalized(title) ? { titleKey: title.key, titleParams: title.params } : {}) });
    const context = new StepContext(this.emit, path, this.shared, code, title, this.errorsAreWarnings || options.alternative === true);
    const started = performance.now();
    let value: T | undefined;
    try {
      value = await (deadline ? deadline.race(Promise.resolve().then(() => body(context))) : body(context));
    } catch (error) {
      context.absorb(error);
    }
    const step = context.finish(performance.now() - started);
    step.startMs = startMs;
    this.record(path, this.errorsAreWarnings ? asWarning(step) : step);
    // Blocking follows what happened, whatever it is recorded as.
    if (step.status === "error") {
      this.failures += 1;
      if (options.blocking !== false) this.block(text("engine.reason.stepFailed", { step: isLocalized(title) ? title : stripPeriod(title) }));
      return undefined;
    }
    return value;
  }

  /** Whether a step of this scope failed, even if it was recorded as a warning (inside an alternative). */
  get hadFailure(): boolean {
    return this.failures > 0;
  }

  /** Records a step that was not run, with the reason. */
  skip(code: string, title: Text, reason: Text): void {
    this.record([...this.path, this.steps.length], skippedStep(code, title, reason, this.runOffset()));
  }

  /** Milliseconds since the run started: where a step sits on the timing waterfall. */
  private runOffset(): number {
    return Math.max(0, Math.round(performance.now() - this.shared.startedAt));
  }

  private record(path: number[], step: Step): void {
    this.steps.push(step);
    this.emit({ type: "step", path, step });
  }
}

/** The running step: its outcome, details and children. */
export class StepContext extends StepScope {
  private status: StepStatus | undefined;
  private message: Text = "";
  private problem: ProblemCode | undefined;
  readonly details: Details = {};
  /** The title in English, as stored. */
  readonly title: string;
  private readonly titleText: LocalizedText | undefined;

  constructor(
    emit: EmitEvent,
    path: number[],
    shared: RunShared,
    readonly code: string,
    title: Text,
    errorsAreWarnings = false,
  ) {
    super(emit, path, shared, errorsAreWarnings);
    this.title = englishOf(title);
    this.titleText = isLocalized(title) ? title : undefined;
  }

  addDetails(details: Details): this {
    Object.assign(this.details, details);
    return this;
  }

  succeed(message: Text): void {
    this.set("success", message);
  }

  info(message: Text): void {
    this.set("info", message);
  }

  /** Sets the message from the worst of this step's children: for parents whose verdict is their children's. */
  summarize(messages: { success: Text; warning: Text; error: Text }): void {
    const worst = this.steps.reduce<StepStatus>((status, child) => worseStatus(status, child.status), "success");
    this.set("success", worst === "error" || worst === "warning" ? messages[worst] : messages.success);
  }

  /** This step can't run (a fact it needs is missing); says why. */
  skipBecause(reason: Text): void {
    this.set("skipped", skippedMessage(reason));
  }

  warn(problem: ProblemCode, message: Text): void {
    this.set("warning", message, problem);
  }

  fail(problem: ProblemCode, message: Text): void {
    this.set("error", message, problem);
  }

  /** Records the outcome of a pure check. */
  report(finding: Finding): void {
    if (finding.details) this.addDetails(finding.details);
    if (finding.status === "warning" || finding.status === "error") this.set(finding.status, findingText(finding), finding.problem);
    else this.set(finding.status, findingText(finding));
  }

  /** Turns what a step body threw into its outcome; unexpected errors are analyzer bugs, not verdicts. */
  absorb(error: unknown): void {
    if (error instanceof ProblemError) {
      if (error.details) this.addDetails(error.details);
      this.set(error.status, error.text ?? error.message, error.problem);
      return;
    }
    logError("internal error in a step", error, { step: this.code });
    this.set("error", text("engine.internalError"), "INTERNAL_ERROR");
  }

  finish(elapsedMs: number): Step {
    let status: StepStatus = this.status ?? "success";
    let problem = this.problem;
    // A parent is as bad as its worst child, and names that child's problem when it has none of its own.
    for (const child of this.steps) {
      if (worseStatus(status, child.status) !== status) {
        status = child.status;
        problem = child.problem;
      }
    }
    const message = englishOf(this.message) ? this.message : defaultMessage(status);
    const step: Step = {
      code: this.code,
      title: this.title,
      status,
      message: englishOf(message),
      ...(this.titleText ? { titleKey: this.titleText.key, titleParams: this.titleText.params } : {}),
      ...(isLocalized(message) ? { messageKey: message.key, messageParams: message.params } : {}),
      elapsedMs: Math.round(elapsedMs),
      children: this.steps,
    };
    if (problem && (status === "error" || status === "warning")) step.problem = problem;
    // Lists and nesting are capped here, once, whatever the analyzer recorded (5,000 SANs show as 100 and "… and 4900 more").
    if (Object.keys(this.details).length > 0) step.details = capDetails(this.details);
    return step;
  }

  private set(status: StepStatus, message: Text, problem?: ProblemCode): void {
    this.status = status;
    this.message = message;
    this.problem = problem;
  }
}

function asWarning(step: Step): Step {
  return step.status === "error" ? { ...step, status: "warning" } : step;
}

function skippedStep(code: string, title: Text, reason: Text, startMs: number): Step {
  return {
    code,
    ...stepTextFields(title, skippedMessage(reason)),
    status: "skipped",
    elapsedMs: 0,
    startMs,
    children: [],
  };
}

/** "Skipped because <reason>": localized when the reason is (its template starts in lower case, as it follows "because"). */
function skippedMessage(reason: Text): Text {
  return isLocalized(reason) ? text("engine.skipped.because", { reason }) : `Skipped because ${lowerFirst(reason)}`;
}

function defaultMessage(status: StepStatus): Text {
  switch (status) {
    case "success":
      return text("engine.default.success");
    case "warning":
      return text("engine.default.warning");
    case "error":
      return text("engine.default.error");
    default:
      return "";
  }
}

function stripPeriod(text: string): string {
  return text.replace(/\.$/, "");
}

function lowerFirst(text: string): string {
  return text.startsWith('"') ? `the step ${text}` : text.charAt(0).toLowerCase() + text.slice(1);
}

/** What the scopes of one run share. */
interface RunShared {
  cleanups: Array<() => void>;
  /** performance.now() when the run started: steps record their start as an offset from it. */
  startedAt: number;
  deadline?: Deadline;
}

/**
 * One deadline for the whole test, on top of each operation's own timeout: when it passes, the steps running fail
 * with TEST_DEADLINE and every later step is skipped. Operations still running end by their own timeouts.
 */
class Deadline {
  passed = false;
  readonly reason: LocalizedText;
  private readonly expired: Promise<never>;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly ms: number) {
    const seconds = Math.round(ms / 100) / 10;
    this.reason = text("engine.reason.deadline", { seconds });
    this.expired = new Promise<never>((_, reject) => {
      this.timer = setTimeout(() => {
        this.passed = true;
        reject(new ProblemError("TEST_DEADLINE", text("engine.deadline.running", { seconds })));
      }, ms);
      this.timer.unref?.();
    });
    // Handled here: a run that ends in time never awaits it.
    this.expired.catch(() => {});
  }

  /** The step's own outcome, or TEST_DEADLINE when the deadline passes first (the step's work is then abandoned). */
  race<T>(work: Promise<T>): Promise<T> {
    work.catch(() => {}); // its late failure, if any, is nobody's business any more
    return Promise.race([work, this.expired]);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/** The top-level scope of one test run: its steps, plus resources to release when the run ends. */
export class TestRun extends StepScope {
  constructor(emit: EmitEvent, options: { deadlineMs?: number } = {}) {
    super(emit, [], { cleanups: [], startedAt: performance.now(), ...(options.deadlineMs ? { deadline: new Deadline(options.deadlineMs) } : {}) });
  }

  close(): void {
    this.shared.deadline?.stop();
    for (const cleanup of this.shared.cleanups.splice(0).reverse()) {
      try {
        cleanup();
      } catch (error) {
        logError("cleanup failed", error);
      }
    }
  }
}
