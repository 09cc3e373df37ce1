// End to end on a real wasmd node (scripts/e2e.sh starts it and deploys first): the suite as
// deployed in deployments/<chain-id>.json, driven with real transactions through the clients
// generated from schema/ (ts/src/contracts), checked against the math package and to the base
// unit. Run: node --import tsx --test ts/test/*.test.ts
//
// Environment: POE_NODE (default http://127.0.0.1:26657), POE_CHAIN_ID (default poe-local),
// POE_DEPLOYER_MNEMONIC (required: the deployment's accounts and the miners are derived from it),
// POE_GAS_PRICE (default 0stake).
//
// The scenario of the deployment (scenarios/localnet.yaml) gives the miners and the jobs: its
// explicit jobs are played in one on-chain epoch, the ones by a reporter off the allow-list are
// the "unauthorized reporter" case. Miners are derived at the HD indices after the plan's accounts.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import type { DeliverTxResponse, MsgSendEncodeObject } from "@cosmjs/stargate";
import { deriveAccounts, type DerivedWallet } from "../src/accounts";
import {
  connectSigning,
  DEFAULT_GAS_PRICE,
  gasDenom,
  latestBlockTime,
  type TxRecord,
  txRecord,
  waitForBlockTime,
} from "../src/chain";
import { contracts } from "../src/contracts";
import type { FeeSplit, JobResponse, PoeParams } from "../src/contracts/PoeMining.types";
import { type Deployment, loadDeployment, REPO_ROOT } from "../src/deployment";
import { type JobReport, toBinary } from "../src/hooks";
import { resolvePlaceholders } from "../src/plan";
import { mathIndex, monthOf, readScenario, type ScenarioJob, type ScenarioView, sum, txSenders } from "./support";

const { PoeMiningClient, PoeMiningQueryClient, PoeMiningMsgComposer } = contracts.PoeMining;
const { PoeTokenQueryClient, PoeTokenMsgComposer } = contracts.PoeToken;
const { PoeTreasuryQueryClient } = contracts.PoeTreasury;

const NODE = process.env.POE_NODE ?? "http://127.0.0.1:26657";
const CHAIN_ID = process.env.POE_CHAIN_ID ?? "poe-local";
const GAS_PRICE = process.env.POE_GAS_PRICE ?? DEFAULT_GAS_PRICE;
/** Jobs are submitted only when the open epoch has at least this much block time left. */
const MIN_EPOCH_TIME_LEFT_NS = 12_000_000_000n;
/** Gas limit of the transactions that must fail in a block (no simulation: it would refuse them). */
const FAILING_TX_GAS = 800_000;

// Set up in before().
let d: Deployment;
let scenario: ScenarioView;
let w: DerivedWallet;
let client: SigningCosmWasmClient;
let addr: { mining: string; flx: string; nex: string; treasury: string; gen: string };
let mining: InstanceType<typeof PoeMiningQueryClient>;
let flx: InstanceType<typeof PoeTokenQueryClient>;
let nex: InstanceType<typeof PoeTokenQueryClient>;
let params: PoeParams;
const gas: TxRecord[] = [];

// Filled as the test goes.
interface SubmittedJob extends ScenarioJob {
  reporterName: string;
  fee: FeeSplit;
  onChain?: JobResponse;
}
const submitted: SubmittedJob[] = [];
let jobEpoch = -1;

function record(what: string, r: DeliverTxResponse | { transactionHash: string; height: number; gasUsed: bigint; gasWanted: bigint }) {
  const t = txRecord(what, r);
  gas.push(t);
  return t;
}

const { send, sendFailing } = txSenders(() => client, gas, { gasPrice: GAS_PRICE, failingGas: FAILING_TX_GAS });

const flxBalance = async (address: string) => (await flx.balance({ address })).balance;
const nexBalance = async (address: string) => (await nex.balance({ address })).balance;

/** Everything a refused message could have touched. */
async function snapshot() {
  const addresses = [...Object.values(d.accounts).map((a) => a.address), ...scenario.miners.map((m) => w.address(m.name)), addr.mining, addr.treasury];
  return {
    statistics: await mining.miningStatistics(),
    current: await mining.currentEpoch(),
    flx: await Promise.all(addresses.map(flxBalance)),
    nex: await Promise.all(addresses.map(nexBalance)),
    miners: await Promise.all(scenario.miners.map((m) => mining.miner({ address: w.address(m.name) }))),
    flxSupply: (await flx.tokenInfo()).total_supply,
    nexSupply: (await nex.tokenInfo()).total_supply,
  };
}

/** The snapshot again, but the open epoch's times may have moved on (block time passes). */
async function assertUnchanged(before: Awaited<ReturnType<typeof snapshot>>, what: string) {
  const now = await snapshot();
  if (now.current.epoch !== before.current.epoch) {
    // a new epoch opened meanwhile: compare the old epoch's index instead
    now.current = { ...before.current, index: await mining.poeIndex({ epoch: before.current.epoch }) };
  }
  assert.deepEqual(now, before, `${what} changed the state`);
}

describe(`the suite on ${CHAIN_ID} (${NODE})`, () => {
  before(async () => {
    const mnemonic = process.env.POE_DEPLOYER_MNEMONIC;
    assert.ok(mnemonic, "POE_DEPLOYER_MNEMONIC is not set");
    d = loadDeployment(CHAIN_ID);
    scenario = readScenario(d.scenario);
    const planNames = Object.entries(d.accounts).sort((a, b) => a[1].hd_index - b[1].hd_index).map(([n]) => n);
    assert.deepEqual(planNames, d.plan.accounts, "deployment accounts are the plan's, in HD order");
    // The plan's accounts at 0..n-1, the scenario's miners right after them.
    w = await deriveAccounts(mnemonic, [...planNames, ...scenario.miners.map((m) => m.name)]);
    for (const name of planNames) assert.equal(w.address(name), d.accounts[name].address, `@${name} derives as deployed`);
    client = await connectSigning(NODE, w.wallet, { gasPrice: GAS_PRICE });
    assert.equal(await client.getChainId(), CHAIN_ID);
    addr = {
      mining: d.contracts["poe-mining"],
      flx: d.contracts.FLX,
      nex: d.contracts.NEX,
      treasury: d.contracts.treasury,
      gen: d.contracts.GEN,
    };
    mining = new PoeMiningQueryClient(client, addr.mining);
    flx = new PoeTokenQueryClient(client, addr.flx);
    nex = new PoeTokenQueryClient(client, addr.nex);
    params = (await mining.config()).params;

    // The miners are not plan accounts: the deployer gives them fee tokens so they can sign.
    const denom = gasDenom(GAS_PRICE);
    const deployer = w.address("deployer");
    const sends: MsgSendEncodeObject[] = scenario.miners.map((m) => ({
      typeUrl: "/cosmos.bank.v1beta1.MsgSend",
      value: { fromAddress: deployer, toAddress: w.address(m.name), amount: [{ denom, amount: "1000000" }] },
    }));
    await send(`fund ${sends.length} miners (bank send)`, deployer, sends);
  });

  after(() => {
    client?.disconnect();
  });

  test("the deployment on chain is the plan's", async () => {
    const deployer = w.address("deployer");
    const sums = new Map(
      readFileSync(join(REPO_ROOT, "artifacts/checksums.txt"), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => l.split(/\s+\*?/) as [string, string])
        .map(([h, f]) => [f, h]),
    );
    for (const step of d.plan.steps) {
      if (step.kind !== "instantiate") continue;
      const info = await client.getContract(d.contracts[step.label]);
      const code = d.codes[step.code];
      assert.equal(info.codeId, code.code_id, `${step.label} runs code ${step.code}`);
      assert.equal(info.admin, d.contracts.governance, `${step.label}'s admin is governance`);
      assert.equal(info.label, step.label);
      const details = await client.getCodeDetails(code.code_id);
      assert.equal(details.checksum.toLowerCase(), code.checksum);
      const file = code.file.replace(/^artifacts\//, "");
      assert.equal(sums.get(file), code.checksum, `${file} on chain is artifacts/checksums.txt's`);
      assert.equal(createHash("sha256").update(readFileSync(join(REPO_ROOT, code.file))).digest("hex"), code.checksum);
    }
    // The wiring step ran: PoE mining is NEX's only minter.
    assert.equal((await nex.minter()).minter, addr.mining);
    // The hand-over ran: governance owns every contract the plan hands over (the marketplace
    // and the guarantee contract included), nothing is pending, and the deployer (who
    // instantiated everything) owns nothing.
    const handOver = d.plan.steps.find((s) => s.kind === "hand_over");
    assert.ok(handOver && handOver.kind === "hand_over");
    assert.ok(handOver.contracts.includes("$marketplace") && handOver.contracts.includes("$guarantee"));
    for (const label of handOver.contracts.map((c) => c.replace(/^\$/, ""))) {
      const ownership = (await client.queryContractSmart(d.contracts[label], { ownership: {} })) as {
        owner: string | null;
        pending_owner: string | null;
      };
      assert.equal(ownership.owner, d.contracts.governance, `${label} is owned by governance`);
      assert.equal(ownership.pending_owner, null, `${label} has no pending owner`);
      assert.notEqual(ownership.owner, deployer);
    }
    // Parameters and addresses as the plan's instantiate message says.
    const step = d.plan.steps.find((s) => s.kind === "instantiate" && s.label === "poe-mining");
    assert.ok(step && step.kind === "instantiate");
    const msg = resolvePlaceholders(step.msg, (n) => d.accounts[n]?.address, (l) => d.contracts[l]) as unknown as {
      params: PoeParams;
      reporters: string[];
      owner_salary_recipient: string;
    };
    const config = await mining.config();
    assert.deepEqual(config.params, msg.params);
    assert.equal(config.flx_token, addr.flx);
    assert.equal(config.nex_token, addr.nex);
    assert.equal(config.treasury, addr.treasury);
    assert.equal(config.owner_salary_recipient, msg.owner_salary_recipient);
    assert.deepEqual([...(await mining.reporters({ limit: 30 })).reporters].sort(), [...msg.reporters].sort());
    assert.deepEqual(
      scenario.reporters.map((r) => w.address(r)).sort(),
      [...msg.reporters].sort(),
      "the scenario's reporters are the allow-list",
    );
    // GEN: 100,000 with 6 decimals, no minter.
    const gen = new PoeTokenQueryClient(client, addr.gen);
    assert.equal((await gen.tokenInfo()).total_supply, "100000000000");
  });

  test("miners register", async () => {
    await Promise.all(
      scenario.miners.map(async (m) => {
        const c = new PoeMiningClient(client, w.address(m.name), addr.mining);
        const r = await c.registerMiner({ specialization: m.specialization ?? undefined });
        record(`register_miner ${m.name}`, r);
      }),
    );
    for (const m of scenario.miners) {
      const info = await mining.miner({ address: w.address(m.name) });
      assert.equal(info.specialization ?? null, m.specialization);
      assert.equal(info.jobs_completed, 0);
    }
    assert.equal((await mining.miningStatistics()).total_miners, scenario.miners.length);
  });

  test("reporters submit the scenario's jobs, paying the exact FLX fee with cw20 send", async () => {
    const allowList = new Set(scenario.reporters);
    const valid = scenario.jobs
      .map((j) => ({ ...j, reporterName: j.reporter ?? scenario.reporters[0] }))
      .filter((j) => allowList.has(j.reporterName));
    assert.ok(valid.length >= 2, "the scenario has jobs to submit");
    assert.ok(new Set(valid.map((j) => j.job_type)).size >= 3, "jobs of several job types");
    for (const j of valid) submitted.push({ ...j, fee: await mining.jobFee({ jobValue: j.job_value }) });

    const reporters = [...new Set(submitted.map((j) => j.reporterName))];
    const before = await Promise.all(reporters.map((r) => flxBalance(w.address(r))));
    const miningBefore = await flxBalance(addr.mining);

    // All jobs in one epoch: start only with enough block time left in the open one.
    let epoch = await mining.currentEpoch();
    const now = await latestBlockTime(client);
    if (BigInt(epoch.end_time) - now < MIN_EPOCH_TIME_LEFT_NS) {
      await waitForBlockTime(client, BigInt(epoch.end_time));
      epoch = await mining.currentEpoch();
    }
    jobEpoch = epoch.epoch;

    // One transaction per job (gas per job type); the reporters in parallel, each in order.
    await Promise.all(
      reporters.map(async (name) => {
        const reporter = w.address(name);
        const composer = new PoeTokenMsgComposer(reporter, addr.flx);
        for (const j of submitted.filter((s) => s.reporterName === name)) {
          const report: JobReport = {
            job_type: j.job_type,
            miner: w.address(j.miner),
            job_value: j.job_value,
            quality_score: j.quality_score,
            liquidity_delta: j.liquidity_delta,
            uptime: j.uptime,
          };
          const msg = composer.send({ amount: j.fee.fee, contract: addr.mining, msg: toBinary({ submit_job: report }) });
          await send(`FLX send + submit_job ${j.job_type} (${j.job_value})`, reporter, [msg]);
        }
      }),
    );

    // The chain recorded each job as sent, with the fee split of job_fee, in the same epoch.
    for (const m of scenario.miners) {
      const { jobs } = await mining.jobs({ miner: w.address(m.name), limit: 30 });
      const mine = submitted.filter((j) => j.miner === m.name);
      assert.equal(jobs.length, mine.length, `${m.name}'s jobs`);
      // Reporters ran in parallel: job ids follow inclusion, not the scenario's order.
      const left = [...jobs];
      for (const j of mine) {
        const i = left.findIndex(
          (c) => c.job_type === j.job_type && c.job_value === j.job_value && c.reporter === w.address(j.reporterName),
        );
        assert.ok(i >= 0, `${m.name}: no ${j.job_type} job of ${j.job_value} by ${j.reporterName} on chain`);
        const [c] = left.splice(i, 1);
        assert.equal(c.job_value, j.job_value);
        assert.equal(c.quality_score, j.quality_score);
        assert.equal(c.uptime, j.uptime);
        assert.equal(c.liquidity_delta, j.liquidity_delta);
        assert.equal(c.reporter, w.address(j.reporterName));
        assert.deepEqual(c.fee_split, j.fee);
        j.onChain = c;
      }
    }
    const epochs = new Set(submitted.map((j) => j.onChain!.epoch));
    assert.deepEqual([...epochs], [jobEpoch], `all jobs in epoch ${jobEpoch} (a slow node may need longer epochs)`);

    // The fees moved from the reporters to PoE mining, to the base unit.
    for (const [i, name] of reporters.entries()) {
      const paid = sum(submitted.filter((j) => j.reporterName === name).map((j) => j.fee.fee));
      assert.equal(BigInt(await flxBalance(w.address(name))), BigInt(before[i]) - paid, `${name} paid exactly its fees`);
    }
    assert.equal(BigInt(await flxBalance(addr.mining)), BigInt(miningBefore) + sum(submitted.map((j) => j.fee.fee)));
  });

  test("bad input is refused on chain with the contract's error, and changes nothing", async () => {
    const flxFor = (sender: string) => new PoeTokenMsgComposer(sender, addr.flx);

    // 1. A reporter off the allow-list (funded with FLX by the plan).
    const intruderJob = scenario.jobs.find((j) => j.reporter !== null && !scenario.reporters.includes(j.reporter));
    assert.ok(intruderJob?.reporter, "the scenario has a job by a reporter off the allow-list");
    const intruder = w.address(intruderJob.reporter);
    assert.ok(BigInt(await flxBalance(intruder)) > 0n, `${intruderJob.reporter} holds FLX`);
    const fee = await mining.jobFee({ jobValue: intruderJob.job_value });
    const report = (j: ScenarioJob): JobReport => ({
      job_type: j.job_type,
      miner: w.address(j.miner),
      job_value: j.job_value,
      quality_score: j.quality_score,
      liquidity_delta: j.liquidity_delta,
      uptime: j.uptime,
    });
    let before = await snapshot();
    let r = await sendFailing(`unauthorized reporter ${intruderJob.reporter}`, intruder, [
      flxFor(intruder).send({ amount: fee.fee, contract: addr.mining, msg: toBinary({ submit_job: report(intruderJob) }) }),
    ]);
    assert.match(r.rawLog ?? "", /is not a reporter/, r.rawLog);
    assert.ok(r.rawLog?.includes(intruder), "the error names the reporter");
    await assertUnchanged(before, "an unauthorized reporter's job");

    // 2. A job paying one base unit less than its fee.
    const j = submitted[0];
    const reporter = w.address(j.reporterName);
    const short = (BigInt(j.fee.fee) - 1n).toString();
    before = await snapshot();
    r = await sendFailing("fee one unit short", reporter, [
      flxFor(reporter).send({ amount: short, contract: addr.mining, msg: toBinary({ submit_job: report(j) }) }),
    ]);
    assert.match(r.rawLog ?? "", /fee mismatch/, r.rawLog);
    assert.ok(r.rawLog?.includes(`exactly ${j.fee.fee}, received ${short}`), r.rawLog);
    await assertUnchanged(before, "a job with a short fee");
  });

  test("the epoch closes once ended by block time, with the math package's Phi, components and Gamma", async () => {
    const config = await mining.config();
    const len = BigInt(config.params.epoch_length_seconds) * 1_000_000_000n;
    const end = BigInt(config.genesis_time) + BigInt(jobEpoch + 1) * len;
    // Before the end, a close is refused (simulated only: nothing is sent).
    const provisional = await mining.poeIndex({ epoch: jobEpoch });
    assert.equal(provisional.closed, false);
    await waitForBlockTime(client, end);

    const deployer = w.address("deployer");
    const composer = new PoeMiningMsgComposer(deployer, addr.mining);
    // Epochs close in order: the empty ones the deployment and registrations spanned first.
    const next = (await mining.currentEpoch()).next_epoch_to_close;
    if (next < jobEpoch) {
      const msgs = [];
      for (let e = next; e < jobEpoch; e++) msgs.push(composer.closeEpoch({ epoch: e }));
      await send(`close ${msgs.length} empty epochs (one tx)`, deployer, msgs);
    }
    const closer = new PoeMiningClient(client, deployer, addr.mining);
    record(`close_epoch ${jobEpoch} (${submitted.length} jobs: mint NEX + flush treasury)`, await closer.closeEpoch({ epoch: jobEpoch }));

    const index = await mining.poeIndex({ epoch: jobEpoch });
    assert.equal(index.closed, true);
    const expected = mathIndex(params, submitted);
    assert.equal(index.phi_value, expected.index.phi_value, "Phi");
    assert.equal(index.volume_component, expected.index.volume_component, "volume component");
    assert.equal(index.liquidity_component, expected.index.liquidity_component, "liquidity component");
    assert.equal(index.uptime_component, expected.index.uptime_component, "uptime component");
    assert.equal(index.quality_component, expected.index.quality_component, "quality component");
    assert.equal(index.gamma, expected.index.gamma, "Gamma");
    assert.equal(index.total_job_value, expected.total_job_value);
    assert.equal(index.job_count, expected.job_count);
    assert.equal(index.net_liquidity_delta, sum(submitted.map((j) => j.liquidity_delta)).toString());
    // The provisional index of the open epoch was already the final one.
    for (const k of ["phi_value", "volume_component", "liquidity_component", "uptime_component", "quality_component", "gamma"] as const) {
      assert.equal(provisional[k], index[k], `provisional ${k}`);
    }
    // NEX: the math package's emission (the contract's own gates pass: enough value, weights).
    assert.ok(BigInt(index.total_job_value) >= BigInt(params.min_epoch_job_value), "the scenario's jobs reach min_epoch_job_value");
    assert.ok(BigInt(index.total_weighted_score) > 0n);
    assert.ok(BigInt(expected.epoch_emission) > 0n, "Gamma passes min_poe_threshold");
    assert.equal(index.nex_minted, expected.epoch_emission, "NEX minted = epoch_emission(max, Gamma, threshold)");
    for (let e = 0; e < jobEpoch; e++) {
      const empty = await mining.poeIndex({ epoch: e });
      assert.equal(empty.closed, true);
      assert.equal(empty.nex_minted, "0", `empty epoch ${e} mints nothing`);
    }
  });

  test("NEX was minted to PoE mining", async () => {
    const minted = (await mining.poeIndex({ epoch: jobEpoch })).nex_minted;
    assert.equal(await nexBalance(addr.mining), minted);
    assert.equal((await nex.tokenInfo()).total_supply, minted);
    const stats = await mining.miningStatistics();
    assert.equal(stats.nex_minted_total, minted);
    assert.equal(stats.nex_claimed_total, "0");
  });

  test("the four fee parts landed, to the base unit", async () => {
    const treasuryNet = sum(submitted.map((j) => j.fee.treasury_net));
    // The close flushed the treasury's share.
    assert.equal(BigInt(await flxBalance(addr.treasury)), treasuryNet, "treasury FLX balance = sum of treasury_net");
    const treasury = new PoeTreasuryQueryClient(client, addr.treasury);
    const ledger = await treasury.balance({ asset: { cw20: { contract_addr: addr.flx } } });
    assert.equal(BigInt(ledger.balance), treasuryNet);
    assert.equal(BigInt(ledger.total_received), treasuryNet);
    const stats = await mining.miningStatistics();
    assert.equal(stats.treasury_pending, "0");
    assert.equal(BigInt(stats.treasury_paid), treasuryNet);
    const parts = ["fee", "miner_locked_reserve", "miner_spendable", "owner_salary", "treasury_net"] as const;
    for (const p of parts) {
      assert.equal(BigInt(stats.fee_split_totals[p]), sum(submitted.map((j) => j.fee[p])), `fee_split_totals.${p}`);
    }
    // Each miner's ledgers.
    let held = 0n;
    for (const m of scenario.miners) {
      const mine = submitted.filter((j) => j.miner === m.name);
      const info = await mining.miner({ address: w.address(m.name) });
      assert.equal(BigInt(info.spendable), sum(mine.map((j) => j.fee.miner_spendable)), `${m.name} spendable`);
      assert.equal(BigInt(info.locked_reserve), sum(mine.map((j) => j.fee.miner_locked_reserve)), `${m.name} locked reserve`);
      assert.equal(info.jobs_completed, mine.length);
      const pending = await mining.pendingRewards({ miner: w.address(m.name) });
      assert.equal(pending.spendable_flx, info.spendable);
      assert.equal(pending.locked_reserve, info.locked_reserve);
      assert.equal(pending.unlocked_reserve, "0", "the reserve is locked for lock_period_seconds");
      held += BigInt(info.spendable) + BigInt(info.locked_reserve);
    }
    // The owner salary of the jobs' month(s).
    const months = new Set(submitted.map((j) => monthOf(j.onChain!.completion_time)));
    let salary = 0n;
    for (const month of months) {
      const report = await mining.ownerSalaryReport({ month });
      const gross = sum(submitted.filter((j) => monthOf(j.onChain!.completion_time) === month).map((j) => j.fee.owner_salary));
      assert.equal(BigInt(report.gross_salary), gross, `salary report ${month}: gross`);
      salary += gross;
    }
    // What PoE mining holds is exactly what it owes.
    assert.equal(BigInt(await flxBalance(addr.mining)), held + salary, "PoE mining's FLX = spendable + locked + unpaid salary");
  });

  test("a second close of the same epoch is refused and changes nothing", async () => {
    const deployer = w.address("deployer");
    const before = await snapshot();
    const r = await sendFailing(`second close_epoch ${jobEpoch}`, deployer, [
      new PoeMiningMsgComposer(deployer, addr.mining).closeEpoch({ epoch: jobEpoch }),
    ]);
    assert.match(r.rawLog ?? "", new RegExp(`epoch ${jobEpoch} is already closed`), r.rawLog);
    await assertUnchanged(before, "a second close");
  });

  test("miners claim their NEX: each receives exactly its pending rewards", async () => {
    const minted = BigInt((await mining.poeIndex({ epoch: jobEpoch })).nex_minted);
    let claimed = 0n;
    for (const m of scenario.miners) {
      const a = w.address(m.name);
      const pending = await mining.pendingRewards({ miner: a });
      const before = BigInt(await nexBalance(a));
      assert.ok(BigInt(pending.nex) > 0n, `${m.name} has NEX to claim`);
      const c = new PoeMiningClient(client, a, addr.mining);
      record(`claim_rewards ${m.name}`, await c.claimRewards({}));
      assert.equal(BigInt(await nexBalance(a)), before + BigInt(pending.nex), `${m.name} NEX = pending before the claim`);
      assert.equal((await mining.pendingRewards({ miner: a })).nex, "0");
      assert.equal((await mining.miner({ address: a })).rewards_claimed, pending.nex);
      claimed += BigInt(pending.nex);
    }
    // Shares are rounded down: at most one base unit per miner stays in the contract.
    assert.ok(claimed <= minted && minted - claimed < BigInt(scenario.miners.length), `claimed ${claimed} of ${minted}`);
    assert.equal(BigInt(await nexBalance(addr.mining)), minted - claimed);
    assert.equal(BigInt((await mining.miningStatistics()).nex_claimed_total), claimed);
  });

  test("gas used", (t) => {
    const deploy = d.transactions.map((x) => ({ ...x, what: `deploy: ${x.what}` }));
    const all = [...deploy, ...gas];
    for (const x of all) t.diagnostic(`gas ${String(x.gasUsed).padStart(9)}  ${x.what}`);
    mkdirSync(join(REPO_ROOT, "reports"), { recursive: true });
    writeFileSync(join(REPO_ROOT, "reports/e2e-gas.json"), `${JSON.stringify({ chain_id: CHAIN_ID, node: NODE, transactions: all }, null, 2)}\n`);
    t.diagnostic("written to reports/e2e-gas.json");
  });
});
