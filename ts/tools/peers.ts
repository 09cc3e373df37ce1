// Gas of the peers, measured on the same local wasmd node as our contracts: DAO DAO's cw20-stake
// (the staking peer) and Astroport's constant-product pair (the pool peer), built from crates.io by
// scripts/build-reference.sh into artifacts/reference/. What is built and why, and the figures of
// the last run: docs/peers.md.
//
//   node --import tsx ts/tools/peers.ts [--rpc URL] [--chain-id poe-local] [--samples 3]
//       [--unbonding-seconds 3] [--json FILE]
//
// --rpc: default $POE_RPC, else the localnet of $POE_LOCALNET_PORT_OFFSET, else
// http://127.0.0.1:26657 (ts/src/chain.ts `rpcEndpoint`). Environment: POE_DEPLOYER_MNEMONIC
// (the localnet's `deployer`, scripts/localnet-accounts.json: it uploads, instantiates and funds
// the peer accounts, derived from the same mnemonic at HD indices 900..903), POE_GAS_PRICE
// (default 0stake).
//
// The exported functions take a SigningCosmWasmClient whose signer holds the accounts' keys (one
// KeyRing or DirectSecp256k1HdWallet), so scripts/gas-report.sh's tool can run them on its own
// node: `uploadPeers`, then `measureCw20Stake` and `measureAstroport` (or `measurePeers` for
// all of it). Every figure is `gasUsed` of one transaction included in a block; a failed
// transaction throws.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { toBase64, toUtf8 } from "@cosmjs/encoding";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { MsgMultiSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { KeyRing } from "../src/broadcast";
import { connectSigning, DEFAULT_GAS_PRICE, fixedFee, gasDenom, rfc3339ToNanos, rpcEndpoint, waitForBlockTime } from "../src/chain";
import { REPO_ROOT } from "../src/deployment";

// ---------------------------------------------------------------------------------------------
// What is measured

/** The reference wasm files (scripts/build-reference.sh) the peers need, by wasm name. */
export const PEER_WASM = {
  cw20_base: { crate: "cw20-base", version: "2.0.0" },
  cw20_stake: { crate: "cw20-stake", version: "2.6.0" },
  astroport_token: { crate: "astroport-token", version: "1.1.1" },
  astroport_factory: { crate: "astroport-factory", version: "1.7.0" },
  astroport_pair: { crate: "astroport-pair", version: "1.5.1" },
} as const;
export type PeerWasm = keyof typeof PEER_WASM;

/** Accounts of the measurements; each must exist on chain (funded) and be a key of the signer. */
export interface PeerAccounts {
  /** Uploads, instantiates, holds the minter role of the test tokens. */
  admin: string;
  /** Stakes, unstakes and claims at cw20-stake. */
  staker: string;
  /** Provides and withdraws liquidity at the Astroport pair. */
  provider: string;
  /** Swaps at the Astroport pair. */
  trader: string;
  /** The factory's `fee_address` (Astroport's Maker): receives the maker fee of each swap; never signs. */
  maker: string;
}

export interface PeerOptions {
  /** Samples per steady-state operation (default 3). */
  samples?: number;
  /** cw20-stake's unstaking duration, seconds (default 3): each claim waits this long. */
  unbondingSeconds?: number;
  /** Gas price of the fixed fees (default 0stake, the localnet's minimum). */
  gasPrice?: string;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** One transaction. */
export interface PeerSample {
  gasUsed: number;
  tx: string;
  height: number;
  /** wasmd `execute` events: the call and its submessages (cw20 hooks, transfers, mints). */
  contractCalls: number;
}

/** One operation: its samples (in order), min/median, and what the transaction does. */
export interface PeerRow {
  peer: "cw20-stake" | "astroport" | "ours";
  op: string;
  gasUsed: number[];
  min: number;
  median: number;
  contractCalls: number;
  txs: string[];
  notes: string;
}

export interface UploadedCode {
  wasm: PeerWasm;
  crate: string;
  version: string;
  file: string;
  sha256: string;
  bytes: number;
  gzipBytes: number;
  codeId: number;
  storeGas: number;
}
export type PeerCodes = Record<PeerWasm, UploadedCode>;

export interface PeerReport {
  chainId: string;
  node: string;
  measuredAt: string;
  codes: PeerCodes;
  contracts: Record<string, string>;
  parameters: Record<string, string | number>;
  rows: PeerRow[];
}

// Gas limits (at price 0 a limit costs nothing; the used gas is what is measured).
export const GAS_OP = 1_500_000;
export const GAS_INSTANTIATE = 3_000_000;

/** Token amounts, 6 decimals. Chosen so that no balance, stake, reserve or supply changes its
 *  number of decimal digits during the samples (storage gas is per byte of the stored JSON). */
export const AMOUNTS = {
  /** Each holder's starting balance of each test token: 1,000,000 tokens. */
  initial: "1000000000000",
  /** The staker's first stake: 100,000 tokens. */
  firstStake: "100000000000",
  /** Each sampled stake and unstake (and so claim): 1,000 tokens. */
  stake: "1000000000",
  /** The first provide: 100,000 of each token. */
  firstProvide: "100000000000",
  /** Each sampled provide: 1,000 of each token. */
  provide: "1000000000",
  /** Each swap: 100 tokens of A for B. */
  swap: "100000000",
  /** Each sampled withdraw: 1,000 LP shares. */
  withdraw: "1000000000",
} as const;

/** Astroport's xyk fees (its mainnet factory configuration): 0.3 % of which a third to the Maker. */
const XYK_TOTAL_FEE_BPS = 30;
const XYK_MAKER_FEE_BPS = 3333;

// ---------------------------------------------------------------------------------------------
// Helpers

export const binary = (msg: unknown) => toBase64(toUtf8(JSON.stringify(msg)));

export function sample(r: { gasUsed: bigint; transactionHash: string; height: number; events: readonly { type: string }[] }): PeerSample {
  return {
    gasUsed: Number(r.gasUsed),
    tx: r.transactionHash,
    height: r.height,
    contractCalls: r.events.filter((e) => e.type === "execute").length,
  };
}

export function row(peer: PeerRow["peer"], op: string, samples: PeerSample[], notes: string): PeerRow {
  if (samples.length === 0) throw new Error(`${op}: no sample`);
  const g = samples.map((s) => s.gasUsed);
  const sorted = [...g].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return {
    peer,
    op,
    gasUsed: g,
    min: sorted[0],
    median: sorted.length % 2 === 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2),
    contractCalls: samples[0].contractCalls,
    txs: samples.map((s) => s.tx),
    notes,
  };
}

/** artifacts/reference/<wasm>.wasm, checked against artifacts/reference/checksums.txt. */
export function readReferenceWasm(wasm: PeerWasm, root: string = REPO_ROOT): { file: string; bytes: Uint8Array; sha256: string } {
  const dir = join(root, "artifacts/reference");
  const file = join(dir, `${wasm}.wasm`);
  const bytes = readFileSync(file);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const sums = readFileSync(join(dir, "checksums.txt"), "utf8");
  if (!sums.split("\n").includes(`${sha256}  ${wasm}.wasm`)) {
    throw new Error(`${file} does not match artifacts/reference/checksums.txt: scripts/build-reference.sh ${PEER_WASM[wasm].crate}`);
  }
  return { file: `artifacts/reference/${wasm}.wasm`, bytes, sha256 };
}

/** Uploads every reference wasm the peers need (or only `which`), as `uploader`. */
export async function uploadPeers(
  client: SigningCosmWasmClient,
  uploader: string,
  options: PeerOptions & { which?: readonly PeerWasm[] } = {},
): Promise<PeerCodes> {
  const which = options.which ?? (Object.keys(PEER_WASM) as PeerWasm[]);
  const out: Partial<PeerCodes> = {};
  for (const wasm of which) {
    const { file, bytes, sha256 } = readReferenceWasm(wasm);
    const { crate, version } = PEER_WASM[wasm];
    const r = await client.upload(uploader, bytes, "auto", `${crate} ${version} (gas peer)`);
    out[wasm] = {
      wasm,
      crate,
      version,
      file,
      sha256,
      bytes: bytes.length,
      gzipBytes: gzipSync(bytes, { level: 9 }).length,
      codeId: r.codeId,
      storeGas: Number(r.gasUsed),
    };
    options.log?.(`uploaded ${crate} ${version}: code ${r.codeId}, ${bytes.length} bytes, store gas ${r.gasUsed}`);
  }
  return out as PeerCodes;
}

/** cw20-base 2.0.0's InstantiateMsg: `holders` get `AMOUNTS.initial` each, `minter` may mint. */
export function cw20InstantiateMsg(symbol: string, holders: readonly string[], minter: string) {
  return {
    name: `Peer test ${symbol}`,
    symbol,
    decimals: 6,
    initial_balances: holders.map((address) => ({ address, amount: AMOUNTS.initial })),
    mint: { minter, cap: null },
    marketing: null,
  };
}

/** Each signer's first transaction also stores its public key (~12,000 gas): spend it first. */
export async function warmUpSigners(client: SigningCosmWasmClient, signers: readonly string[], to: string, gasPrice: string) {
  const denom = gasDenom(gasPrice);
  for (const s of new Set(signers)) {
    const account = await client.getAccount(s);
    if (account?.pubkey) continue;
    await client.sendTokens(s, to, [{ denom, amount: "1" }], fixedFee(200_000, gasPrice));
  }
}

// ---------------------------------------------------------------------------------------------
// cw20-stake 2.6.0

/**
 * A cw20-base 2.0.0 token (the staker holds 1,000,000) and cw20-stake 2.6.0 over it, unstaking
 * duration `unbondingSeconds`; then the first stake (the staker's position created), and
 * `samples` rounds of stake, unstake, wait for the unbonding, claim (each claim pays exactly the
 * one claim of its round).
 */
export async function measureCw20Stake(
  client: SigningCosmWasmClient,
  accounts: PeerAccounts,
  codes: Pick<PeerCodes, "cw20_base" | "cw20_stake">,
  options: PeerOptions = {},
): Promise<{ rows: PeerRow[]; contracts: Record<string, string> }> {
  const samples = options.samples ?? 3;
  const unbonding = options.unbondingSeconds ?? 3;
  const gasPrice = options.gasPrice ?? DEFAULT_GAS_PRICE;
  const log = options.log ?? (() => {});
  const fee = fixedFee(GAS_OP, gasPrice);
  const { admin, staker } = accounts;

  const token = await client.instantiate(admin, codes.cw20_base.codeId, cw20InstantiateMsg("STK", [staker], admin), "STK", fixedFee(GAS_INSTANTIATE, gasPrice), { admin });
  const stakeInst = await client.instantiate(
    admin,
    codes.cw20_stake.codeId,
    { owner: admin, token_address: token.contractAddress, unstaking_duration: { time: unbonding } },
    "cw20-stake STK",
    fixedFee(GAS_INSTANTIATE, gasPrice),
    { admin },
  );
  const stakeAddr = stakeInst.contractAddress;
  log(`cw20-stake at ${stakeAddr} over STK ${token.contractAddress} (unstaking ${unbonding} s); instantiate gas ${stakeInst.gasUsed}`);
  await warmUpSigners(client, [staker], admin, gasPrice);

  const stakeMsg = (amount: string) => ({ send: { contract: stakeAddr, amount, msg: binary({ stake: {} }) } });
  const first = sample(await client.execute(staker, token.contractAddress, stakeMsg(AMOUNTS.firstStake), fee));
  log(`first stake: ${first.gasUsed}`);

  const stake: PeerSample[] = [];
  const unstake: PeerSample[] = [];
  const claim: PeerSample[] = [];
  for (let k = 0; k < samples; k++) {
    stake.push(sample(await client.execute(staker, token.contractAddress, stakeMsg(AMOUNTS.stake), fee)));
    const u = await client.execute(staker, stakeAddr, { unstake: { amount: AMOUNTS.stake } }, fee);
    unstake.push(sample(u));
    // The claim is released at the unstake's block time + the duration (cw_utils::Duration::after).
    const block = await client.getBlock(u.height);
    await waitForBlockTime(client, rfc3339ToNanos(block.header.time) + BigInt(unbonding) * 1_000_000_000n);
    const c = await client.execute(staker, stakeAddr, { claim: {} }, fee);
    claim.push(sample(c));
    log(`round ${k + 1}/${samples}: stake ${stake[k].gasUsed}, unstake ${unstake[k].gasUsed}, claim ${claim[k].gasUsed}`);
  }
  const left = (await client.queryContractSmart(stakeAddr, { claims: { address: staker } })) as { claims: unknown[] };
  if (left.claims.length !== 0) throw new Error(`cw20-stake: ${left.claims.length} claims left after the rounds`);
  const staked = (await client.queryContractSmart(stakeAddr, { staked_value: { address: staker } })) as { value: string };
  if (staked.value !== AMOUNTS.firstStake) throw new Error(`cw20-stake: staked ${staked.value}, expected ${AMOUNTS.firstStake}`);

  const rows = [
    row("cw20-stake", "instantiate", [sample(stakeInst)], "cw20-stake's instantiate: smart query TokenInfo to the token, owner, config, zero total and balance"),
    row(
      "cw20-stake",
      "stake (the staker's first)",
      [first],
      "as `stake`, into an empty position: the staker's balance and the total get their first snapshot changelog entries, which " +
        "record the old values `null` and `0` (shorter than a later stake's 12-digit old values), and the contract's cw20 balance is created",
    ),
    row(
      "cw20-stake",
      "stake",
      stake,
      "cw20-base `send` to cw20-stake with `{\"stake\":{}}`: the token moves the balance, then the Receive hook reads config, contract balance " +
        "and total, updates the staker's balance and the total (SnapshotMap/SnapshotItem, every block: value + changelog entry each), " +
        "writes the contract balance; no hooks registered",
    ),
    row(
      "cw20-stake",
      "unstake",
      unstake,
      `\`{"unstake":{"amount":...}}\`: balance and total snapshots updated, contract balance written, a claim created ` +
        `(cw-controllers Claims, released after ${unbonding} s); no token moves`,
    ),
    row(
      "cw20-stake",
      "claim",
      claim,
      "`{\"claim\":{}}` after the unbonding: the matured claim removed from the staker's claim list, cw20-base `transfer` submessage back to the staker",
    ),
  ];
  return { rows, contracts: { stake_token: token.contractAddress, cw20_stake: stakeAddr } };
}

// ---------------------------------------------------------------------------------------------
// Astroport xyk pair 1.5.1 (cw20 LP token, factory 1.7.0, token 1.1.1)

interface AssetInfo {
  token: { contract_addr: string };
}
interface PairInfo {
  asset_infos: AssetInfo[];
  contract_addr: string;
  liquidity_token: string;
  pair_type: unknown;
}

/**
 * Two cw20-base 2.0.0 tokens A and B (provider and trader hold 1,000,000 of each), the factory
 * (xyk: 30 bps, a third of it to `accounts.maker`), `create_pair` of A/B (the pair instantiates its
 * astroport-token LP token), then: the first provide (100,000 + 100,000), `samples` provides of
 * 1,000 + 1,000 at the same price, the first swap (the maker's balance of B created), `samples`
 * swaps of 100 A for B, `samples` withdrawals of 1,000 LP shares.
 */
export async function measureAstroport(
  client: SigningCosmWasmClient,
  accounts: PeerAccounts,
  codes: Pick<PeerCodes, "cw20_base" | "astroport_token" | "astroport_factory" | "astroport_pair">,
  options: PeerOptions = {},
): Promise<{ rows: PeerRow[]; contracts: Record<string, string> }> {
  const samples = options.samples ?? 3;
  const gasPrice = options.gasPrice ?? DEFAULT_GAS_PRICE;
  const log = options.log ?? (() => {});
  const fee = fixedFee(GAS_OP, gasPrice);
  const feeInst = fixedFee(GAS_INSTANTIATE, gasPrice);
  const { admin, provider, trader, maker } = accounts;

  const holders = [provider, trader];
  const tokenA = (await client.instantiate(admin, codes.cw20_base.codeId, cw20InstantiateMsg("TKA", holders, admin), "TKA", feeInst, { admin })).contractAddress;
  const tokenB = (await client.instantiate(admin, codes.cw20_base.codeId, cw20InstantiateMsg("TKB", holders, admin), "TKB", feeInst, { admin })).contractAddress;
  const assetA: AssetInfo = { token: { contract_addr: tokenA } };
  const assetB: AssetInfo = { token: { contract_addr: tokenB } };

  const factoryInst = await client.instantiate(
    admin,
    codes.astroport_factory.codeId,
    {
      pair_configs: [
        {
          code_id: codes.astroport_pair.codeId,
          pair_type: { xyk: {} },
          total_fee_bps: XYK_TOTAL_FEE_BPS,
          maker_fee_bps: XYK_MAKER_FEE_BPS,
          is_disabled: false,
          is_generator_disabled: false,
          permissioned: false,
        },
      ],
      token_code_id: codes.astroport_token.codeId,
      fee_address: maker,
      generator_address: null,
      owner: admin,
      // Only used when a pair gets a generator (none here) and by stable/PCL pairs (native-coin
      // precisions): any valid values do for a cw20/cw20 xyk pair.
      whitelist_code_id: 0,
      coin_registry_address: admin,
    },
    "Astroport factory",
    feeInst,
    { admin },
  );
  const factory = factoryInst.contractAddress;
  const created = await client.execute(admin, factory, { create_pair: { pair_type: { xyk: {} }, asset_infos: [assetA, assetB], init_params: null } }, feeInst);
  const info = (await client.queryContractSmart(factory, { pair: { asset_infos: [assetA, assetB] } })) as PairInfo;
  const pair = info.contract_addr;
  const lp = info.liquidity_token;
  if (!pair || !lp) throw new Error(`create_pair gave no pair or LP token: ${JSON.stringify(info)}`);
  log(`factory ${factory}; pair ${pair}, LP token ${lp}; create_pair gas ${created.gasUsed}`);

  await warmUpSigners(client, [provider, trader], admin, gasPrice);
  // The pair pulls the provider's deposits with TransferFrom: one allowance per token, for all.
  for (const t of [tokenA, tokenB]) {
    await client.execute(provider, t, { increase_allowance: { spender: pair, amount: AMOUNTS.initial, expires: null } }, fee);
  }

  const provideMsg = (amount: string) => ({
    provide_liquidity: {
      assets: [
        { info: assetA, amount },
        { info: assetB, amount },
      ],
      slippage_tolerance: null,
      auto_stake: null,
      receiver: null,
    },
  });
  const firstProvide = sample(await client.execute(provider, pair, provideMsg(AMOUNTS.firstProvide), fee));
  log(`first provide: ${firstProvide.gasUsed}`);
  const provide: PeerSample[] = [];
  for (let k = 0; k < samples; k++) provide.push(sample(await client.execute(provider, pair, provideMsg(AMOUNTS.provide), fee)));
  log(`provide: ${provide.map((s) => s.gasUsed).join(", ")}`);

  const swapMsg = {
    send: {
      contract: pair,
      amount: AMOUNTS.swap,
      msg: binary({ swap: { ask_asset_info: assetB, belief_price: null, max_spread: null, to: null } }),
    },
  };
  const firstSwap = sample(await client.execute(trader, tokenA, swapMsg, fee));
  const swap: PeerSample[] = [];
  for (let k = 0; k < samples; k++) swap.push(sample(await client.execute(trader, tokenA, swapMsg, fee)));
  log(`swap: first ${firstSwap.gasUsed}, then ${swap.map((s) => s.gasUsed).join(", ")}`);

  const withdrawMsg = { send: { contract: pair, amount: AMOUNTS.withdraw, msg: binary({ withdraw_liquidity: {} }) } };
  const withdraw: PeerSample[] = [];
  for (let k = 0; k < samples; k++) withdraw.push(sample(await client.execute(provider, lp, withdrawMsg, fee)));
  log(`withdraw_liquidity: ${withdraw.map((s) => s.gasUsed).join(", ")}`);

  const makerB = (await client.queryContractSmart(tokenB, { balance: { address: maker } })) as { balance: string };
  if (makerB.balance === "0") throw new Error("astroport: the maker received no fee");

  const rows = [
    row(
      "astroport",
      "create_pair",
      [sample(created)],
      "factory `create_pair`: instantiates the pair (submessage), which queries both tokens' symbols and instantiates its astroport-token LP token; " +
        "two replies (the pair records the LP token, the factory the pair); contract calls counts executions only (1 execute, 2 instantiates)",
    ),
    row(
      "astroport",
      "provide_liquidity (first)",
      [firstProvide],
      "as `provide_liquidity` into an empty pool: share = sqrt(a x b), 1,000 shares minted to the pair itself (MINIMUM_LIQUIDITY_AMOUNT), " +
        "so two LP mints, and the provider's and the pair's first balances",
    ),
    row(
      "astroport",
      "provide_liquidity",
      provide,
      "`provide_liquidity` of both tokens (allowances given beforehand): 2 balance queries to the tokens + LP supply query, slippage check, " +
        "2 cw20 `transfer_from` submessages, LP `mint`, price accumulators written",
    ),
    row(
      "astroport",
      "swap (the pool's first)",
      [firstSwap],
      "as `swap`, the first after the provides: the maker's balance of the ask token is created",
    ),
    row(
      "astroport",
      "swap",
      swap,
      "cw20-base `send` of token A to the pair with `{\"swap\":{...}}`: 2 balance queries, fee info query to the factory, x·y=k with 30 bps, " +
        "cw20 `transfer` of B to the trader and of the maker fee (a third of the fee) to the maker, price accumulators written",
    ),
    row(
      "astroport",
      "withdraw_liquidity",
      withdraw,
      "LP token `send` to the pair with `{\"withdraw_liquidity\":{}}`: 2 balance queries + LP supply query, 2 cw20 `transfer`s back, " +
        "LP `burn`, price accumulators written",
    ),
  ];
  return { rows, contracts: { token_a: tokenA, token_b: tokenB, astroport_factory: factory, astroport_pair: pair, astroport_lp_token: lp } };
}

/** Upload, then both peers. */
export async function measurePeers(client: SigningCosmWasmClient, accounts: PeerAccounts, options: PeerOptions = {}): Promise<Omit<PeerReport, "node">> {
  const codes = await uploadPeers(client, accounts.admin, options);
  const stake = await measureCw20Stake(client, accounts, codes, options);
  const astro = await measureAstroport(client, accounts, codes, options);
  return {
    chainId: await client.getChainId(),
    measuredAt: new Date().toISOString(),
    codes,
    contracts: { ...stake.contracts, ...astro.contracts },
    parameters: {
      samples: options.samples ?? 3,
      unbonding_seconds: options.unbondingSeconds ?? 3,
      xyk_total_fee_bps: XYK_TOTAL_FEE_BPS,
      xyk_maker_fee_bps: XYK_MAKER_FEE_BPS,
      ...Object.fromEntries(Object.entries(AMOUNTS).map(([k, v]) => [`amount_${k}`, v])),
    },
    rows: [...stake.rows, ...astro.rows],
  };
}

// ---------------------------------------------------------------------------------------------
// CLI

/** HD indices of the peer accounts under the deployer's mnemonic (clear of the plan's 0..P). */
export const PEER_HD_FIRST = 900;

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<PeerReport> {
  const { values: args } = parseArgs({
    args: [...argv],
    options: {
      rpc: { type: "string" },
      node: { type: "string" },
      "chain-id": { type: "string" },
      samples: { type: "string", default: "3" },
      "unbonding-seconds": { type: "string", default: "3" },
      json: { type: "string" },
    },
    strict: true,
  });
  const samples = Number(args.samples);
  const unbondingSeconds = Number(args["unbonding-seconds"]);
  if (!Number.isInteger(samples) || samples < 1) throw new Error(`--samples: a whole number >= 1, got ${args.samples}`);
  if (!Number.isInteger(unbondingSeconds) || unbondingSeconds < 1) throw new Error(`--unbonding-seconds: a whole number >= 1, got ${args["unbonding-seconds"]}`);
  const node = rpcEndpoint(args.rpc ?? args.node);
  const gasPrice = process.env.POE_GAS_PRICE ?? DEFAULT_GAS_PRICE;
  const mnemonic = process.env.POE_DEPLOYER_MNEMONIC?.trim();
  if (!mnemonic) throw new Error("POE_DEPLOYER_MNEMONIC is not set (scripts/localnet-accounts.json's deployer)");
  const t0 = Date.now();
  const log = (line: string) => console.log(`[peers ${String(Math.round((Date.now() - t0) / 1000)).padStart(4)} s] ${line}`);

  const keys = await KeyRing.fromMnemonic(mnemonic);
  const [admin] = await keys.add(["deployer"], 0);
  const names = ["peer_staker", "peer_provider", "peer_trader", "peer_maker"];
  await keys.add(names, PEER_HD_FIRST);
  const accounts: PeerAccounts = {
    admin: admin.address,
    staker: keys.address("peer_staker"),
    provider: keys.address("peer_provider"),
    trader: keys.address("peer_trader"),
    maker: keys.address("peer_maker"),
  };
  const client = await connectSigning(node, keys, { gasPrice });
  const chainId = await client.getChainId();
  if (args["chain-id"] && args["chain-id"] !== chainId) throw new Error(`node ${node} is ${chainId}, not ${args["chain-id"]}`);
  log(`node ${node} (${chainId}, height ${await client.getHeight()}); admin ${accounts.admin}`);

  // The signers must exist on chain: one MultiSend from the admin (fees are 0 on the localnet).
  const denom = gasDenom(gasPrice);
  const each = 1_000_000n;
  const fund: EncodeObject = {
    typeUrl: "/cosmos.bank.v1beta1.MsgMultiSend",
    value: MsgMultiSend.fromPartial({
      inputs: [{ address: accounts.admin, coins: [{ denom, amount: (each * 3n).toString() }] }],
      outputs: [accounts.staker, accounts.provider, accounts.trader].map((address) => ({ address, coins: [{ denom, amount: each.toString() }] })),
    }),
  };
  await client.signAndBroadcast(accounts.admin, [fund], fixedFee(300_000, gasPrice));

  const report: PeerReport = { ...(await measurePeers(client, accounts, { samples, unbondingSeconds, gasPrice, log })), node };
  console.log("");
  console.log("code                        bytes    store gas");
  for (const c of Object.values(report.codes)) {
    console.log(`${`${c.crate} ${c.version}`.padEnd(26)} ${String(c.bytes).padStart(8)} ${String(c.storeGas).padStart(12)}`);
  }
  console.log("");
  console.log("peer        operation                               median      min  calls  samples");
  for (const r of report.rows) {
    console.log(
      `${r.peer.padEnd(11)} ${r.op.padEnd(38)} ${String(r.median).padStart(8)} ${String(r.min).padStart(8)} ${String(r.contractCalls).padStart(6)}  ${r.gasUsed.join(", ")}`,
    );
  }
  if (args.json) {
    writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${args.json}`);
  }
  log(`done in ${Math.round((Date.now() - t0) / 1000)} s`);
  return report;
}

// Run only as the entry point (`node --import tsx ts/tools/peers.ts`), not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(`peers: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  });
}
