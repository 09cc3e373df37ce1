// Staking and governance rows of the gas benchmark (run by ts/tools/gas-report.ts on the node
// scripts/gas-report.sh started and deployed scenarios/gas.yaml to):
//
// - our poe-staking (the plan's "staking", GEN pool: tier 10, rewards in FLX) next to DAO DAO's
//   cw20-stake 2.6.0 (artifacts/reference/cw20_stake.wasm) instantiated over the SAME GEN token,
//   with the same stakers, amounts and order, each measured transaction of one contract in its own
//   block (both keep snapshots written once per key and block), ours and the peer's side by side;
// - poe-governance (the plan's "governance"): propose (GEN `Send` of the deposit carrying one
//   poe-mining `update_config`), vote, execute after voting + timelock, and the guardian's pause
//   of poe-mining. No peer: DAO DAO's governance is a set of contracts (dao-dao-core,
//   dao-proposal-single, a voting module) not built here.
//
// Every figure is `gas_used` of one transaction in a block; a failed transaction throws.
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { fromBech32, toUtf8 } from "@cosmjs/encoding";
import type { EncodeObject } from "@cosmjs/proto-signing";
import type { IndexedTx } from "@cosmjs/stargate";
import { type TxPipeline, waitForTxs } from "../src/broadcast";
import { fixedFee, latestBlockTime, rfc3339ToNanos, waitForBlockTime } from "../src/chain";
import { contracts } from "../src/contracts";
import type { CosmosMsgForEmpty } from "../src/contracts/PoeGovernance.types";
import type { ExecuteMsg as PoeMiningExecuteMsg, FeeRates } from "../src/contracts/PoeMining.types";
import { toBinary } from "../src/hooks";

const { PoeTokenMsgComposer } = contracts.PoeToken;
const { PoeStakingQueryClient, PoeStakingMsgComposer } = contracts.PoeStaking;
const { PoeGovernanceQueryClient, PoeGovernanceMsgComposer } = contracts.PoeGovernance;
const { PoeMiningQueryClient } = contracts.PoeMining;

export interface Measured {
  gas: number;
  tx: string;
  height: number;
  contract_calls: number;
}
export interface Figures {
  samples: number[];
  min: number;
  median: number;
  max: number;
  contract_calls: number;
  txs: string[];
}
export function measured(tx: IndexedTx): Measured {
  return { gas: Number(tx.gasUsed), tx: tx.hash, height: tx.height, contract_calls: tx.events.filter((e) => e.type === "execute").length };
}
export function figures(ms: Measured[]): Figures {
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

/** One row: ours, the peer's (null: no peer), ratio ours / peer (medians), what differs. */
export interface CompareRow {
  op: string;
  ours: Figures | null;
  peer: Figures | null;
  ratio: number | null;
  difference: number | null;
  explanation: string;
}
function compare(op: string, ours: Measured[] | null, peer: Measured[] | null, explanation: string): CompareRow {
  const o = ours ? figures(ours) : null;
  const p = peer ? figures(peer) : null;
  return {
    op,
    ours: o,
    peer: p,
    ratio: o && p ? Number((o.median / p.median).toFixed(4)) : null,
    difference: o && p ? o.median - p.median : null,
    explanation,
  };
}

export interface StakingReport {
  parameters: Record<string, string | number>;
  contracts: Record<string, string>;
  cw20_stake_instantiate_gas: number;
  /** Stored bytes read back after the run (key + value), for the explanations. */
  records: Record<string, { key_bytes: number; value_bytes: number }>;
  staking: CompareRow[];
  governance: CompareRow[];
}

export interface StakingContext {
  client: SigningCosmWasmClient;
  pipe: TxPipeline;
  samples: number;
  log: (line: string) => void;
  /** Plan contracts (label -> address) and accounts (name -> address). */
  contracts: Record<string, string>;
  address: (name: string) => string;
  /** cw20-stake 2.6.0's code id on this node. */
  cw20StakeCodeId: number;
  /** Signs the cw20-stake instantiation through `client` (the pipeline then forgets it). */
  admin: string;
  /** The fee denom (warm-up bank sends). */
  denom: string;
}

// Amounts (6 decimals). GEN's whole supply is 100,000: the stakers are the genesis buckets
// community_rewards (50,000), governance_reserve (20,000) and development_fund (15,000). Each
// stakes FIRST_STAKE into ours and then into cw20-stake, so every stake, total and balance keeps
// its number of digits through the samples and is the same for both contracts.
const GEN_FIRST_STAKE = "2000000000"; // 2,000 GEN
const GEN_STAKE = "1000000000"; // 1,000 GEN per sampled stake / unstake / claim
const FLX_FUND = "1000000000"; // 1,000 FLX per Fund
const FUND_SECONDS = 3600;
const PAUSE_SECONDS = 3;
const GAS = 1_500_000;
/** As long as our contract's label "staking" (wasmd reads the contract info at every call). */
const PEER_LABEL = "cw20stk";
export const STAKERS = ["community_rewards", "governance_reserve", "development_fund"] as const;
/** The proposals' change: PoE mining's fee split, 0.1 % moved from the owner's salary to the treasury. */
const NEW_RATES: FeeRates = {
  total_fee_rate: "0.01",
  miner_lock_rate: "0.002",
  miner_spendable_rate: "0.003",
  owner_salary_rate: "0.001",
  treasury_net_rate: "0.004",
};

function mapKey(namespace: string, ...parts: string[]): Uint8Array {
  const out: number[] = [];
  const ns = toUtf8(namespace);
  out.push(ns.length >> 8, ns.length & 0xff, ...ns);
  parts.forEach((p, i) => {
    const b = toUtf8(p);
    if (i < parts.length - 1) out.push(b.length >> 8, b.length & 0xff);
    out.push(...b);
  });
  return Uint8Array.from(out);
}

export async function measureStakingAndGovernance(ctx: StakingContext): Promise<StakingReport> {
  const { client, pipe, log } = ctx;
  const S = ctx.samples;
  const gen = ctx.contracts.GEN;
  const flx = ctx.contracts.FLX;
  const staking = ctx.contracts.staking;
  const governance = ctx.contracts.governance;
  const mining = ctx.contracts["poe-mining"];
  const [s1, s2, s3] = STAKERS.map((n) => ctx.address(n));
  const funder = ctx.address("reporter_2");
  const guardian = ctx.address("guardian");
  const stakingQ = new PoeStakingQueryClient(client, staking);
  const govQ = new PoeGovernanceQueryClient(client, governance);
  const pool0 = await stakingQ.pool({ token: gen });
  const unbonding = pool0.unbonding_period_seconds;
  log(`staking: GEN pool tier ${pool0.tier}, reward token FLX ${pool0.reward_token === flx}, lock ${pool0.lock_period_seconds} s, unbonding ${unbonding} s`);

  const runAll = async (items: { sender: string; msgs: EncodeObject[] }[]): Promise<Measured[]> => {
    const hashes = await Promise.all(items.map((it) => pipe.submit(it.sender, it.msgs, GAS * it.msgs.length)));
    return (await waitForTxs(client, hashes)).map(measured);
  };
  const run1 = async (sender: string, msgs: EncodeObject[]) => (await runAll([{ sender, msgs }]))[0];

  // cw20-stake 2.6.0 over GEN, the same unbonding duration as our pool.
  const inst = await client.instantiate(
    ctx.admin,
    ctx.cw20StakeCodeId,
    { owner: ctx.admin, token_address: gen, unstaking_duration: { time: unbonding } },
    PEER_LABEL,
    fixedFee(3_000_000),
    { admin: ctx.admin },
  );
  pipe.forget(ctx.admin);
  const peer = inst.contractAddress;
  log(`cw20-stake 2.6.0 over GEN at ${peer} (instantiate gas ${inst.gasUsed})`);

  // Every signer's public key stored before the measured transactions.
  await runAll(
    [s1, s2, s3, funder, guardian].map((s) => ({
      sender: s,
      msgs: [{ typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: s, toAddress: ctx.admin, amount: [{ denom: ctx.denom, amount: "1" }] } }],
    })),
  );

  const stakeOurs = (s: string, amount: string) => new PoeTokenMsgComposer(s, gen).send({ contract: staking, amount, msg: toBinary({ stake: {} }) });
  const stakePeer = (s: string, amount: string) => new PoeTokenMsgComposer(s, gen).send({ contract: peer, amount, msg: toBinary({ stake: {} }) });
  const ours = new Map<string, Measured[]>();
  const theirs = new Map<string, Measured[]>();
  const push = (m: Map<string, Measured[]>, k: string, v: Measured) => m.set(k, [...(m.get(k) ?? []), v]);
  /** Ours and the peer's in the same round (different contracts); returns both. */
  const pair = async (k: string, o: { sender: string; msgs: EncodeObject[] }, p: { sender: string; msgs: EncodeObject[] }) => {
    const [a, b] = await runAll([o, p]);
    push(ours, k, a);
    push(theirs, k, b);
    return [a, b];
  };

  // 1. The pool's reward stream: funded before any stake (a paused stream until the first stake).
  // `seconds`: the stream's duration. The funder is not staking's owner, so a funding of the
  // running stream may not move its end later (contracts/staking/README.md, "Rewards"): the later
  // fundings ask for 1 s and join the running stream until its end.
  const fundMsg = (seconds: number) =>
    new PoeTokenMsgComposer(funder, flx).send({ contract: staking, amount: FLX_FUND, msg: toBinary({ fund: { pool_token: gen, duration_seconds: seconds } }) });
  const fundFirst = await run1(funder, [fundMsg(FUND_SECONDS)]);
  log(`fund (the pool's first): ${fundFirst.gas}`);

  // 2. First stakes: the pool's first (s1), then two more stakers' first.
  for (const [i, s] of [s1, s2, s3].entries()) {
    const k = i === 0 ? "stake_pool_first" : "stake_staker_first";
    const [a, b] = await pair(k, { sender: s, msgs: [stakeOurs(s, GEN_FIRST_STAKE)] }, { sender: s, msgs: [stakePeer(s, GEN_FIRST_STAKE)] });
    log(`${STAKERS[i]} first stake: ours ${a.gas}, cw20-stake ${b.gas}`);
  }

  // 3. Rounds: stake, (lock) unstake, (unbonding) claim, by community_rewards.
  for (let k = 0; k < S; k++) {
    await pair("stake", { sender: s1, msgs: [stakeOurs(s1, GEN_STAKE)] }, { sender: s1, msgs: [stakePeer(s1, GEN_STAKE)] });
    const pos = await stakingQ.position({ address: s1, token: gen });
    await waitForBlockTime(client, BigInt(pos.lock_until));
    const [u] = await pair(
      "unstake",
      { sender: s1, msgs: [new PoeStakingMsgComposer(s1, staking).unstake({ token: gen, amount: GEN_STAKE })] },
      { sender: s1, msgs: [{ typeUrl: "/cosmwasm.wasm.v1.MsgExecuteContract", value: { sender: s1, contract: peer, msg: toUtf8(JSON.stringify({ unstake: { amount: GEN_STAKE } })), funds: [] } }] },
    );
    const claims = await stakingQ.claims({ address: s1, token: gen });
    const block = await client.getBlock(u.height);
    const peerRelease = rfc3339ToNanos(block.header.time) + BigInt(unbonding) * 1_000_000_000n;
    const release = [BigInt(claims.claims[0].release_at), peerRelease].reduce((a, b) => (a > b ? a : b));
    await waitForBlockTime(client, release, { timeoutMs: (unbonding + 60) * 1000 });
    await pair(
      "claim",
      { sender: s1, msgs: [new PoeStakingMsgComposer(s1, staking).claim({ token: gen })] },
      { sender: s1, msgs: [{ typeUrl: "/cosmwasm.wasm.v1.MsgExecuteContract", value: { sender: s1, contract: peer, msg: toUtf8(JSON.stringify({ claim: {} })), funds: [] } }] },
    );
    log(`round ${k + 1}/${S}: stake ${ours.get("stake")?.[k].gas} / ${theirs.get("stake")?.[k].gas}, unstake ${ours.get("unstake")?.[k].gas} / ${theirs.get("unstake")?.[k].gas}, claim ${ours.get("claim")?.[k].gas} / ${theirs.get("claim")?.[k].gas}`);
  }
  const left = await stakingQ.claims({ address: s1, token: gen });
  if (left.claims.length !== 0) throw new Error(`poe-staking: ${left.claims.length} claims left`);
  const peerLeft = (await client.queryContractSmart(peer, { claims: { address: s1 } })) as { claims: unknown[] };
  if (peerLeft.claims.length !== 0) throw new Error(`cw20-stake: ${peerLeft.claims.length} claims left`);

  // 4. More funding of the running stream, then the stakers claim their rewards.
  const fundLater: Measured[] = [];
  for (let k = 0; k < S; k++) fundLater.push(await run1(funder, [fundMsg(1)]));
  const claimRewards: Measured[] = [];
  for (const s of [s1, s2, s3].slice(0, Math.max(1, Math.min(3, S)))) {
    const p = await stakingQ.position({ address: s, token: gen });
    if (BigInt(p.pending_rewards) === 0n) throw new Error(`${s}: no pending rewards`);
    claimRewards.push(await run1(s, [new PoeStakingMsgComposer(s, staking).claimRewards({ token: gen })]));
  }
  log(`fund (running stream) ${fundLater.map((m) => m.gas).join(", ")}; claim_rewards ${claimRewards.map((m) => m.gas).join(", ")}`);

  // Record sizes for the explanations (ours: pool and position; the peer: its balance item).
  const raw = async (c: string, key: Uint8Array) => ({ key_bytes: key.length, value_bytes: ((await client.queryContractRaw(c, key)) ?? new Uint8Array()).length });
  // Ours (contracts/staking/src/state.rs): the pool's parameters by token (`p`, read only), its
  // changing state by one-byte pool id (`s`), the position by (id, canonical address) (`a`).
  const poolInfoKey = mapKey("p", gen);
  const poolInfo = await client.queryContractRaw(staking, poolInfoKey);
  if (!poolInfo) throw new Error(`staking has no pool of ${gen}`);
  const poolId = Number((JSON.parse(Buffer.from(poolInfo).toString("utf8")) as { i: number }).i);
  const idKey = (namespace: string, rest: Uint8Array = new Uint8Array()) => {
    const ns = toUtf8(namespace);
    // a tuple key's first part is length-prefixed; a lone u8 key is its one byte
    const id = rest.length ? [0, 1, poolId] : [poolId];
    return Uint8Array.from([ns.length >> 8, ns.length & 0xff, ...ns, ...id, ...rest]);
  };
  const records = {
    ours_pool_info: await raw(staking, poolInfoKey),
    ours_pool: await raw(staking, idKey("s")),
    ours_position: await raw(staking, idKey("a", fromBech32(s1, 128).data)),
    peer_staked: await raw(peer, mapKey("staked_balances", s1)),
    peer_balance: await raw(peer, toUtf8("balance")),
  };

  const stakingRows: CompareRow[] = [
    compare(
      "stake: the pool's first",
      ours.get("stake_pool_first") ?? null,
      theirs.get("stake_pool_first") ?? null,
      "GEN `send` with `{\"stake\":{}}` into an empty pool: both write the staker's and the total's snapshot (value + changelog); ours also " +
        "creates the staker's position (lock, reward index) and rewrites the pool, whose paused reward stream restarts; cw20-stake writes its balance item",
    ),
    compare(
      "stake: a staker's first",
      ours.get("stake_staker_first") ?? null,
      theirs.get("stake_staker_first") ?? null,
      "as above into a pool that has stakes: ours advances the reward stream (pool record rewritten) and creates the position; cw20-stake " +
        "writes its balance item instead",
    ),
    compare(
      "stake (later)",
      ours.get("stake") ?? null,
      theirs.get("stake") ?? null,
      `a stake into an existing position: ours reads the pool's parameters (${records.ours_pool_info.value_bytes} B), reads and rewrites its state (${records.ours_pool.value_bytes} B: total, stream, reward index) and the ` +
        `position (${records.ours_position.value_bytes} B: pending rewards settled, lock extended) besides both snapshots; cw20-stake reads its ` +
        `config and writes its ${records.peer_balance.value_bytes}-byte balance item; both answer with a few attributes`,
    ),
    compare(
      "unstake",
      ours.get("unstake") ?? null,
      theirs.get("unstake") ?? null,
      "after the lock (ours 5 s; cw20-stake has none): both snapshots updated and a claim written; ours also settles the position's rewards " +
        "and advances the pool's stream; cw20-stake calls no hooks here (none registered) and writes its balance item",
    ),
    compare(
      "claim (after the unbonding)",
      ours.get("claim") ?? null,
      theirs.get("claim") ?? null,
      `after ${unbonding} s: both remove the matured claim and send a GEN \`transfer\` submessage; ours keeps claims per pool and ` +
        "address and rewrites the pool's `total_unbonding`",
    ),
    compare(
      "fund: the pool's first reward stream",
      [fundFirst],
      null,
      `FLX \`send\` with \`{"fund":{"pool_token":GEN,"duration_seconds":${FUND_SECONDS}}}\`: checks the reward token, rewrites the pool's stream. ` +
        "No peer: cw20-stake 2.6.0 has no rewards (DAO DAO pays them from a separate contract, dao-rewards-distributor, not built here)",
    ),
    compare(
      "fund: a running stream",
      fundLater,
      null,
      "the same, into a running stream: released rewards computed first (reward index updated), the rest re-spread; no peer",
    ),
    compare(
      "claim_rewards",
      claimRewards,
      null,
      "reward index brought up to date, the position's pending rewards paid by an FLX `transfer` submessage, position and pool rewritten; no peer",
    ),
  ];
  for (const r of stakingRows) log(`  ${r.op.padEnd(38)} ours ${r.ours?.median ?? "-"}  cw20-stake ${r.peer?.median ?? "-"}  ratio ${r.ratio ?? "-"}`);

  // ---------------------------------------------------------------------------------------------
  // Governance: S proposals (one per staker), every staker votes yes on each, execute each.
  const deposit = (await govQ.config()).deposit_amount;
  const update: PoeMiningExecuteMsg = { update_config: { fee_rates: NEW_RATES } };
  const msg: CosmosMsgForEmpty = {
    wasm: { execute: { contract_addr: mining, msg: Buffer.from(JSON.stringify(update)).toString("base64"), funds: [] } },
  };
  const proposers = [s1, s2, s3].slice(0, Math.max(1, Math.min(3, S)));
  const propose: Measured[] = [];
  const ids: number[] = [];
  for (const [i, s] of proposers.entries()) {
    const title = `Gas benchmark: fee split ${i + 1}`;
    const m = await run1(s, [
      new PoeTokenMsgComposer(s, gen).send({ contract: governance, amount: deposit, msg: toBinary({ propose: { title, description: title, msgs: [msg] } }) }),
    ]);
    propose.push(m);
    const tx = await client.getTx(m.tx);
    const id = tx?.events
      .filter((e) => e.type === "wasm")
      .flatMap((e) => e.attributes)
      .find((a) => a.key === "proposal_id")?.value;
    if (!id) throw new Error(`no proposal_id in ${m.tx}`);
    ids.push(Number(id));
  }
  const votes: Measured[] = [];
  for (const v of [s1, s2, s3]) {
    // One ballot per proposal in a round: the same voter on different proposals.
    votes.push(...(await runAll(ids.map((proposalId) => ({ sender: v, msgs: [new PoeGovernanceMsgComposer(v, governance).vote({ proposalId, vote: "yes" })] })))));
  }
  log(`propose ${propose.map((m) => m.gas).join(", ")}; vote ${votes.map((m) => m.gas).join(", ")}`);
  const props = await Promise.all(ids.map((proposalId) => govQ.proposal({ proposalId })));
  const execAt = props.map((p) => BigInt(p.executable_at)).reduce((a, b) => (a > b ? a : b));
  log(`waiting for the timelock's end (${Number((execAt - (await latestBlockTime(client))) / 1_000_000_000n)} s of block time)`);
  await waitForBlockTime(client, execAt, { timeoutMs: 180_000 });
  const execute: Measured[] = [];
  for (const proposalId of ids) {
    const p = await govQ.proposal({ proposalId });
    if (p.status !== "passed") throw new Error(`proposal ${proposalId} is ${p.status}`);
    execute.push(await run1(s1, [new PoeGovernanceMsgComposer(s1, governance).execute({ proposalId })]));
    const after = await govQ.proposal({ proposalId });
    if (after.status !== "executed") throw new Error(`proposal ${proposalId} is ${after.status} after execute`);
  }
  const rates = (await new PoeMiningQueryClient(client, mining).config()).params.fee_rates;
  if (JSON.stringify(rates) !== JSON.stringify({ ...rates, ...NEW_RATES })) throw new Error(`poe-mining fee rates ${JSON.stringify(rates)} not updated`);
  log(`execute ${execute.map((m) => m.gas).join(", ")}`);

  // The guardian's pause of PoE mining (last: it stops job submission for PAUSE_SECONDS).
  const pause: Measured[] = [];
  for (let k = 0; k < S; k++) {
    const m = await run1(guardian, [new PoeGovernanceMsgComposer(guardian, governance).pause({ target: mining, seconds: PAUSE_SECONDS })]);
    pause.push(m);
    const info = (await govQ.pauses({})).pauses.find((p) => p.target === mining);
    if (!info) throw new Error("no pause recorded");
    await waitForBlockTime(client, BigInt(info.until) + 1_000_000_000n);
  }
  log(`guardian pause ${pause.map((m) => m.gas).join(", ")}`);

  const governanceRows: CompareRow[] = [
    compare(
      "propose",
      propose,
      null,
      "GEN `send` of the 100 GEN deposit with `{\"propose\":{title,description,msgs}}` carrying one poe-mining `update_config`: 2 smart queries to " +
        "staking (the proposer's power and the total power at the start height), the proposal's record and its content stored apart",
    ),
    compare("vote", votes, null, "a first ballot: 1 smart query to staking (the voter's power at the start height), ballot written, the ~600-byte record's tally rewritten"),
    compare(
      "execute (after voting + timelock)",
      execute,
      null,
      "status and deposit written before dispatch; GEN `transfer` of the deposit back to the proposer; a `dispatch` self-call (all or none) " +
        "that sends poe-mining's `update_config` (governance owns it), then `verify_held_deposits` (one GEN balance query)",
    ),
    compare(
      "guardian pause of poe-mining",
      pause,
      null,
      `\`{"pause":{"target":poe-mining,"seconds":${PAUSE_SECONDS}}}\` from the guardian: pause recorded, \`{"pause":{"until":..}}\` sent to poe-mining`,
    ),
  ];
  for (const r of governanceRows) log(`  ${r.op.padEnd(38)} ours ${r.ours?.median ?? "-"}`);

  return {
    parameters: {
      stakers: STAKERS.join(", "),
      first_stake: GEN_FIRST_STAKE,
      stake_unstake_claim: GEN_STAKE,
      fund: FLX_FUND,
      fund_duration_seconds: FUND_SECONDS,
      lock_period_seconds: pool0.lock_period_seconds,
      unbonding_period_seconds: unbonding,
      tier: pool0.tier,
      deposit,
      pause_seconds: PAUSE_SECONDS,
    },
    contracts: { staking, cw20_stake: peer, governance, GEN: gen },
    cw20_stake_instantiate_gas: Number(inst.gasUsed),
    records,
    staking: stakingRows,
    governance: governanceRows,
  };
}
