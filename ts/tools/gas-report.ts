// The gas benchmark (run by scripts/gas-report.sh on a fresh node with the suite deployed from
// scenarios/gas.yaml): gas_used per operation, written to docs/gas.md and docs/gas.json.
//
//   node --import tsx ts/tools/gas-report.ts [--chain-id poe-local] [--node URL] [--miners 10,100,1000]
//       [--samples 3] [--batch 50] [--out-dir docs] [--wasmd-version "0.61.14"]
//
// Environment: POE_DEPLOYER_MNEMONIC (the deployment's accounts and the benchmark's are derived
// from it), POE_GAS_PRICE (default 0stake), POE_GAS_T0 (Unix seconds the whole run started, for
// the runtime figure; default now).
//
// Every figure is `gas_used` of a transaction included in a block (DeliverTx), read back from the
// node; a failed transaction stops the benchmark. What is measured and how: docs/gas.md.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { toUtf8 } from "@cosmjs/encoding";
import type { EncodeObject } from "@cosmjs/proto-signing";
import type { IndexedTx } from "@cosmjs/stargate";
import { MsgMultiSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { KeyRing, mapLimit, TxPipeline, waitForTxs } from "../src/broadcast";
import { connectSigning, DEFAULT_GAS_PRICE, gasDenom, latestBlockTime, waitForBlockTime } from "../src/chain";
import { contracts } from "../src/contracts";
import type { EconomicJobType } from "../src/contracts/PoeMining.types";
import { loadDeployment, REPO_ROOT } from "../src/deployment";
import { type JobReport, toBinary } from "../src/hooks";
import { type JsonValue, resolvePlaceholders } from "../src/plan";
import { measureStakingAndGovernance, type StakingReport } from "./gas-staking";
import { measureOurAmm, measureOurRouter } from "./gas-amm";
import { GUARANTEE_BENCH_ACCOUNTS, type GuaranteeReport, guaranteeMarkdown, prepareGuaranteeBench } from "./gas-guarantee";
import { measureAstroport, type PeerRow, type UploadedCode, uploadPeers } from "./peers";

const { PoeMiningQueryClient, PoeMiningMsgComposer } = contracts.PoeMining;
const { PoeTokenQueryClient, PoeTokenMsgComposer } = contracts.PoeToken;

// ---------------------------------------------------------------------------------------------
// Parameters

const { values: args } = parseArgs({
  options: {
    "chain-id": { type: "string", default: "poe-local" },
    node: { type: "string" },
    miners: { type: "string", default: "10,100,1000" },
    samples: { type: "string", default: "3" },
    batch: { type: "string", default: "50" },
    "out-dir": { type: "string", default: "docs" },
    /** Rewrites gas.md from an existing gas.json (no chain needed): for changes of the text. */
    "markdown-only": { type: "boolean", default: false },
    "wasmd-version": { type: "string", default: "" },
  },
  strict: true,
});
const ROUNDS = args.miners.split(",").map((s) => Number(s.trim()));
if (ROUNDS.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--miners: whole numbers >= 1, got ${args.miners}`);
const SAMPLES = Number(args.samples);
const BATCH = Number(args.batch);
if (!(SAMPLES >= 1 && BATCH >= 1)) throw new Error("--samples and --batch must be >= 1");
const GAS_PRICE = process.env.POE_GAS_PRICE ?? DEFAULT_GAS_PRICE;
const OUT_DIR = join(REPO_ROOT, args["out-dir"]);

/** Token amounts (6 decimals). Chosen so that no balance, allowance or supply changes its number
 *  of decimal digits during the measurements (storage gas is per byte of the JSON value). */
const ONE = "1000000"; // 1 token: transfer, burn, mint, transfer_from, increase_allowance
const SEND = "20000000000"; // 20,000 tokens per send to the treasury
const SEED_RECIPIENT = "1000000000"; // 1,000 tokens: the recipient's balance before the samples
const SEED_ALLOWANCE = "10000000000"; // 10,000 tokens: the spender's allowance before the samples
/** Each job: 1,500 FLX, so 10 jobs pass min_epoch_job_value (10,000 FLX) and the epoch mints NEX. */
const JOB_VALUE = "1500000000";
const JOB_TYPE: EconomicJobType = "compute";
/** Labels of the benchmark's token instances: as long as the deployed "FLX" (wasmd reads the
 *  contract info, label included, at every call: 3 gas per byte). */
const REF_LABEL = "REF";
const OURS_LABEL = "FLX";
const BURN_LABEL = "BRN";
const BURN_BPS = 100;

// Gas limits (the price is 0: a limit costs nothing; used gas is what is measured).
const GAS_TOKEN_OP = 1_000_000;
const GAS_REGISTER = 500_000;
const GAS_JOB = 500_000; // per job in a batch
const GAS_CLOSE = 2_000_000;
const GAS_CLAIM = 1_000_000;
const GAS_BANK = 200_000;

// ---------------------------------------------------------------------------------------------
// Output model (docs/gas.json)

interface Measured {
  gas: number;
  tx: string;
  height: number;
  /** Contract executions in the transaction (wasmd `execute` events: the call and its submessages). */
  contract_calls: number;
}
interface Figures {
  samples: number[];
  min: number;
  median: number;
  max: number;
  contract_calls: number;
  txs: string[];
}
function figures(ms: Measured[]): Figures {
  if (ms.length === 0) throw new Error("no sample");
  const s = ms.map((m) => m.gas).sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return {
    samples: ms.map((m) => m.gas),
    min: s[0],
    median: s.length % 2 === 1 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2),
    max: s[s.length - 1],
    contract_calls: ms[0].contract_calls,
    txs: ms.map((m) => m.tx),
  };
}

interface ExtraRead {
  what: string;
  kind: "read" | "write";
  key_bytes: number;
  value_bytes: number;
  gas: number;
}

const t0 = Date.now();
const runStart = process.env.POE_GAS_T0 ? Number(process.env.POE_GAS_T0) * 1000 : t0;
const log = (line: string) => console.log(`[gas ${String(Math.round((Date.now() - t0) / 1000)).padStart(4)} s] ${line}`);
const fmt = (n: number) => n.toLocaleString("en-US");

// ---------------------------------------------------------------------------------------------
// Chain helpers

function measured(tx: IndexedTx): Measured {
  return {
    gas: Number(tx.gasUsed),
    tx: tx.hash,
    height: tx.height,
    contract_calls: tx.events.filter((e) => e.type === "execute").length,
  };
}

/** wasmd's contract store prefix: 0x03 + the 32-byte contract address (x/wasm/types/keys.go). */
const CONTRACT_PREFIX_BYTES = 33;
/** Cosmos SDK KVGasConfig (store/types/gas.go): what a read and a write of a key cost. */
const readGas = (key: number, value: number) => 1000 + 3 * (CONTRACT_PREFIX_BYTES + key + value);
const writeGas = (key: number, value: number) => 2000 + 30 * (CONTRACT_PREFIX_BYTES + key + value);

/** A u64 as cw-storage-plus encodes an integer key: 8 bytes, big-endian. */
function u64be(n: number): number[] {
  const out: number[] = [];
  let v = BigInt(n);
  for (let i = 0; i < 8; i++) {
    out.unshift(Number(v & 0xffn));
    v >>= 8n;
  }
  return out;
}

/** cw-storage-plus key of `Map<(A, B), _>` under `namespace`: len(ns) ns len(a) a b. */
function mapKey2(namespace: string, a: string, b: string): Uint8Array {
  const parts = [namespace, a].map((p) => toUtf8(p));
  const out: number[] = [];
  for (const p of parts) out.push(p.length >> 8, p.length & 0xff, ...p);
  out.push(...toUtf8(b));
  return Uint8Array.from(out);
}

async function main() {
  const mnemonic = process.env.POE_DEPLOYER_MNEMONIC?.trim();
  if (!mnemonic) throw new Error("POE_DEPLOYER_MNEMONIC is not set");
  const d = loadDeployment(args["chain-id"]);
  const node = args.node ?? d.node;
  const denom = gasDenom(GAS_PRICE);

  // -------------------------------------------------------------------------------------------
  // Accounts: the plan's at 0..P-1 (checked against the deployment), then the benchmark's own.
  const totalMiners = ROUNDS.reduce((a, b) => a + b, 0);
  log(`deriving keys: ${d.plan.accounts.length} plan accounts, 2 benchmark accounts, ${totalMiners} miners`);
  const keys = await KeyRing.fromMnemonic(mnemonic);
  await keys.add(d.plan.accounts, 0);
  for (const name of d.plan.accounts) {
    if (keys.address(name) !== d.accounts[name].address) throw new Error(`@${name} does not derive as deployed`);
  }
  const P = d.plan.accounts.length;
  await keys.add(["bench_spender", "bench_recipient"], P);
  const minerNames = Array.from({ length: totalMiners }, (_, i) => `gas_miner_${String(i + 1).padStart(4, "0")}`);
  const miners = (await keys.add(minerNames, P + 2)).map((a) => a.address);
  // Astroport's provider, trader and maker (fee address) for the pool peer's rows.
  const [ammProvider, ammTrader, ammMaker] = (await keys.add(["bench_amm_provider", "bench_amm_trader", "bench_amm_maker"], P + 2 + totalMiners)).map((a) => a.address);
  // The guarantee and marketplace benchmark's accounts (ts/tools/gas-guarantee.ts).
  const gAccounts = await keys.add(GUARANTEE_BENCH_ACCOUNTS, P + 5 + totalMiners);
  const gAcc = Object.fromEntries(gAccounts.map((a) => [a.name, a.address])) as Record<(typeof GUARANTEE_BENCH_ACCOUNTS)[number], string>;
  log(`keys derived (HD indices 0..${P + 4 + totalMiners + gAccounts.length})`);

  const client = await connectSigning(node, keys, { gasPrice: GAS_PRICE });
  const chainId = await client.getChainId();
  if (chainId !== d.chain_id) throw new Error(`node is ${chainId}, deployment ${d.chain_id}`);
  const pipe = new TxPipeline(client, chainId, GAS_PRICE);

  const deployer = keys.address("deployer");
  const holder = keys.address("reporter_2");
  const reporter = keys.address("reporter_1");
  // The deployed FLX's minter is the FLX supply controller, so the token benchmark runs on fresh
  // instances made from FLX's instantiate message, whose minter is the deployer.
  const minter = deployer;
  const spender = keys.address("bench_spender");
  const recipient = keys.address("bench_recipient");
  const addr = {
    mining: d.contracts["poe-mining"],
    flx: d.contracts.FLX,
    nex: d.contracts.NEX,
    treasury: d.contracts.treasury,
  };
  const mining = new PoeMiningQueryClient(client, addr.mining);

  /** Submits every item (each sender's in order), then waits for all of them to be in blocks. */
  async function runAll(items: { sender: string; msgs: EncodeObject[]; gas: number }[]): Promise<Measured[]> {
    const hashes = await Promise.all(items.map((it) => pipe.submit(it.sender, it.msgs, it.gas)));
    return (await waitForTxs(client, hashes)).map(measured);
  }
  const run1 = async (sender: string, msgs: EncodeObject[], gas: number) => (await runAll([{ sender, msgs, gas }]))[0];
  const bankSend = (from: string, to: string, amount: string): EncodeObject => ({
    typeUrl: "/cosmos.bank.v1beta1.MsgSend",
    value: { fromAddress: from, toAddress: to, amount: [{ denom, amount }] },
  });

  // -------------------------------------------------------------------------------------------
  // Funding: one MultiSend from the deployer creates every benchmark account (fees are 0, but an
  // account must exist on chain to sign).
  {
    const targets = [spender, recipient, ...miners, ammProvider, ammTrader, ...gAccounts.map((a) => a.address)];
    const each = 1000n;
    const msg: EncodeObject = {
      typeUrl: "/cosmos.bank.v1beta1.MsgMultiSend",
      value: MsgMultiSend.fromPartial({
        inputs: [{ address: deployer, coins: [{ denom, amount: (each * BigInt(targets.length)).toString() }] }],
        outputs: targets.map((address) => ({ address, coins: [{ denom, amount: each.toString() }] })),
      }),
    };
    const simulated = await client.simulate(deployer, [msg], "");
    const r = await run1(deployer, [msg], Math.ceil(simulated * 1.3));
    log(`funded ${targets.length} accounts with one MultiSend: gas ${fmt(r.gas)}`);
  }

  // -------------------------------------------------------------------------------------------
  // Guarantees and the marketplace (ts/tools/gas-guarantee.ts), set up first: their pairs get
  // their first liquidity now, and the TWAP window the guarantees need (600 s) fills while the
  // rest of the benchmark runs; the liquidation round runs in the background on its own
  // accounts; the rows are measured at the end.
  log("guarantee bench: cw20-escrow 0.11.1, bench tokens, pairs, guarantee, marketplace (fresh instances of the deployed codes)");
  const guaranteeBench = await prepareGuaranteeBench({
    client,
    admin: deployer,
    accounts: gAcc,
    deployment: d,
    samples: SAMPLES,
    gasPrice: GAS_PRICE,
    log: (l) => log(`  ${l}`),
  });
  pipe.forget(deployer);

  // -------------------------------------------------------------------------------------------
  // Token operations: FLX (ours, 0 bps) against cw20-base 2.0.0 with the same instantiate
  // message and balances, and an instance of ours with a 100 bps transfer burn.
  log("token benchmark: upload and instantiate cw20-base 2.0.0 and the 100 bps instance");
  const refPath = join(REPO_ROOT, "artifacts/reference/cw20_base.wasm");
  const refBytes = readFileSync(refPath);
  const refSum = createHash("sha256").update(refBytes).digest("hex");
  const refSums = readFileSync(join(REPO_ROOT, "artifacts/reference/checksums.txt"), "utf8");
  if (!refSums.includes(`${refSum}  cw20_base.wasm`)) throw new Error("artifacts/reference/cw20_base.wasm does not match its checksums.txt");
  const refUpload = await client.upload(deployer, refBytes, "auto", "cw20-base 2.0.0 (gas reference)");
  const flxStep = d.plan.steps.find((s) => s.kind === "instantiate" && s.label === "FLX");
  if (!flxStep || flxStep.kind !== "instantiate") throw new Error("the plan has no FLX");
  const flxMsg = resolvePlaceholders(flxStep.msg, (n) => d.accounts[n]?.address, (l) => d.contracts[l]) as Record<string, JsonValue>;
  // cw20-base's InstantiateMsg: the same fields without the two optional extension fields
  // (cw_serde denies unknown fields).
  const { transfer_burn_bps: _bps, owner: _owner, ...refMsg } = flxMsg;
  const refInst = await client.instantiate(deployer, refUpload.codeId, refMsg, REF_LABEL, "auto", { admin: deployer });
  const oursInst = await client.instantiate(deployer, d.codes["poe-token"].code_id, flxMsg, OURS_LABEL, "auto", { admin: deployer });
  const burnMsg = { ...flxMsg, transfer_burn_bps: BURN_BPS };
  const burnInst = await client.instantiate(deployer, d.codes["poe-token"].code_id, burnMsg, BURN_LABEL, "auto", { admin: deployer });
  const tokens = {
    ours: { label: OURS_LABEL, address: oursInst.contractAddress, code: "poe-token", transfer_burn_bps: 0 },
    cw20_base: { label: REF_LABEL, address: refInst.contractAddress, code: "cw20-base 2.0.0", transfer_burn_bps: null },
    ours_burn_100bps: { label: BURN_LABEL, address: burnInst.contractAddress, code: "poe-token", transfer_burn_bps: BURN_BPS },
  } as const;
  type TokenKey = keyof typeof tokens;
  const tokenKeys = Object.keys(tokens) as TokenKey[];
  const instantiateGas: Record<TokenKey, number> = {
    ours: Number(oursInst.gasUsed),
    cw20_base: Number(refInst.gasUsed),
    ours_burn_100bps: Number(burnInst.gasUsed),
  };
  pipe.forget(deployer); // it signed through `client` above
  log(`cw20-base: code ${refUpload.codeId} (store gas ${fmt(Number(refUpload.gasUsed))}), ${REF_LABEL} at ${refInst.contractAddress}; ${BURN_LABEL} (100 bps) at ${burnInst.contractAddress}`);

  // Each signer's first transaction stores its public key (~12,000 gas more): spend it first.
  await runAll([holder, minter, spender].map((s) => ({ sender: s, msgs: [bankSend(s, deployer, "1")], gas: GAS_BANK })));
  const deposit = toBinary({ deposit: {} });
  const tok = (sender: string, t: TokenKey) => new PoeTokenMsgComposer(sender, tokens[t].address);

  // Warm-up: the recipient's balance, the allowance and the treasury's ledger entry exist before
  // any sample; the first send of each token to the treasury (its first deposit: the treasury
  // asks the token for its balance) is recorded on its own.
  log("token benchmark: warm-up (recipient balance, allowance, first deposit at the treasury)");
  const warm = await runAll(
    tokenKeys.flatMap((t) => [
      { sender: holder, msgs: [tok(holder, t).transfer({ recipient, amount: SEED_RECIPIENT })], gas: GAS_TOKEN_OP },
      { sender: holder, msgs: [tok(holder, t).increaseAllowance({ spender, amount: SEED_ALLOWANCE })], gas: GAS_TOKEN_OP },
      { sender: holder, msgs: [tok(holder, t).send({ contract: addr.treasury, amount: SEND, msg: deposit })], gas: GAS_TOKEN_OP },
      { sender: minter, msgs: [tok(minter, t).mint({ recipient, amount: ONE })], gas: GAS_TOKEN_OP },
    ]),
  );
  const firstDeposit: Record<TokenKey, Measured> = {
    ours: warm[2],
    cw20_base: warm[6],
    ours_burn_100bps: warm[10],
  };

  const OPS = ["transfer", "send", "transfer_from", "burn", "mint", "increase_allowance"] as const;
  type Op = (typeof OPS)[number];
  const samples: Record<TokenKey, Record<Op, Measured[]>> = {
    ours: { transfer: [], send: [], transfer_from: [], burn: [], mint: [], increase_allowance: [] },
    cw20_base: { transfer: [], send: [], transfer_from: [], burn: [], mint: [], increase_allowance: [] },
    ours_burn_100bps: { transfer: [], send: [], transfer_from: [], burn: [], mint: [], increase_allowance: [] },
  };
  for (let k = 1; k <= SAMPLES; k++) {
    const items: { t: TokenKey; op: Op; sender: string; msgs: EncodeObject[]; gas: number }[] = [];
    for (const t of tokenKeys) {
      items.push({ t, op: "transfer", sender: holder, msgs: [tok(holder, t).transfer({ recipient, amount: ONE })], gas: GAS_TOKEN_OP });
      items.push({ t, op: "send", sender: holder, msgs: [tok(holder, t).send({ contract: addr.treasury, amount: SEND, msg: deposit })], gas: GAS_TOKEN_OP });
      items.push({ t, op: "burn", sender: holder, msgs: [tok(holder, t).burn({ amount: ONE })], gas: GAS_TOKEN_OP });
      items.push({ t, op: "increase_allowance", sender: holder, msgs: [tok(holder, t).increaseAllowance({ spender, amount: ONE })], gas: GAS_TOKEN_OP });
      items.push({ t, op: "transfer_from", sender: spender, msgs: [tok(spender, t).transferFrom({ owner: holder, recipient, amount: ONE })], gas: GAS_TOKEN_OP });
      items.push({ t, op: "mint", sender: minter, msgs: [tok(minter, t).mint({ recipient, amount: ONE })], gas: GAS_TOKEN_OP });
    }
    const res = await runAll(items);
    items.forEach((it, i) => samples[it.t][it.op].push(res[i]));
    log(`token benchmark: sample ${k}/${SAMPLES} (${items.length} transactions)`);
  }

  // What our token reads or writes beyond cw20-base, from the chain's own bytes.
  const raw = async (contract: string, key: Uint8Array) => (await client.queryContractRaw(contract, key)) ?? new Uint8Array();
  const tbKey = toUtf8("tb");
  const tbValue = await raw(tokens.ours.address, tbKey);
  const infoKey = toUtf8("token_info");
  const infoValue = await raw(tokens.ours.address, infoKey);
  const infoValueBurn = await raw(tokens.ours_burn_100bps.address, infoKey);
  const allowanceKey = mapKey2("allowance", holder, spender);
  const allowanceValue = await raw(tokens.ours.address, allowanceKey);
  const readTb: ExtraRead = { what: "transfer burn rate `tb` (u16)", kind: "read", key_bytes: tbKey.length, value_bytes: tbValue.length, gas: readGas(tbKey.length, tbValue.length) };
  const readInfo: ExtraRead = { what: "`token_info` (overflow check before cw20-base's mint)", kind: "read", key_bytes: infoKey.length, value_bytes: infoValue.length, gas: readGas(infoKey.length, infoValue.length) };
  const readAllowance: ExtraRead = { what: "`allowance` (owner, spender) (overflow check before cw20-base's increase)", kind: "read", key_bytes: allowanceKey.length, value_bytes: allowanceValue.length, gas: readGas(allowanceKey.length, allowanceValue.length) };
  // The supply record (contracts/token/src/state.rs): one counter per reason, `mr` / `br` keyed
  // by the reason's one-byte number; a mint without a reason counts as `unspecified` (0), a
  // burn as `user` (0). Each mint and burn reads and rewrites its counter.
  const counterKey = (namespace: string) => Uint8Array.from([0, namespace.length, ...toUtf8(namespace), 0]);
  const counter = async (namespace: string, op: string): Promise<ExtraRead[]> => {
    const key = counterKey(namespace);
    const value = await raw(tokens.ours.address, key);
    return [
      { what: `${op} counter \`${namespace}\` (reason 0)`, kind: "read", key_bytes: key.length, value_bytes: value.length, gas: readGas(key.length, value.length) },
      { what: `${op} counter \`${namespace}\` (reason 0)`, kind: "write", key_bytes: key.length, value_bytes: value.length, gas: writeGas(key.length, value.length) },
    ];
  };
  const extraOurs: Record<Op, ExtraRead[]> = {
    transfer: [readTb],
    send: [readTb],
    transfer_from: [readTb],
    burn: await counter("br", "burn"),
    mint: [readInfo, ...(await counter("mr", "mint"))],
    increase_allowance: [readAllowance],
  };
  // The 100 bps instance against ours at 0 bps: the supply update (read + write of token_info)
  // and the response's extra `burned` attribute (wasmd: 10 gas per attribute + 1 per byte, all
  // bytes beyond the 100-byte free tier, which cw20's other attributes already use up).
  const burnOf = (amount: string) => ((BigInt(amount) * BigInt(BURN_BPS) + 9999n) / 10000n).toString();
  const extraBurn = (amount: string): { items: ExtraRead[]; attribute_gas: number } => ({
    items: [
      { what: "`token_info` read (supply)", kind: "read", key_bytes: infoKey.length, value_bytes: infoValueBurn.length, gas: readGas(infoKey.length, infoValueBurn.length) },
      { what: "`token_info` write (supply - burn)", kind: "write", key_bytes: infoKey.length, value_bytes: infoValueBurn.length, gas: writeGas(infoKey.length, infoValueBurn.length) },
    ],
    attribute_gas: 10 + "burned".length + burnOf(amount).length,
  });

  // Instantiation: ours against cw20-base, from the two transactions and the stored bytes.
  const flxInstHash = oursInst.transactionHash;
  const instTx = async (hash: string | undefined) => {
    const tx = hash ? await client.getTx(hash) : null;
    if (!tx) throw new Error(`instantiate tx ${hash} not found`);
    // The contract's own attributes (wasmd adds `_contract_address` and `msg_index` itself, free).
    const attrs = tx.events
      .filter((e) => e.type === "wasm")
      .flatMap((e) => e.attributes)
      .filter((a) => a.key !== "_contract_address" && a.key !== "msg_index");
    const attrBytes = attrs.reduce((n, a) => n + a.key.length + a.value.length, 0);
    return { txBytes: tx.tx.length, attrs: attrs.length, attrGas: 10 * attrs.length + Math.max(0, attrBytes - 100) };
  };
  const instOurs = await instTx(flxInstHash);
  const instRef = await instTx(refInst.transactionHash);
  const rawLen = async (key: string) => (await raw(tokens.ours.address, toUtf8(key))).length;
  const written = async (what: string, key: string): Promise<ExtraRead> => {
    const value = await rawLen(key);
    return { what, kind: "write", key_bytes: key.length, value_bytes: value, gas: writeGas(key.length, value) };
  };
  const instWrites = [
    await written("cw2 `contract_info` written again (crates.io:poe-token)", "contract_info"),
    await written("cw-ownable `ownership`", "ownership"),
    await written("transfer burn rate `tb`", "tb"),
  ];
  // The message carries two more (null) fields: 10 gas per tx byte, and wasmd stores the message
  // in the contract's code history (30 gas per byte written).
  const msgExtraBytes = JSON.stringify(flxMsg).length - JSON.stringify(refMsg).length;
  const instantiateExplained = {
    difference: instantiateGas.ours - instantiateGas.cw20_base,
    writes: instWrites,
    tx_bytes: { ours: instOurs.txBytes, cw20_base: instRef.txBytes, gas: 10 * (instOurs.txBytes - instRef.txBytes) },
    history_msg_bytes: { extra: msgExtraBytes, gas: 30 * msgExtraBytes },
    attributes: { ours: instOurs.attrs, cw20_base: instRef.attrs, gas: instOurs.attrGas - instRef.attrGas },
    expected: 0,
    residual: 0,
  };
  instantiateExplained.expected =
    instWrites.reduce((n, w) => n + w.gas, 0) + instantiateExplained.tx_bytes.gas + instantiateExplained.history_msg_bytes.gas + instantiateExplained.attributes.gas;
  instantiateExplained.residual = instantiateExplained.difference - instantiateExplained.expected;

  const tokenRows = OPS.map((op) => {
    const ours = figures(samples.ours[op]);
    const ref = figures(samples.cw20_base[op]);
    const burn = figures(samples.ours_burn_100bps[op]);
    const extra = extraOurs[op];
    const expected = extra.reduce((s, e) => s + e.gas, 0);
    const diff = ours.median - ref.median;
    const burnExtra = op === "transfer" || op === "send" || op === "transfer_from" ? extraBurn(op === "send" ? SEND : ONE) : null;
    const burnExpected = burnExtra ? burnExtra.items.reduce((s, e) => s + e.gas, 0) + burnExtra.attribute_gas : 0;
    return {
      op,
      ours,
      cw20_base: ref,
      ours_burn_100bps: burn,
      ratio: Number((ours.median / ref.median).toFixed(4)),
      difference: diff,
      expected_storage_difference: expected,
      extra_storage_access: extra,
      /** What the storage accesses above do not explain: wasm execution (VM gas / 140,000). */
      residual: diff - expected,
      burn_100bps_vs_ours: burnExtra
        ? { difference: burn.median - ours.median, expected: burnExpected, extra_storage_access: burnExtra.items, attribute_gas: burnExtra.attribute_gas, residual: burn.median - ours.median - burnExpected }
        : { difference: burn.median - ours.median },
    };
  });
  for (const r of tokenRows) {
    log(`  ${r.op.padEnd(18)} ours ${fmt(r.ours.median)}  cw20-base ${fmt(r.cw20_base.median)}  ratio ${r.ratio.toFixed(4)}  100bps ${fmt(r.ours_burn_100bps.median)}`);
  }

  // -------------------------------------------------------------------------------------------
  // PoE: registrations. The first 3 miners sign a bank send first (their public key is then
  // stored), so their register_miner is the operation alone; the others register with their
  // very first transaction (the usual case), concurrently.
  const nWarm = Math.min(3, totalMiners);
  await runAll(miners.slice(0, nWarm).map((m) => ({ sender: m, msgs: [bankSend(m, deployer, "1")], gas: GAS_BANK })));
  const registerMsg = (m: string) => new PoeMiningMsgComposer(m, addr.mining).registerMiner({ specialization: JOB_TYPE });
  const registerWarm = await runAll(miners.slice(0, nWarm).map((m) => ({ sender: m, msgs: [registerMsg(m)], gas: GAS_REGISTER })));
  log(`register_miner (account known): ${registerWarm.map((r) => fmt(r.gas)).join(", ")}`);
  const rest = miners.slice(nWarm);
  log(`registering ${rest.length} miners (one tx each, its first; broadcast without waiting for blocks)`);
  const tReg = Date.now();
  let broadcast = 0;
  const regHashes = await mapLimit(rest, 8, async (m) => {
    const h = await pipe.submit(m, [registerMsg(m)], GAS_REGISTER);
    if (++broadcast % 200 === 0) log(`  broadcast ${broadcast}/${rest.length}`);
    return h;
  });
  const registerFirst = (await waitForTxs(client, regHashes, { timeoutMs: 300_000 })).map(measured);
  const stats = await mining.miningStatistics();
  if (stats.total_miners !== totalMiners) throw new Error(`${stats.total_miners} miners registered, expected ${totalMiners}`);
  log(`${rest.length} registrations in blocks after ${((Date.now() - tReg) / 1000).toFixed(1)} s; total_miners ${stats.total_miners}`);

  // -------------------------------------------------------------------------------------------
  // Scaling rounds: N miners active in one epoch (one job each), then close and claims.
  const fee = await mining.jobFee({ jobValue: JOB_VALUE });
  const report = (miner: string): JobReport => ({
    job_type: JOB_TYPE,
    miner,
    job_value: JOB_VALUE,
    quality_score: "0.9",
    liquidity_delta: "0",
    uptime: "0.99",
  });
  const flxAsReporter = new PoeTokenMsgComposer(reporter, addr.flx);
  const jobMsg = (miner: string) => flxAsReporter.send({ amount: fee.fee, contract: addr.mining, msg: toBinary({ submit_job: report(miner) }) });
  const composer = new PoeMiningMsgComposer(deployer, addr.mining);
  const epochLenS = Number((await mining.config()).params.epoch_length_seconds);

  const submitFirstOfEpoch: Measured[] = [];
  const submitSingle: Measured[] = [];
  const emptyCloses: { epochs: number; gas: number }[] = [];
  const rounds: {
    miners: number;
    epoch: number;
    job_txs: { jobs: number; gas: number; tx: string }[];
    submit_gas_per_job_in_batches: number;
    submit_seconds: number;
    close_epoch: Measured;
    records: { epoch_bytes: number; epoch_bytes_after_close: number; state_bytes: number; state_bytes_after_close: number; byte_dependent_gas: number };
    claim_rewards: Figures;
    nex_minted: string;
    job_count: number;
    active_miners: number;
  }[] = [];
  let offset = 0;
  for (const n of ROUNDS) {
    const ms = miners.slice(offset, offset + n);
    offset += n;
    // Every job of the round must land in one epoch: start with enough block time left.
    const needS = 12 + Math.ceil(n * 0.025);
    if (needS > epochLenS) throw new Error(`${n} jobs need about ${needS} s of one epoch; the epoch is ${epochLenS} s (scenarios/gas.yaml)`);
    let cur = await mining.currentEpoch();
    const left = (BigInt(cur.end_time) - (await latestBlockTime(client))) / 1_000_000_000n;
    if (left < BigInt(needS)) {
      log(`round N=${n}: ${left} s left in epoch ${cur.epoch}, waiting for epoch ${cur.epoch + 1}`);
      await waitForBlockTime(client, BigInt(cur.end_time), { timeoutMs: (epochLenS + 30) * 1000 });
      cur = await mining.currentEpoch();
    }
    const epoch = cur.epoch;
    // Idle epochs before it (none unless a round had to wait) are closed first, in their own
    // transaction and BEFORE the round's jobs: a close pays every pending treasury share, so a
    // close after the jobs would take over the measured close's FLX send.
    const next = (await mining.currentEpoch()).next_epoch_to_close;
    if (next < epoch) {
      const msgs = [];
      for (let e = next; e < epoch; e++) msgs.push(composer.closeEpoch({ epoch: e }));
      const r = await run1(deployer, msgs, GAS_CLOSE * msgs.length);
      emptyCloses.push({ epochs: msgs.length, gas: r.gas });
      log(`  closed ${msgs.length} idle epoch(s) before it: gas ${fmt(r.gas)}`);
    }
    log(`round N=${n}: submitting ${n} jobs in epoch ${epoch}`);
    const tSubmit = Date.now();
    let queue = [...ms];
    if (submitSingle.length === 0 && n >= 5) {
      // One job per transaction, for the per-operation figure: the epoch's first job (creates the
      // epoch's record), then three more (each a miner new to the epoch).
      submitFirstOfEpoch.push(await run1(reporter, [jobMsg(queue[0])], GAS_JOB));
      for (const m of queue.slice(1, 4)) submitSingle.push(await run1(reporter, [jobMsg(m)], GAS_JOB));
      queue = queue.slice(4);
    }
    const batches: string[][] = [];
    for (let i = 0; i < queue.length; i += BATCH) batches.push(queue.slice(i, i + BATCH));
    const batchRes = await runAll(batches.map((b) => ({ sender: reporter, msgs: b.map(jobMsg), gas: GAS_JOB * b.length })));
    const submitSeconds = (Date.now() - tSubmit) / 1000;
    const index = await mining.poeIndex({ epoch });
    if (index.job_count !== n) throw new Error(`epoch ${epoch} has ${index.job_count} jobs, expected ${n}: the submission crossed the epoch's end (longer epochs needed)`);
    const batchJobs = batches.reduce((s, b) => s + b.length, 0);
    const batchGas = batchRes.reduce((s, r) => s + r.gas, 0);
    log(`  ${n} jobs in epoch ${epoch} after ${submitSeconds.toFixed(1)} s (${batches.length} batch txs, ${batchJobs ? fmt(Math.round(batchGas / batchJobs)) : "-"} gas per job in batches)`);

    // The close: once the epoch has ended by block time (idle epochs before it were closed
    // before its jobs, so the measured close is the epoch's alone and pays its treasury share).
    await waitForBlockTime(client, BigInt(cur.end_time), { timeoutMs: (epochLenS + 30) * 1000 });
    // The two records the close reads and rewrites, whose size grows with the digits of the
    // epoch's sums (storage gas is per byte): to tell that from any per-miner work.
    const epochKey = Uint8Array.from([0, 2, ...toUtf8("ep"), ...u64be(epoch)]);
    const stateKey = toUtf8("st");
    const before = { epoch: (await raw(addr.mining, epochKey)).length, state: (await raw(addr.mining, stateKey)).length };
    const close = await run1(deployer, [composer.closeEpoch({ epoch })], GAS_CLOSE);
    const after = { epoch: (await raw(addr.mining, epochKey)).length, state: (await raw(addr.mining, stateKey)).length };
    const closed = await mining.poeIndex({ epoch });
    if (!closed.closed || BigInt(closed.nex_minted) === 0n) throw new Error(`epoch ${epoch}: closed ${closed.closed}, nex_minted ${closed.nex_minted}`);
    // Claims: miners of this round, one closed epoch each.
    const claimers = ms.slice(0, Math.min(SAMPLES, ms.length));
    for (const c of claimers) {
      const p = await mining.pendingRewards({ miner: c });
      if (BigInt(p.nex) === 0n || p.epochs !== 1) throw new Error(`miner ${c}: pending ${p.nex} NEX over ${p.epochs} epochs`);
    }
    const claims = await runAll(
      claimers.map((c) => ({ sender: c, msgs: [new PoeMiningMsgComposer(c, addr.mining).claimRewards({})], gas: GAS_CLAIM })),
    );
    const claimFig = figures(claims);
    log(`  close_epoch ${fmt(close.gas)} (${close.contract_calls} contract calls); claim_rewards median ${fmt(claimFig.median)}; NEX minted ${closed.nex_minted}`);
    rounds.push({
      miners: n,
      epoch,
      job_txs: batchRes.map((r, i) => ({ jobs: batches[i].length, gas: r.gas, tx: r.tx })),
      submit_gas_per_job_in_batches: batchJobs ? Math.round(batchGas / batchJobs) : NaN,
      submit_seconds: Number(submitSeconds.toFixed(1)),
      close_epoch: close,
      records: {
        epoch_bytes: before.epoch,
        epoch_bytes_after_close: after.epoch,
        state_bytes: before.state,
        state_bytes_after_close: after.state,
        /** Read before (3 gas/byte) + write after (30 gas/byte) of both records' values. */
        byte_dependent_gas: 3 * (before.epoch + before.state) + 30 * (after.epoch + after.state),
      },
      claim_rewards: claimFig,
      nex_minted: closed.nex_minted,
      job_count: closed.job_count,
      active_miners: closed.active_miners,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Peers (ts/tools/peers.ts): cw20-stake 2.6.0 and Astroport's xyk pair 1.5.1 with its factory
  // and LP token, uploaded to this node; cw20-base 2.0.0 is the code uploaded above.
  log("peers: uploading cw20-stake 2.6.0 and Astroport (pair 1.5.1, factory 1.7.0, token 1.1.1)");
  const peerCodes = await uploadPeers(client, deployer, { which: ["cw20_stake", "astroport_token", "astroport_factory", "astroport_pair"], log });
  pipe.forget(deployer);
  const cw20BaseCode: UploadedCode = {
    wasm: "cw20_base",
    crate: "cw20-base",
    version: "2.0.0",
    file: "artifacts/reference/cw20_base.wasm",
    sha256: refSum,
    bytes: refBytes.length,
    gzipBytes: gzipSync(refBytes, { level: 9 }).length,
    codeId: refUpload.codeId,
    storeGas: Number(refUpload.gasUsed),
  };

  // Astroport: the pool rows our AMM (amm-factory / amm-pair, being written) will be put next to.
  log("astroport: create_pair, provide, swap, withdraw");
  const astro = await measureAstroport(
    client,
    { admin: deployer, staker: deployer, provider: ammProvider, trader: ammTrader, maker: ammMaker },
    { ...peerCodes, cw20_base: cw20BaseCode } as Parameters<typeof measureAstroport>[2],
    { samples: SAMPLES, gasPrice: GAS_PRICE, log: (l) => log(`  ${l}`) },
  );
  pipe.forget(deployer);
  for (const r of astro.rows) log(`  astroport ${r.op.padEnd(28)} ${fmt(r.median)}`);
  log("ours: the same pool operations through the deployed amm-factory");
  const oursAmm = await measureOurAmm(
    client,
    { admin: deployer, provider: ammProvider, trader: ammTrader },
    d.codes["poe-token"].code_id,
    d.contracts["amm-factory"],
    { samples: SAMPLES, gasPrice: GAS_PRICE, log: (l) => log(`  ${l}`) },
  );
  pipe.forget(deployer);
  for (const r of oursAmm.rows) log(`  ours      ${r.op.padEnd(28)} ${fmt(r.median)}`);
  log("ours: multi-hop swaps through the deployed amm-router");
  const oursRouter = await measureOurRouter(
    client,
    { admin: deployer, provider: ammProvider, trader: ammTrader },
    d.codes["poe-token"].code_id,
    d.contracts["amm-factory"],
    d.contracts["amm-router"],
    { a: oursAmm.contracts.ours_token_a, b: oursAmm.contracts.ours_token_b },
    { samples: SAMPLES, gasPrice: GAS_PRICE, log: (l) => log(`  ${l}`) },
  );
  pipe.forget(deployer);
  for (const r of oursRouter.rows) log(`  ours      ${r.op.padEnd(28)} ${fmt(r.median)}`);

  // Staking next to cw20-stake over the same GEN, governance, and last the guardian's pause of
  // PoE mining (it stops job submissions for a few seconds).
  log("staking (poe-staking vs cw20-stake 2.6.0 over GEN) and governance");
  const stakingGov = await measureStakingAndGovernance({
    client,
    pipe,
    samples: SAMPLES,
    log: (l) => log(`  ${l}`),
    contracts: d.contracts,
    address: (name) => keys.address(name),
    cw20StakeCodeId: peerCodes.cw20_stake.codeId,
    admin: deployer,
    denom,
  });

  // Guarantees and the marketplace next to cw20-escrow: waits for what is left of the TWAP
  // window, then measures; awaits the background liquidations.
  log("guarantees and the marketplace next to cw20-escrow 0.11.1");
  const guarantees = await guaranteeBench.measure();
  pipe.forget(deployer);
  for (const x of guarantees.rows) log(`  ${x.contract.padEnd(11)} ${x.op.padEnd(40)} ${fmt(x.median)}`);

  // -------------------------------------------------------------------------------------------
  // Wasm sizes and store gas.
  const storeGas = (code: string) => d.transactions.find((t) => t.what.startsWith(`store ${code} `))?.gasUsed ?? NaN;
  const wasm = (file: string, code: string, gas: number) => {
    const bytes = readFileSync(join(REPO_ROOT, file));
    return { file, code, bytes: bytes.length, gzip_bytes: gzipSync(bytes, { level: 9 }).length, sha256: createHash("sha256").update(bytes).digest("hex"), store_gas: gas };
  };
  // Every artifact of artifacts/checksums.txt (store gas for the ones this run uploaded), and the reference.
  const listed = readFileSync(join(REPO_ROOT, "artifacts/checksums.txt"), "utf8")
    .split("\n")
    .map((l) => /^[0-9a-f]{64}\s+\*?(.+\.wasm)$/.exec(l.trim())?.[1])
    .filter((f): f is string => !!f);
  const codeOf = (file: string) => file.replace(/\.wasm$/, "").replace(/_/g, "-");
  const artifacts = [
    wasm("artifacts/poe_token.wasm", "poe-token", storeGas("poe-token")),
    wasm("artifacts/reference/cw20_base.wasm", "cw20-base 2.0.0", Number(refUpload.gasUsed)),
    ...listed.filter((f) => f !== "poe_token.wasm").map((f) => wasm(`artifacts/${f}`, codeOf(f), storeGas(codeOf(f)))),
    ...Object.values(peerCodes).map((c) => wasm(c.file, `${c.crate} ${c.version}`, c.storeGas)),
    wasm(guarantees.escrow.file, `${guarantees.escrow.crate} ${guarantees.escrow.version}`, guarantees.escrow.store_gas),
  ];

  const runtimeS = Math.round((Date.now() - runStart) / 1000);
  const measureS = Math.round((Date.now() - t0) / 1000);
  // Phase starts (Unix seconds) exported by scripts/gas-report.sh.
  const phase = (name: string) => (process.env[name] ? Number(process.env[name]) : NaN);
  const [tNode, tDeploy, tMeasure] = [phase("POE_GAS_T_NODE"), phase("POE_GAS_T_DEPLOY"), phase("POE_GAS_T_MEASURE")];
  const phases = {
    builds: tNode - runStart / 1000,
    node_start: tDeploy - tNode,
    deploy: tMeasure - tDeploy,
    measurements: measureS,
  };
  const result = {
    generated_at: new Date().toISOString(),
    wasmd_version: args["wasmd-version"] || null,
    chain_id: chainId,
    node,
    gas_price: GAS_PRICE,
    runtime_seconds: {
      total: runtimeS,
      builds: Number.isNaN(phases.builds) ? null : Math.round(phases.builds),
      node_start: Number.isNaN(phases.node_start) ? null : phases.node_start,
      deploy: Number.isNaN(phases.deploy) ? null : phases.deploy,
      measurements: measureS,
    },
    method:
      "gas_used of each transaction as included in a block (DeliverTx), read back from the node; one transaction per figure unless stated; min/median over the samples; gas price 0",
    artifacts,
    token: {
      tokens: Object.fromEntries(tokenKeys.map((t) => [t, { ...tokens[t], instantiate_gas: instantiateGas[t] }])),
      amounts: { transfer_burn_mint_transfer_from_increase_allowance: ONE, send: SEND },
      samples: SAMPLES,
      operations: tokenRows,
      send_first_deposit: Object.fromEntries(tokenKeys.map((t) => [t, firstDeposit[t]])),
      instantiate: instantiateExplained,
    },
    poe: {
      register_miner: figures(registerWarm),
      register_miner_first_tx: figures(registerFirst),
      submit_job: submitSingle.length ? figures(submitSingle) : null,
      submit_job_first_of_epoch: submitFirstOfEpoch.length ? figures(submitFirstOfEpoch) : null,
      job_value: JOB_VALUE,
      job_fee: fee.fee,
      idle_epoch_closes: emptyCloses,
    },
    scaling: { batch_size: BATCH, epoch_length_seconds: epochLenS, rounds },
    staking_governance: stakingGov,
    pools: {
      peer: "astroport-pair 1.5.1 (xyk), astroport-factory 1.7.0, astroport-token 1.1.1, over two cw20-base 2.0.0 tokens",
      ours: "poe-amm-pair and poe-amm-factory as deployed (30 bps, 20 % of it to the treasury), over two poe-token instances",
      contracts: { ...astro.contracts, ...oursAmm.contracts, ...oursRouter.contracts },
      rows: astro.rows,
      ours_rows: oursAmm.rows,
      router_rows: oursRouter.rows,
    },
    guarantees,
  };
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, "gas.json"), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(OUT_DIR, "gas.md"), markdown(result));
  log(`wrote ${relative(process.cwd(), join(OUT_DIR, "gas.md"))} and gas.json (measurements ${measureS} s, run ${runtimeS} s)`);
  client.disconnect();
}

// ---------------------------------------------------------------------------------------------
// docs/gas.md

type Result = {
  generated_at: string;
  wasmd_version: string | null;
  runtime_seconds: { total: number; builds: number | null; node_start: number | null; deploy: number | null; measurements: number };
  artifacts: { file: string; code: string; bytes: number; gzip_bytes: number; store_gas: number }[];
  token: {
    tokens: Record<string, { label: string; address: string; code: string; transfer_burn_bps: number | null; instantiate_gas: number }>;
    samples: number;
    operations: {
      op: string;
      ours: Figures;
      cw20_base: Figures;
      ours_burn_100bps: Figures;
      ratio: number;
      difference: number;
      expected_storage_difference: number;
      extra_storage_access: ExtraRead[];
      residual: number;
      burn_100bps_vs_ours: { difference: number; expected?: number; extra_storage_access?: ExtraRead[]; attribute_gas?: number; residual?: number };
    }[];
    send_first_deposit: Record<string, Measured>;
    instantiate: {
      difference: number;
      writes: ExtraRead[];
      tx_bytes: { ours: number; cw20_base: number; gas: number };
      history_msg_bytes: { extra: number; gas: number };
      attributes: { ours: number; cw20_base: number; gas: number };
      expected: number;
      residual: number;
    };
  };
  poe: {
    register_miner: Figures;
    register_miner_first_tx: Figures;
    submit_job: Figures | null;
    submit_job_first_of_epoch: Figures | null;
    job_value: string;
    job_fee: string;
    idle_epoch_closes: { epochs: number; gas: number }[];
  };
  scaling: {
    batch_size: number;
    epoch_length_seconds: number;
    rounds: {
      miners: number;
      epoch: number;
      job_txs: { jobs: number; gas: number }[];
      submit_gas_per_job_in_batches: number;
      submit_seconds: number;
      close_epoch: Measured;
      records: { epoch_bytes: number; epoch_bytes_after_close: number; state_bytes: number; state_bytes_after_close: number; byte_dependent_gas: number };
      claim_rewards: Figures;
      nex_minted: string;
    }[];
  };
  /** Absent in a gas.json written before the staking rows existed. */
  staking_governance?: StakingReport;
  pools?: { peer: string; ours: string | null; contracts: Record<string, string>; rows: PeerRow[]; ours_rows?: PeerRow[]; router_rows?: PeerRow[] };
  /** Absent in a gas.json written before the guarantee rows existed. */
  guarantees?: GuaranteeReport;
};

function markdown(r: Result): string {
  const f = fmt;
  const mm = (x: Figures) => (x.min === x.median ? f(x.median) : `${f(x.min)} / ${f(x.median)}`);
  const sign = (n: number) => (n > 0 ? `+${f(n)}` : f(n));
  const ops = r.token.operations;
  const date = r.generated_at.slice(0, 10);
  const L: string[] = [];
  L.push("# Gas: what each operation costs on chain");
  L.push("");
  L.push(
    `Measured ${date} by \`scripts/gas-report.sh\` on a fresh single-validator wasmd node (${r.wasmd_version ? `wasmd ${r.wasmd_version}` : "wasmd"}, ` +
      "default gas costs, 1 s blocks), with the artifacts of `artifacts/` and the reference contracts (cw20-base 2.0.0, cw20-stake 2.6.0, Astroport, cw20-escrow 0.11.1) built by the same recipe " +
      `(\`scripts/build-reference.sh\`). Whole run ${r.runtime_seconds.total} s on the 2-core machine ` +
      `(checks and builds ${r.runtime_seconds.builds ?? "?"} s, fresh node ${r.runtime_seconds.node_start ?? "?"} s, deploy ${r.runtime_seconds.deploy ?? "?"} s, ` +
      `measurements ${r.runtime_seconds.measurements} s, of which most is waiting for epochs, locks, unbonding, timelocks and the guarantees' TWAP window to end in block time). ` +
      "This file and `docs/gas.json` (the same data, with every sample and transaction hash) are written by the run.",
  );
  L.push("");
  L.push("## How it is measured");
  L.push("");
  L.push("- Every figure is the `gas_used` of one transaction as included in a block (its DeliverTx result, read back");
  L.push("  from the node), so it contains what the chain charges for the whole transaction: the ante handler (10 gas per");
  L.push("  transaction byte, the signature check), wasmd's instance cost per contract call, submessages and smart");
  L.push("  queries included (60,000 for the first call of a code in the transaction, 2,000 for each later call of the");
  L.push("  same code in that transaction: wasmd 0.61's `checkDiscountEligibility`; no code is pinned here), storage");
  L.push("  (read 1,000 + 3/byte of key and value, write 2,000 + 30/byte; the key");
  L.push("  includes wasmd's 33-byte contract prefix), events (10 per attribute, 1 per byte beyond a 100-byte free tier)");
  L.push("  and wasm execution (VM gas / 140,000 in wasmd 0.61: `DefaultGasMultiplier`; the often-quoted 140,000,000 is");
  L.push("  the CosmWasm 1.x figure).");
  L.push("- Gas price 0 (the localnet's minimum): fees are 0 and the gas limit is a fixed ceiling; used gas does not depend");
  L.push("  on it. Transactions are broadcast ahead (CheckTx) and several may share a block: gas does not depend on that.");
  L.push("- Every signer signed a transaction before the measured ones: the first transaction of an account also stores its");
  L.push("  public key (about 12,000 gas), shown separately for `register_miner`.");
  L.push(`- Token operations: ${r.token.samples} samples each, shown as min / median (one figure when they are equal). Amounts are chosen`);
  L.push("  so that no balance, allowance or supply changes its number of digits during the samples (storage gas is per");
  L.push("  byte of the stored JSON), and both tokens go through exactly the same operations in the same order.");
  L.push("");

  L.push("## Wasm sizes");
  L.push("");
  L.push("| artifact | code | bytes | gzip -9 | store gas |");
  L.push("|---|---|---:|---:|---:|");
  for (const a of r.artifacts) {
    L.push(`| \`${a.file}\` | ${a.code} | ${f(a.bytes)} | ${f(a.gzip_bytes)} | ${Number.isNaN(a.store_gas) || a.store_gas === null ? "not deployed here" : f(a.store_gas)} |`);
  }
  const pt = r.artifacts.find((a) => a.code === "poe-token");
  const cb = r.artifacts.find((a) => a.code.startsWith("cw20-base"));
  if (pt && cb) {
    L.push("");
    L.push(
      `Our token is ${(pt.bytes / cb.bytes).toFixed(2)}x cw20-base's size (+${f(pt.bytes - cb.bytes)} bytes: cw20-base itself linked as a library, ` +
        "plus cw-ownable, the burn math and the extra messages and queries). Size costs at upload only: store gas is about " +
        "3 per byte of wasm (compilation) + 10 per byte of the upload transaction (CosmJS gzips the code) + 0.15 per gzipped byte " +
        "(unpacking); a call's instance cost does not depend on the size.",
    );
  }
  L.push("");

  L.push("## Token operations: our token against cw20-base 2.0.0");
  L.push("");
  const tk = r.token.tokens;
  L.push(
    `\`ours\` is poe-token instantiated on the node with the deployed FLX's message (transfer burn 0 bps; minter the deployer, since the deployed FLX's minter is the FLX supply controller); \`cw20-base\` is cw20-base 2.0.0 instantiated on the same node ` +
      `with FLX's instantiate message (without the two optional extension fields) and so the same balances, minter and ` +
      `token info bytes; \`ours, 100 bps\` is a third instance of poe-token with \`transfer_burn_bps: 100\`. ` +
      `The labels (${tk.ours.label}, ${tk.cw20_base.label}, ${tk.ours_burn_100bps.label}) have the same length, since wasmd reads the contract info at every call. ` +
      "Holder reporter_2, spender and recipient are the same accounts for the three. `send` goes to the treasury's `Receive` hook " +
      "with `{\"deposit\":{}}` (a second contract call); the figure is a send after the token's first deposit (see below). " +
      "`ratio` = ours / cw20-base (medians).",
  );
  L.push("");
  L.push("| operation | ours | cw20-base | ratio | ours − cw20-base | ours, 100 bps |");
  L.push("|---|---:|---:|---:|---:|---:|");
  for (const o of ops) {
    L.push(`| \`${o.op}\` | ${mm(o.ours)} | ${mm(o.cw20_base)} | ${o.ratio.toFixed(4)} | ${sign(o.difference)} | ${mm(o.ours_burn_100bps)} |`);
  }
  L.push(
    `| instantiate (once) | ${f(tk.ours.instantiate_gas)} | ${f(tk.cw20_base.instantiate_gas)} | ${(tk.ours.instantiate_gas / tk.cw20_base.instantiate_gas).toFixed(4)} | ${sign(tk.ours.instantiate_gas - tk.cw20_base.instantiate_gas)} | ${f(tk.ours_burn_100bps.instantiate_gas)} |`,
  );
  const fd = r.token.send_first_deposit;
  const sendRow = ops.find((o) => o.op === "send");
  L.push(
    `| \`send\`, first deposit of the token at the treasury | ${f(fd.ours.gas)} | ${f(fd.cw20_base.gas)} | ${(fd.ours.gas / fd.cw20_base.gas).toFixed(4)} | ${sign(fd.ours.gas - fd.cw20_base.gas)} | ${f(fd.ours_burn_100bps.gas)} |`,
  );
  L.push("");
  if (sendRow) {
    L.push(
      `The first deposit of a token costs ${f(fd.ours.gas - sendRow.ours.median)} more than the next ones (ours; ${f(fd.cw20_base.gas - sendRow.cw20_base.median)} for cw20-base): ` +
        "the treasury asks the token for its balance before it creates the token's ledger entry: a smart query, charged 2,000 and " +
        "not 60,000 because the token's code already ran in the same transaction, plus the token's balance read and the larger " +
        "first write of the ledger. Every later send is the table's `send`.",
    );
    L.push("");
  }

  L.push("### Where ours costs more, and why");
  L.push("");
  L.push(
    "At 0 bps our `transfer`, `send` and `transfer_from` hand the message to cw20-base's own function after one extra storage " +
      "read, the transfer burn rate; `mint` and `increase_allowance` read the value cw20-base is about to add to first, so that an " +
      "overflow is an error instead of a panic (contracts/token/README.md, \"Differences from cw20-base\"); `mint` and `burn` also " +
      "read and rewrite their reason's counter (the supply record: one entry per reason, the attributes `reason`, `height`, `account`). " +
      "Expected extra gas of a read = 1,000 + 3 × (33-byte contract prefix + key + value bytes), of a write 2,000 + 30 × the same, " +
      "with the key and value bytes " +
      "read from the chain after the run. What the storage does not explain is wasm execution (our dispatch, the zero-amount check, " +
      "the extra code path), at 1 gas per 140,000 VM gas.",
  );
  L.push("");
  L.push("| operation | measured difference | extra storage access (key + value bytes) | expected | rest (wasm execution) |");
  L.push("|---|---:|---|---:|---:|");
  for (const o of ops) {
    const what = o.extra_storage_access.length
      ? o.extra_storage_access.map((e) => `${e.kind} ${e.what} (${e.key_bytes} + ${e.value_bytes} B): ${f(e.gas)}`).join("; ")
      : "none";
    L.push(`| \`${o.op}\` | ${sign(o.difference)} | ${what} | ${f(o.expected_storage_difference)} | ${sign(o.residual)} |`);
  }
  L.push("");
  const worse = ops.filter((o) => o.difference > 0);
  const maxPct = Math.max(...ops.map((o) => (o.ratio - 1) * 100));
  L.push(
    `Ours is worse on ${worse.length} of ${ops.length} operations, by at most ${maxPct.toFixed(2)} %. ` +
      "The extra read is the price of the transfer burn being a runtime parameter (seed 002) instead of a different code, and of " +
      "the overflow checks; each is one read of a small entry.",
  );
  L.push("");
  const ie = r.token.instantiate;
  L.push(
    `Instantiation (once per token) costs ${f(ie.difference)} more. Expected from the stored bytes and the two transactions: ` +
      ie.writes.map((w) => `${w.what} (${w.key_bytes} + ${w.value_bytes} B) ${f(w.gas)}`).join(", ") +
      `; the two extra null fields of the message, ${ie.history_msg_bytes.extra} bytes, in the transaction (${f(ie.tx_bytes.ours)} against ${f(ie.tx_bytes.cw20_base)} bytes: ${f(ie.tx_bytes.gas)}) ` +
      `and in the code history wasmd stores (${f(ie.history_msg_bytes.gas)}); ${ie.attributes.ours} response attributes against ${ie.attributes.cw20_base} (${f(ie.attributes.gas)}). ` +
      `Total ${f(ie.expected)}; the rest, ${sign(ie.residual)}, is wasm execution (cw20-base's instantiation plus ours).`,
  );
  L.push("");
  L.push("With a 100 bps transfer burn (third column), a transfer also lowers the supply: one read and one write of `token_info`, and a");
  L.push("`burned` attribute in the response (10 + its bytes):");
  L.push("");
  L.push("| operation | 100 bps − 0 bps | token_info read + write | `burned` attribute | expected | rest |");
  L.push("|---|---:|---:|---:|---:|---:|");
  for (const o of ops) {
    const b = o.burn_100bps_vs_ours;
    if (b.expected === undefined || !b.extra_storage_access) continue;
    const rw = b.extra_storage_access.reduce((s, e) => s + e.gas, 0);
    L.push(`| \`${o.op}\` | ${sign(b.difference)} | ${f(rw)} | ${f(b.attribute_gas ?? 0)} | ${f(b.expected)} | ${sign(b.residual ?? 0)} |`);
  }
  L.push("");
  L.push(
    "The rest is wasm execution: above 0 bps the token runs its own transfer path (the burn computed with `poe_math`, the " +
      "balances moved, the response and for `send` the hook message built) instead of handing over to cw20-base's function. " +
      "`mint`, `burn` and `increase_allowance` do not burn: the 100 bps instance costs what ours at 0 bps costs, to a few gas.",
  );
  L.push("");

  L.push("## PoE mining operations");
  L.push("");
  const p = r.poe;
  L.push("| operation | gas (min / median) | contract calls | what it does |");
  L.push("|---|---:|---:|---|");
  L.push(`| \`register_miner\` | ${mm(p.register_miner)} | ${p.register_miner.contract_calls} | one call; writes the miner and the statistics |`);
  L.push(
    `| \`register_miner\` as the account's first transaction | ${f(p.register_miner_first_tx.min)} / ${f(p.register_miner_first_tx.median)} (max ${f(p.register_miner_first_tx.max)}, ${p.register_miner_first_tx.samples.length} miners) | ${p.register_miner_first_tx.contract_calls} | the same, plus the SDK storing the account's public key |`,
  );
  if (p.submit_job) {
    L.push(
      `| \`submit_job\`: FLX \`send\` with the \`submit_job\` hook (whole tx) | ${mm(p.submit_job)} | ${p.submit_job.contract_calls} | FLX send (fee to PoE mining) + the hook: fee split, job, miner, miner-epoch, epoch sums, salary month |`,
    );
  }
  if (p.submit_job_first_of_epoch) {
    L.push(`| \`submit_job\`, the epoch's first job | ${mm(p.submit_job_first_of_epoch)} | ${p.submit_job_first_of_epoch.contract_calls} | the same, creating the epoch's record |`);
  }
  const rounds = r.scaling.rounds;
  if (rounds.length) {
    const closes = rounds.map((x) => x.close_epoch.gas);
    const claims = rounds.flatMap((x) => x.claim_rewards.samples);
    L.push(
      `| \`close_epoch\` (an epoch with jobs) | ${f(Math.min(...closes))} / ${f(closes.sort((a, b) => a - b)[Math.floor(closes.length / 2)])} | ${rounds[0].close_epoch.contract_calls} | PoE index, NEX \`mint\` submessage, FLX \`send\` of the treasury share to the treasury's hook |`,
    );
    const cs = [...claims].sort((a, b) => a - b);
    L.push(`| \`claim_rewards\` (one closed epoch) | ${f(cs[0])} / ${f(cs[Math.floor(cs.length / 2)])} | ${rounds[0].claim_rewards.contract_calls} | reads the miner's epoch entry and the epoch, NEX \`transfer\` submessage |`);
  }
  L.push("");
  L.push(
    `Jobs: value ${f(Number(p.job_value) / 1e6)} FLX, fee ${f(Number(p.job_fee) / 1e6)} FLX, type \`compute\`, one job per miner and epoch. ` +
      "The close and the claims are the scaling rounds' below (min / median over the rounds; claims over every claim measured).",
  );
  L.push("");

  L.push("## Scaling: close and claim do not depend on the number of miners");
  L.push("");
  L.push(
    `Each round registers its own miners (disjoint sets), submits one job per miner in one epoch (${r.scaling.epoch_length_seconds} s epochs; ` +
      `reporter_1 batches ${r.scaling.batch_size} cw20 sends per transaction), waits for the epoch's end by block time, closes it ` +
      `(one transaction, measured) and has ${rounds[0]?.claim_rewards.samples.length ?? 0} of the round's miners claim (one transaction each, measured).`,
  );
  L.push("");
  L.push("| miners active in the epoch | jobs | `close_epoch` | `claim_rewards` (min / median) | submit_job per job in batch txs | batch txs | NEX minted |");
  L.push("|---:|---:|---:|---:|---:|---|---:|");
  for (const x of rounds) {
    const sizes = x.job_txs.map((t) => t.jobs);
    const alone = x.miners - sizes.reduce((a, b) => a + b, 0);
    const shape = sizes.every((n) => n === sizes[0]) ? `${sizes.length} × ${sizes[0]}` : sizes.join(" + ");
    L.push(
      `| ${f(x.miners)} | ${f(x.miners)} | ${f(x.close_epoch.gas)} | ${mm(x.claim_rewards)} | ${Number.isNaN(x.submit_gas_per_job_in_batches) || x.submit_gas_per_job_in_batches === null ? "-" : f(x.submit_gas_per_job_in_batches)} | ${sizes.length ? shape : "-"}${alone ? ` (+ ${alone} alone)` : ""} | ${(Number(x.nex_minted) / 1e6).toFixed(6)} |`,
    );
  }
  L.push("");
  if (rounds.length > 1) {
    const c = rounds.map((x) => x.close_epoch.gas);
    const cl = rounds.map((x) => x.claim_rewards.median);
    const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    const first = rounds[0];
    const last = rounds[rounds.length - 1];
    const rec = (x: (typeof rounds)[number]) => x.records;
    L.push(
      `From ${f(first.miners)} to ${f(last.miners)} miners (100 times more), \`close_epoch\` varies by ${f(spread(c))} gas ` +
        `(${((spread(c) / Math.min(...c)) * 100).toFixed(2)} %) and \`claim_rewards\` by ${f(spread(cl))} ` +
        `(${((spread(cl) / Math.min(...cl)) * 100).toFixed(2)} %); one storage read per miner would add at least 1,000 gas per miner ` +
        `(${f(1000 * (last.miners - first.miners))} here). What does grow is the number of digits of the stored sums and amounts, and storage gas ` +
        `is per byte: the epoch record the close reads and rewrites is ${rec(first).epoch_bytes} → ${rec(first).epoch_bytes_after_close} bytes ` +
        `at ${f(first.miners)} miners and ${rec(last).epoch_bytes} → ${rec(last).epoch_bytes_after_close} at ${f(last.miners)}, the contract's state ` +
        `${rec(first).state_bytes_after_close} and ${rec(last).state_bytes_after_close} bytes (its totals accumulate over the rounds); ` +
        `reading and rewriting these two alone accounts for ${sign(rec(last).byte_dependent_gas - rec(first).byte_dependent_gas)} of the ` +
        `${sign(last.close_epoch.gas - first.close_epoch.gas)}, the rest is the other amounts (treasury share, NEX minted) written with more digits. ` +
        "The epoch keeps its sums (job value, liquidity, uptime, quality, Σ of miner weights) as running totals updated by each job, " +
        "so the close reads one epoch record and never the miners; a claim reads the miner's entry for each epoch it claims (at most " +
        "30 per call) and that epoch's record." +
        (() => {
          const full = rounds.filter((x) => x.job_txs.length > 0 && x.job_txs.every((t) => t.jobs === r.scaling.batch_size));
          if (full.length < 2) return "";
          const a = full[0];
          const b = full[full.length - 1];
          const d = b.submit_gas_per_job_in_batches - a.submit_gas_per_job_in_batches;
          return ` A job in a full batch costs ${f(a.submit_gas_per_job_in_batches)} at ${f(a.miners)} miners and ${f(b.submit_gas_per_job_in_batches)} at ${f(b.miners)} (${sign(d)}, ${((d / a.submit_gas_per_job_in_batches) * 100).toFixed(2)} %: digits again, in the epoch's sums, the month's salary totals and PoE mining's FLX balance that every job rewrites).`;
        })(),
    );
    L.push("");
  }
  if (p.submit_job && rounds.length) {
    L.push(
      `A job inside a batch costs about ${f(rounds[rounds.length - 1].submit_gas_per_job_in_batches)} against ${f(p.submit_job.median)} alone: ` +
        "in one transaction wasmd charges the full instance cost once per code (FLX's poe-token and PoE mining: 2 × 60,000) and " +
        "2,000 for every later call of the same code, and the signature check and transaction overhead are shared. " +
        "The same rule makes `close_epoch`'s FLX `send` to the treasury cheap: NEX and FLX are one code, already loaded by the NEX `mint`.",
    );
    L.push("");
  }
  L.push(...stakingMarkdown(r));
  L.push(...guaranteeMarkdown(r.guarantees, fmt, { tokenInstantiateGas: r.token.tokens.ours?.instantiate_gas }));
  L.push("## Run it");
  L.push("");
  L.push("```sh");
  L.push("scripts/gas-report.sh                               # rewrites docs/gas.md and docs/gas.json");
  L.push("scripts/gas-report.sh --rebuild                     # build artifacts/ from the sources first");
  L.push("POE_LOCALNET_PORT_OFFSET=200 scripts/gas-report.sh  # on a node beside the default one (RPC 26857)");
  L.push("```");
  L.push("");
  L.push(
    "It uses its own chain home (`~/.cache/poe-economy/localnet-gas`, `localnet-gas-offsetN` with a port offset N, or " +
      "`$POE_GAS_LOCALNET_HOME`), so the default localnet's data is untouched. Its node listens on the localnet's ports plus " +
      "`$POE_LOCALNET_PORT_OFFSET` (default 0: RPC 26657, REST 1317, gRPC 9090): with offset 0 stop a running default localnet first, " +
      "or give an offset (`scripts/localnet.sh`). It restores `deployments/poe-local.json`.",
  );
  L.push("");
  return `${L.join("\n")}\n`;
}

const entry = args["markdown-only"]
  ? async () => {
      const json = join(OUT_DIR, "gas.json");
      writeFileSync(join(OUT_DIR, "gas.md"), markdown(JSON.parse(readFileSync(json, "utf8")) as Result));
      log(`rewrote ${relative(process.cwd(), join(OUT_DIR, "gas.md"))} from ${relative(process.cwd(), json)}`);
    }
  : main;

entry().catch((err: unknown) => {
  console.error(`gas-report: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});

// ---------------------------------------------------------------------------------------------
// docs/gas.md: staking, governance, pools

function stakingMarkdown(r: Result): string[] {
  const L: string[] = [];
  const f = fmt;
  const mm = (x: Figures | null) => (x === null ? "—" : x.min === x.median ? f(x.median) : `${f(x.min)} / ${f(x.median)}`);
  const sign = (n: number) => (n > 0 ? `+${f(n)}` : f(n));
  const sg = r.staking_governance;
  if (sg) {
    const p = sg.parameters;
    L.push("## Staking: poe-staking against DAO DAO's cw20-stake 2.6.0");
    L.push("");
    L.push(
      `\`ours\` is the deployed poe-staking (label \`staking\`), its GEN pool (tier ${p.tier}, rewards in FLX, lock ${p.lock_period_seconds} s, ` +
        `unbonding ${p.unbonding_period_seconds} s: scenarios/gas.yaml); \`cw20-stake\` is cw20-stake 2.6.0 (artifacts/reference, docs/peers.md) ` +
        `instantiated on the same node over the SAME GEN token with the same unstaking duration, label \`cw20stk\` (as long as \`staking\`; ` +
        `instantiate ${f(sg.cw20_stake_instantiate_gas)} gas). The stakers are GEN genesis buckets (${p.stakers}); each transaction of ours ` +
        "is followed in the same round by the same one at cw20-stake (same sender, same amount), so both see the same balances and " +
        `digits: first stakes of ${f(Number(p.first_stake) / 1e6)} GEN, then ${r.token.samples} rounds by community_rewards of stake ` +
        `${f(Number(p.stake_unstake_claim) / 1e6)} GEN, unstake it after the lock, claim it after the unbonding. Each measured transaction of ` +
        "one contract is in its own block (both keep snapshots written once per key and block). Our pool's reward stream is funded " +
        `(${f(Number(p.fund) / 1e6)} FLX over ${f(Number(p.fund_duration_seconds))} s, FLX \`send\` from reporter_2) before the first stake, so ` +
        "every stake and unstake of ours also advances the reward index, as on a rewarded pool. `ratio` = ours / cw20-stake (medians); " +
        "`calls` = contract executions in the transaction (ours / peer).",
    );
    L.push("");
    L.push("| operation | ours | cw20-stake 2.6.0 | ratio | ours − cw20-stake | calls | what differs |");
    L.push("|---|---:|---:|---:|---:|---|---|");
    for (const x of sg.staking) {
      L.push(
        `| ${x.op} | ${mm(x.ours)} | ${x.peer ? mm(x.peer) : "no peer"} | ${x.ratio === null ? "—" : x.ratio.toFixed(4)} | ${x.difference === null ? "—" : sign(x.difference)} | ` +
          `${x.ours?.contract_calls ?? "—"} / ${x.peer?.contract_calls ?? "—"} | ${x.explanation} |`,
      );
    }
    L.push("");
    const rec = sg.records;
    const st = sg.staking.find((x) => x.op === "stake (later)");
    if (st && st.difference !== null) {
      // Expected extra storage of ours on a later stake: the pool's parameters read, its state
      // and the position read + written; cw20-stake's extra: its balance item read + written.
      const r = (k: { key_bytes: number; value_bytes: number }) => 1000 + 3 * (33 + k.key_bytes + k.value_bytes);
      const rw = (k: { key_bytes: number; value_bytes: number }) => r(k) + 2000 + 30 * (33 + k.key_bytes + k.value_bytes);
      const oursExtra = r(rec.ours_pool_info) + rw(rec.ours_pool) + rw(rec.ours_position);
      const peerExtra = rw(rec.peer_balance);
      L.push(
        `Where a later stake differs (${sign(st.difference)}): ours reads the pool's parameters (${rec.ours_pool_info.key_bytes} + ` +
          `${rec.ours_pool_info.value_bytes} B) and reads and writes two records cw20-stake does not have, the pool's state ` +
          `(${rec.ours_pool.key_bytes} + ${rec.ours_pool.value_bytes} B) and the staker's position (${rec.ours_position.key_bytes} + ${rec.ours_position.value_bytes} B): ` +
          `${f(oursExtra)} gas at 1,000 + 3/B per read and 2,000 + 30/B per write (33-byte contract prefix included); cw20-stake reads and writes ` +
          `its contract balance item (${rec.peer_balance.key_bytes} + ${rec.peer_balance.value_bytes} B), ${f(peerExtra)}, which ours does not keep ` +
          `(the token holds it). That is ${sign(oursExtra - peerExtra)} expected; the rest, ${sign(st.difference - (oursExtra - peerExtra))}, is the ` +
          "stake history: ours writes one changelog entry per (pool id, canonical address) and height and one for the pool's total, keyed by " +
          "one byte and 20, where cw20-stake's snapshot maps key by the bech32 address and keep a value and a changelog each; attributes; and wasm execution " +
          "(the reward stream's Decimal256 arithmetic). The price buys per-token pools, locks, rewards and tier-weighted voting power.",
      );
      L.push("");
    }
  }
  if (sg) {
    L.push("## Governance: poe-governance (no peer)");
    L.push("");
    L.push(
      "No peer column: DAO DAO's governance is a set of contracts (dao-dao-core, dao-proposal-single, a voting module such as " +
        "dao-voting-cw20-staked over cw20-stake), its proposals are not made by a cw20 `Send` of a deposit to one contract, and it is not " +
        "built here (docs/peers.md builds cw20-stake and Astroport only). The flow: after the staking rows, each of the three stakers " +
        `proposes (deposit ${f(Number(sg.parameters.deposit) / 1e6)} GEN, one poe-mining \`update_config\` of the fee split), each votes \`yes\` on ` +
        "every proposal, voting period (15 s) and timelock (5 s) pass in block time, each proposal is executed (the new fee split read " +
        `back from PoE mining), and last the guardian pauses PoE mining ${r.token.samples} times for ${sg.parameters.pause_seconds} s, each after ` +
        "the previous pause ended.",
    );
    L.push("");
    L.push("| operation | ours | peer | calls | what it does |");
    L.push("|---|---:|---|---:|---|");
    for (const x of sg.governance) L.push(`| ${x.op} | ${mm(x.ours)} | none | ${x.ours?.contract_calls ?? "—"} | ${x.explanation} |`);
    L.push("");
  }
  const pools = r.pools;
  if (pools) {
    L.push("## Pools: our AMM next to Astroport's xyk pair 1.5.1");
    L.push("");
    L.push(
      `Peer: ${pools.peer} (30 bps, a third to the Maker's fee address), measured by \`ts/tools/peers.ts\` \`measureAstroport\` in the same run ` +
        `(amounts: docs/peers.md). Ours: ${pools.ours ?? "not measured"}, measured by \`ts/tools/gas-amm.ts\` with the same amounts and order ` +
        "on the same node; `ratio` = ours / Astroport (medians). What each of our transactions does is in `pools.ours_rows[].notes` of gas.json.",
    );
    L.push("");
    L.push("| operation | ours (amm-pair) | Astroport xyk 1.5.1 | ratio | calls (ours / peer) | what the peer's transaction does |");
    L.push("|---|---:|---:|---:|---:|---|");
    for (const x of pools.rows) {
      const g = x.min === x.median ? f(x.median) : `${f(x.min)} / ${f(x.median)}`;
      const o = pools.ours_rows?.find((y) => y.op === x.op);
      const og = o ? (o.min === o.median ? f(o.median) : `${f(o.min)} / ${f(o.median)}`) : "—";
      const ratio = o ? (o.median / x.median).toFixed(4) : "—";
      L.push(`| ${x.op} | ${og} | ${g} | ${ratio} | ${o ? `${o.contractCalls} / ` : ""}${x.contractCalls} | ${x.notes} |`);
    }
    L.push("");
    const routes = pools.router_rows ?? [];
    const direct = pools.ours_rows?.find((y) => y.op === "swap");
    if (routes.length) {
      L.push("### Multi-hop swaps through the router");
      L.push("");
      L.push(
        "The same trade (100 tokens of A) sent to the deployed amm-router along 1, 2 and 3 hops over our own pairs (`ts/tools/gas-amm.ts` " +
          "`measureOurRouter`). The router writes the route once (`rt`) and per hop only its progress (current hop and the balance before, " +
          "about 51 bytes), so a hop costs the pair's swap plus one small write, not a rewrite of the whole route.",
      );
      L.push("");
      L.push("| route | gas (min / median) | calls | over the direct pair swap | what it does |");
      L.push("|---|---:|---:|---:|---|");
      for (const x of routes) {
        const g = x.min === x.median ? f(x.median) : `${f(x.min)} / ${f(x.median)}`;
        L.push(`| ${x.op} | ${g} | ${x.contractCalls} | ${direct ? sign(x.median - direct.median) : "—"} | ${x.notes} |`);
      }
      const one = routes[0];
      const last = routes[routes.length - 1];
      if (one && last && routes.length > 1) {
        L.push("");
        L.push(
          `Each further hop costs ${f(Math.round((last.median - one.median) / (routes.length - 1)))} gas (median of ${routes.length} hops minus 1 hop, ` +
            `over ${routes.length - 1}); the direct pair swap is ${direct ? f(direct.median) : "not measured"}.`,
        );
      }
      L.push("");
    }
  }
  return L;
}
