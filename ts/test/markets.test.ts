// The AUR reserve and the AMM end to end on a real wasmd node (scripts/e2e.sh deploys
// scenarios/localnet.yaml first; this file runs after e2e.test.ts and governance.test.ts,
// `--test-concurrency=1`): a custodian attests gold, a holder buys AUR with FLX within the
// backing (and is refused beyond it), provides AUR/FLX liquidity to the pool the deployment
// opened, another trader swaps FLX for AUR receiving exactly what the simulation query said, and
// the provider withdraws. Environment as e2e.test.ts.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { deriveAccounts, type DerivedWallet } from "../src/accounts";
import { connectSigning, DEFAULT_GAS_PRICE, latestBlockTime, type TxRecord } from "../src/chain";
import { contracts } from "../src/contracts";
import type { AssetInfo } from "../src/contracts/PoeAmmPair.types";
import { type Deployment, loadDeployment } from "../src/deployment";
import { toBinary } from "../src/hooks";
import { txSenders, writeGasReport } from "./support";

const { PoeTokenQueryClient, PoeTokenMsgComposer } = contracts.PoeToken;
const { PoeAurumReserveQueryClient, PoeAurumReserveMsgComposer } = contracts.PoeAurumReserve;
const { PoeAmmFactoryQueryClient } = contracts.PoeAmmFactory;
const { PoeAmmPairQueryClient, PoeAmmPairMsgComposer } = contracts.PoeAmmPair;

const NODE = process.env.POE_NODE ?? "http://127.0.0.1:26657";
const CHAIN_ID = process.env.POE_CHAIN_ID ?? "poe-local";
const GAS_PRICE = process.env.POE_GAS_PRICE ?? DEFAULT_GAS_PRICE;
const FAILING_TX_GAS = 1_000_000;
const UNITS = (n: number) => (BigInt(n) * 1_000_000n).toString();

let d: Deployment;
let w: DerivedWallet;
let client: SigningCosmWasmClient;
let flx: InstanceType<typeof PoeTokenQueryClient>;
let aur: InstanceType<typeof PoeTokenQueryClient>;
let reserve: InstanceType<typeof PoeAurumReserveQueryClient>;
let pair: InstanceType<typeof PoeAmmPairQueryClient>;
let pairAddr = "";
let lpToken = "";
const gas: TxRecord[] = [];

// Plan accounts: the custodian, and two reporters holding FLX from genesis (the e2e jobs spent
// only part of it).
const CUSTODIAN = "custodian";
const PROVIDER = "reporter_2";
const TRADER = "reporter_1";

const { send, sendFailing } = txSenders(() => client, gas, { gasPrice: GAS_PRICE, failingGas: FAILING_TX_GAS });

const balance = async (token: InstanceType<typeof PoeTokenQueryClient>, name: string) =>
  BigInt((await token.balance({ address: w.address(name) })).balance);
const tokenAsset = (addr: string): AssetInfo => ({ token: { contract_addr: addr } });

describe(`the AUR reserve and the AMM on ${CHAIN_ID} (${NODE})`, () => {
  before(async () => {
    const mnemonic = process.env.POE_DEPLOYER_MNEMONIC;
    assert.ok(mnemonic, "POE_DEPLOYER_MNEMONIC is not set");
    d = loadDeployment(CHAIN_ID);
    w = await deriveAccounts(mnemonic, d.plan.accounts);
    client = await connectSigning(NODE, w.wallet, { gasPrice: GAS_PRICE });
    flx = new PoeTokenQueryClient(client, d.contracts.FLX);
    aur = new PoeTokenQueryClient(client, d.contracts.AUR);
    reserve = new PoeAurumReserveQueryClient(client, d.contracts["aurum-reserve"]);
    const factory = new PoeAmmFactoryQueryClient(client, d.contracts["amm-factory"]);
    const info = await factory.pair({ assetInfos: [tokenAsset(d.contracts.AUR), tokenAsset(d.contracts.FLX)] });
    pairAddr = info.contract_addr;
    lpToken = info.liquidity_token;
    pair = new PoeAmmPairQueryClient(client, pairAddr);
  });

  after(() => {
    writeGasReport("e2e-gas-markets", gas);
    client?.disconnect();
  });

  test("AUR is minted only against attested gold: buy within the backing, refused beyond it", async () => {
    const custodian = w.address(CUSTODIAN);
    const provider = w.address(PROVIDER);
    const config = await reserve.config();
    // nothing attested yet: minting is halted
    let backing = await reserve.backing();
    assert.equal(backing.minting_halted, true);
    // 1,000 g (1,000,000 mg) of gold attested now
    const now = Number((await latestBlockTime(client)) / 1_000_000_000n);
    const docHash = createHash("sha256").update(`vault statement ${now}`).digest("hex");
    await send("custodian attests 1,000 g", custodian, [
      new PoeAurumReserveMsgComposer(custodian, d.contracts["aurum-reserve"]).attest({
        reserveMg: "1000000",
        documentHash: docHash,
        timestamp: now,
      }),
    ]);
    backing = await reserve.backing();
    assert.equal(backing.minting_halted, false);
    assert.equal(backing.reserve_mg, "1000000");
    // 1,000 g at the configured AUR per gram and ratio
    const maxSupply = (1000n * BigInt(config.aur_per_gram) * 10n ** 18n) / BigInt(Math.round(Number(config.backing_ratio) * 1e18));
    assert.equal(backing.max_supply, maxSupply.toString());
    // buy 100 AUR with FLX at the configured price
    const price = Number(config.price);
    const pay = BigInt(100 * price) * 1_000_000n;
    const aurBefore = await balance(aur, PROVIDER);
    const treasuryBefore = BigInt((await flx.balance({ address: d.contracts.treasury })).balance);
    await send("buy 100 AUR", provider, [
      new PoeTokenMsgComposer(provider, d.contracts.FLX).send({
        contract: d.contracts["aurum-reserve"],
        amount: pay.toString(),
        msg: toBinary({ buy: {} }),
      }),
    ]);
    assert.equal(await balance(aur, PROVIDER), aurBefore + 100_000_000n);
    assert.equal(BigInt((await flx.balance({ address: d.contracts.treasury })).balance), treasuryBefore + pay);
    backing = await reserve.backing();
    assert.equal(backing.supply, "100000000");
    assert.equal(backing.under_backed, false);
    assert.ok(Number(backing.backing_ratio) >= Number(config.backing_ratio), `backing ${backing.backing_ratio}`);
    // beyond the gold: refused, nothing minted, nothing paid
    const tooMuch = (BigInt(backing.mintable) + 1_000_000n) * BigInt(price);
    const flxBefore = await balance(flx, PROVIDER);
    const r = await sendFailing("buy beyond the backing", provider, [
      new PoeTokenMsgComposer(provider, d.contracts.FLX).send({
        contract: d.contracts["aurum-reserve"],
        amount: tooMuch.toString(),
        msg: toBinary({ buy: {} }),
      }),
    ]);
    assert.match(r.rawLog ?? "", /would take the supply from 100000000 above the \d+ the reserve backs/);
    assert.equal(await balance(flx, PROVIDER), flxBefore);
    assert.equal((await reserve.backing()).supply, "100000000");
  });

  test("the AUR/FLX pool: provide, swap exactly as simulated, withdraw", async () => {
    const provider = w.address(PROVIDER);
    const trader = w.address(TRADER);
    const composer = new PoeAmmPairMsgComposer(provider, pairAddr);
    // provide 80 AUR + 4,000 FLX (allowances, then provide_liquidity)
    await send("provide 80 AUR + 4,000 FLX", provider, [
      new PoeTokenMsgComposer(provider, d.contracts.AUR).increaseAllowance({ spender: pairAddr, amount: UNITS(80) }),
      new PoeTokenMsgComposer(provider, d.contracts.FLX).increaseAllowance({ spender: pairAddr, amount: UNITS(4_000) }),
      composer.provideLiquidity({
        assets: [
          { info: tokenAsset(d.contracts.AUR), amount: UNITS(80) },
          { info: tokenAsset(d.contracts.FLX), amount: UNITS(4_000) },
        ],
        slippageTolerance: "0.01",
      }),
    ]);
    let pool = await pair.pool();
    const reserveOf = (addr: string) => pool.assets.find((a) => "token" in a.info && a.info.token.contract_addr === addr)!.amount;
    assert.equal(reserveOf(d.contracts.AUR), UNITS(80));
    assert.equal(reserveOf(d.contracts.FLX), UNITS(4_000));
    const lp = BigInt((await new PoeTokenQueryClient(client, lpToken).balance({ address: provider })).balance);
    assert.ok(lp > 0n);
    const kBefore = BigInt(reserveOf(d.contracts.AUR)) * BigInt(reserveOf(d.contracts.FLX));
    // the trader sells 100 FLX for AUR: receives exactly the simulation's return
    const offer = UNITS(100);
    const sim = await pair.simulation({ offerAsset: { info: tokenAsset(d.contracts.FLX), amount: offer } });
    const aurBefore = await balance(aur, TRADER);
    await send("swap 100 FLX for AUR", trader, [
      new PoeTokenMsgComposer(trader, d.contracts.FLX).send({
        contract: pairAddr,
        amount: offer,
        msg: toBinary({ swap: { max_spread: "0.05" } }),
      }),
    ]);
    assert.equal(await balance(aur, TRADER), aurBefore + BigInt(sim.return_amount));
    pool = await pair.pool();
    const kAfter = BigInt(reserveOf(d.contracts.AUR)) * BigInt(reserveOf(d.contracts.FLX));
    assert.ok(kAfter >= kBefore, `k fell: ${kBefore} -> ${kAfter}`);
    // a swap demanding more than the pool gives is refused and changes nothing
    const poolBefore = await pair.pool();
    await sendFailing("swap with an impossible minimum_receive", trader, [
      new PoeTokenMsgComposer(trader, d.contracts.FLX).send({
        contract: pairAddr,
        amount: offer,
        msg: toBinary({ swap: { minimum_receive: UNITS(80), max_spread: "1" } }),
      }),
    ]);
    assert.deepEqual(await pair.pool(), poolBefore);
    // the provider withdraws half its shares
    const half = (lp / 2n).toString();
    const aurHeld = await balance(aur, PROVIDER);
    await send("withdraw half the LP shares", provider, [
      new PoeTokenMsgComposer(provider, lpToken).send({ contract: pairAddr, amount: half, msg: toBinary({ withdraw_liquidity: {} }) }),
    ]);
    assert.ok((await balance(aur, PROVIDER)) > aurHeld);
    const after = await pair.pool();
    assert.equal(BigInt(after.total_share), BigInt(poolBefore.total_share) - BigInt(half));
  });
});
