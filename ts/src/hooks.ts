// The cw20 `Send` hook messages of the contracts. They are not part of schema/ (write_api! only
// exports instantiate/execute/query/migrate), so ts-codegen has no type for them: they are
// written here by hand from packages/interface (poe_mining::ReceiveMsg, treasury::ReceiveMsg).
import { toBase64, toUtf8 } from "@cosmjs/encoding";
import type { Decimal, EconomicJobType, Int128, Uint128 } from "./contracts/PoeMining.types";

/** poe_mining::JobReport: one attested economic job (seed 001 `EconomicJob`). */
export interface JobReport {
  job_type: EconomicJobType;
  /** The registered miner who did the job. */
  miner: string;
  /** Economic value in FLX base units, above 0. */
  job_value: Uint128;
  /** In [0, 1]. */
  quality_score: Decimal;
  /** Liquidity added (positive) or removed (negative), FLX base units. */
  liquidity_delta: Int128;
  /** In [0, 1]. */
  uptime: Decimal;
}

/** poe_mining::ReceiveMsg: the `msg` of `FLX.send({contract: poe_mining, amount: fee, msg})`. */
export type PoeMiningReceiveMsg = { submit_job: JobReport };

/** treasury::ReceiveMsg: the `msg` of a cw20 `send` to the treasury. */
export type TreasuryReceiveMsg = { deposit: { memo?: string | null } };

/** A hook message as the cw20 `Binary` field expects it: base64 of its JSON. */
export function toBinary(msg: PoeMiningReceiveMsg | TreasuryReceiveMsg): string {
  return toBase64(toUtf8(JSON.stringify(msg)));
}
