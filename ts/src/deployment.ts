// deployments/<chain-id>.json: what scripts/deploy.sh put on a chain, for dApps and tests.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DeployPlan } from "./plan";
import type { TxRecord } from "./chain";

/** The repository root (ts/src/ -> ../..). */
export const REPO_ROOT = resolve(import.meta.dirname, "../..");

export interface Deployment {
  chain_id: string;
  /** The RPC endpoint deployed through. */
  node: string;
  /** ISO time of the end of the deployment. */
  deployed_at: string;
  /** Per code name of the plan: the stored code and the artifact's sha256 (hex). */
  codes: Record<string, { code_id: number; checksum: string; file: string; reused: boolean }>;
  /** Contract address by plan label (treasury, GEN, NEX, FLX, AUR, poe-mining). */
  contracts: Record<string, string>;
  /** Plan account name -> address and HD index under the deployer's mnemonic. */
  accounts: Record<string, { address: string; hd_index: number }>;
  /** The scenario the plan was made from, relative to the repository root when inside it. */
  scenario: string;
  plan: DeployPlan;
  /** Every transaction of the deployment, in order, with its gas. */
  transactions: TxRecord[];
}

export function deploymentPath(chainId: string, root: string = REPO_ROOT): string {
  if (!/^[A-Za-z0-9._-]+$/.test(chainId)) throw new Error(`unusable chain id for a file name: ${chainId}`);
  return join(root, "deployments", `${chainId}.json`);
}

export function loadDeployment(chainId: string, root: string = REPO_ROOT): Deployment {
  const path = deploymentPath(chainId, root);
  if (!existsSync(path)) throw new Error(`${path} not found: deploy first (scripts/deploy.sh)`);
  return JSON.parse(readFileSync(path, "utf8")) as Deployment;
}
