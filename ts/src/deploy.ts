// Deploys the suite on a running node: the scenario's DeployPlan, with the artifacts of
// artifacts/, signed by accounts derived from one mnemonic. Run through scripts/deploy.sh:
//
//   POE_DEPLOYER_MNEMONIC="..." scripts/deploy.sh --node URL --chain-id ID [--scenario FILE] [--force]
//       [--gas-price 0stake] [--fund 1000000]
//
// 1. The plan: `poe-deploy-plan SCENARIO` (`cargo run -q -p poe-deploy --bin poe-deploy-plan`,
//    default scenario scenarios/default.yaml; poe-deploy builds no contract and not the
//    simulator), the same deployment the multi-test builder runs, so the chain gets the
//    simulator's genesis and parameters.
// 2. Accounts: plan.accounts[i] is HD index i of the mnemonic (deployer = 0), prefix `wasm`.
//    The deployer sends each other account `--fund` units of the fee denom when it holds less,
//    so every account can sign later (fees are 0 on the localnet; accounts must still exist).
// 3. Codes: every artifact the plan needs is checked against artifacts/checksums.txt and
//    uploaded, unless the deployer already uploaded the same bytes (a --force re-deploy reuses
//    the code ids).
// 4. Steps in order: instantiate (admin = deployer, label = the plan's label), execute and
//    update_admin, `@name` / `$label` replaced by addresses; create_pair (query the factory's
//    `pair` first: a pair someone created before is used, not an abort; a labelled pair is
//    recorded under its label, `NEX-FLX`) and hand_over (query each
//    contract's `ownership`, offer only those not offered to governance, accept only the pending
//    ones; governance's AcceptOwnership is all-or-nothing and open to anyone, so a failed accept
//    is re-read and retried). The plan ends by handing every contract to governance (ownership
//    and wasm admin): the deployer controls nothing after it.
// 5. deployments/<chain-id>.json: codes, contracts, accounts, scenario, plan, transactions with
//    their gas. An existing file is never overwritten without --force.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import type { MsgSendEncodeObject } from "@cosmjs/stargate";
import { deriveAccounts } from "./accounts";
import { connectSigning, DEFAULT_GAS_PRICE, gasDenom, type TxRecord, txRecord } from "./chain";
import { type Deployment, deploymentPath, REPO_ROOT } from "./deployment";
import { artifactFile, type JsonValue, planCodes, planFromScenario, resolvePlaceholders } from "./plan";

/** How often a hand-over's accept is re-read and retried after someone else accepted first. */
const HAND_OVER_ATTEMPTS = 3;

/** cw-ownable's `ownership {}` answer. */
interface Ownership {
  owner: string | null;
  pending_owner: string | null;
}

/** The factory's pair of `assetInfos`, or undefined when it has none (its `pair` query fails). */
async function findPair(client: SigningCosmWasmClient, factory: string, assetInfos: JsonValue): Promise<string | undefined> {
  try {
    const info = (await client.queryContractSmart(factory, { pair: { asset_infos: assetInfos } })) as { contract_addr: string };
    return info.contract_addr;
  } catch {
    return undefined;
  }
}

const USAGE = `usage: POE_DEPLOYER_MNEMONIC="..." scripts/deploy.sh --node URL --chain-id ID [--scenario FILE] [--force]
         [--gas-price PRICE] [--fund AMOUNT]

  --node URL        CometBFT RPC endpoint, e.g. http://127.0.0.1:26657
  --chain-id ID     must match the node's; the deployment is written to deployments/ID.json
  --scenario FILE   scenario whose deployment plan is deployed (default scenarios/default.yaml)
  --force           overwrite an existing deployments/ID.json
  --gas-price P     gas price, e.g. 0stake (default; the localnet's minimum) or 0.025ustake
  --fund AMOUNT     base units of the fee denom sent to each plan account holding less (default 1000000)

The signer is POE_DEPLOYER_MNEMONIC; plan account i is its HD index i (m/44'/118'/0'/0/i).
On the localnet the deployer's mnemonic is in scripts/localnet-accounts.json (account "deployer").`;

function fail(message: string): never {
  console.error(`deploy: ${message}`);
  process.exit(1);
}

const log = (line: string) => console.log(`[deploy] ${line}`);

/** artifacts/checksums.txt (sha256sum format) -> file name -> hex digest. */
function readChecksums(artifacts: string): Map<string, string> {
  const path = join(artifacts, "checksums.txt");
  if (!existsSync(path)) fail(`${path} not found: run scripts/build-artifacts.sh`);
  const sums = new Map<string, string>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const m = /^([0-9a-f]{64})\s+\*?(.+)$/.exec(line.trim());
    if (m) sums.set(m[2], m[1]);
  }
  return sums;
}

async function main() {
  const { values } = parseArgs({
    options: {
      node: { type: "string" },
      "chain-id": { type: "string" },
      scenario: { type: "string", default: "scenarios/default.yaml" },
      force: { type: "boolean", default: false },
      "gas-price": { type: "string", default: DEFAULT_GAS_PRICE },
      fund: { type: "string", default: "1000000" },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const node = values.node ?? fail(`--node is required\n${USAGE}`);
  const chainId = values["chain-id"] ?? fail(`--chain-id is required\n${USAGE}`);
  const mnemonic = process.env.POE_DEPLOYER_MNEMONIC?.trim();
  if (!mnemonic) {
    fail("POE_DEPLOYER_MNEMONIC is not set (localnet: jq -r '.accounts[] | select(.name == \"deployer\") | .mnemonic' scripts/localnet-accounts.json)");
  }
  const gasPrice = values["gas-price"];
  const denom = gasDenom(gasPrice);
  if (!/^\d+$/.test(values.fund)) fail(`--fund must be a whole number of base units, got ${values.fund}`);
  const fund = BigInt(values.fund);

  // Refuse before any work: a deployment record is never lost by accident.
  const outPath = deploymentPath(chainId);
  if (existsSync(outPath) && !values.force) {
    fail(`${relative(process.cwd(), outPath)} exists: this chain already has a deployment (--force to deploy again and overwrite it)`);
  }

  const t0 = Date.now();
  const scenarioPath = resolve(values.scenario);
  if (!existsSync(scenarioPath)) fail(`scenario ${values.scenario} not found`);
  const inRepo = relative(REPO_ROOT, scenarioPath);
  const scenario = inRepo.startsWith("..") || isAbsolute(inRepo) ? scenarioPath : inRepo;

  // 1. The plan (also validates the scenario).
  log(`plan of ${scenario} (poe-deploy-plan)`);
  const plan = planFromScenario(REPO_ROOT, scenarioPath);
  log(`plan: ${plan.accounts.length} accounts, ${plan.steps.length} steps`);

  // 3a. Artifacts and their checksums, before touching the chain.
  const artifacts = join(REPO_ROOT, "artifacts");
  const sums = readChecksums(artifacts);
  const wasm = new Map<string, { file: string; bytes: Uint8Array; checksum: string }>();
  for (const code of planCodes(plan)) {
    const file = artifactFile(code);
    const path = join(artifacts, file);
    if (!existsSync(path)) fail(`artifacts/${file} (code ${code}) not found: run scripts/build-artifacts.sh`);
    const bytes = readFileSync(path);
    const checksum = createHash("sha256").update(bytes).digest("hex");
    const want = sums.get(file);
    if (!want) fail(`artifacts/${file} has no entry in artifacts/checksums.txt`);
    if (want !== checksum) fail(`artifacts/${file}: sha256 ${checksum} but checksums.txt says ${want}: rebuild with scripts/build-artifacts.sh`);
    wasm.set(code, { file, bytes, checksum });
  }

  // 2. Accounts and the client.
  const derived = await deriveAccounts(mnemonic, plan.accounts).catch((e: unknown) =>
    fail(`POE_DEPLOYER_MNEMONIC: ${e instanceof Error ? e.message : String(e)}`),
  );
  const deployer = derived.accounts[0].address;
  const client = await connectSigning(node, derived.wallet, { gasPrice });
  const nodeChainId = await client.getChainId();
  if (nodeChainId !== chainId) fail(`the node at ${node} is chain ${nodeChainId}, not ${chainId}`);
  const balance = await client.getBalance(deployer, denom);
  log(`chain ${chainId} at height ${await client.getHeight()}; deployer ${deployer} holds ${balance.amount}${denom}`);
  if (BigInt(balance.amount) === 0n && (await client.getAccount(deployer)) === null) {
    fail(`the deployer ${deployer} does not exist on ${chainId}: fund it first (wrong mnemonic?)`);
  }

  const transactions: TxRecord[] = [];
  const record = (r: TxRecord) => {
    transactions.push(r);
    log(`  ${r.what}: tx ${r.tx} height ${r.height} gas ${r.gasUsed}`);
  };

  // 2b. Fund the other plan accounts that hold less than `fund` (one tx, one MsgSend each).
  const sends: MsgSendEncodeObject[] = [];
  for (const a of derived.accounts.slice(1)) {
    const have = BigInt((await client.getBalance(a.address, denom)).amount);
    if (have < fund) {
      sends.push({
        typeUrl: "/cosmos.bank.v1beta1.MsgSend",
        value: { fromAddress: deployer, toAddress: a.address, amount: [{ denom, amount: fund.toString() }] },
      });
    }
  }
  if (sends.length > 0) {
    log(`funding ${sends.length} accounts with ${fund}${denom} each`);
    const r = await client.signAndBroadcast(deployer, sends, "auto", "poe-economy deploy: fund plan accounts");
    if (r.code !== 0) fail(`funding failed: ${r.rawLog}`);
    record(txRecord(`fund ${sends.length} accounts`, r));
  }

  // 3b. Upload (or reuse) each code.
  const existing = await client.getCodes();
  const codes: Deployment["codes"] = {};
  for (const [code, w] of wasm) {
    // Only the deployer's own uploads: another creator's code may restrict who instantiates it.
    const same = existing.find((c) => c.checksum.toLowerCase() === w.checksum && c.creator === deployer);
    if (same) {
      log(`code ${code}: reusing code ${same.id} (same sha256, uploaded by the deployer before)`);
      codes[code] = { code_id: same.id, checksum: w.checksum, file: `artifacts/${w.file}`, reused: true };
      continue;
    }
    log(`code ${code}: uploading artifacts/${w.file} (${w.bytes.length} bytes)`);
    const r = await client.upload(deployer, w.bytes, "auto", `poe-economy ${code}`);
    if (r.checksum !== w.checksum) fail(`chain reports checksum ${r.checksum} for ${w.file}, expected ${w.checksum}`);
    record(txRecord(`store ${code} -> code ${r.codeId}`, r));
    codes[code] = { code_id: r.codeId, checksum: w.checksum, file: `artifacts/${w.file}`, reused: false };
  }

  // 4. The steps.
  const contracts: Record<string, string> = {};
  const account = (name: string) => (plan.accounts.includes(name) ? derived.address(name) : undefined);
  const contract = (label: string) => contracts[label];
  const codeId = (name: string) => codes[name]?.code_id;
  for (const [i, step] of plan.steps.entries()) {
    const n = `${i + 1}/${plan.steps.length}`;
    if (step.kind === "instantiate") {
      if (contracts[step.label]) fail(`step ${n}: label ${step.label} instantiated twice`);
      const msg = resolvePlaceholders(step.msg, account, contract, codeId) as Record<string, unknown>;
      const r = await client.instantiate(deployer, codes[step.code].code_id, msg, step.label, "auto", { admin: deployer });
      contracts[step.label] = r.contractAddress;
      log(`step ${n}: instantiated ${step.label} (${step.code}) at ${r.contractAddress}`);
      record(txRecord(`instantiate ${step.label}`, r));
    } else if (step.kind === "update_admin") {
      const target = resolvePlaceholders(step.contract, account, contract) as string;
      const admin = resolvePlaceholders(step.admin, account, contract) as string;
      const r = await client.updateAdmin(deployer, target, admin, "auto");
      log(`step ${n}: admin of ${step.contract} is now ${step.admin} (${admin})`);
      record(txRecord(`update_admin ${step.contract} -> ${step.admin}`, r));
    } else if (step.kind === "create_pair") {
      const factory = resolvePlaceholders(step.factory, account, contract) as string;
      const assetInfos = resolvePlaceholders(step.asset_infos, account, contract);
      const what = JSON.stringify(step.asset_infos);
      let pair = await findPair(client, factory, assetInfos);
      if (pair) {
        log(`step ${n}: the pair of ${what} exists at ${pair} (created before this step): using it`);
      } else {
        try {
          const r = await client.execute(deployer, factory, { create_pair: { asset_infos: assetInfos } }, "auto");
          pair = await findPair(client, factory, assetInfos);
          log(`step ${n}: created the pair of ${what} at ${pair}`);
          record(txRecord(`execute ${step.factory} create_pair ${what}`, r));
        } catch (e) {
          // created by someone else between the query and this transaction: use theirs
          pair = await findPair(client, factory, assetInfos);
          if (!pair) throw e;
          log(`step ${n}: the pair of ${what} was created meanwhile at ${pair}: using it`);
        }
      }
      if (step.label !== undefined) {
        if (!pair) fail(`step ${n}: the factory reports no pair of ${what}`);
        if (contracts[step.label]) fail(`step ${n}: label ${step.label} used twice`);
        contracts[step.label] = pair;
      }
    } else if (step.kind === "hand_over") {
      const governance = resolvePlaceholders(step.governance, account, contract) as string;
      const targets = step.contracts.map((c) => [c, resolvePlaceholders(c, account, contract) as string] as const);
      for (let attempt = 1; ; attempt++) {
        const offers: string[] = [];
        const pending: string[] = [];
        for (const [label, address] of targets) {
          const o = (await client.queryContractSmart(address, { ownership: {} })) as Ownership;
          if (o.owner === governance) continue;
          if (o.pending_owner !== governance) offers.push(address);
          pending.push(address);
          log(`step ${n}: ${label} ${o.pending_owner === governance ? "already offered" : "to offer"} to governance`);
        }
        if (offers.length > 0) {
          const offer = { update_ownership: { transfer_ownership: { new_owner: governance, expiry: null } } };
          const r = await client.executeMultiple(
            deployer,
            offers.map((contractAddress) => ({ contractAddress, msg: offer })),
            "auto",
          );
          record(txRecord(`offer ${offers.length} contracts to governance`, r));
        }
        if (pending.length === 0) {
          log(`step ${n}: governance owns all ${targets.length} contracts`);
          break;
        }
        try {
          const r = await client.execute(deployer, governance, { accept_ownership: { contracts: pending } }, "auto");
          log(`step ${n}: governance accepted ${pending.length} contracts (${targets.length - pending.length} it owned already)`);
          record(txRecord(`execute ${step.governance} accept_ownership (${pending.length})`, r));
          break;
        } catch (e) {
          if (attempt >= HAND_OVER_ATTEMPTS) throw e;
          log(`step ${n}: accept_ownership failed (${e instanceof Error ? e.message : String(e)}): re-reading the ownerships`);
        }
      }
    } else {
      const target = resolvePlaceholders(step.contract, account, contract) as string;
      const msg = resolvePlaceholders(step.msg, account, contract, codeId) as Record<string, unknown>;
      const r = await client.execute(deployer, target, msg, "auto");
      log(`step ${n}: executed ${Object.keys(msg)[0]} on ${step.contract}`);
      record(txRecord(`execute ${step.contract} ${Object.keys(msg)[0]}`, r));
    }
  }

  // 5. The record.
  const deployment: Deployment = {
    chain_id: chainId,
    node,
    deployed_at: new Date().toISOString(),
    codes,
    contracts,
    accounts: Object.fromEntries(derived.accounts.map((a) => [a.name, { address: a.address, hd_index: a.hdIndex }])),
    scenario,
    plan,
    transactions,
  };
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(`${outPath}.tmp`, `${JSON.stringify(deployment, null, 2)}\n`);
  renameSync(`${outPath}.tmp`, outPath);
  const gas = transactions.reduce((s, t) => s + t.gasUsed, 0);
  log(`wrote ${relative(process.cwd(), outPath)}: ${Object.keys(contracts).length} contracts, ${transactions.length} transactions, ${gas} gas, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  client.disconnect();
}

main().catch((err: unknown) => {
  console.error(`deploy: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
