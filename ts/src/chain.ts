// Connecting to a node with CosmJS, and the few chain facts the tools need.
//
// SigningCosmWasmClient broadcasts and then polls for the transaction until it is in a block, so
// unlike `wasmd tx ... -b sync` (which returns after CheckTx) a resolved call means included.
// Results come from the block's events (Cosmos SDK >= 0.50 leaves `logs` empty).
import { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import type { OfflineSigner } from "@cosmjs/proto-signing";
import { calculateFee, GasPrice, type StdFee } from "@cosmjs/stargate";

/** The localnet's minimum gas price (scripts/localnet.sh): transactions are free there. */
export const DEFAULT_GAS_PRICE = "0stake";

/** The default localnet's CometBFT RPC (scripts/localnet.sh with no port offset). */
export const DEFAULT_RPC = "http://127.0.0.1:26657";

/**
 * The RPC endpoint a tool connects to: `explicit` (a --node/--rpc flag) when given, else
 * $POE_RPC, else the localnet of $POE_LOCALNET_PORT_OFFSET (scripts/localnet.sh moves every port
 * by it: 26657 + offset), else DEFAULT_RPC. With none of them set it is DEFAULT_RPC.
 */
export function rpcEndpoint(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return explicit;
  const fromEnv = env.POE_RPC?.trim();
  if (fromEnv) return fromEnv;
  const offset = env.POE_LOCALNET_PORT_OFFSET?.trim();
  if (offset) {
    if (!/^\d{1,5}$/.test(offset) || Number(offset) > 30000) {
      throw new Error(`POE_LOCALNET_PORT_OFFSET must be a whole number 0..30000, not ${offset}`);
    }
    return `http://127.0.0.1:${26657 + Number(offset)}`;
  }
  return DEFAULT_RPC;
}

export interface ConnectOptions {
  /** e.g. "0stake" or "0.025ustake"; fees = gas limit x price. */
  gasPrice?: string;
  /** How often CosmJS polls for inclusion; the localnet makes a block every second. */
  pollIntervalMs?: number;
  /** How long to wait for inclusion. */
  timeoutMs?: number;
}

export async function connectSigning(
  node: string,
  signer: OfflineSigner,
  options: ConnectOptions = {},
): Promise<SigningCosmWasmClient> {
  return SigningCosmWasmClient.connectWithSigner(node, signer, {
    gasPrice: GasPrice.fromString(options.gasPrice ?? DEFAULT_GAS_PRICE),
    broadcastPollIntervalMs: options.pollIntervalMs ?? 250,
    broadcastTimeoutMs: options.timeoutMs ?? 60_000,
  });
}

/** A fixed fee (no simulation): lets a transaction that will fail reach a block. */
export function fixedFee(gasLimit: number, gasPrice: string = DEFAULT_GAS_PRICE): StdFee {
  return calculateFee(gasLimit, GasPrice.fromString(gasPrice));
}

/** The bond/fee denom of a gas price string ("0stake" -> "stake"). */
export function gasDenom(gasPrice: string): string {
  return GasPrice.fromString(gasPrice).denom;
}

/**
 * RFC 3339 time (CometBFT writes nanoseconds: 2026-11-21T10:39:10.469630512Z) -> nanoseconds
 * since the epoch, the unit of cosmwasm_std::Timestamp's JSON.
 */
export function rfc3339ToNanos(time: string): bigint {
  const m = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(time);
  if (!m) throw new Error(`not an RFC 3339 time: ${time}`);
  const seconds = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(seconds)) throw new Error(`not an RFC 3339 time: ${time}`);
  const frac = (m[2] ?? "").padEnd(9, "0").slice(0, 9);
  return BigInt(seconds) * 1_000_000n + BigInt(frac);
}

/** Time of the latest block, nanoseconds (what the next transaction sees as >= env.block.time). */
export async function latestBlockTime(client: SigningCosmWasmClient): Promise<bigint> {
  const block = await client.getBlock();
  return rfc3339ToNanos(block.header.time);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until the latest block's time is at or after `nanos` (polls every `pollMs`). */
export async function waitForBlockTime(
  client: SigningCosmWasmClient,
  nanos: bigint,
  options: { pollMs?: number; timeoutMs?: number } = {},
): Promise<bigint> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const t = await latestBlockTime(client);
    if (t >= nanos) return t;
    if (Date.now() > deadline) throw new Error(`block time ${t} still before ${nanos}`);
    await sleep(options.pollMs ?? 500);
  }
}

/** One transaction's outcome, for progress lines and gas figures. */
export interface TxRecord {
  what: string;
  tx: string;
  height: number;
  gasUsed: number;
  gasWanted: number;
}

export function txRecord(
  what: string,
  r: { transactionHash: string; height: number; gasUsed: bigint; gasWanted: bigint },
): TxRecord {
  return { what, tx: r.transactionHash, height: r.height, gasUsed: Number(r.gasUsed), gasWanted: Number(r.gasWanted) };
}
