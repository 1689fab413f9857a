/** Vitest global setup of the integration project: a fresh record of raised problem codes for this run. */
import { clearRaised } from "./raised-problems";

export default function setup(): void {
  clearRaised();
}
