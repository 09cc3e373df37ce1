// Governance end to end on a real wasmd node (scripts/e2e.sh deploys scenarios/localnet.yaml
// first; this file runs after e2e.test.ts, `--test-concurrency=1`): after the deployment hands
// every contract to governance, the deployer can change nothing; GEN holders stake, one proposes a
// new fee split for PoE mining, both vote, the voting period and the timelock pass in block time,
// anyone executes, and the new split is read back from the contract. Tokens staked after a
// proposal opened carry no power over it. Unstaking and the claim after the unbonding period close
// the loop. Environment as e2e.test.ts (POE_NODE, POE_CHAIN_ID, POE_DEPLOYER_MNEMONIC,
// POE_GAS_PRICE).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import type { DeliverTxResponse } from "@cosmjs/stargate";
import { deriveAccounts, type DerivedWallet } from "../src/accounts";
import { connectSigning, DEFAULT_GAS_PRICE, sleep, type TxRecord, waitForBlockTime } from "../src/chain";
import { contracts } from "../src/contracts";
import type { CosmosMsgForEmpty, ProposalResponse } from "../src/contracts/PoeGovernance.types";
import type { ExecuteMsg as PoeMiningExecuteMsg, FeeRates } from "../src/contracts/PoeMining.types";
import { type Deployment, loadDeployment } from "../src/deployment";
import { toBinary } from "../src/hooks";
import { txSenders, writeGasReport } from "./support";

const { PoeMiningQueryClient, PoeMiningMsgComposer } = contracts.PoeMining;
const { PoeTokenQueryClient, PoeTokenMsgComposer } = contracts.PoeToken;
const { PoeStakingQueryClient, PoeStakingMsgComposer } = contracts.PoeStaking;
const { PoeGovernanceQueryClient, PoeGovernanceMsgComposer } = contracts.PoeGovernance;

const NODE = process.env.POE_NODE ?? "http://127.0.0.1:26657";
const CHAIN_ID = process.env.POE_CHAIN_ID ?? "poe-local";
const GAS_PRICE = process.env.POE_GAS_PRICE ?? DEFAULT_GAS_PRICE;
const FAILING_TX_GAS = 800_000;
const GEN = (n: number) => (BigInt(n) * 1_000_000n).toString();

let d: Deployment;
let w: DerivedWallet;
let client: SigningCosmWasmClient;
let mining: InstanceType<typeof PoeMiningQueryClient>;
let gen: InstanceType<typeof PoeTokenQueryClient>;
let staking: InstanceType<typeof PoeStakingQueryClient>;
let governance: InstanceType<typeof PoeGovernanceQueryClient>;
const gas: TxRecord[] = [];

// The voters: two GEN genesis buckets (plan accounts, funded with fee tokens by the deploy).
const ALICE = "community_rewards";
const BOB = "governance_reserve";
const WHALE = "strategic_partnerships";
const ALICE_STAKE = 20_000;
const BOB_STAKE = 15_000;
const NEW_RATES: FeeRates = {
  total_fee_rate: "0.01",
  miner_lock_rate: "0.002",
  miner_spendable_rate: "0.003",
  owner_salary_rate: "0.001",
  treasury_net_rate: "0.004",
};
let proposalId = 0;

const { send, sendFailing } = txSenders(() => client, gas, { gasPrice: GAS_PRICE, failingGas: FAILING_TX_GAS });

/** The `proposal_id` attribute of governance's wasm event in `r`. */
function proposalIdOf(r: DeliverTxResponse): number {
  for (const e of r.events) {
    if (e.type !== "wasm") continue;
    const contract = e.attributes.find((a) => a.key === "_contract_address")?.value;
    const id = e.attributes.find((a) => a.key === "proposal_id")?.value;
    if (contract === d.contracts.governance && id) return Number(id);
  }
  throw new Error(`no proposal_id in tx ${r.transactionHash}`);
}

const stakeMsg = (sender: string, amount: string) =>
  new PoeTokenMsgComposer(sender, d.contracts.GEN).send({ contract: d.contracts.staking, amount, msg: toBinary({ stake: {} }) });

async function propose(sender: string, title: string, msgs: CosmosMsgForEmpty[]): Promise<DeliverTxResponse> {
  const deposit = (await governance.config()).deposit_amount;
  return send(`propose "${title}"`, sender, [
    new PoeTokenMsgComposer(sender, d.contracts.GEN).send({
      contract: d.contracts.governance,
      amount: deposit,
      msg: toBinary({ propose: { title, description: title, msgs } }),
    }),
  ]);
}

/** Waits until block `height` exists (a query at a later height is refused as in the future). */
async function waitForHeight(height: number) {
  while ((await client.getHeight()) < height) await sleep(300);
}

const power = async (name: string) => (await staking.votingPower({ address: w.address(name) })).power;

describe(`governance on ${CHAIN_ID} (${NODE})`, () => {
  before(async () => {
    const mnemonic = process.env.POE_DEPLOYER_MNEMONIC;
    assert.ok(mnemonic, "POE_DEPLOYER_MNEMONIC is not set");
    d = loadDeployment(CHAIN_ID);
    w = await deriveAccounts(mnemonic, d.plan.accounts);
    client = await connectSigning(NODE, w.wallet, { gasPrice: GAS_PRICE });
    mining = new PoeMiningQueryClient(client, d.contracts["poe-mining"]);
    gen = new PoeTokenQueryClient(client, d.contracts.GEN);
    staking = new PoeStakingQueryClient(client, d.contracts.staking);
    governance = new PoeGovernanceQueryClient(client, d.contracts.governance);
  });

  after(() => {
    writeGasReport("e2e-gas-governance", gas);
    client?.disconnect();
  });

  test("the deployer is no owner any more: its parameter change is refused and changes nothing", async () => {
    const deployer = w.address("deployer");
    const before = await mining.config();
    const r = await sendFailing("deployer update_config on poe-mining", deployer, [
      new PoeMiningMsgComposer(deployer, d.contracts["poe-mining"]).updateConfig({ feeRates: NEW_RATES }),
    ]);
    assert.match(r.rawLog ?? "", /not the contract's current owner/i);
    assert.deepEqual(await mining.config(), before);
  });

  test("holders stake GEN; the power counts from the next block, tier 10", async () => {
    for (const [name, amount] of [
      [ALICE, ALICE_STAKE],
      [BOB, BOB_STAKE],
    ] as const) {
      const sender = w.address(name);
      const r = await send(`${name} stakes ${amount} GEN`, sender, [stakeMsg(sender, GEN(amount))]);
      // at the staking block itself the stake does not count yet
      const atStake = await staking.votingPower({ address: sender, height: r.height });
      assert.equal(atStake.power, "0");
      // The RPC reports a block as soon as CometBFT has it, a moment before the app answers
      // queries at that height ("height h is in the future"): wait one block more.
      await waitForHeight(r.height + 2);
      const next = await staking.votingPower({ address: sender, height: r.height + 1 });
      assert.equal(next.power, (BigInt(amount) * 10_000_000n).toString());
    }
    const position = await staking.position({ address: w.address(ALICE), token: d.contracts.GEN });
    assert.equal(position.staked, GEN(ALICE_STAKE));
  });

  test("a proposal changes PoE mining's fee split: propose, vote, timelock, execute, read back", async () => {
    const alice = w.address(ALICE);
    const bob = w.address(BOB);
    const genBefore = BigInt((await gen.balance({ address: alice })).balance);
    const update: PoeMiningExecuteMsg = { update_config: { fee_rates: NEW_RATES } };
    const msg: CosmosMsgForEmpty = {
      wasm: { execute: { contract_addr: d.contracts["poe-mining"], msg: toBase64Json(update), funds: [] } },
    };
    const r = await propose(alice, "Move 0.1 % of the fee to the treasury", [msg]);
    proposalId = proposalIdOf(r);
    let p: ProposalResponse = await governance.proposal({ proposalId });
    assert.equal(p.status, "open");
    assert.equal(p.start_height, r.height);
    assert.equal(p.total_power, (BigInt(ALICE_STAKE + BOB_STAKE) * 10_000_000n).toString());
    for (const [name, sender] of [
      [ALICE, alice],
      [BOB, bob],
    ] as const) {
      await send(`${name} votes yes`, sender, [new PoeGovernanceMsgComposer(sender, d.contracts.governance).vote({ proposalId, vote: "yes" })]);
    }
    p = await governance.proposal({ proposalId });
    assert.equal(p.tally.yes, p.total_power);
    // before the end of voting and the timelock, execution is refused
    const configBefore = await mining.config();
    await sendFailing("early execute", bob, [new PoeGovernanceMsgComposer(bob, d.contracts.governance).execute({ proposalId })]);
    assert.deepEqual((await mining.config()).params.fee_rates.treasury_net_rate, "0.003");
    assert.deepEqual(await mining.config(), configBefore);
    assert.deepEqual(await governance.proposal({ proposalId }), p);
    await waitForBlockTime(client, BigInt(p.executable_at));
    assert.equal((await governance.proposal({ proposalId })).status, "passed");
    await send("execute", bob, [new PoeGovernanceMsgComposer(bob, d.contracts.governance).execute({ proposalId })]);
    p = await governance.proposal({ proposalId });
    assert.equal(p.status, "executed");
    // the changed parameter, read back, and the fee query follows it
    assert.deepEqual((await mining.config()).params.fee_rates, NEW_RATES);
    const split = await mining.jobFee({ jobValue: "1000000000" });
    assert.deepEqual(split, {
      fee: "10000000",
      miner_locked_reserve: "2000000",
      miner_spendable: "3000000",
      owner_salary: "1000000",
      treasury_net: "4000000",
    });
    // the deposit came back
    assert.equal(BigInt((await gen.balance({ address: alice })).balance), genBefore);
    // and it never runs again: refused, the proposal and the config unchanged
    const executed = await governance.proposal({ proposalId });
    const configAfter = await mining.config();
    await sendFailing("second execute", bob, [new PoeGovernanceMsgComposer(bob, d.contracts.governance).execute({ proposalId })]);
    assert.deepEqual(await governance.proposal({ proposalId }), executed);
    assert.deepEqual(await mining.config(), configAfter);
  });

  test("GEN staked after a proposal opened has no power over it", async () => {
    const alice = w.address(ALICE);
    const whale = w.address(WHALE);
    const r = await propose(alice, "A text proposal", []);
    const id = proposalIdOf(r);
    const before = await governance.proposal({ proposalId: id });
    // stake and vote in one transaction: the vote is refused, so the stake is undone too
    const failed = await sendFailing("flash stake + vote", whale, [
      stakeMsg(whale, GEN(5_000)),
      new PoeGovernanceMsgComposer(whale, d.contracts.governance).vote({ proposalId: id, vote: "no_with_veto" }),
    ]);
    assert.match(failed.rawLog ?? "", /has no voting power at height/);
    assert.equal((await staking.position({ address: whale, token: d.contracts.GEN })).staked, "0");
    // staked on its own, the power is real from the next block, but not at the start height
    const staked = await send("whale stakes 5000 GEN", whale, [stakeMsg(whale, GEN(5_000))]);
    await waitForHeight(staked.height + 1);
    assert.equal(await power(WHALE), (5_000n * 10_000_000n).toString());
    await sendFailing("late whale vote", whale, [
      new PoeGovernanceMsgComposer(whale, d.contracts.governance).vote({ proposalId: id, vote: "no_with_veto" }),
    ]);
    const after = await governance.proposal({ proposalId: id });
    assert.deepEqual(after.tally, before.tally);
    assert.equal(after.total_power, before.total_power);
  });

  test("unstaking moves stake into a claim paid after the unbonding period", async () => {
    const bob = w.address(BOB);
    const composer = new PoeStakingMsgComposer(bob, d.contracts.staking);
    const position = await staking.position({ address: bob, token: d.contracts.GEN });
    await waitForBlockTime(client, BigInt(position.lock_until));
    const genBefore = BigInt((await gen.balance({ address: bob })).balance);
    await send("bob unstakes 1000 GEN", bob, [composer.unstake({ token: d.contracts.GEN, amount: GEN(1_000) })]);
    const claims = await staking.claims({ address: bob, token: d.contracts.GEN });
    assert.equal(claims.claims.length, 1);
    assert.equal(claims.claims[0].amount, GEN(1_000));
    // too early: refused, and the claim and the balance are as they were
    await sendFailing("early claim", bob, [composer.claim({ token: d.contracts.GEN })]);
    assert.deepEqual(await staking.claims({ address: bob, token: d.contracts.GEN }), claims);
    assert.equal(BigInt((await gen.balance({ address: bob })).balance), genBefore);
    await waitForBlockTime(client, BigInt(claims.claims[0].release_at));
    await send("bob claims", bob, [composer.claim({ token: d.contracts.GEN })]);
    assert.equal(BigInt((await gen.balance({ address: bob })).balance), genBefore + 1_000_000_000n);
    assert.equal((await staking.position({ address: bob, token: d.contracts.GEN })).staked, GEN(BOB_STAKE - 1_000));
  });
});

/** A message as the base64 JSON of a `WasmMsg::Execute`'s `msg`. */
function toBase64Json(msg: unknown): string {
  return Buffer.from(JSON.stringify(msg)).toString("base64");
}
