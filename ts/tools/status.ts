// Read-only look at a deployed suite through the generated query clients: the smallest example
// of what a dApp does (no signer, no mnemonic).
//
//   node --import tsx ts/tools/status.ts [--chain-id poe-local] [--node http://127.0.0.1:26657]
//
// Prints the open epoch with its provisional PoE index, the mining statistics and the token
// supplies, as JSON.
import { parseArgs } from "node:util";
import { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { contracts } from "../src/contracts";
import { loadDeployment } from "../src/deployment";

const { values } = parseArgs({
  options: { "chain-id": { type: "string", default: "poe-local" }, node: { type: "string" } },
});
const d = loadDeployment(values["chain-id"]);
const client = await CosmWasmClient.connect(values.node ?? d.node);
const mining = new contracts.PoeMining.PoeMiningQueryClient(client, d.contracts["poe-mining"]);
const supplies: Record<string, string> = {};
for (const label of ["GEN", "NEX", "FLX", "AUR"]) {
  const token = new contracts.PoeToken.PoeTokenQueryClient(client, d.contracts[label]);
  supplies[label] = (await token.tokenInfo()).total_supply;
}
const treasury = new contracts.PoeTreasury.PoeTreasuryQueryClient(client, d.contracts.treasury);
console.log(
  JSON.stringify(
    {
      chain_id: d.chain_id,
      height: await client.getHeight(),
      current_epoch: await mining.currentEpoch(),
      mining_statistics: await mining.miningStatistics(),
      supplies,
      treasury: await treasury.balances({}),
    },
    null,
    2,
  ),
);
client.disconnect();
