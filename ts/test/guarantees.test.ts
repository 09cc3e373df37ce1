// The marketplace and the guarantee contract end to end on a real wasmd node (scripts/e2e.sh
// deploys scenarios/localnet.yaml first; node runs the files one at a time in name order, so
// this one runs after e2e.test.ts has minted NEX to the scenario's miners and
// governance.test.ts has staked GEN, and before markets.test.ts, which it leaves alone: it
// trades nothing on the AUR/FLX pair).
//
// - The deployment: the plan's marketplace has pool 1 "NEX" with the plan account
//   `marketplace_seller` as its seller; its guarantee contract lists NEX (max_ltv 0.5,
//   maintenance 1.5) valued at the TWAP of the pair `NEX-FLX` of deployments/<chain>.json; both
//   are governance's after the hand-over.
// - Setup: the NEX/FLX pair, empty at deployment, gets its first liquidity (100 NEX + 500 FLX, so
//   NEX is worth exactly 5 FLX and nothing trades it afterwards). The guarantee contract values
//   collateral only at a TWAP over its `twap_window_seconds` (600 s at least). The pair writes its
//   first observation at that deposit, so it answers a TWAP over the window once the window has
//   passed in block time since then: the marketplace's tests run first, while the window fills,
//   and the guarantee's tests then wait for the rest of it. A window longer than the shortest
//   allowed is lowered to 600 s by a governance proposal (propose, every staker votes yes, voting
//   period and timelock in block time, execute), so the wait stays about ten minutes.
// - Marketplace: a holder replenishes the NEX pool by cw20 Send, the seller allocates to a buyer,
//   the buyer releases it by paying exactly the FLX price by Send (the NEX arrives, the treasury
//   receives the price); a second allocation expires (its payment after the expiry is refused,
//   an early Expire is refused) and a stranger expires it back into the pool; an allocation
//   beyond `available` is refused with the exact error and changes nothing.
// - Guarantee: an Open before the TWAP covers the window is refused (TwapUnavailable) and so is
//   a coverage above max_ltv; then a guarantor opens one with NEX by Send, the claim token
//   (GUAR) is minted to the beneficiary, who transfers part of it; the arbiter declares a
//   default; both holders redeem (Send of the claim token with Redeem) and receive exactly their
//   pro rata share; the guarantor got back exactly what the claims did not take.
//
// Environment as e2e.test.ts (POE_NODE, POE_CHAIN_ID, POE_DEPLOYER_MNEMONIC, POE_GAS_PRICE).
// Gas per transaction: reports/e2e-gas-guarantees.json.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import type { DeliverTxResponse, MsgSendEncodeObject } from "@cosmjs/stargate";
import { deriveAccounts, type DerivedWallet } from "../src/accounts";
import { connectSigning, DEFAULT_GAS_PRICE, gasDenom, latestBlockTime, rfc3339ToNanos, type TxRecord, waitForBlockTime } from "../src/chain";
import { contracts } from "../src/contracts";
import type { AssetInfo } from "../src/contracts/PoeAmmPair.types";
import type { CosmosMsgForEmpty } from "../src/contracts/PoeGovernance.types";
import type { GuaranteeResponse } from "../src/contracts/PoeGuarantee.types";
import type { PoolResponse } from "../src/contracts/PoeMarketplace.types";
import { type Deployment, loadDeployment } from "../src/deployment";
import { toBinary } from "../src/hooks";
import { readScenario, txSenders, writeGasReport } from "./support";

const { PoeTokenQueryClient, PoeTokenMsgComposer } = contracts.PoeToken;
const { PoeAmmFactoryQueryClient } = contracts.PoeAmmFactory;
const { PoeAmmPairQueryClient, PoeAmmPairMsgComposer } = contracts.PoeAmmPair;
const { PoeStakingQueryClient } = contracts.PoeStaking;
const { PoeGovernanceQueryClient, PoeGovernanceMsgComposer } = contracts.PoeGovernance;
const { PoeMarketplaceQueryClient, PoeMarketplaceMsgComposer } = contracts.PoeMarketplace;
const { PoeGuaranteeQueryClient, PoeGuaranteeMsgComposer } = contracts.PoeGuarantee;
const { PoeTreasuryQueryClient } = contracts.PoeTreasury;

const NODE = process.env.POE_NODE ?? "http://127.0.0.1:26657";
const CHAIN_ID = process.env.POE_CHAIN_ID ?? "poe-local";
const GAS_PRICE = process.env.POE_GAS_PRICE ?? DEFAULT_GAS_PRICE;
const FAILING_TX_GAS = 1_500_000;
const NS = 1_000_000_000n;
/** Whole tokens -> base units (6 decimals). */
const units = (n: number) => BigInt(Math.round(n * 1_000_000));

// Amounts. NEX/FLX liquidity: NEX priced exactly 5 FLX (100 NEX against 500 FLX).
const POOL_NEX = units(100);
const POOL_FLX = units(500);
const NEX_PRICE_ATOMICS = 5n * 10n ** 18n; // Decimal256 5, 18 decimals
// Marketplace: 60 NEX replenished; 25 NEX sold for 130 FLX; 20 NEX reserved and expired; an
// allocation of 1,000 NEX refused.
const REPLENISH = units(60);
const SALE = units(25);
const SALE_PRICE = units(130);
const EXPIRING = units(20);
const EXPIRING_PRICE = units(100);
const EXPIRY_SECONDS = 8n;
const TOO_MUCH = units(1_000);
// Guarantee: 200 NEX of collateral (worth 1,000 FLX at 5 FLX) covering 400 FLX; the
// beneficiary sells 123.456789 of its 400 claims.
const COLLATERAL = units(200);
const COVERAGE = units(400);
const CLAIMS_SOLD = 123_456_789n;

// Who does what. Plan accounts: marketplace_seller is the NEX pool's seller, reporter_2 provides
// the NEX/FLX liquidity (FLX from the deployment), reporter_1 buys at the marketplace (FLX),
// mallory expires an allocation (anyone may); the GEN genesis buckets staked by
// governance.test.ts vote. Scenario miners (NEX from e2e.test.ts's epoch): miner_003 sells NEX to
// the liquidity provider, miner_002 replenishes the pool and is the guarantee's beneficiary,
// miner_001 the guarantor. This file's own accounts, derived after the miners: the guarantee's
// arbiter and the account that buys part of the claim.
const SELLER = "marketplace_seller";
const PROVIDER = "reporter_2";
const BUYER = "reporter_1";
const STRANGER = "mallory";
const VOTERS = ["community_rewards", "governance_reserve", "strategic_partnerships", "development_fund"];
const EXTRA = ["guarantee_arbiter", "claim_buyer"] as const;
/** The marketplace pool of the plan that sells NEX (pool 1, named after its token). */
const POOL_NAME = "NEX";
/** packages/interface guarantee::MIN_TWAP_WINDOW_SECONDS. */
const MIN_TWAP_WINDOW_SECONDS = 600;

let d: Deployment;
let w: DerivedWallet;
let client: SigningCosmWasmClient;
let names: { guarantor: string; beneficiary: string; replenisher: string; nexSeller: string };
let addr: { nex: string; flx: string; gen: string; treasury: string; marketplace: string; guarantee: string; pair: string };
let nex: InstanceType<typeof PoeTokenQueryClient>;
let flx: InstanceType<typeof PoeTokenQueryClient>;
let pair: InstanceType<typeof PoeAmmPairQueryClient>;
let market: InstanceType<typeof PoeMarketplaceQueryClient>;
let guarantee: InstanceType<typeof PoeGuaranteeQueryClient>;
let governance: InstanceType<typeof PoeGovernanceQueryClient>;
let staking: InstanceType<typeof PoeStakingQueryClient>;
let poolId = 0;
/** Block time (ns) of the NEX/FLX pair's first deposit: its TWAP reaches back to it. */
let liquidityAt = 0n;
let twapWindow = 0;
const gas: TxRecord[] = [];

const { send, sendFailing } = txSenders(() => client, gas, { gasPrice: GAS_PRICE, failingGas: FAILING_TX_GAS });

const a = (name: string) => w.address(name);
const tokenAsset = (contract: string): AssetInfo => ({ token: { contract_addr: contract } });
const balanceOf = async (token: InstanceType<typeof PoeTokenQueryClient>, address: string) => BigInt((await token.balance({ address })).balance);
const b64 = (msg: unknown) => Buffer.from(JSON.stringify(msg)).toString("base64");
const wasmExecute = (contract: string, msg: unknown): CosmosMsgForEmpty => ({ wasm: { execute: { contract_addr: contract, msg: b64(msg), funds: [] } } });

/** A cosmwasm_std::Decimal / Decimal256 string -> its atomics (18 decimals). */
function atomics(decimal: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,18}))?$/.exec(decimal);
  if (!m) throw new Error(`not a decimal: ${decimal}`);
  return BigInt(m[1]) * 10n ** 18n + BigInt((m[2] ?? "").padEnd(18, "0"));
}

/** cosmwasm_std::Timestamp's Display: `seconds.nanoseconds` (9 digits), as contract errors print it. */
const timestampText = (nanos: bigint) => `${nanos / NS}.${(nanos % NS).toString().padStart(9, "0")}`;

/** The first wasm event attribute `key` of `contract` in `r`. */
function attribute(r: DeliverTxResponse, contract: string, key: string): string {
  for (const e of r.events) {
    if (e.type !== "wasm") continue;
    if (e.attributes.find((x) => x.key === "_contract_address")?.value !== contract) continue;
    const v = e.attributes.find((x) => x.key === key)?.value;
    if (v !== undefined) return v;
  }
  throw new Error(`no ${key} of ${contract} in tx ${r.transactionHash}`);
}

/**
 * Governance passes `msgs` as one proposal: the first voter with GEN staked (by
 * governance.test.ts) proposes, every staker with power at the start height votes yes, and once
 * voting and the timelock are over in block time the proposal is executed; all or nothing.
 */
async function passProposal(title: string, msgs: CosmosMsgForEmpty[]): Promise<void> {
  const staked = async (name: string) => BigInt((await staking.position({ address: a(name), token: addr.gen })).staked);
  const stakers: string[] = [];
  for (const v of VOTERS) if ((await staked(v)) > 0n) stakers.push(v);
  assert.ok(stakers.length > 0, `none of ${VOTERS.join(", ")} has GEN staked (run after governance.test.ts)`);
  const proposer = a(stakers[0]);
  const deposit = (await governance.config()).deposit_amount;
  const r = await send(`propose "${title}"`, proposer, [
    new PoeTokenMsgComposer(proposer, addr.gen).send({ contract: d.contracts.governance, amount: deposit, msg: toBinary({ propose: { title, description: title, msgs } }) }),
  ]);
  const proposalId = Number(attribute(r, d.contracts.governance, "proposal_id"));
  const p = await governance.proposal({ proposalId });
  for (const v of stakers) {
    const power = BigInt((await staking.votingPower({ address: a(v), height: p.start_height })).power);
    if (power === 0n) continue;
    await send(`${v} votes yes`, a(v), [new PoeGovernanceMsgComposer(a(v), d.contracts.governance).vote({ proposalId, vote: "yes" })]);
  }
  await waitForBlockTime(client, BigInt(p.executable_at));
  await send(`execute "${title}"`, proposer, [new PoeGovernanceMsgComposer(proposer, d.contracts.governance).execute({ proposalId })]);
  const done = await governance.proposal({ proposalId });
  assert.equal(done.status, "executed", `proposal ${proposalId}: ${done.status} ${done.execution_error ?? ""}`);
}

/** What a refused marketplace message could have touched. */
async function marketSnapshot() {
  const holders = [a(SELLER), a(BUYER), a(STRANGER), a(names.replenisher), addr.marketplace, addr.treasury];
  return {
    pool: await market.pool({ poolId }),
    allocations: await market.allocations({ poolId, limit: 30 }),
    config: await market.config(),
    nex: await Promise.all(holders.map((h) => balanceOf(nex, h))),
    flx: await Promise.all(holders.map((h) => balanceOf(flx, h))),
  };
}

/** What a refused guarantee message could have touched. */
async function guaranteeSnapshot() {
  const holders = [a(names.guarantor), a(names.beneficiary), a("claim_buyer"), a("guarantee_arbiter"), addr.guarantee];
  return {
    config: await guarantee.config(),
    totals: await guarantee.totals(),
    guarantees: await guarantee.guarantees({ limit: 30 }),
    nex: await Promise.all(holders.map((h) => balanceOf(nex, h))),
    flx: await Promise.all(holders.map((h) => balanceOf(flx, h))),
  };
}

describe(`the marketplace and guarantees on ${CHAIN_ID} (${NODE})`, () => {
  before(async () => {
    const mnemonic = process.env.POE_DEPLOYER_MNEMONIC;
    assert.ok(mnemonic, "POE_DEPLOYER_MNEMONIC is not set");
    d = loadDeployment(CHAIN_ID);
    for (const label of ["marketplace", "guarantee"]) assert.ok(d.contracts[label], `the deployment has no ${label} contract`);
    const scenario = readScenario(d.scenario);
    assert.ok(scenario.miners.length >= 3, "the scenario has three miners");
    const [m1, m2, m3] = scenario.miners.map((m) => m.name);
    names = { guarantor: m1, beneficiary: m2, replenisher: m2, nexSeller: m3 };
    // The plan's accounts at 0..n-1, the scenario's miners after them (as e2e.test.ts), then ours.
    w = await deriveAccounts(mnemonic, [...d.plan.accounts, ...scenario.miners.map((m) => m.name), ...EXTRA]);
    for (const name of d.plan.accounts) assert.equal(a(name), d.accounts[name].address, `@${name} derives as deployed`);
    client = await connectSigning(NODE, w.wallet, { gasPrice: GAS_PRICE });
    assert.ok(d.contracts["NEX-FLX"], "the deployment has no NEX-FLX pair");
    addr = {
      nex: d.contracts.NEX,
      flx: d.contracts.FLX,
      gen: d.contracts.GEN,
      treasury: d.contracts.treasury,
      marketplace: d.contracts.marketplace,
      guarantee: d.contracts.guarantee,
      pair: d.contracts["NEX-FLX"],
    };
    nex = new PoeTokenQueryClient(client, addr.nex);
    flx = new PoeTokenQueryClient(client, addr.flx);
    pair = new PoeAmmPairQueryClient(client, addr.pair);
    market = new PoeMarketplaceQueryClient(client, addr.marketplace);
    guarantee = new PoeGuaranteeQueryClient(client, addr.guarantee);
    governance = new PoeGovernanceQueryClient(client, d.contracts.governance);
    staking = new PoeStakingQueryClient(client, d.contracts.staking);
    // Exact arithmetic below: neither token burns on transfer in this deployment.
    for (const t of [nex, flx]) assert.equal((await t.transferBurn()).transfer_burn_bps, 0);
    twapWindow = (await guarantee.config()).twap_window_seconds;

    // Fee tokens for this file's own accounts (they are not plan accounts).
    const denom = gasDenom(GAS_PRICE);
    const deployer = a("deployer");
    const sends: MsgSendEncodeObject[] = EXTRA.map((n) => ({
      typeUrl: "/cosmos.bank.v1beta1.MsgSend",
      value: { fromAddress: deployer, toAddress: a(n), amount: [{ denom, amount: "1000000" }] },
    }));
    await send(`fund ${EXTRA.length} accounts (bank send)`, deployer, sends);

    // The NEX/FLX pair's first liquidity: its TWAP starts here.
    const pool = await pair.pool();
    assert.ok(pool.assets.every((x) => x.amount === "0"), "the NEX/FLX pair is still empty (this file gives it its first liquidity)");
    const provider = a(PROVIDER);
    const nexSeller = a(names.nexSeller);
    assert.ok((await balanceOf(nex, nexSeller)) >= POOL_NEX, `${names.nexSeller} holds ${POOL_NEX} NEX (run after e2e.test.ts, whose miners claim NEX)`);
    await send(`${names.nexSeller} transfers 100 NEX to ${PROVIDER}`, nexSeller, [
      new PoeTokenMsgComposer(nexSeller, addr.nex).transfer({ recipient: provider, amount: POOL_NEX.toString() }),
    ]);
    const provided = await send("provide 100 NEX + 500 FLX to NEX/FLX (its first liquidity)", provider, [
      new PoeTokenMsgComposer(provider, addr.nex).increaseAllowance({ spender: addr.pair, amount: POOL_NEX.toString() }),
      new PoeTokenMsgComposer(provider, addr.flx).increaseAllowance({ spender: addr.pair, amount: POOL_FLX.toString() }),
      new PoeAmmPairMsgComposer(provider, addr.pair).provideLiquidity({
        assets: [
          { info: tokenAsset(addr.nex), amount: POOL_NEX.toString() },
          { info: tokenAsset(addr.flx), amount: POOL_FLX.toString() },
        ],
        slippageTolerance: "0.01",
      }),
    ]);
    liquidityAt = rfc3339ToNanos((await client.getBlock(provided.height)).header.time);

    // The plan's NEX pool.
    const nexPool = (await market.pools({ limit: 30 })).pools.find((p) => p.name === POOL_NAME);
    assert.ok(nexPool, `the marketplace has no pool named ${POOL_NAME}`);
    poolId = nexPool.id;

    // The e2e waits for the TWAP window in block time: a deployment with a longer window than the
    // shortest allowed gets it lowered by governance.
    if (twapWindow > MIN_TWAP_WINDOW_SECONDS) {
      await passProposal(`Guarantee TWAP window ${MIN_TWAP_WINDOW_SECONDS} s`, [
        wasmExecute(addr.guarantee, { update_config: { twap_window_seconds: MIN_TWAP_WINDOW_SECONDS } }),
      ]);
      twapWindow = (await guarantee.config()).twap_window_seconds;
      assert.equal(twapWindow, MIN_TWAP_WINDOW_SECONDS);
    }
  });

  after(() => {
    writeGasReport("e2e-gas-guarantees", gas);
    client?.disconnect();
  });

  describe("marketplace", () => {
    test("governance owns the marketplace; the plan's NEX pool has its seller, proceeds to the treasury", async () => {
      assert.equal((await market.ownership()).owner, d.contracts.governance);
      const pool = await market.pool({ poolId });
      assert.equal(pool.id, 1);
      assert.equal(pool.token, addr.nex);
      assert.equal(pool.recipient, addr.treasury);
      assert.equal(pool.sellers, 1);
      assert.equal(await market.isSeller({ poolId, address: a(SELLER) }), true);
      assert.equal(await market.isSeller({ poolId, address: a(BUYER) }), false);
      assert.equal((await market.config()).flx_token, addr.flx);
    });

    test("a holder replenishes the pool by Send; the seller allocates; the buyer releases with the exact FLX price", async () => {
      const replenisher = a(names.replenisher);
      const seller = a(SELLER);
      const buyer = a(BUYER);
      let pool: PoolResponse = await market.pool({ poolId });
      const held = await balanceOf(nex, addr.marketplace);
      await send("replenish 60 NEX (NEX send + replenish)", replenisher, [
        new PoeTokenMsgComposer(replenisher, addr.nex).send({ contract: addr.marketplace, amount: REPLENISH.toString(), msg: toBinary({ replenish: { pool_id: poolId } }) }),
      ]);
      const replenished = await market.pool({ poolId });
      assert.equal(BigInt(replenished.available), BigInt(pool.available) + REPLENISH);
      assert.equal(BigInt(replenished.total_replenished), BigInt(pool.total_replenished) + REPLENISH);
      assert.equal(await balanceOf(nex, addr.marketplace), held + REPLENISH);
      pool = replenished;

      const now = await latestBlockTime(client);
      const r = await send("allocate 25 NEX for 130 FLX", seller, [
        new PoeMarketplaceMsgComposer(seller, addr.marketplace).allocate({
          poolId,
          amount: SALE.toString(),
          buyer,
          price: SALE_PRICE.toString(),
          expiresAt: (now + 3600n * NS).toString(),
        }),
      ]);
      const allocationId = Number(attribute(r, addr.marketplace, "allocation_id"));
      let allocation = await market.allocation({ allocationId });
      assert.equal(allocation.status, "open");
      assert.equal(allocation.seller, seller);
      assert.equal(allocation.buyer, buyer);
      pool = await market.pool({ poolId });
      assert.equal(BigInt(pool.available), BigInt(replenished.available) - SALE);
      assert.equal(BigInt(pool.reserved), BigInt(replenished.reserved) + SALE);
      assert.equal(pool.pending_allocations, replenished.pending_allocations + 1);

      // The buyer pays exactly the price with FLX send + release.
      const buyerNex = await balanceOf(nex, buyer);
      const buyerFlx = await balanceOf(flx, buyer);
      const treasuryFlx = await balanceOf(flx, addr.treasury);
      const treasury = new PoeTreasuryQueryClient(client, addr.treasury);
      const ledger = await treasury.balance({ asset: { cw20: { contract_addr: addr.flx } } });
      await send("release: FLX send of exactly the price + release", buyer, [
        new PoeTokenMsgComposer(buyer, addr.flx).send({ contract: addr.marketplace, amount: SALE_PRICE.toString(), msg: toBinary({ release: { allocation_id: allocationId } }) }),
      ]);
      allocation = await market.allocation({ allocationId });
      assert.equal(allocation.status, "released");
      assert.ok(allocation.closed_at);
      assert.equal(await balanceOf(nex, buyer), buyerNex + SALE, "the tokens arrived");
      assert.equal(await balanceOf(flx, buyer), buyerFlx - SALE_PRICE, "the buyer paid exactly the price");
      assert.equal(await balanceOf(flx, addr.treasury), treasuryFlx + SALE_PRICE, "the proceeds are at the recipient");
      const ledgerAfter = await treasury.balance({ asset: { cw20: { contract_addr: addr.flx } } });
      assert.equal(BigInt(ledgerAfter.balance), BigInt(ledger.balance) + SALE_PRICE, "the treasury's ledger counts the deposit");
      assert.equal(await balanceOf(flx, addr.marketplace), 0n, "the marketplace keeps no FLX");
      const released = await market.pool({ poolId });
      assert.equal(released.available, pool.available);
      assert.equal(BigInt(released.reserved), BigInt(pool.reserved) - SALE);
      assert.equal(BigInt(released.total_released), BigInt(pool.total_released) + SALE);
      assert.equal(BigInt(released.total_proceeds), BigInt(pool.total_proceeds) + SALE_PRICE);
      // The invariant: available + reserved = the marketplace's NEX (one NEX pool).
      assert.equal(BigInt(released.available) + BigInt(released.reserved), await balanceOf(nex, addr.marketplace));
    });

    test("an allocation not paid by its expiry: payment refused, an early expire refused, then anyone expires it into the pool", async () => {
      const seller = a(SELLER);
      const buyer = a(BUYER);
      const stranger = a(STRANGER);
      const start = await market.pool({ poolId });
      const now = await latestBlockTime(client);
      const expiresAt = now + EXPIRY_SECONDS * NS;
      const r = await send("allocate 20 NEX expiring in 8 s", seller, [
        new PoeMarketplaceMsgComposer(seller, addr.marketplace).allocate({
          poolId,
          amount: EXPIRING.toString(),
          buyer,
          price: EXPIRING_PRICE.toString(),
          expiresAt: expiresAt.toString(),
        }),
      ]);
      const allocationId = Number(attribute(r, addr.marketplace, "allocation_id"));
      assert.equal(BigInt((await market.pool({ poolId })).available), BigInt(start.available) - EXPIRING);

      // Before the expiry nobody may expire it.
      let before = await marketSnapshot();
      let failed = await sendFailing("expire before the expiry", stranger, [new PoeMarketplaceMsgComposer(stranger, addr.marketplace).expire({ allocationId })]);
      assert.ok(failed.rawLog?.includes(`allocation expires at ${timestampText(expiresAt)}, not yet`), failed.rawLog);
      assert.deepEqual(await marketSnapshot(), before, "an early expire changed the state");

      await waitForBlockTime(client, expiresAt);
      // After the expiry the buyer's payment is refused, and its FLX stays with it.
      before = await marketSnapshot();
      failed = await sendFailing("release after the expiry", buyer, [
        new PoeTokenMsgComposer(buyer, addr.flx).send({ contract: addr.marketplace, amount: EXPIRING_PRICE.toString(), msg: toBinary({ release: { allocation_id: allocationId } }) }),
      ]);
      assert.ok(failed.rawLog?.includes(`allocation expired at ${timestampText(expiresAt)}`), failed.rawLog);
      assert.deepEqual(await marketSnapshot(), before, "a payment after the expiry changed the state");

      // Anyone expires it: the tokens are available again.
      await send("expire (anyone, after the expiry)", stranger, [new PoeMarketplaceMsgComposer(stranger, addr.marketplace).expire({ allocationId })]);
      const allocation = await market.allocation({ allocationId });
      assert.equal(allocation.status, "expired");
      const pool = await market.pool({ poolId });
      assert.equal(pool.available, start.available);
      assert.equal(pool.reserved, start.reserved);
      assert.equal(pool.pending_allocations, start.pending_allocations);
      assert.equal(pool.total_released, start.total_released);
      // ... exactly once: a second expire is refused.
      before = await marketSnapshot();
      failed = await sendFailing("second expire", stranger, [new PoeMarketplaceMsgComposer(stranger, addr.marketplace).expire({ allocationId })]);
      assert.ok(failed.rawLog?.includes("allocation is not open: expired"), failed.rawLog);
      assert.deepEqual(await marketSnapshot(), before);
      assert.equal(BigInt(pool.available) + BigInt(pool.reserved), await balanceOf(nex, addr.marketplace));
    });

    test("an allocation beyond the pool's available tokens is refused and changes nothing", async () => {
      const seller = a(SELLER);
      const before = await marketSnapshot();
      const available = before.pool.available;
      assert.ok(BigInt(available) < TOO_MUCH);
      const now = await latestBlockTime(client);
      const failed = await sendFailing("allocate 1,000 NEX (beyond available)", seller, [
        new PoeMarketplaceMsgComposer(seller, addr.marketplace).allocate({
          poolId,
          amount: TOO_MUCH.toString(),
          buyer: a(BUYER),
          price: units(1).toString(),
          expiresAt: (now + 600n * NS).toString(),
        }),
      ]);
      assert.ok(failed.rawLog?.includes(`insufficient available tokens: ${available} available, ${TOO_MUCH} requested`), failed.rawLog);
      assert.deepEqual(await marketSnapshot(), before, "a refused allocation changed the state");
    });
  });

  describe("guarantee", () => {
    let guaranteeId = 0;
    let opened: GuaranteeResponse;
    const openMsg = (coverage: bigint, expiresAt: bigint) =>
      toBinary({
        open: { beneficiary: a(names.beneficiary), coverage: coverage.toString(), expires_at: expiresAt.toString(), arbiter: a("guarantee_arbiter") },
      });
    const openTx = (coverage: bigint, expiresAt: bigint) => {
      const guarantor = a(names.guarantor);
      return new PoeTokenMsgComposer(guarantor, addr.nex).send({ contract: addr.guarantee, amount: COLLATERAL.toString(), msg: openMsg(coverage, expiresAt) });
    };

    test("governance owns the guarantee contract; NEX is collateral valued by the NEX/FLX pair", async () => {
      assert.equal((await guarantee.ownership()).owner, d.contracts.governance);
      const c = await guarantee.collateral({ asset: tokenAsset(addr.nex) });
      assert.equal(c.pair, addr.pair);
      const factory = new PoeAmmFactoryQueryClient(client, d.contracts["amm-factory"]);
      assert.equal((await factory.pair({ assetInfos: [tokenAsset(addr.nex), tokenAsset(addr.flx)] })).contract_addr, addr.pair, "the factory's NEX/FLX pair");
      assert.equal(c.max_ltv, "0.5");
      assert.equal(c.maintenance_ratio, "1.5");
      assert.equal(twapWindow, MIN_TWAP_WINDOW_SECONDS);
      assert.ok((await balanceOf(nex, a(names.guarantor))) >= COLLATERAL, `${names.guarantor} holds 200 NEX (run after e2e.test.ts)`);
    });

    test("an open before the pair's TWAP covers the window is refused and changes nothing", async (t) => {
      const now = await latestBlockTime(client);
      if (now >= liquidityAt + BigInt(twapWindow) * NS) {
        t.skip(`the ${twapWindow} s window is already covered`);
        return;
      }
      const before = await guaranteeSnapshot();
      const failed = await sendFailing("open before the TWAP window is covered", a(names.guarantor), [openTx(COVERAGE, now + 86_400n * NS)]);
      assert.ok(failed.rawLog?.includes(`no TWAP of ${twapWindow} s from pair ${addr.pair}`), failed.rawLog);
      assert.ok(failed.rawLog?.includes(`TWAP window of ${twapWindow} s is not covered`), failed.rawLog);
      assert.deepEqual(await guaranteeSnapshot(), before, "a refused open changed the state");
    });

    test("a guarantor opens a guarantee with NEX by Send: GUAR claims minted to the beneficiary", async (t) => {
      // The TWAP window fills in block time from the pair's first deposit.
      const ready = liquidityAt + BigInt(twapWindow) * NS + NS;
      const waitS = Number((ready - (await latestBlockTime(client))) / NS);
      if (waitS > 0) t.diagnostic(`waiting ${waitS} s of block time for the ${twapWindow} s TWAP window`);
      await waitForBlockTime(client, ready, { timeoutMs: (waitS + 60) * 1000 });
      const twap = await pair.twap({ windowSeconds: twapWindow });
      const nexFirst = "token" in twap.asset_infos[0] && twap.asset_infos[0].token.contract_addr === addr.nex;
      assert.equal(nexFirst ? twap.price0_average : twap.price1_average, "5", "NEX's TWAP is exactly 5 FLX");
      const c = await guarantee.collateral({ asset: tokenAsset(addr.nex) });
      const value = (COLLATERAL * NEX_PRICE_ATOMICS) / 10n ** 18n;
      const maxCoverage = (value * atomics(c.max_ltv)) / 10n ** 18n; // Uint128::mul_floor
      assert.ok(COVERAGE <= maxCoverage, `max_ltv ${c.max_ltv} allows ${maxCoverage}, below the test's coverage ${COVERAGE}`);

      // A coverage one unit above max_ltv x the TWAP value is refused.
      const guarantor = a(names.guarantor);
      const expiresAt = (await latestBlockTime(client)) + 86_400n * NS;
      const before = await guaranteeSnapshot();
      const failed = await sendFailing("open with coverage above max_ltv", guarantor, [openTx(maxCoverage + 1n, expiresAt)]);
      assert.ok(failed.rawLog?.includes(`coverage ${maxCoverage + 1n} above the ${maxCoverage} the collateral supports at its TWAP value ${value}`), failed.rawLog);
      assert.deepEqual(await guaranteeSnapshot(), before, "a refused open changed the state");

      const guarantorNex = await balanceOf(nex, guarantor);
      const r = await send("open a guarantee: 200 NEX send + open, coverage 400 FLX", guarantor, [openTx(COVERAGE, expiresAt)]);
      guaranteeId = Number(attribute(r, addr.guarantee, "guarantee_id"));
      assert.equal(attribute(r, addr.guarantee, "value"), value.toString());
      opened = await guarantee.guarantee({ guaranteeId });
      assert.equal(opened.status, "open");
      assert.equal(opened.guarantor, guarantor);
      assert.equal(opened.beneficiary, a(names.beneficiary));
      assert.equal(opened.arbiter, a("guarantee_arbiter"));
      assert.deepEqual(opened.collateral_asset, tokenAsset(addr.nex));
      assert.equal(opened.collateral, COLLATERAL.toString());
      assert.equal(opened.coverage, COVERAGE.toString());
      assert.equal(opened.claims_outstanding, COVERAGE.toString());
      assert.equal(opened.expires_at, expiresAt.toString());
      assert.equal(await balanceOf(nex, guarantor), guarantorNex - COLLATERAL);

      // The claim token: its own GUAR instance, all of it the beneficiary's.
      const claim = new PoeTokenQueryClient(client, opened.claim_token);
      const info = await claim.tokenInfo();
      assert.equal(info.symbol, "GUAR");
      assert.equal(info.name, `GUAR claim #${guaranteeId}`);
      assert.equal(info.decimals, 6);
      assert.equal(info.total_supply, COVERAGE.toString());
      assert.equal(await balanceOf(claim, a(names.beneficiary)), COVERAGE);
      assert.equal((await claim.minter())?.minter, addr.guarantee, "minted only by the guarantee contract");
      assert.equal((await claim.marketingInfo()).project, `guarantee ${guaranteeId} of ${addr.guarantee}`);
      assert.deepEqual(await guarantee.guaranteeByClaimToken({ claimToken: opened.claim_token }), opened);
      const mine = await guarantee.guaranteesByBeneficiary({ beneficiary: a(names.beneficiary) });
      assert.ok(mine.guarantees.some((g) => g.id === guaranteeId));
      // Valued at the TWAP over the window, and healthy.
      const cv = await guarantee.collateralValue({ guaranteeId });
      assert.equal(cv.value, value.toString());
      assert.equal(cv.price, "5");
      assert.equal(cv.window_seconds, twapWindow);
      assert.ok(Number(cv.end) - Number(cv.start) >= twapWindow);
      const health = await guarantee.health({ guaranteeId });
      assert.equal(health.health_ratio, "2.5");
      assert.equal(health.liquidatable, false);
      // The contract holds exactly the open collateral.
      const totals = await guarantee.totals();
      const held = totals.held.find((h) => "token" in h.asset && h.asset.token.contract_addr === addr.nex);
      assert.equal(held?.amount, (await balanceOf(nex, addr.guarantee)).toString());
    });

    test("the beneficiary sells part of the claim; the arbiter declares a default; both holders redeem pro rata", async () => {
      assert.ok(guaranteeId > 0, "a guarantee was opened");
      const beneficiary = a(names.beneficiary);
      const claimBuyer = a("claim_buyer");
      const arbiter = a("guarantee_arbiter");
      const guarantor = a(names.guarantor);
      const claimToken = opened.claim_token;
      const claim = new PoeTokenQueryClient(client, claimToken);
      await send("transfer 123.456789 GUAR claims", beneficiary, [new PoeTokenMsgComposer(beneficiary, claimToken).transfer({ recipient: claimBuyer, amount: CLAIMS_SOLD.toString() })]);
      assert.equal(await balanceOf(claim, claimBuyer), CLAIMS_SOLD);
      assert.equal(await balanceOf(claim, beneficiary), COVERAGE - CLAIMS_SOLD);

      // Only the arbiter may declare the default.
      let before = await guaranteeSnapshot();
      let failed = await sendFailing("default declared by the beneficiary", beneficiary, [
        new PoeGuaranteeMsgComposer(beneficiary, addr.guarantee).declareDefault({ guaranteeId }),
      ]);
      assert.ok(failed.rawLog?.includes(`${beneficiary} is not the arbiter ${arbiter}`), failed.rawLog);
      assert.deepEqual(await guaranteeSnapshot(), before);

      // The default: ceil(coverage / TWAP price) of the collateral is set aside, the rest goes back.
      const guarantorNex = await balanceOf(nex, guarantor);
      await send("declare_default (arbiter)", arbiter, [new PoeGuaranteeMsgComposer(arbiter, addr.guarantee).declareDefault({ guaranteeId })]);
      const defaulted = await guarantee.guarantee({ guaranteeId });
      const setAside = (COVERAGE * 10n ** 18n + NEX_PRICE_ATOMICS - 1n) / NEX_PRICE_ATOMICS; // ceil(400 FLX / 5) = 80 NEX
      assert.equal(setAside, units(80));
      assert.equal(defaulted.status, "defaulted");
      assert.equal(defaulted.set_aside, setAside.toString());
      assert.equal(defaulted.set_aside_remaining, setAside.toString());
      assert.equal(defaulted.claims_at_default, COVERAGE.toString());
      assert.equal(defaulted.collateral, "0");
      assert.equal(defaulted.returned, (COLLATERAL - setAside).toString());
      assert.equal(await balanceOf(nex, guarantor), guarantorNex + COLLATERAL - setAside, "the guarantor got the rest back at once");
      const claims = await guarantee.claims({ guaranteeId });
      assert.equal(claims.redeemable, true);
      assert.equal(claims.redeemable_amount, setAside.toString());

      // A claim of this guarantee cannot name another one.
      before = await guaranteeSnapshot();
      failed = await sendFailing("redeem naming another guarantee", claimBuyer, [
        new PoeTokenMsgComposer(claimBuyer, claimToken).send({ contract: addr.guarantee, amount: "1", msg: toBinary({ redeem: { guarantee_id: guaranteeId + 1 } }) }),
      ]);
      assert.ok(failed.rawLog?.includes(`claim token ${claimToken} belongs to guarantee ${guaranteeId}, not ${guaranteeId + 1}`), failed.rawLog);
      assert.deepEqual(await guaranteeSnapshot(), before);
      assert.equal(await balanceOf(claim, claimBuyer), CLAIMS_SOLD);

      // The buyer of the claims redeems first: floor(set_aside x 123.456789 / 400).
      const firstShare = (setAside * CLAIMS_SOLD) / COVERAGE;
      assert.equal(firstShare, 24_691_357n);
      let nexBefore = await balanceOf(nex, claimBuyer);
      await send("redeem 123.456789 GUAR (claim send + redeem)", claimBuyer, [
        new PoeTokenMsgComposer(claimBuyer, claimToken).send({ contract: addr.guarantee, amount: CLAIMS_SOLD.toString(), msg: toBinary({ redeem: { guarantee_id: guaranteeId } }) }),
      ]);
      assert.equal(await balanceOf(nex, claimBuyer), nexBefore + firstShare);
      assert.equal(await balanceOf(claim, claimBuyer), 0n);
      assert.equal((await claim.tokenInfo()).total_supply, (COVERAGE - CLAIMS_SOLD).toString(), "the redeemed claims are burned");
      // The beneficiary redeems the last claims: they take what remains.
      const rest = setAside - firstShare;
      assert.equal(rest, 55_308_643n);
      nexBefore = await balanceOf(nex, beneficiary);
      await send("redeem the last 276.543211 GUAR", beneficiary, [
        new PoeTokenMsgComposer(beneficiary, claimToken).send({
          contract: addr.guarantee,
          amount: (COVERAGE - CLAIMS_SOLD).toString(),
          msg: toBinary({ redeem: { guarantee_id: guaranteeId } }),
        }),
      ]);
      assert.equal(await balanceOf(nex, beneficiary), nexBefore + rest);
      // Pro rata to the base unit, and nothing paid twice: the claims paid exactly the set-aside,
      // the guarantor exactly the rest of the collateral.
      assert.equal(firstShare + rest, setAside);
      const closed = await guarantee.guarantee({ guaranteeId });
      assert.equal(closed.claims_outstanding, "0");
      assert.equal(closed.set_aside_remaining, "0");
      assert.equal(BigInt(closed.returned) + firstShare + rest, COLLATERAL);
      assert.equal((await claim.tokenInfo()).total_supply, "0");
      const totals = await guarantee.totals();
      const held = totals.held.find((h) => "token" in h.asset && h.asset.token.contract_addr === addr.nex)?.amount ?? "0";
      assert.equal(held, (await balanceOf(nex, addr.guarantee)).toString(), "the contract holds exactly what its guarantees hold");
      assert.equal(totals.claims_outstanding, "0");
      // A claim redeemed is gone: nothing is left to redeem twice.
      before = await guaranteeSnapshot();
      failed = await sendFailing("redeem with no claims left", beneficiary, [
        new PoeTokenMsgComposer(beneficiary, claimToken).send({ contract: addr.guarantee, amount: "1", msg: toBinary({ redeem: { guarantee_id: guaranteeId } }) }),
      ]);
      assert.ok(failed.rawLog?.includes("Cannot Sub with given operands"), failed.rawLog);
      assert.deepEqual(await guaranteeSnapshot(), before);
    });
  });

  test("gas used", (t) => {
    for (const x of gas) t.diagnostic(`gas ${String(x.gasUsed).padStart(9)}  ${x.what}`);
    t.diagnostic("written to reports/e2e-gas-guarantees.json (at the end of the file)");
  });
});
