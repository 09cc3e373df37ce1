// Helpers of the e2e tests: the scenario's participants and jobs, amounts, the math oracle, and
// sending transactions that must succeed or fail.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import type { EncodeObject } from "@cosmjs/proto-signing";
import type { DeliverTxResponse } from "@cosmjs/stargate";
import { parse } from "yaml";
import { fixedFee, type TxRecord, txRecord } from "../src/chain";
import type { EconomicJobType, PoeParams } from "../src/contracts/PoeMining.types";
import { REPO_ROOT } from "../src/deployment";

/** Whole tokens as written in a scenario ("250.5") -> base units (6 decimals), as values.rs. */
export function tokensToUnits(text: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(text.trim().replace(/_/g, ""));
  if (!m) throw new Error(`not an amount with at most 6 decimals: ${text}`);
  const units = BigInt(m[2]) * 1_000_000n + BigInt((m[3] ?? "").padEnd(6, "0"));
  return m[1] === "-" ? -units : units;
}

/** A decimal as cosmwasm_std::Decimal prints it ("0.90" -> "0.9", "1.0" -> "1"). */
export function canonicalDecimal(text: string): string {
  const m = /^(\d+)(?:\.(\d{1,18}))?$/.exec(text.trim());
  if (!m) throw new Error(`not a Decimal: ${text}`);
  const int = BigInt(m[1]).toString();
  const frac = (m[2] ?? "").replace(/0+$/, "");
  return frac ? `${int}.${frac}` : int;
}

export interface ScenarioMiner {
  name: string;
  specialization: EconomicJobType | null;
}

export interface ScenarioJob {
  job_type: EconomicJobType;
  miner: string;
  /** FLX base units. */
  job_value: string;
  quality_score: string;
  uptime: string;
  liquidity_delta: string;
  /** null: the first reporter of the allow-list (as the simulator does). */
  reporter: string | null;
  note: string | null;
}

export interface ScenarioView {
  name: string;
  miners: ScenarioMiner[];
  reporters: string[];
  jobs: ScenarioJob[];
}

type Scalar = string | undefined;
type Node = Record<string, unknown>;

const isNull = (v: unknown) => v === undefined || v === null || v === "~" || v === "null" || v === "";

/** `count`/`prefix` or `names`, as scenario.rs `names_from` (zero-padded to min_width). */
function names(section: Node, defaultPrefix: string, minWidth: number): string[] {
  if (Array.isArray(section.names)) return section.names.map(String);
  const n = Number(section.count as Scalar);
  const prefix = (section.prefix as Scalar) ?? defaultPrefix;
  const width = Math.max(String(n).length, minWidth);
  return Array.from({ length: n }, (_, i) => `${prefix}_${String(i + 1).padStart(width, "0")}`);
}

/**
 * The parts of a scenario file the e2e test plays on chain: the miners (names and
 * specializations), the reporter allow-list and the explicit jobs. Read with YAML's failsafe
 * schema (every scalar a string), so amounts and decimals keep their written digits.
 */
export function readScenario(path: string): ScenarioView {
  const doc = parse(readFileSync(join(REPO_ROOT, path), "utf8"), { schema: "failsafe" }) as Node;
  const minersNode = doc.miners as Node;
  const specs = ((minersNode.specializations as unknown[]) ?? []).map((s) => (isNull(s) ? null : (s as EconomicJobType)));
  const miners = names(minersNode, "miner", 3).map((name, i) => ({
    name,
    specialization: specs.length === 0 ? null : specs[i % specs.length],
  }));
  const reporters = names(doc.reporters as Node, "reporter", 1);
  const jobs = ((doc.jobs as Node[]) ?? []).map((j) => ({
    job_type: j.job_type as EconomicJobType,
    miner: j.miner as string,
    job_value: tokensToUnits(j.value as string).toString(),
    quality_score: canonicalDecimal((j.quality as Scalar) ?? "1"),
    uptime: canonicalDecimal((j.uptime as Scalar) ?? "1"),
    liquidity_delta: tokensToUnits((j.liquidity_delta as Scalar) ?? "0").toString(),
    reporter: isNull(j.reporter) ? null : (j.reporter as string),
    note: isNull(j.note) ? null : (j.note as string),
  }));
  return { name: doc.name as string, miners, reporters, jobs };
}

/** What `poe-index` prints: poe_math's index of an epoch and its emission. */
export interface MathIndex {
  index: {
    phi_value: string;
    volume_component: string;
    liquidity_component: string;
    uptime_component: string;
    quality_component: string;
    gamma: string;
  };
  epoch_emission: string;
  total_job_value: string;
  job_count: number;
}

/**
 * The math package's PoE index of `jobs` under `params`: harness/simulator's `poe-index` binary
 * (native Rust, the same poe_math the contract links), built by scripts/e2e.sh (dev profile: the oracle is small, and `cargo test` built its dependencies).
 */
export function mathIndex(
  params: PoeParams,
  jobs: { job_value: string; liquidity_delta: string; uptime: string; quality_score: string }[],
): MathIndex {
  const input = JSON.stringify({
    params,
    jobs: jobs.map(({ job_value, liquidity_delta, uptime, quality_score }) => ({ job_value, liquidity_delta, uptime, quality_score })),
  });
  const out = execFileSync("cargo", ["run", "-q", "-p", "poe-simulator", "--bin", "poe-index"], {
    cwd: REPO_ROOT,
    input,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "inherit"],
  });
  return JSON.parse(out) as MathIndex;
}

/** cosmwasm_std::Timestamp JSON (nanoseconds) -> `YYYY-MM` (UTC), the salary month key. */
export function monthOf(nanos: string): string {
  return new Date(Number(BigInt(nanos) / 1_000_000n)).toISOString().slice(0, 7);
}

export const sum = (xs: Iterable<string | bigint>): bigint => {
  let s = 0n;
  for (const x of xs) s += BigInt(x);
  return s;
};

/**
 * The e2e tests' two ways to send: `send` signs `msgs` as `sender` with simulated gas and asserts
 * success; `sendFailing` signs them with a fixed gas limit (simulation would refuse them before
 * broadcast), so the transaction is included in a block and fails there, and checks the node
 * indexed the failed transaction with the same code. Both record the transaction's gas in `gas`.
 * `client` is read at each call (the tests connect in `before`).
 */
export function txSenders(
  client: () => SigningCosmWasmClient,
  gas: TxRecord[],
  options: { gasPrice: string; failingGas: number },
) {
  async function send(what: string, sender: string, msgs: EncodeObject[]): Promise<DeliverTxResponse> {
    const r = await client().signAndBroadcast(sender, msgs, "auto");
    assert.equal(r.code, 0, `${what} failed: ${r.rawLog}`);
    gas.push(txRecord(what, r));
    return r;
  }
  async function sendFailing(what: string, sender: string, msgs: EncodeObject[]): Promise<DeliverTxResponse> {
    const r = await client().signAndBroadcast(sender, msgs, fixedFee(options.failingGas, options.gasPrice));
    assert.notEqual(r.code, 0, `${what} was accepted (tx ${r.transactionHash})`);
    gas.push(txRecord(`${what} (fails)`, r));
    const indexed = await client().getTx(r.transactionHash);
    assert.ok(indexed, `failed tx ${r.transactionHash} not found on chain`);
    assert.equal(indexed.code, r.code);
    return r;
  }
  return { send, sendFailing };
}

/** Writes the gas of a test file's transactions to reports/<name>.json. */
export function writeGasReport(name: string, gas: TxRecord[]): void {
  mkdirSync(join(REPO_ROOT, "reports"), { recursive: true });
  writeFileSync(join(REPO_ROOT, `reports/${name}.json`), `${JSON.stringify(gas, null, 2)}\n`);
}
