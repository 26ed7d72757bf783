// The shape of one bench run's results (bench/results/latest.json).

import type { ProcessFigures } from "@shopstream/testkit";
import type { Second } from "../load/open-loop.js";
import type { LoadFigures } from "../load/stats.js";
import type { ConfirmationFigures } from "../scenarios/order-confirmations.js";
import type { SystemKey } from "../systems/systems.js";

export interface Measurement extends LoadFigures {
  scenario: string;
  system: SystemKey;
  label: string;
  /** Per process: the gateway under test, each subgraph, the load generator. */
  processes: Record<string, ProcessFigures>;
  confirmations?: ConfirmationFigures;
  timeline?: Second[];
  failure?: string;
}

export interface RunResults {
  date: string;
  quick: boolean;
  cores: number;
  loadAverageAtStart: number[];
  loadAverageAtEnd: number[];
  workers: number;
  settings: Record<string, number>;
  measurements: Measurement[];
  totalSeconds: number;
}
