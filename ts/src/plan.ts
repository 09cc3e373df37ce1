// The suite's deployment as data (packages/deploy/src/plan.rs, `DeployPlan`): printed by
// `poe-deploy-plan SCENARIO` (package poe-deploy: the scenario format and the plan, no contract),
// run here on a real node exactly as the multi-test builder runs it in the embedded chain.
import { execFileSync } from "node:child_process";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type DeployStep =
  /** Instantiate `code` under `label` (admin: the deployer); later steps name it `$label`. */
  | { kind: "instantiate"; label: string; code: string; msg: JsonValue }
  /** Execute `msg` on `contract` (a `$label`) as the deployer. */
  | { kind: "execute"; contract: string; msg: JsonValue }
  /** Make `admin` (a `$label` or `@name`) the wasm admin of `contract` (MsgUpdateAdmin). */
  | { kind: "update_admin"; contract: string; admin: string }
  /**
   * Make sure the AMM `factory` (a `$label`) has a pair of `asset_infos`: query its
   * `pair { asset_infos }` first and send `create_pair` only when it has none (anyone may create
   * a pair, with the factory's parameters: a front-run is accepted, never an abort). With a
   * `label`, later steps name the pair's address `$label` (`NEX-FLX`).
   */
  | { kind: "create_pair"; factory: string; asset_infos: JsonValue; label?: string }
  /**
   * Hand `contracts` (`$label`s) to `governance` (a `$label`), finishing a half-done hand-over:
   * skip those it owns, offer (`update_ownership`) those not offered to it, then one governance
   * `accept_ownership { contracts }` with exactly the pending ones.
   */
  | { kind: "hand_over"; governance: string; contracts: string[] };

export interface DeployPlan {
  /** Every `@name` the steps use, the deployer first. */
  accounts: string[];
  steps: DeployStep[];
}

/** `poe-token` -> `poe_token.wasm`, the file build-artifacts.sh writes into artifacts/. */
export function artifactFile(code: string): string {
  return `${code.replace(/-/g, "_")}.wasm`;
}

/** Every `#code` string anywhere in `value`. */
function codeRefs(value: JsonValue, into: string[]) {
  if (typeof value === "string") {
    if (value.startsWith("#") && !into.includes(value.slice(1))) into.push(value.slice(1));
  } else if (Array.isArray(value)) {
    for (const v of value) codeRefs(v, into);
  } else if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) codeRefs(v, into);
  }
}

/**
 * The codes the plan needs, in order of first use: the ones it instantiates and the ones its
 * messages name as `#code` (the AMM factory instantiates pairs and LP tokens from code ids).
 */
export function planCodes(plan: DeployPlan): string[] {
  const codes: string[] = [];
  for (const step of plan.steps) {
    if (step.kind === "instantiate") {
      codeRefs(step.msg, codes);
      if (!codes.includes(step.code)) codes.push(step.code);
    }
    if (step.kind === "execute") codeRefs(step.msg, codes);
  }
  return codes;
}

/**
 * Replaces every string `@name` by `account(name)`, `$label` by `contract(label)` and `#code` by
 * the number `code(name)`, anywhere in `value` (as plan.rs `resolve`). An unknown name is an error
 * naming the placeholder.
 */
export function resolvePlaceholders(
  value: JsonValue,
  account: (name: string) => string | undefined,
  contract: (label: string) => string | undefined,
  code: (name: string) => number | undefined = () => undefined,
): JsonValue {
  if (typeof value === "string") {
    if (value.startsWith("#")) {
      const c = code(value.slice(1));
      if (c === undefined) throw new Error(`unknown code ${value}`);
      return c;
    }
    if (value.startsWith("@")) {
      const a = account(value.slice(1));
      if (a === undefined) throw new Error(`unknown account ${value}`);
      return a;
    }
    if (value.startsWith("$")) {
      const c = contract(value.slice(1));
      if (c === undefined) throw new Error(`unknown contract ${value}`);
      return c;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => resolvePlaceholders(v, account, contract, code));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolvePlaceholders(v, account, contract, code)]),
    );
  }
  return value;
}

function isPlan(v: unknown): v is DeployPlan {
  const p = v as DeployPlan;
  return (
    typeof p === "object" &&
    p !== null &&
    Array.isArray(p.accounts) &&
    p.accounts.every((a) => typeof a === "string") &&
    Array.isArray(p.steps) &&
    p.steps.every(
      (s) =>
        (s.kind === "instantiate" && typeof s.label === "string" && typeof s.code === "string") ||
        (s.kind === "execute" && typeof s.contract === "string") ||
        (s.kind === "update_admin" && typeof s.contract === "string" && typeof s.admin === "string") ||
        (s.kind === "create_pair" &&
          typeof s.factory === "string" &&
          Array.isArray(s.asset_infos) &&
          (s.label === undefined || typeof s.label === "string")) ||
        (s.kind === "hand_over" &&
          typeof s.governance === "string" &&
          Array.isArray(s.contracts) &&
          s.contracts.every((c) => typeof c === "string")),
    )
  );
}

/** Parses and checks the shape of a plan file's text. */
export function parsePlan(text: string): DeployPlan {
  const v: unknown = JSON.parse(text);
  if (!isPlan(v)) throw new Error("not a deployment plan ({accounts: [..], steps: [..]})");
  return v;
}

/**
 * The deployment plan of `scenario` from `poe-deploy-plan` (`cargo run -q -p poe-deploy --bin
 * poe-deploy-plan -- SCENARIO`, a debug build of the poe-deploy package alone: it compiles no
 * contract and not the simulator; the first build takes about a minute). The scenario is validated
 * on the way: a refused scenario fails here (poe-deploy-plan's message names the field and line on
 * stderr), before anything touches the chain.
 */
export function planFromScenario(repoRoot: string, scenario: string): DeployPlan {
  const text = execFileSync("cargo", ["run", "-q", "-p", "poe-deploy", "--bin", "poe-deploy-plan", "--", scenario], {
    cwd: repoRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  return parsePlan(text);
}
