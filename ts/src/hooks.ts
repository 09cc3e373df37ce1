// The cw20 `Send` hook messages of the contracts. They are not part of schema/ (write_api! only
// exports instantiate/execute/query/migrate), so ts-codegen has no type for them: they are
// written here by hand from packages/interface (poe_mining::ReceiveMsg, treasury::ReceiveMsg,
// staking::ReceiveMsg, governance::ReceiveMsg, aurum_reserve::ReceiveMsg, amm::pair::Cw20HookMsg,
// flux_controller::ReceiveMsg, marketplace::ReceiveMsg, guarantee::ReceiveMsg).
import { toBase64, toUtf8 } from "@cosmjs/encoding";
import type { CosmosMsgForEmpty } from "./contracts/PoeGovernance.types";
import type { Decimal, EconomicJobType, Int128, Uint128 } from "./contracts/PoeMining.types";
import type { OpenMsg } from "./contracts/PoeGuarantee.types";

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

/**
 * staking::ReceiveMsg: `stake` (from a pool's token: stakes for the cw20 sender) or `fund` (from
 * a pool's reward token: adds to `pool_token`'s reward stream over `duration_seconds`).
 */
export type StakingReceiveMsg = { stake: Record<string, never> } | { fund: { pool_token: string; duration_seconds: number } };

/** governance::ReceiveMsg: the `msg` of the GEN `send` of exactly the deposit. */
export type GovernanceReceiveMsg = { propose: { title: string; description: string; msgs: CosmosMsgForEmpty[] } };

/** aurum_reserve::ReceiveMsg: `buy` (from the payment token, FLX) or `redeem` (from AUR). */
export type AurumReceiveMsg = { buy: { recipient?: string | null } } | { redeem: { delivery_note?: string | null } };

/** amm::pair::Cw20HookMsg: `swap` (from one of the pair's tokens) or `withdraw_liquidity` (from its LP token). */
export type PairReceiveMsg =
  | {
      swap: {
        belief_price?: string | null;
        max_spread?: string | null;
        minimum_receive?: string | null;
        to?: string | null;
        deadline?: number | null;
      };
    }
  | { withdraw_liquidity: { min_assets_to_receive?: { info: unknown; amount: string }[] | null } };

/** flux_controller::ReceiveMsg: `fund_buffer` (from FLX): FLX the controller may burn. */
export type FluxReceiveMsg = { fund_buffer: Record<string, never> };

/**
 * marketplace::ReceiveMsg: `replenish` (from a pool's token: credits the delivered amount to the
 * pool's `available`) or `release` (from FLX, by the allocation's buyer: pays exactly its price).
 */
export type MarketplaceReceiveMsg = { replenish: { pool_id: number } } | { release: { allocation_id: number } };

/**
 * guarantee::ReceiveMsg: `open` and `top_up` (from a listed collateral token), `redeem` and
 * `relinquish` (from the guarantee's own claim token).
 */
export type GuaranteeReceiveMsg =
  | { open: GuaranteeOpenMsg }
  | { top_up: { guarantee_id: number } }
  | { redeem: { guarantee_id: number } }
  | { relinquish: { guarantee_id: number } };

/** guarantee::OpenMsg; `expires_at` is a cosmwasm_std::Timestamp (nanoseconds, as a string). */
export type GuaranteeOpenMsg = OpenMsg;

/** A hook message as the cw20 `Binary` field expects it: base64 of its JSON. */
export function toBinary(
  msg:
    | PoeMiningReceiveMsg
    | TreasuryReceiveMsg
    | StakingReceiveMsg
    | GovernanceReceiveMsg
    | AurumReceiveMsg
    | PairReceiveMsg
    | FluxReceiveMsg
    | MarketplaceReceiveMsg
    | GuaranteeReceiveMsg,
): string {
  return toBase64(toUtf8(JSON.stringify(msg)));
}
