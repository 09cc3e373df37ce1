// The guarantee contract and the marketplace, measured next to cw-plus's cw20-escrow 0.11.1
// (built from crates.io by scripts/build-reference.sh), on the gas benchmark's node
// (scripts/gas-report.sh -> ts/tools/gas-report.ts).
//
// Fresh instances of the deployed codes (poe-guarantee, poe-marketplace, poe-token), owned by
// the deployer so that no governance proposal stands between the benchmark and their owner
// actions, with the deployed amm-factory, amm-router and treasury:
//   - tokens COL (collateral valued at its TWAP), LQD (collateral whose price is crashed, for the
//     liquidations) and FLX' (what coverage is counted in, the pools' price token; a poe-token
//     instance with FLX's role, so no deployed balance is touched), each holder 1,000,000 tokens;
//   - pairs COL/FLX' (50,000 COL + 500,000 FLX') and LQD/FLX' (10,000 LQD + 100,000 FLX'),
//     both priced 10 FLX' at their first deposit, from the deployed factory;
//   - the guarantee contract with twap_window_seconds 600 (the shortest allowed), COL (max_ltv
//     0.5, maintenance 1.25), LQD (0.5, 1.9) and FLX' (valued 1:1) listed; the marketplace with
//     one COL pool, proceeds to the deployed treasury; cw20-escrow 0.11.1.
//
// Time: a guarantee opens only once its pair's observations cover the 600 s window, counted
// from the pair's first deposit. `prepareGuaranteeBench` therefore runs first (the pairs get
// their liquidity at once) and the rest of the benchmark runs meanwhile; `measure` waits for
// whatever is left of the window. The liquidations run in the background from the start, on
// their own accounts: the LQD price is crashed 60 s after LQD/FLX's first deposit (10,000 LQD
// sold: 10 -> about 2.5 FLX'), the LQD guarantees open when the window is covered (their TWAP
// still weighs the 60 s at 10), and they are liquidated once the whole window lies after the
// crash (TWAP = spot, so the sale meets its minimum_receive of TWAP value - 5 %).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { toUtf8 } from "@cosmjs/encoding";
import { fixedFee, rfc3339ToNanos, sleep, waitForBlockTime } from "../src/chain";
import type { Deployment } from "../src/deployment";
import { REPO_ROOT } from "../src/deployment";
import { binary, GAS_INSTANTIATE, GAS_OP, warmUpSigners } from "./peers";

/** The benchmark's own accounts (derived by gas-report.ts after its others, funded by it). */
export const GUARANTEE_BENCH_ACCOUNTS = [
  "bench_g_provider",
  "bench_g_guarantor",
  "bench_g_beneficiary",
  "bench_g_holder",
  "bench_g_arbiter",
  "bench_g_liquidator",
  "bench_g_lqd_guarantor",
  "bench_m_seller",
  "bench_m_buyer",
] as const;
type AccountName = (typeof GUARANTEE_BENCH_ACCOUNTS)[number];

export interface GuaranteeBenchContext {
  client: SigningCosmWasmClient;
  /** Uploads and instantiates; the fresh instances' owner (the deployer). */
  admin: string;
  accounts: Record<AccountName, string>;
  deployment: Deployment;
  samples: number;
  gasPrice: string;
  log: (line: string) => void;
}

/** One transaction. */
export interface GSample {
  gas: number;
  tx: string;
  height: number;
  /** wasmd events of the transaction: contract executions, instantiations, replies. */
  calls: { execute: number; instantiate: number; reply: number };
}

/** One operation of one contract: its samples, min/median, what the transaction does. */
export interface GRow {
  contract: "guarantee" | "marketplace" | "cw20-escrow";
  op: string;
  gas: number[];
  min: number;
  median: number;
  calls: GSample["calls"];
  txs: string[];
  notes: string;
}

/** Bytes of one stored record (key with cw-storage-plus's namespace prefix, value as JSON). */
export interface RecordSize {
  what: string;
  key_bytes: number;
  value_bytes: number;
}

export interface GuaranteeReport {
  escrow: { crate: string; version: string; file: string; sha256: string; bytes: number; gzip_bytes: number; code_id: number; store_gas: number };
  contracts: Record<string, string>;
  parameters: Record<string, string | number>;
  rows: GRow[];
  /** Rows of ours and the peer's put side by side in docs/gas.md. */
  pairs: { ours: string; peer: string | null; explanation: string }[];
  records: RecordSize[];
  liquidation: { crash_after_seconds: number; lqd_price_at_open: string; lqd_price_at_liquidation: string; flx_set_aside: string[] };
}

const ESCROW = { crate: "cw20-escrow", version: "0.11.1", wasm: "cw20_escrow" } as const;
const TWAP_WINDOW = 600;
const CRASH_AFTER_S = 60;
const TOKENS = (n: number) => (BigInt(n) * 1_000_000n).toString();
/** Every holder's starting balance of each bench token: 1,000,000 tokens. */
const INITIAL = TOKENS(1_000_000);
const A = {
  colPoolCol: TOKENS(50_000),
  colPoolFlx: TOKENS(500_000),
  lqdPoolLqd: TOKENS(10_000),
  lqdPoolFlx: TOKENS(100_000),
  crash: TOKENS(10_000),
  /** Collateral of each guarantee and escrow: 1,000 COL (worth 10,000 FLX'). */
  collateral: TOKENS(1_000),
  /** Coverage of each COL guarantee: 4,000 FLX' (max_ltv 0.5 allows 5,000). */
  coverage: TOKENS(4_000),
  /** Of each defaulted guarantee's 4,000 claims, 1,000 go to another holder before the default. */
  claimsSold: TOKENS(1_000),
  /** Collateral of each LQD guarantee: 100 LQD. */
  lqdCollateral: TOKENS(100),
  replenish: TOKENS(10_000),
  allocation: TOKENS(100),
  price: TOKENS(1_000),
} as const;

// ---------------------------------------------------------------------------------------------
// Samples, rows, keys

function sample(r: { gasUsed: bigint; transactionHash: string; height: number; events: readonly { type: string }[] }): GSample {
  const n = (t: string) => r.events.filter((e) => e.type === t).length;
  return { gas: Number(r.gasUsed), tx: r.transactionHash, height: r.height, calls: { execute: n("execute"), instantiate: n("instantiate"), reply: n("reply") } };
}

function row(contract: GRow["contract"], op: string, samples: GSample[], notes: string): GRow {
  if (samples.length === 0) throw new Error(`${op}: no sample`);
  const g = samples.map((s) => s.gas);
  const sorted = [...g].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return {
    contract,
    op,
    gas: g,
    min: sorted[0],
    median: sorted.length % 2 === 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2),
    calls: samples[0].calls,
    txs: samples.map((s) => s.tx),
    notes,
  };
}

/** A Decimal / Decimal256 string -> its atomics (18 decimals). */
function atomics(decimal: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,18}))?$/.exec(decimal);
  if (!m) throw new Error(`not a decimal: ${decimal}`);
  return BigInt(m[1]) * 10n ** 18n + BigInt((m[2] ?? "").padEnd(18, "0"));
}

const u16be = (n: number) => [n >> 8, n & 0xff];
const u64be = (n: number) => {
  const out: number[] = [];
  let v = BigInt(n);
  for (let i = 0; i < 8; i++) {
    out.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  return out;
};
/** cw-storage-plus: a Map's key is the namespace (length-prefixed) and the key parts, every
 *  part but the last length-prefixed too. */
function mapKey(namespace: string, ...parts: Uint8Array[]): Uint8Array {
  const ns = toUtf8(namespace);
  const out = [...u16be(ns.length), ...ns];
  parts.forEach((p, i) => {
    if (i < parts.length - 1) out.push(...u16be(p.length));
    out.push(...p);
  });
  return Uint8Array.from(out);
}

/** artifacts/reference/cw20_escrow.wasm, checked against artifacts/reference/checksums.txt. */
function readEscrowWasm(): { file: string; bytes: Uint8Array; sha256: string } {
  const file = `artifacts/reference/${ESCROW.wasm}.wasm`;
  const bytes = readFileSync(join(REPO_ROOT, file));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const sums = readFileSync(join(REPO_ROOT, "artifacts/reference/checksums.txt"), "utf8");
  if (!sums.split("\n").includes(`${sha256}  ${ESCROW.wasm}.wasm`)) {
    throw new Error(`${file} does not match artifacts/reference/checksums.txt: scripts/build-reference.sh ${ESCROW.crate}`);
  }
  return { file, bytes, sha256 };
}

// ---------------------------------------------------------------------------------------------
// The benchmark

export interface GuaranteeBench {
  /** Waits for the TWAP window, measures everything, awaits the liquidations. */
  measure(): Promise<GuaranteeReport>;
}

/**
 * Uploads cw20-escrow, instantiates the bench tokens, pairs (with their first liquidity: the
 * TWAP windows start now), the guarantee contract, the marketplace and the escrow, lists the
 * collaterals, and starts the liquidation round in the background. Returns at once after that.
 */
export async function prepareGuaranteeBench(ctx: GuaranteeBenchContext): Promise<GuaranteeBench> {
  const { client, admin, accounts: acc, deployment: d, samples, gasPrice, log } = ctx;
  const fee = fixedFee(GAS_OP, gasPrice);
  const feeInst = fixedFee(GAS_INSTANTIATE, gasPrice);
  const exec = async (sender: string, contract: string, msg: unknown) => sample(await client.execute(sender, contract, msg, fee));
  const blockTime = async (height: number) => rfc3339ToNanos((await client.getBlock(height)).header.time);
  const tokenCode = d.codes["poe-token"]?.code_id;
  if (!tokenCode) throw new Error("the deployment has no poe-token code");

  /** The deployed code of `name`, or the artifact uploaded now (the plan does not deploy it). */
  async function codeId(name: string): Promise<number> {
    const deployed = d.codes[name]?.code_id;
    if (deployed) return deployed;
    const file = `artifacts/${name.replace(/-/g, "_")}.wasm`;
    const bytes = readFileSync(join(REPO_ROOT, file));
    const sha = createHash("sha256").update(bytes).digest("hex");
    const sums = readFileSync(join(REPO_ROOT, "artifacts/checksums.txt"), "utf8");
    if (!sums.includes(sha)) throw new Error(`${file} does not match artifacts/checksums.txt`);
    const up = await client.upload(admin, bytes, "auto", `poe-economy ${name} (gas benchmark)`);
    log(`${name} is not in the deployment: uploaded as code ${up.codeId}`);
    return up.codeId;
  }

  await warmUpSigners(client, Object.values(acc), admin, gasPrice);

  // cw20-escrow 0.11.1 from the reference build.
  const esc = readEscrowWasm();
  const escUpload = await client.upload(admin, esc.bytes, "auto", `${ESCROW.crate} ${ESCROW.version} (gas reference)`);
  // The label as long as "guarantee" (wasmd reads the contract info, label included, at every call).
  const escrow = (await client.instantiate(admin, escUpload.codeId, {}, "cw20-escr", feeInst, { admin })).contractAddress;

  // Tokens: poe-token instances, minter the deployer; labels as long as NEX's and FLX's.
  const token = async (symbol: string, holders: string[]) =>
    (
      await client.instantiate(
        admin,
        tokenCode,
        {
          name: `Bench ${symbol}`,
          symbol,
          decimals: 6,
          initial_balances: holders.map((address) => ({ address, amount: INITIAL })),
          mint: { minter: admin, cap: null },
          marketing: null,
        },
        symbol,
        feeInst,
        { admin },
      )
    ).contractAddress;
  const col = await token("COL", [acc.bench_g_provider, acc.bench_g_guarantor]);
  const lqd = await token("LQD", [acc.bench_g_provider, acc.bench_g_lqd_guarantor, acc.bench_g_liquidator]);
  const flx = await token("FLX", [acc.bench_g_provider, acc.bench_g_guarantor, acc.bench_m_buyer]);
  const asset = (contract_addr: string) => ({ token: { contract_addr } });

  // Pairs from the deployed factory, with their first liquidity (the TWAP starts at it).
  const factory = d.contracts["amm-factory"];
  const pairOf = async (t: string, amountT: string, amountF: string) => {
    await client.execute(admin, factory, { create_pair: { asset_infos: [asset(t), asset(flx)] } }, feeInst);
    const info = (await client.queryContractSmart(factory, { pair: { asset_infos: [asset(t), asset(flx)] } })) as { contract_addr: string };
    const p = info.contract_addr;
    await exec(acc.bench_g_provider, t, { increase_allowance: { spender: p, amount: amountT, expires: null } });
    await exec(acc.bench_g_provider, flx, { increase_allowance: { spender: p, amount: amountF, expires: null } });
    const r = await exec(acc.bench_g_provider, p, {
      provide_liquidity: {
        assets: [
          { info: asset(t), amount: amountT },
          { info: asset(flx), amount: amountF },
        ],
        slippage_tolerance: null,
        min_lp_to_receive: null,
        receiver: null,
      },
    });
    return { pair: p, firstDeposit: await blockTime(r.height) };
  };
  const lqdPair = await pairOf(lqd, A.lqdPoolLqd, A.lqdPoolFlx);
  const colPair = await pairOf(col, A.colPoolCol, A.colPoolFlx);
  log(`guarantee bench: pairs COL/FLX' ${colPair.pair}, LQD/FLX' ${lqdPair.pair} (first deposits: the ${TWAP_WINDOW} s TWAP windows start)`);

  // The guarantee contract and the marketplace, fresh instances of the codes, owned by the deployer.
  const guarantee = (
    await client.instantiate(
      admin,
      await codeId("poe-guarantee"),
      { owner: null, flx_token: flx, router: d.contracts["amm-router"], claim_token_code_id: tokenCode, twap_window_seconds: TWAP_WINDOW },
      "guarantee",
      feeInst,
      { admin },
    )
  ).contractAddress;
  const listing = [
    [col, { max_ltv: "0.5", maintenance_ratio: "1.25", pair: colPair.pair }],
    [lqd, { max_ltv: "0.5", maintenance_ratio: "1.9", pair: lqdPair.pair }],
    [flx, { max_ltv: "0.5", maintenance_ratio: "1", pair: null }],
  ] as const;
  for (const [t, params] of listing) await exec(admin, guarantee, { update_collateral: { asset: asset(t), params } });
  const marketplace = (
    await client.instantiate(admin, await codeId("poe-marketplace"), { owner: null, flx_token: flx, treasury: d.contracts.treasury }, "marketplace", feeInst, {
      admin,
    })
  ).contractAddress;
  await exec(admin, marketplace, { create_pool: { name: "COL pool", token: col, recipient: null } });
  await exec(admin, marketplace, { update_sellers: { pool_id: 1, add: [acc.bench_m_seller], remove: [] } });
  log(`guarantee bench: guarantee ${guarantee}, marketplace ${marketplace}, cw20-escrow ${escrow}`);

  const openMsg = (coverage: string, expiresAtNs: bigint) =>
    binary({ open: { beneficiary: acc.bench_g_beneficiary, coverage, expires_at: expiresAtNs.toString(), arbiter: acc.bench_g_arbiter } });
  const now = async () => rfc3339ToNanos((await client.getBlock()).header.time);
  const DAY = 86_400n * 1_000_000_000n;
  const guaranteeIdOf = (r: Awaited<ReturnType<SigningCosmWasmClient["execute"]>>) => {
    for (const e of r.events) {
      if (e.type !== "wasm") continue;
      if (e.attributes.find((x) => x.key === "_contract_address")?.value !== guarantee) continue;
      const id = e.attributes.find((x) => x.key === "guarantee_id")?.value;
      if (id) return Number(id);
    }
    throw new Error(`no guarantee_id in ${r.transactionHash}`);
  };
  const lqdPrice = async () => {
    const t = (await client.queryContractSmart(lqdPair.pair, { twap: { window_seconds: TWAP_WINDOW } })) as {
      asset_infos: { token?: { contract_addr: string } }[];
      price0_average: string;
      price1_average: string;
    };
    return t.asset_infos[0].token?.contract_addr === lqd ? t.price0_average : t.price1_average;
  };

  // ------------------------------------------------------------------------------------------
  // The liquidation round, in the background, on its own accounts (bench_g_lqd_guarantor opens
  // the LQD guarantees, bench_g_liquidator crashes the price and liquidates), so it never signs
  // beside `measure` with the same account.
  const liquidation = (async () => {
    const crashAt = lqdPair.firstDeposit + BigInt(CRASH_AFTER_S) * 1_000_000_000n;
    await waitForBlockTime(client, crashAt, { timeoutMs: (CRASH_AFTER_S + 120) * 1000 });
    const crash = await client.execute(
      acc.bench_g_liquidator,
      lqd,
      { send: { contract: lqdPair.pair, amount: A.crash, msg: binary({ swap: { max_spread: "0.99" } }) } },
      fee,
    );
    const crashed = await blockTime(crash.height);
    log(`guarantee bench: LQD crashed (10,000 LQD sold into LQD/FLX', ${Number(crashed - lqdPair.firstDeposit) / 1e9} s after its first deposit)`);
    // Open when the window is covered: the TWAP still weighs the minute at 10 FLX'.
    await waitForBlockTime(client, lqdPair.firstDeposit + BigInt(TWAP_WINDOW + 1) * 1_000_000_000n, { timeoutMs: (TWAP_WINDOW + 180) * 1000 });
    const atOpen = await lqdPrice();
    // 90 % of max_ltv x value at this TWAP: it keeps falling until the window lies after the crash.
    const coverage = (((BigInt(A.lqdCollateral) * atomics(atOpen)) / 10n ** 18n / 2n) * 9n) / 10n;
    const ids: number[] = [];
    const opens: GSample[] = [];
    const expiry = (await now()) + DAY;
    for (let k = 0; k < samples; k++) {
      const r = await client.execute(
        acc.bench_g_lqd_guarantor,
        lqd,
        { send: { contract: guarantee, amount: A.lqdCollateral, msg: openMsg(coverage.toString(), expiry) } },
        fee,
      );
      ids.push(guaranteeIdOf(r));
      opens.push(sample(r));
    }
    log(`guarantee bench: ${samples} LQD guarantees open at TWAP ${atOpen} (coverage ${coverage} each); liquidating once the window lies after the crash`);
    await waitForBlockTime(client, crashed + BigInt(TWAP_WINDOW + 2) * 1_000_000_000n, { timeoutMs: (TWAP_WINDOW + 180) * 1000 });
    const atLiquidation = await lqdPrice();
    const liquidations: GSample[] = [];
    const setAside: string[] = [];
    for (const id of ids) {
      const health = (await client.queryContractSmart(guarantee, { health: { guarantee_id: id } })) as { liquidatable: boolean; value: string; health_ratio: string | null };
      if (!health.liquidatable) throw new Error(`LQD guarantee ${id} is not liquidatable: value ${health.value}, health ${health.health_ratio}`);
      liquidations.push(sample(await client.execute(acc.bench_g_liquidator, guarantee, { liquidate: { guarantee_id: id } }, fee)));
      const g = (await client.queryContractSmart(guarantee, { guarantee: { guarantee_id: id } })) as { status: string; set_aside: string };
      if (g.status !== "liquidated") throw new Error(`LQD guarantee ${id}: ${g.status} after liquidate`);
      setAside.push(g.set_aside);
    }
    log(`guarantee bench: liquidate ${liquidations.map((s) => s.gas).join(", ")} (TWAP ${atLiquidation})`);
    return { opens, liquidations, atOpen, atLiquidation, setAside, crashAfter: Number(crashed - lqdPair.firstDeposit) / 1e9 };
  })();
  // Kept, not awaited: `measure` awaits it (a failure is reported there, never unhandled).
  const settled = liquidation.then(
    (v) => ({ ok: true as const, v }),
    (e: unknown) => ({ ok: false as const, e }),
  );

  return {
    async measure(): Promise<GuaranteeReport> {
      const ready = colPair.firstDeposit + BigInt(TWAP_WINDOW + 1) * 1_000_000_000n;
      const left = Number((ready - (await now())) / 1_000_000_000n);
      if (left > 0) log(`guarantee bench: waiting ${left} s of block time for the COL/FLX' ${TWAP_WINDOW} s TWAP window`);
      await waitForBlockTime(client, ready, { timeoutMs: (Math.max(left, 0) + 120) * 1000 });
      const G = acc.bench_g_guarantor;
      const ben = acc.bench_g_beneficiary;
      const arb = acc.bench_g_arbiter;
      const expiry = (await now()) + DAY;
      const openCol = async () => {
        const r = await client.execute(G, col, { send: { contract: guarantee, amount: A.collateral, msg: openMsg(A.coverage, expiry) } }, fee);
        return { id: guaranteeIdOf(r), s: sample(r) };
      };
      const raw = async (contract: string, key: Uint8Array) => (await client.queryContractRaw(contract, key)) ?? new Uint8Array();

      // Opens: the contract's first (it stays open to the end, so the totals keep their digits),
      // then 2 x samples (one set released, one defaulted), and samples with FLX' collateral
      // (valued 1:1: the same open without the TWAP query).
      const first = await openCol();
      const released: number[] = [];
      const defaulted: number[] = [];
      const opens: GSample[] = [];
      for (let k = 0; k < 2 * samples; k++) {
        const o = await openCol();
        opens.push(o.s);
        (k < samples ? released : defaulted).push(o.id);
      }
      const flxOpens: GSample[] = [];
      const flxIds: number[] = [];
      for (let k = 0; k < samples; k++) {
        const r = await client.execute(G, flx, { send: { contract: guarantee, amount: A.collateral, msg: openMsg(TOKENS(400), expiry) } }, fee);
        flxOpens.push(sample(r));
        flxIds.push(guaranteeIdOf(r));
      }
      log(`guarantee bench: open first ${first.s.gas}, then ${opens.map((s) => s.gas).join(", ")}; with FLX' collateral ${flxOpens.map((s) => s.gas).join(", ")}`);
      const g1 = (await client.queryContractSmart(guarantee, { guarantee: { guarantee_id: first.id } })) as { claim_token: string };
      const records: RecordSize[] = [];
      const size = async (what: string, contract: string, key: Uint8Array) => {
        const v = await raw(contract, key);
        if (v.length === 0) throw new Error(`no record for ${what}`);
        records.push({ what, key_bytes: key.length, value_bytes: v.length });
      };
      await size("guarantee: the guarantee record (`guarantees`, by id)", guarantee, mapKey("guarantees", Uint8Array.from(u64be(first.id))));
      await size("guarantee: its claim token's id (`claim_tokens`)", guarantee, mapKey("claim_tokens", toUtf8(g1.claim_token)));
      await size("guarantee: by guarantor index (`by_guarantor`)", guarantee, mapKey("by_guarantor", toUtf8(G), Uint8Array.from(u64be(first.id))));
      await size("guarantee: by beneficiary index (`by_beneficiary`)", guarantee, mapKey("by_beneficiary", toUtf8(ben), Uint8Array.from(u64be(first.id))));
      await size("guarantee: config and counters (`config`, rewritten)", guarantee, toUtf8("config"));
      await size("guarantee: the asset's total held (`held`, rewritten)", guarantee, mapKey("held", toUtf8(`t:${col}`)));
      await size("claim token: `token_info`", g1.claim_token, toUtf8("token_info"));
      await size("claim token: the beneficiary's balance", g1.claim_token, mapKey("balance", toUtf8(ben)));
      await size("claim token: `marketing_info`", g1.claim_token, toUtf8("marketing_info"));

      // Release by the arbiter: claims burned at once (the claim token retired), collateral back.
      const releases: GSample[] = [];
      for (const id of released) releases.push(await exec(arb, guarantee, { release: { guarantee_id: id } }));
      // Defaults: 1,000 of the 4,000 claims sold to another holder first; the arbiter declares
      // the default (ceil(4,000 / 10) = 400 COL set aside, 600 back); both redeem.
      const claimTokens: string[] = [];
      for (const id of defaulted) {
        const g = (await client.queryContractSmart(guarantee, { guarantee: { guarantee_id: id } })) as { claim_token: string };
        claimTokens.push(g.claim_token);
        await exec(ben, g.claim_token, { transfer: { recipient: acc.bench_g_holder, amount: A.claimsSold } });
      }
      const defaults: GSample[] = [];
      for (const id of defaulted) defaults.push(await exec(arb, guarantee, { declare_default: { guarantee_id: id } }));
      const redeemPart: GSample[] = [];
      const redeemLast: GSample[] = [];
      const rest = (BigInt(A.coverage) - BigInt(A.claimsSold)).toString();
      for (const [i, id] of defaulted.entries()) {
        redeemPart.push(
          await exec(acc.bench_g_holder, claimTokens[i], { send: { contract: guarantee, amount: A.claimsSold, msg: binary({ redeem: { guarantee_id: id } }) } }),
        );
        redeemLast.push(await exec(ben, claimTokens[i], { send: { contract: guarantee, amount: rest, msg: binary({ redeem: { guarantee_id: id } }) } }));
      }
      for (const id of defaulted) {
        const g = (await client.queryContractSmart(guarantee, { guarantee: { guarantee_id: id } })) as { set_aside_remaining: string; claims_outstanding: string; set_aside: string };
        if (g.set_aside !== TOKENS(400) || g.set_aside_remaining !== "0" || g.claims_outstanding !== "0") throw new Error(`guarantee ${id}: ${JSON.stringify(g)}`);
      }
      log(
        `guarantee bench: release ${releases.map((s) => s.gas).join(", ")}; default ${defaults.map((s) => s.gas).join(", ")}; ` +
          `redeem part ${redeemPart.map((s) => s.gas).join(", ")}, last ${redeemLast.map((s) => s.gas).join(", ")}`,
      );

      // cw20-escrow 0.11.1: the same collateral, sender, arbiter and recipient; create by the
      // same cw20 Send (the escrow's first, then 2 x samples), approve and refund by the arbiter.
      const escrowCreate = (id: string) =>
        client.execute(
          G,
          col,
          {
            send: {
              contract: escrow,
              amount: A.collateral,
              msg: binary({ create: { id, arbiter: arb, recipient: ben, end_height: null, end_time: Number(expiry / 1_000_000_000n), cw20_whitelist: null } }),
            },
          },
          fee,
        );
      const escrowFirst = sample(await escrowCreate("escrow-000"));
      const creates: GSample[] = [];
      const escIds: string[] = [];
      for (let k = 0; k < 2 * samples; k++) {
        const id = `escrow-${String(k + 1).padStart(3, "0")}`;
        creates.push(sample(await escrowCreate(id)));
        escIds.push(id);
      }
      await size("cw20-escrow: the escrow record (`escrow`, by id)", escrow, mapKey("escrow", toUtf8("escrow-000")));
      const approves: GSample[] = [];
      for (const id of escIds.slice(0, samples)) approves.push(await exec(arb, escrow, { approve: { id } }));
      const refunds: GSample[] = [];
      for (const id of escIds.slice(samples)) refunds.push(await exec(arb, escrow, { refund: { id } }));
      log(`cw20-escrow: create first ${escrowFirst.gas}, then ${creates.map((s) => s.gas).join(", ")}; approve ${approves.map((s) => s.gas).join(", ")}; refund ${refunds.map((s) => s.gas).join(", ")}`);

      // The marketplace: replenishments by Send, allocations, releases against FLX', expiries.
      const P = acc.bench_g_provider;
      const seller = acc.bench_m_seller;
      const buyer = acc.bench_m_buyer;
      const replenish = () => exec(P, col, { send: { contract: marketplace, amount: A.replenish, msg: binary({ replenish: { pool_id: 1 } }) } });
      const replenishFirst = await replenish();
      const replenishes: GSample[] = [];
      for (let k = 0; k < samples; k++) replenishes.push(await replenish());
      const allocate = async (expiresAt: bigint) => {
        const r = await client.execute(
          seller,
          marketplace,
          { allocate: { pool_id: 1, amount: A.allocation, buyer, price: A.price, expires_at: expiresAt.toString() } },
          fee,
        );
        const id = Number(
          r.events
            .filter((e) => e.type === "wasm")
            .flatMap((e) => e.attributes)
            .find((x) => x.key === "allocation_id")?.value,
        );
        return { id, s: sample(r) };
      };
      const hour = 3_600n * 1_000_000_000n;
      const allocFirst = await allocate((await now()) + hour);
      const allocs: GSample[] = [];
      const toRelease: number[] = [];
      for (let k = 0; k < samples; k++) {
        const x = await allocate((await now()) + hour);
        allocs.push(x.s);
        toRelease.push(x.id);
      }
      const expireAt = (await now()) + 8n * 1_000_000_000n;
      const toExpire: number[] = [];
      for (let k = 0; k < samples; k++) {
        const x = await allocate(expireAt);
        allocs.push(x.s);
        toExpire.push(x.id);
      }
      await size("marketplace: the allocation record (`allocations`, by id)", marketplace, mapKey("allocations", Uint8Array.from(u64be(allocFirst.id))));
      await size("marketplace: the pool record (`pools`, rewritten)", marketplace, mapKey("pools", Uint8Array.from(u64be(1))));
      const release = (id: number) => exec(buyer, flx, { send: { contract: marketplace, amount: A.price, msg: binary({ release: { allocation_id: id } }) } });
      const releaseFirst = await release(allocFirst.id);
      const mreleases: GSample[] = [];
      for (const id of toRelease) mreleases.push(await release(id));
      await waitForBlockTime(client, expireAt);
      const expires: GSample[] = [];
      for (const id of toExpire) expires.push(await exec(seller, marketplace, { expire: { allocation_id: id } }));
      log(
        `marketplace: replenish ${replenishFirst.gas} then ${replenishes.map((s) => s.gas).join(", ")}; allocate ${allocFirst.s.gas} then ${allocs
          .map((s) => s.gas)
          .join(", ")}; release ${releaseFirst.gas} then ${mreleases.map((s) => s.gas).join(", ")}; expire ${expires.map((s) => s.gas).join(", ")}`,
      );

      const liq = await settled;
      if (!liq.ok) throw liq.e;
      const L = liq.v;

      const rows: GRow[] = [
        row("guarantee", "open: the asset's first", [first.s], "as `open`, the first guarantee of COL: the asset's `held` total is created"),
        row(
          "guarantee",
          "open",
          opens,
          "COL `send` of 1,000 COL with `{\"open\":{..}}`: smart query of the COL/FLX' pair's TWAP over 600 s, value x max_ltv checked, the guarantee " +
            "stored as pending; instantiates its claim token (poe-token `GUAR claim #<id>`, submessage), whose reply registers it (guarantee record, " +
            "claim-token, by-guarantor and by-beneficiary indexes, totals) and mints the 4,000 claims to the beneficiary",
        ),
        row("guarantee", "open, FLX collateral (no TWAP query)", flxOpens, "as `open` with FLX' as collateral (valued 1:1): no query to a pair"),
        row("guarantee", "release (arbiter)", releases, "the guarantee closed, totals updated; the claim token's `retire` (every outstanding claim burned at once); COL `transfer` of the collateral back"),
        row(
          "guarantee",
          "declare_default (arbiter)",
          defaults,
          "TWAP query, set-aside = ceil(coverage / price) = 400 COL stored, COL `transfer` of the other 600 back to the guarantor",
        ),
        row(
          "guarantee",
          "redeem (part of the claims)",
          redeemPart,
          "claim-token `send` of 1,000 of the 4,000 claims with `{\"redeem\":{..}}`: the claim token identifies the guarantee, pro rata share paid " +
            "(floor), claims `burn`, COL `transfer` to the holder",
        ),
        row("guarantee", "redeem (the last claims)", redeemLast, "as above for the last 3,000 claims, which take what remains"),
        row("guarantee", "open, LQD (before the liquidation)", L.opens, "as `open`, 100 LQD valued at the LQD/FLX' TWAP (the liquidation round's own guarantees)"),
        row(
          "guarantee",
          "liquidate",
          L.liquidations,
          "TWAP query, health checked; 1 % of the collateral to the caller (LQD `transfer`), the rest sold by LQD `send` to the router " +
            "(one hop into LQD/FLX', minimum_receive = TWAP value - 5 %) with a reply that measures the FLX' received (balance query) and sets it aside",
        ),
        row("cw20-escrow", "create: the contract's first", [escrowFirst], "as `create`, the contract's first escrow"),
        row(
          "cw20-escrow",
          "create",
          creates,
          "COL `send` of 1,000 COL with `{\"create\":{id,arbiter,recipient,end_time,..}}`: the escrow record (balance, whitelist) stored under its id",
        ),
        row("cw20-escrow", "approve (arbiter)", approves, "the escrow record removed, COL `transfer` of everything to the recipient"),
        row("cw20-escrow", "refund (arbiter)", refunds, "the escrow record removed, COL `transfer` of everything back to the source"),
        row("marketplace", "replenish: the pool's first", [replenishFirst], "as `replenish`, into the empty pool"),
        row("marketplace", "replenish", replenishes, "COL `send` of 10,000 COL with `{\"replenish\":{\"pool_id\":1}}`: the pool's available and totals rewritten"),
        row("marketplace", "allocate: the contract's first", [allocFirst.s], "as `allocate`, the contract's first allocation"),
        row(
          "marketplace",
          "allocate",
          allocs,
          "seller check, 100 COL moved from available to reserved, the allocation record and its pool index written, the allocation counter bumped",
        ),
        row(
          "marketplace",
          "release: the treasury's first FLX' deposit",
          [releaseFirst],
          "as `release`, the first deposit of this token at the treasury (its ledger entry is created)",
        ),
        row(
          "marketplace",
          "release",
          mreleases,
          "FLX' `send` of exactly the price with `{\"release\":{..}}`: buyer, expiry and payment checked, the allocation closed, COL `transfer` to the " +
            "buyer, FLX' `send` of the price to the treasury's `deposit` hook (memo `marketplace_allocation_<id>`)",
        ),
        row("marketplace", "expire", expires, "after the expiry, by anyone: the allocation closed, its 100 COL back to available"),
      ];
      const pairs = [
        {
          ours: "open",
          peer: "create",
          explanation:
            "both take the collateral by a cw20 `Send`; ours also values it at the pair's TWAP and creates a transferable claim (a new token contract and its mint)",
        },
        { ours: "release (arbiter)", peer: "refund (arbiter)", explanation: "the arbiter gives the collateral back to who locked it; ours also burns every claim (`retire`)" },
        {
          ours: "declare_default (arbiter)",
          peer: "approve (arbiter)",
          explanation:
            "the arbiter's decision against the party who locked the collateral: escrow pays the recipient everything, ours sets aside what covers the coverage " +
            "for the claim holders (paid by `redeem`) and returns the rest",
        },
      ];
      return {
        escrow: {
          crate: ESCROW.crate,
          version: ESCROW.version,
          file: esc.file,
          sha256: esc.sha256,
          bytes: esc.bytes.length,
          gzip_bytes: gzipSync(esc.bytes, { level: 9 }).length,
          code_id: escUpload.codeId,
          store_gas: Number(escUpload.gasUsed),
        },
        contracts: { guarantee, marketplace, escrow, col, lqd, flx_prime: flx, col_pair: colPair.pair, lqd_pair: lqdPair.pair },
        parameters: {
          twap_window_seconds: TWAP_WINDOW,
          collateral: A.collateral,
          coverage: A.coverage,
          claims_sold: A.claimsSold,
          col_price: "10",
          lqd_collateral: A.lqdCollateral,
          crash_sold: A.crash,
          replenish: A.replenish,
          allocation: A.allocation,
          price: A.price,
        },
        rows,
        pairs,
        records,
        liquidation: { crash_after_seconds: L.crashAfter, lqd_price_at_open: L.atOpen, lqd_price_at_liquidation: L.atLiquidation, flx_set_aside: L.setAside },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// docs/gas.md

/** wasmd 0.61's instance cost of a contract call: 60,000 the first time a code runs in a
 *  transaction, 2,000 each later time. */
const INSTANCE_FIRST = 60_000;
const INSTANCE_LATER = 2_000;

/**
 * docs/gas.md's section of the guarantee rows; `context.tokenInstantiateGas` is the token
 * benchmark's poe-token instantiation as a transaction of its own (for the claim token's share).
 */
export function guaranteeMarkdown(r: GuaranteeReport | undefined, fmt: (n: number) => string, context: { tokenInstantiateGas?: number } = {}): string[] {
  if (!r) return [];
  const f = fmt;
  const mm = (x: GRow) => (x.min === x.median ? f(x.median) : `${f(x.min)} / ${f(x.median)}`);
  const sign = (n: number) => (n > 0 ? `+${f(n)}` : f(n));
  const get = (contract: GRow["contract"], op: string) => r.rows.find((x) => x.contract === contract && x.op === op);
  const calls = (x: GRow) => `${x.calls.execute}${x.calls.instantiate ? ` + ${x.calls.instantiate} inst.` : ""}${x.calls.reply ? ` + ${x.calls.reply} reply` : ""}`;
  const L: string[] = [];
  L.push(`## Guarantees and the marketplace, next to cw20-escrow ${r.escrow.version}`);
  L.push("");
  L.push(
    `Peer: cw-plus's \`cw20-escrow\` ${r.escrow.version} (the last release on crates.io; cw-plus dropped the contract after 0.11, so there is no ` +
      `1.x or 2.x to build), built by \`scripts/build-reference.sh\` with cosmwasm-std 1.5.11 (${f(r.escrow.bytes)} bytes, store gas ${f(r.escrow.store_gas)}). ` +
      "Both sides run on the same node with the same collateral token, sender, arbiter and recipient (`ts/tools/gas-guarantee.ts`): fresh instances of " +
      "the deployed poe-guarantee and poe-marketplace codes owned by the deployer (labels `guarantee`, `marketplace`; the escrow's `cw20-escr`, as long), " +
      "a poe-token COL as collateral and a poe-token FLX' as the coverage and price token, the pair COL/FLX' from the deployed factory (50,000 COL " +
      `against 500,000 FLX': COL is worth 10 FLX'), TWAP window ${r.parameters.twap_window_seconds} s (the shortest allowed; the guarantees open once ` +
      "the pair's observations cover it). Each guarantee locks 1,000 COL and covers 4,000 FLX' (max_ltv 0.5); each escrow holds 1,000 COL. " +
      "`calls` counts the contract executions of the transaction (cw20 hooks and submessages included), instantiations and replies.",
  );
  L.push("");
  L.push(`| operation | ours | cw20-escrow ${r.escrow.version} | ratio | ours − escrow | calls (ours / escrow) | what ours does |`);
  L.push("|---|---:|---:|---:|---:|---|---|");
  const paired = new Set<string>();
  for (const p of [{ ours: "open: the asset's first", peer: "create: the contract's first", explanation: "" }, ...r.pairs]) {
    const o = get("guarantee", p.ours);
    const e = p.peer ? get("cw20-escrow", p.peer) : undefined;
    if (!o) continue;
    paired.add(o.op);
    if (e) paired.add(e.op);
    L.push(
      `| ${o.op}${e ? ` / escrow ${e.op}` : ""} | ${mm(o)} | ${e ? mm(e) : "—"} | ${e ? (o.median / e.median).toFixed(4) : "—"} | ${e ? sign(o.median - e.median) : "—"} | ` +
        `${calls(o)} / ${e ? calls(e) : "—"} | ${o.notes} |`,
    );
  }
  for (const o of r.rows.filter((x) => x.contract === "guarantee" && !paired.has(x.op))) {
    L.push(`| ${o.op} | ${mm(o)} | no peer | — | — | ${calls(o)} / — | ${o.notes} |`);
  }
  for (const e of r.rows.filter((x) => x.contract === "cw20-escrow" && !paired.has(x.op))) {
    L.push(`| escrow ${e.op} | — | ${mm(e)} | — | — | — / ${calls(e)} | ${e.notes} |`);
  }
  L.push("");
  L.push(
    "**What compares and what does not.** The three paired rows move the same tokens in the same way: the collateral comes in by the same cw20 " +
      "`Send` of the same token from the same sender, and goes out by one cw20 `transfer` on the arbiter's word (back to who locked it, or, after a " +
      "default, to the other side). Their difference is therefore what each contract adds around the transfers. It is not a like-for-like price: " +
      "escrow values nothing and issues nothing, while ours values the collateral at a pair's TWAP (a query into another contract), checks it against " +
      "max_ltv, and issues the obligation as a token of its own (one poe-token instance per guarantee), so that after a default whoever holds the " +
      "claims is paid pro rata, each holder by its own `redeem`, and the guarantor gets the excess back. Redemption, liquidation and the FLX-collateral " +
      "open have no escrow counterpart, and neither has the marketplace.",
  );
  L.push("");

  const open = get("guarantee", "open");
  const openFlx = get("guarantee", "open, FLX collateral (no TWAP query)");
  const create = get("cw20-escrow", "create");
  const rec = (what: string) => r.records.find((x) => x.what.startsWith(what));
  const writeGas = (x: RecordSize | undefined) => (x ? 2_000 + 30 * (33 + x.key_bytes + x.value_bytes) : 0);
  if (open && openFlx && create) {
    const twap = open.median - openFlx.median;
    const rest = openFlx.median - create.median;
    // The calls of ours beyond escrow's two (collateral token + contract, both first of their
    // code): the claim token's instantiation and mint and the reply (poe-token and the guarantee
    // already ran in the tx: 2,000 each).
    const instance = 3 * INSTANCE_LATER;
    const g = rec("guarantee: the guarantee record");
    const idx = ["guarantee: its claim token", "guarantee: by guarantor", "guarantee: by beneficiary"].map(rec);
    const esc = rec("cw20-escrow: the escrow record");
    const claim = ["claim token: `token_info`", "claim token: the beneficiary's balance", "claim token: `marketing_info`"].map(rec);
    const oursWrites = 2 * writeGas(g) + idx.reduce((s, x) => s + writeGas(x), 0);
    const claimWrites = claim.reduce((s, x) => s + writeGas(x), 0);
    L.push(
      `**Open against create (${sign(open.median - create.median)}).** Both are a cw20 \`Send\` of the collateral to the contract. What ours does beyond it, ` +
        "with the figures:",
    );
    L.push("");
    L.push(
      `- *The TWAP query* (open ${f(open.median)} against the same open with FLX' collateral, valued 1:1 and so without it, ${f(openFlx.median)}): ${sign(twap)}. ` +
        `A smart query runs the pair's code, the first call of that code in the transaction (${f(INSTANCE_FIRST)} instance cost), which reads its state, ` +
        "config and the observations its binary search touches; escrow values nothing.",
    );
    L.push(
      `- *The claim token* (the FLX' open against create: ${sign(rest)}): ours instantiates a contract (the claim token: wasmd writes its contract info, ` +
        "label and code history and runs its instantiate, which stores `token_info`, the minter, `marketing_info`, the owner, cw2's version and the retire " +
        `flag), gets a reply and mints the coverage: three more calls of codes that already ran in the transaction (${f(instance)} instance cost). ` +
        (claim.every(Boolean)
          ? `The claim token's main records: \`token_info\` ${claim[0]!.value_bytes} B, the beneficiary's balance ${claim[1]!.value_bytes} B, \`marketing_info\` ` +
            `${claim[2]!.value_bytes} B (${f(claimWrites)} gas to write at 2,000 + 30/B, keys and the 33-byte prefix included). `
          : "") +
        (g && esc && idx.every(Boolean)
          ? `The guarantee itself is a ${g.value_bytes}-byte record written twice (pending while the claim token is made, then final) plus three index entries ` +
            `(${idx.map((x) => `${x!.key_bytes} + ${x!.value_bytes} B`).join(", ")}): ${f(oursWrites)} gas, against escrow's one ${esc.value_bytes}-byte record ` +
            `(${f(writeGas(esc))}). `
          : "") +
        (g && esc && idx.every(Boolean) && claim.every(Boolean)
          ? `That leaves ${sign(rest - instance - claimWrites - (oursWrites - writeGas(esc)))} for what is not counted here: wasmd's creation of a contract ` +
            "(its account, contract info and code history with the instantiate message), the wasm execution of the token's instantiate and mint and of the " +
            "guarantee's reply, and the events of three contracts more (10 gas per attribute)." +
            (context.tokenInstantiateGas
              ? ` For scale: a poe-token instantiated as a transaction of its own costs ${f(context.tokenInstantiateGas)} (the token section above), ` +
                `${f(INSTANCE_FIRST)} of it the first call of the code, which the open pays ${f(INSTANCE_LATER)} of.`
              : "")
          : "The rest is wasmd's creation of a contract, wasm execution and events."),
    );
    L.push("");
  }
  const release = get("guarantee", "release (arbiter)");
  const refund = get("cw20-escrow", "refund (arbiter)");
  const dflt = get("guarantee", "declare_default (arbiter)");
  const approve = get("cw20-escrow", "approve (arbiter)");
  const part = get("guarantee", "redeem (part of the claims)");
  const last = get("guarantee", "redeem (the last claims)");
  const liq = get("guarantee", "liquidate");
  if (release && refund) {
    L.push(
      `**Release against refund (${sign(release.median - refund.median)}).** Both give the collateral back by one cw20 \`transfer\`; escrow removes its record, ` +
        "ours rewrites the guarantee (status, returned, closed at) and its totals and calls the claim token's `retire`: every claim still outstanding, " +
        "in whichever wallets, is void at once (the token's supply and balances go to zero) instead of one burn per holder.",
    );
    L.push("");
  }
  if (dflt && approve && part && last) {
    L.push(
      `**Default and redemption against approve.** Escrow's approve (${f(approve.median)}) pays the recipient in one step. Ours splits it: the default ` +
        `(${f(dflt.median)}) values the collateral at the TWAP again (one pair query), sets aside ceil(4,000 / 10) = 400 COL and pays the other 600 back; ` +
        `each holder then redeems its claims (${f(part.median)} for a part, ${f(last.median)} for the last), burning them, with the guarantee identified by the ` +
        `token that calls the hook. One holder redeeming everything costs ${f(dflt.median + last.median)} in two transactions ` +
        `(${sign(dflt.median + last.median - approve.median)} against approve), the price of claims that can change hands and of a guarantor who keeps the excess.`,
    );
    L.push("");
  }
  if (liq) {
    L.push(
      `**Liquidation (${f(liq.median)}, no peer).** Staged on the node in about 11 minutes of block time, in the background of the benchmark: LQD/FLX' ` +
        `(10,000 LQD against 100,000 FLX') gets its first deposit, ${Math.round(r.liquidation.crash_after_seconds)} s later 10,000 LQD are sold into it (the price falls from 10 to ` +
        `about 2.5 FLX'), the ${liq.gas.length} LQD guarantees open as soon as the pair covers the 600 s window (their TWAP, ${r.liquidation.lqd_price_at_open}, still weighs ` +
        `the first minute at 10; max_ltv 0.5, maintenance 1.9, coverage 90 % of the maximum), and they are liquidated once the whole window lies after ` +
        `the crash (TWAP ${r.liquidation.lqd_price_at_liquidation}, so the router's sale meets minimum_receive = TWAP value − 5 %). FLX' set aside for the claims: ` +
        `${r.liquidation.flx_set_aside.map((x) => f(Number(x) / 1e6)).join(", ")}. Its calls: the TWAP query, the caller's 1 % fee, a cw20 \`send\` to the ` +
        "router, the router's swap through the pair (with its own balance query and progress record), the FLX' `transfer` back and the guarantee's reply " +
        "that measures what arrived: the most expensive operation of the suite's guarantees, paid by the liquidator, who earns the fee.",
    );
    L.push("");
  }
  const mk = r.rows.filter((x) => x.contract === "marketplace");
  if (mk.length) {
    L.push("### The marketplace (no peer)");
    L.push("");
    L.push(
      "The same node, a fresh poe-marketplace with one COL pool (proceeds to the deployed treasury), 10,000 COL per replenishment, allocations of 100 COL " +
        "for 1,000 FLX'. No peer: cw20-escrow has no pool to reserve from; its create moves tokens in where `allocate` only moves them from `available` to " +
        `\`reserved\`${approve ? `, and its approve (${f(approve.median)}) is one transfer where \`release\` is a payment in, a delivery out and a deposit at the treasury` : ""}.`,
    );
    L.push("");
    L.push("| operation | gas (min / median) | calls | what it does |");
    L.push("|---|---:|---|---|");
    for (const x of mk) L.push(`| ${x.op} | ${mm(x)} | ${calls(x)} | ${x.notes} |`);
    L.push("");
    const alloc = rec("marketplace: the allocation record");
    const pool = rec("marketplace: the pool record");
    if (alloc && pool) {
      L.push(
        `Records: an allocation is ${alloc.value_bytes} B (key ${alloc.key_bytes} B), the pool ${pool.value_bytes} B, rewritten by every operation above.`,
      );
      L.push("");
    }
  }
  return L;
}
