//! The deployment of the suite as data: a [`DeployPlan`] is the ordered list of instantiations and
//! wiring calls, with accounts written `@name` and contracts written `$label`. The multi-test
//! builder ([`crate::SuiteBuilder::try_build`]) and the on-chain deploy tool (`ts/src/deploy.ts`)
//! run the same plan, so a local wasmd node gets exactly the simulator's genesis and parameters.

use anyhow::{anyhow, Result as AnyResult};
use cw20::{Cw20Coin, MinterResponse};
use poe_interface::poe_mining::InstantiateMsg as PoeInstantiateMsg;
use poe_interface::{token, treasury};
use poe_math::genesis::{gen_total_supply, GenesisAllocation};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Code names of the plan (the wasm artifacts are `artifacts/<code with _>.wasm`).
pub const TOKEN_CODE: &str = "poe-token";
pub const TREASURY_CODE: &str = "poe-treasury";
pub const POE_MINING_CODE: &str = "poe-mining";

/// One step of a deployment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeployStep {
    /// Instantiate `code` as the deployer (admin: the deployer) under `label`; later steps refer
    /// to its address as `$label`.
    Instantiate {
        label: String,
        code: String,
        msg: Value,
    },
    /// Execute `msg` on contract `contract` (a `$label`) as the deployer.
    Execute { contract: String, msg: Value },
}

/// The whole deployment: the accounts it names (the deployer first) and its steps in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeployPlan {
    /// Every `@name` the steps use, deployer first.
    pub accounts: Vec<String>,
    pub steps: Vec<DeployStep>,
}

/// `@name`: an account placeholder.
pub fn account(name: &str) -> String {
    format!("@{name}")
}

/// `$label`: a contract placeholder.
pub fn contract(label: &str) -> String {
    format!("${label}")
}

/// What the plan is made from (the [`crate::SuiteBuilder`]'s settings).
pub(crate) struct PlanInput<'a> {
    pub deployer: &'a str,
    pub owner_salary_recipient: &'a str,
    pub flx_minter: &'a str,
    pub aur_minter: &'a str,
    pub reporters: &'a [String],
    pub flx_balances: Vec<(&'a str, cosmwasm_std::Uint128)>,
    pub params: &'a poe_interface::poe_mining::PoeParams,
}

fn token_msg(
    name: &str,
    symbol: &str,
    balances: Vec<Cw20Coin>,
    minter: Option<String>,
) -> token::InstantiateMsg {
    token::InstantiateMsg {
        name: name.to_string(),
        symbol: symbol.to_string(),
        decimals: 6,
        initial_balances: balances,
        mint: minter.map(|minter| MinterResponse { minter, cap: None }),
        marketing: None,
        transfer_burn_bps: None,
        owner: None,
    }
}

fn instantiate(label: &str, code: &str, msg: &impl Serialize) -> AnyResult<DeployStep> {
    Ok(DeployStep::Instantiate {
        label: label.to_string(),
        code: code.to_string(),
        msg: serde_json::to_value(msg)?,
    })
}

/// The suite's deployment in dependency order: treasury; GEN (no minter, 100,000 GEN allocated
/// 50/20/15/10/5 % to the five genesis buckets of seed 001); NEX (minter: the deployer, for now);
/// FLX (minter `flx_minter`, initial balances); AUR (minter `aur_minter`); PoE mining; then NEX's
/// minter becomes PoE mining, its only minter.
pub(crate) fn build_plan(input: PlanInput<'_>) -> AnyResult<DeployPlan> {
    let allocation = GenesisAllocation::split(gen_total_supply())?;
    let mut accounts: Vec<String> = vec![input.deployer.to_string()];
    let mut use_account = |name: &str| {
        if !accounts.iter().any(|a| a == name) {
            accounts.push(name.to_string());
        }
        account(name)
    };
    let gen_balances = allocation
        .buckets()
        .iter()
        .map(|(name, amount)| Cw20Coin {
            address: use_account(name),
            amount: *amount,
        })
        .collect();
    let flx_balances = input
        .flx_balances
        .iter()
        .filter(|(_, amount)| !amount.is_zero())
        .map(|(name, amount)| Cw20Coin {
            address: use_account(name),
            amount: *amount,
        })
        .collect();
    let poe_msg = PoeInstantiateMsg {
        owner: None,
        flx_token: contract("FLX"),
        nex_token: contract("NEX"),
        treasury: contract("treasury"),
        owner_salary_recipient: use_account(input.owner_salary_recipient),
        reporters: input.reporters.iter().map(|r| use_account(r)).collect(),
        params: input.params.clone(),
    };
    let deployer = use_account(input.deployer);
    let flx_minter = use_account(input.flx_minter);
    let aur_minter = use_account(input.aur_minter);
    let steps = vec![
        instantiate(
            "treasury",
            TREASURY_CODE,
            &treasury::InstantiateMsg { owner: None },
        )?,
        instantiate(
            "GEN",
            TOKEN_CODE,
            &token_msg("Genesis", "GEN", gen_balances, None),
        )?,
        instantiate(
            "NEX",
            TOKEN_CODE,
            &token_msg("Nexus", "NEX", vec![], Some(deployer)),
        )?,
        instantiate(
            "FLX",
            TOKEN_CODE,
            &token_msg("Flux", "FLX", flx_balances, Some(flx_minter)),
        )?,
        instantiate(
            "AUR",
            TOKEN_CODE,
            &token_msg("Aurum", "AUR", vec![], Some(aur_minter)),
        )?,
        instantiate("poe-mining", POE_MINING_CODE, &poe_msg)?,
        DeployStep::Execute {
            contract: contract("NEX"),
            msg: serde_json::to_value(token::ExecuteMsg::UpdateMinter {
                new_minter: Some(contract("poe-mining")),
            })?,
        },
    ];
    Ok(DeployPlan { accounts, steps })
}

/// Replaces every `@name` and `$label` string in `value` by `account(name)` / `contract(label)`.
/// Errors name the placeholder that does not resolve.
pub fn resolve(
    value: &Value,
    account: &dyn Fn(&str) -> Option<String>,
    contract: &dyn Fn(&str) -> Option<String>,
) -> AnyResult<Value> {
    Ok(match value {
        Value::String(s) if s.starts_with('@') => {
            Value::String(account(&s[1..]).ok_or_else(|| anyhow!("unknown account {s}"))?)
        }
        Value::String(s) if s.starts_with('$') => {
            Value::String(contract(&s[1..]).ok_or_else(|| anyhow!("unknown contract {s}"))?)
        }
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| resolve(v, account, contract))
                .collect::<AnyResult<_>>()?,
        ),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| Ok((k.clone(), resolve(v, account, contract)?)))
                .collect::<AnyResult<_>>()?,
        ),
        other => other.clone(),
    })
}
