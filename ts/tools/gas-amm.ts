// Our AMM's pool operations measured exactly as ts/tools/peers.ts measures Astroport's xyk pair:
// two fresh cw20 tokens (our poe-token code, the same balances), a pair created by the deployed
// amm-factory, then first provide, provides, the pool's first swap, swaps and withdrawals with
// the same amounts and in the same order, on the same node. Rows carry the same `op` names as
// the peer's so the report puts them side by side.
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import {
  AMOUNTS,
  binary,
  cw20InstantiateMsg,
  GAS_INSTANTIATE,
  GAS_OP,
  type PeerRow,
  type PeerSample,
  row,
  sample,
  warmUpSigners,
} from "./peers";
import { DEFAULT_GAS_PRICE, fixedFee } from "../src/chain";

type AssetInfo = { token: { contract_addr: string } };
interface PairInfo {
  contract_addr: string;
  liquidity_token: string;
}

/**
 * `tokenCodeId`: poe-token's code; `factory`: the deployed poe-amm-factory (pairs get governance
 * as owner and the treasury as fee address: 30 bps, 20 % of it to the treasury).
 */
export async function measureOurAmm(
  client: SigningCosmWasmClient,
  accounts: { admin: string; provider: string; trader: string },
  tokenCodeId: number,
  factory: string,
  options: { samples?: number; gasPrice?: string; log?: (line: string) => void } = {},
): Promise<{ rows: PeerRow[]; contracts: Record<string, string> }> {
  const samples = options.samples ?? 3;
  const gasPrice = options.gasPrice ?? DEFAULT_GAS_PRICE;
  const log = options.log ?? (() => {});
  const fee = fixedFee(GAS_OP, gasPrice);
  const feeInst = fixedFee(GAS_INSTANTIATE, gasPrice);
  const { admin, provider, trader } = accounts;

  const holders = [provider, trader];
  const inst = async (symbol: string) =>
    (await client.instantiate(admin, tokenCodeId, cw20InstantiateMsg(symbol, holders, admin), symbol, feeInst, { admin })).contractAddress;
  const tokenA = await inst("OKA");
  const tokenB = await inst("OKB");
  const assetA: AssetInfo = { token: { contract_addr: tokenA } };
  const assetB: AssetInfo = { token: { contract_addr: tokenB } };

  const created = await client.execute(admin, factory, { create_pair: { asset_infos: [assetA, assetB] } }, feeInst);
  const info = (await client.queryContractSmart(factory, { pair: { asset_infos: [assetA, assetB] } })) as PairInfo;
  const pair = info.contract_addr;
  const lp = info.liquidity_token;
  log(`ours: pair ${pair}, LP token ${lp}; create_pair gas ${created.gasUsed}`);

  await warmUpSigners(client, [provider, trader], admin, gasPrice);
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
      min_lp_to_receive: null,
      receiver: null,
    },
  });
  const firstProvide = sample(await client.execute(provider, pair, provideMsg(AMOUNTS.firstProvide), fee));
  const provide: PeerSample[] = [];
  for (let k = 0; k < samples; k++) provide.push(sample(await client.execute(provider, pair, provideMsg(AMOUNTS.provide), fee)));
  log(`ours: first provide ${firstProvide.gasUsed}, then ${provide.map((s) => s.gasUsed).join(", ")}`);

  const swapMsg = {
    send: {
      contract: pair,
      amount: AMOUNTS.swap,
      msg: binary({ swap: { belief_price: null, max_spread: null, minimum_receive: null, to: null, deadline: null } }),
    },
  };
  const firstSwap = sample(await client.execute(trader, tokenA, swapMsg, fee));
  const swap: PeerSample[] = [];
  for (let k = 0; k < samples; k++) swap.push(sample(await client.execute(trader, tokenA, swapMsg, fee)));
  log(`ours: swap first ${firstSwap.gasUsed}, then ${swap.map((s) => s.gasUsed).join(", ")}`);

  const withdrawMsg = { send: { contract: pair, amount: AMOUNTS.withdraw, msg: binary({ withdraw_liquidity: {} }) } };
  const withdraw: PeerSample[] = [];
  for (let k = 0; k < samples; k++) withdraw.push(sample(await client.execute(provider, lp, withdrawMsg, fee)));
  log(`ours: withdraw_liquidity ${withdraw.map((s) => s.gasUsed).join(", ")}`);

  const rows = [
    row(
      "ours",
      "create_pair",
      [sample(created)],
      "factory `create_pair`: token_info queries of both tokens, instantiates the pair (submessage), which instantiates its poe-token LP token " +
        "(submessage, reply records it); the factory's reply registers the pair under both orders",
    ),
    row(
      "ours",
      "provide_liquidity (first)",
      [firstProvide],
      "into the empty pool: share = isqrt(a·b), 1,000 shares minted to the pair itself (locked), measured deposits (balance before/after in the reply)",
    ),
    row(
      "ours",
      "provide_liquidity",
      provide,
      "2 `transfer_from` submessages with a reply measuring what arrived, the excess of one side refunded, LP `mint`, reserves and a TWAP observation written",
    ),
    row("ours", "swap (the pool's first)", [firstSwap], "as `swap`, the first after the provides: the treasury's balance of the ask token is created"),
    row(
      "ours",
      "swap",
      swap,
      "`send` of token A with `{\"swap\":{..}}`: reserves from state (no balance queries), x·y=k with the 30 bps fee from the output, " +
        "`transfer` of B to the trader and the protocol share (20 % of the fee) to the treasury, cumulative prices and a TWAP observation once per block",
    ),
    row(
      "ours",
      "withdraw_liquidity",
      withdraw,
      "LP `send` with `{\"withdraw_liquidity\":{}}`: LP `burn`, 2 `transfer`s back, reserves written",
    ),
  ];
  return { rows, contracts: { ours_token_a: tokenA, ours_token_b: tokenB, ours_pair: pair, ours_lp_token: lp } };
}

/**
 * Multi-hop swaps through the deployed amm-router over our own pairs: two more poe-token
 * instances (C, D) and the pairs B/C and C/D beside `measureOurAmm`'s A/B, each seeded with the
 * same first provide, then the trader's cw20 `send` of `AMOUNTS.swap` of A to the router along 1,
 * 2 and 3 hops (A→B, A→B→C, A→B→C→D), `samples` times each. The difference between routes is
 * the cost of a hop: the pair's swap, one `transfer` and the router's per-hop progress record.
 */
export async function measureOurRouter(
  client: SigningCosmWasmClient,
  accounts: { admin: string; provider: string; trader: string },
  tokenCodeId: number,
  factory: string,
  router: string,
  tokens: { a: string; b: string },
  options: { samples?: number; gasPrice?: string; log?: (line: string) => void } = {},
): Promise<{ rows: PeerRow[]; contracts: Record<string, string> }> {
  const samples = options.samples ?? 3;
  const gasPrice = options.gasPrice ?? DEFAULT_GAS_PRICE;
  const log = options.log ?? (() => {});
  const fee = fixedFee(GAS_OP, gasPrice);
  const feeInst = fixedFee(GAS_INSTANTIATE, gasPrice);
  const { admin, provider, trader } = accounts;
  const asset = (contract_addr: string): AssetInfo => ({ token: { contract_addr } });

  const inst = async (symbol: string) =>
    (await client.instantiate(admin, tokenCodeId, cw20InstantiateMsg(symbol, [provider, trader], admin), symbol, feeInst, { admin })).contractAddress;
  const tokenC = await inst("OKC");
  const tokenD = await inst("OKD");
  const route = [tokens.a, tokens.b, tokenC, tokenD];
  const pairs: Record<string, string> = {};
  for (const [x, y] of [
    [tokens.b, tokenC],
    [tokenC, tokenD],
  ] as const) {
    await client.execute(admin, factory, { create_pair: { asset_infos: [asset(x), asset(y)] } }, feeInst);
    const info = (await client.queryContractSmart(factory, { pair: { asset_infos: [asset(x), asset(y)] } })) as PairInfo;
    for (const t of [x, y]) {
      await client.execute(provider, t, { increase_allowance: { spender: info.contract_addr, amount: AMOUNTS.firstProvide, expires: null } }, fee);
    }
    await client.execute(
      provider,
      info.contract_addr,
      {
        provide_liquidity: {
          assets: [
            { info: asset(x), amount: AMOUNTS.firstProvide },
            { info: asset(y), amount: AMOUNTS.firstProvide },
          ],
          slippage_tolerance: null,
          min_lp_to_receive: null,
          receiver: null,
        },
      },
      fee,
    );
    pairs[`ours_pair_${x === tokens.b ? "bc" : "cd"}`] = info.contract_addr;
  }
  log(`ours: router ${router}; pairs B/C ${pairs.ours_pair_bc}, C/D ${pairs.ours_pair_cd}`);

  const swapAlong = (hops: number) => ({
    send: {
      contract: router,
      amount: AMOUNTS.swap,
      msg: binary({
        execute_swap_operations: {
          operations: route.slice(0, hops).map((offer, i) => ({ offer_asset_info: asset(offer), ask_asset_info: asset(route[i + 1] ?? offer) })),
          minimum_receive: null,
          to: null,
          max_spread: null,
          deadline: null,
        },
      }),
    },
  });
  const rows: PeerRow[] = [];
  for (const hops of [1, 2, 3]) {
    const got: PeerSample[] = [];
    for (let k = 0; k < samples; k++) got.push(sample(await client.execute(trader, tokens.a, swapAlong(hops), fee)));
    log(`ours: router ${hops} hop(s) ${got.map((s) => s.gasUsed).join(", ")}`);
    rows.push(
      row(
        "ours",
        `router: ${hops} hop${hops > 1 ? "s" : ""}`,
        got,
        `A \`send\` to the router with \`execute_swap_operations\` along ${route
          .slice(0, hops + 1)
          .map((_, i) => "ABCD"[i])
          .join("→")}: the route written once, then per hop the pair's swap (cw20 \`send\` from the router), ` +
          "a balance query and the hop's progress record (current hop, balance before); the last hop pays the trader",
      ),
    );
  }
  return { rows, contracts: { ours_token_c: tokenC, ours_token_d: tokenD, ours_router: router, ...pairs } };
}
