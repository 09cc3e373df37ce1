//! The deployment of the suite as data: a [`DeployPlan`] is the ordered list of instantiations and
//! wiring calls, with accounts written `@name` and contracts written `$label`, made by
//! [`Deployment::plan`]. The multi-test builder (`poe_testing::SuiteBuilder::try_build`) and the
//! on-chain deploy tool (`ts/src/deploy.ts`, through `poe-deploy-plan`) run the same plan, so a
//! local wasmd node gets exactly the simulator's genesis and parameters.

use anyhow::{anyhow, Result as AnyResult};
use cosmwasm_std::{Decimal, Uint128};
use cw20::{Cw20Coin, MinterResponse};
use poe_interface::amm::{self, AssetInfo as AmmAsset};
use poe_interface::flux_controller::FluxParams;
use poe_interface::ownership::{Action, OwnershipExecuteMsg};
use poe_interface::poe_mining::InstantiateMsg as PoeInstantiateMsg;
use poe_interface::{
    aurum_reserve, flux_controller, governance, guarantee, marketplace, reputation, staking,
    task_auction, token, treasury,
};
use poe_math::genesis::{gen_total_supply, GenesisAllocation};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::deployment::Deployment;

// Code names of the plan: the wasm artifacts are `artifacts/<code with _>.wasm`.
/// Code name of GEN, NEX, FLX and AUR (the suite's cw20): `artifacts/poe_token.wasm`.
pub const TOKEN_CODE: &str = "poe-token";
/// Code name of the treasury: `artifacts/poe_treasury.wasm`.
pub const TREASURY_CODE: &str = "poe-treasury";
/// Code name of PoE mining: `artifacts/poe_mining.wasm`.
pub const POE_MINING_CODE: &str = "poe-mining";
/// Code name of staking: `artifacts/poe_staking.wasm`.
pub const STAKING_CODE: &str = "poe-staking";
/// Code name of governance: `artifacts/poe_governance.wasm`.
pub const GOVERNANCE_CODE: &str = "poe-governance";
/// Code name of the FLX supply controller: `artifacts/poe_flux_controller.wasm`.
pub const FLUX_CONTROLLER_CODE: &str = "poe-flux-controller";
/// Code name of the AUR reserve: `artifacts/poe_aurum_reserve.wasm`.
pub const AURUM_RESERVE_CODE: &str = "poe-aurum-reserve";
/// Code name of the AMM factory: `artifacts/poe_amm_factory.wasm`.
pub const AMM_FACTORY_CODE: &str = "poe-amm-factory";
/// Code name of the AMM pairs (instantiated by the factory): `artifacts/poe_amm_pair.wasm`.
pub const AMM_PAIR_CODE: &str = "poe-amm-pair";
/// Code name of the AMM router: `artifacts/poe_amm_router.wasm`.
pub const AMM_ROUTER_CODE: &str = "poe-amm-router";
/// Code name of the marketplace: `artifacts/poe_marketplace.wasm`.
pub const MARKETPLACE_CODE: &str = "poe-marketplace";
/// Code name of the guarantee contract: `artifacts/poe_guarantee.wasm` (its claim tokens are
/// [`TOKEN_CODE`] instances).
pub const GUARANTEE_CODE: &str = "poe-guarantee";
/// Code name of the reputation registry: `artifacts/poe_reputation.wasm`.
pub const REPUTATION_CODE: &str = "poe-reputation";
/// Code name of the task auction: `artifacts/poe_task_auction.wasm`.
pub const TASK_AUCTION_CODE: &str = "poe-task-auction";

/// The labels of the contracts governance owns after the bootstrap, in plan order (governance
/// itself is `governance`, and is its own wasm admin).
pub const GOVERNED: [&str; 14] = [
    "treasury",
    "GEN",
    "NEX",
    "FLX",
    "AUR",
    "poe-mining",
    "staking",
    "flux-controller",
    "aurum-reserve",
    "amm-factory",
    "marketplace",
    "guarantee",
    "reputation",
    "task-auction",
];

/// Contracts whose wasm admin becomes governance but that have no owner (the router); the AMM
/// pairs and their LP tokens get governance as owner and admin from the factory.
pub const ADMINISTERED: [&str; 1] = ["amm-router"];

/// The pools the deployment opens (empty; liquidity comes from users): NEX/FLX and AUR/FLX,
/// labelled [`pair_label`] (`NEX-FLX`, `AUR-FLX`) for the steps after them.
pub const PAIRS: [(&str, &str); 2] = [("NEX", "FLX"), ("AUR", "FLX")];

/// The label of the AMM pair of the tokens labelled `a` and `b`: `"<a>-<b>"` (`NEX-FLX`).
pub fn pair_label(a: &str, b: &str) -> String {
    format!("{a}-{b}")
}

/// One step of a deployment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeployStep {
    /// Instantiate `code` as the deployer (admin: the deployer) under `label`; later steps refer
    /// to its address as `$label`.
    Instantiate {
        /// The contract's label, and its name in later steps.
        label: String,
        /// One of the `*_CODE` names.
        code: String,
        /// The instantiate message (JSON, placeholders unresolved).
        msg: Value,
    },
    /// Execute `msg` on contract `contract` (a `$label`) as the deployer.
    Execute {
        /// The contract, a `$label`.
        contract: String,
        /// The execute message (JSON, placeholders unresolved).
        msg: Value,
    },
    /// Make `admin` (a `$label` or `@name`) the wasm admin of `contract` (a `$label`): who may
    /// migrate its code (`MsgUpdateAdmin`, signed by the deployer, the admin until then).
    UpdateAdmin {
        /// The contract, a `$label`.
        contract: String,
        /// The new admin, a `$label` or `@name`.
        admin: String,
    },
    /// Make sure the AMM `factory` (a `$label`) has a pair of `asset_infos` (`AssetInfo` JSON):
    /// query its `pair { asset_infos }` first and send `create_pair { asset_infos }` only when
    /// it has none. Anyone may create a pair (with the factory's parameters, so a stranger's
    /// pair is as good as the deployer's): a `CreatePair` front-run before this step is accepted
    /// and the existing pair used, never an aborted deployment.
    CreatePair {
        /// The factory, a `$label`.
        factory: String,
        /// The pair's two `AssetInfo`s (JSON, placeholders unresolved).
        asset_infos: Value,
        /// The label later steps name the pair's address by (`$label`), whoever created it;
        /// `None`: not named.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
    },
    /// Hand `contracts` (`$label`s of cw-ownable contracts) to `governance` (a `$label`), and
    /// finish a hand-over left half-done: query each contract's `ownership {}`; skip those
    /// `governance` owns already; offer (`update_ownership: transfer_ownership`, as the deployer)
    /// those not yet offered to it; then send governance one `accept_ownership { contracts }`
    /// with exactly the pending ones (governance's `AcceptOwnership` is all-or-nothing and
    /// refuses a contract with no pending offer, and anyone may call it, so a stranger may accept
    /// some offers first: the on-chain tool re-queries and retries).
    HandOver {
        /// Governance, a `$label`.
        governance: String,
        /// The contracts handed over, `$label`s.
        contracts: Vec<String>,
    },
}

/// The whole deployment: the accounts it names (the deployer first) and its steps in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeployPlan {
    /// Every `@name` the steps use, deployer first.
    pub accounts: Vec<String>,
    /// The steps, run in order.
    pub steps: Vec<DeployStep>,
}

/// `@name`: an account placeholder.
pub fn account(name: &str) -> String {
    format!("@{name}")
}

/// `#code`: a code-id placeholder (a JSON number once resolved), for messages that instantiate
/// other contracts (the AMM factory's pair and LP token codes).
pub fn code(name: &str) -> String {
    format!("#{name}")
}

/// `$label`: a contract placeholder.
pub fn contract(label: &str) -> String {
    format!("${label}")
}

/// The FLX supply controller of the deployment (FLX's only minter; it mints to the treasury).
#[derive(Clone, Debug, PartialEq)]
pub struct FluxSettings {
    /// Demand weights, band, elasticity, cap and epochs.
    pub params: FluxParams,
    /// Names of the usage reporters.
    pub reporters: Vec<String>,
}

impl Default for FluxSettings {
    /// The suite's defaults (the seeds give no values): `U_net = 0.5·gas + 0.3·fee +
    /// 0.2·queue/1000` with inputs normalised so that 1 is the target demand, a band of
    /// [0.8, 1.2], elasticity 0.5, at most 2 % of the supply per year (seed 000
    /// `max_inflation_rate`, read as a yearly rate; an hourly epoch's cap is
    /// `floor(S x 0.02 x 3,600 / 31,557,600)`), hourly epochs, reports at most an hour old;
    /// reports bounded at 1,000 per component (1,000,000 queued transactions), 1,000 times the
    /// normalised target; reporter `usage_reporter` and a quorum of 1 to expand (governance
    /// raises it when it adds reporters).
    fn default() -> Self {
        FluxSettings {
            params: FluxParams {
                alpha: Decimal::percent(50),
                beta: Decimal::percent(30),
                gamma: Decimal::percent(20),
                expansion_threshold: Decimal::percent(120),
                contraction_threshold: Decimal::percent(80),
                elasticity_factor: Decimal::percent(50),
                max_annual_inflation_rate: Decimal::percent(2),
                epoch_length_seconds: 3_600,
                max_report_age_seconds: 3_600,
                min_reports_to_expand: 1,
                max_pending_gas_buffer: Decimal::from_ratio(1_000u128, 1u128),
                max_tx_fee_moving_average: Decimal::from_ratio(1_000u128, 1u128),
                max_queue_length: 1_000_000,
            },
            reporters: vec!["usage_reporter".to_string()],
        }
    }
}

/// The AUR reserve of the deployment (AUR's only minter; buyers pay FLX into the treasury).
#[derive(Clone, Debug, PartialEq)]
pub struct AurumSettings {
    /// FLX base units per AUR base unit.
    pub price: Decimal,
    /// AUR base units per gram of gold.
    pub aur_per_gram: Uint128,
    /// Reserve value / supply kept (>= 1, seed 000 `aurum_gold_backing_ratio`).
    pub backing_ratio: Decimal,
    /// Minting halts when the latest attestation is older, seconds.
    pub max_attestation_age_seconds: u64,
    /// Names of the custodians.
    pub custodians: Vec<String>,
}

impl Default for AurumSettings {
    /// 50 FLX per AUR (the suite's; the chain has no gold price), one AUR per gram (seed 001
    /// "gold-backed 1:1"), backing ratio 1.0, attestations valid for a day, custodian
    /// `custodian`.
    fn default() -> Self {
        AurumSettings {
            price: Decimal::from_ratio(50u64, 1u64),
            aur_per_gram: Uint128::new(1_000_000),
            backing_ratio: Decimal::one(),
            max_attestation_age_seconds: 24 * 3_600,
            custodians: vec!["custodian".to_string()],
        }
    }
}

/// The staking pools of the deployment: one per suite token, staking the token and paying its
/// rewards in FLX (the treasury's income is FLX), with these parameters for all four.
#[derive(Clone, Debug, PartialEq)]
pub struct StakingSettings {
    /// Smallest stake that opens a position, base units.
    pub min_stake: Uint128,
    /// How long a position stays locked after its last stake, seconds.
    pub lock_period_seconds: u64,
    /// How long an unstaked amount waits before `Claim` pays it, seconds.
    pub unbonding_period_seconds: u64,
    /// Voting-power tiers in the order GEN, AUR, NEX, FLX (seed 000 `tier_multiplier`: 10, 5, 3, 1).
    pub tiers: [Decimal; 4],
}

impl Default for StakingSettings {
    /// 1 token minimum, a 1-day lock, a 7-day unbonding, the seed's tiers.
    fn default() -> Self {
        StakingSettings {
            min_stake: Uint128::new(1_000_000),
            lock_period_seconds: 24 * 3_600,
            unbonding_period_seconds: 7 * 24 * 3_600,
            tiers: [10u64, 5, 3, 1].map(|t| Decimal::from_ratio(t, 1u64)),
        }
    }
}

/// Governance's settings in the deployment (its `InstantiateMsg`, the addresses aside).
#[derive(Clone, Debug, PartialEq)]
pub struct GovernanceSettings {
    /// The exact GEN deposit of a proposal, base units.
    pub deposit_amount: Uint128,
    /// How long a proposal is open for votes, seconds.
    pub voting_period_seconds: u64,
    /// Share of the total power at the start height that must vote.
    pub quorum: Decimal,
    /// Pass threshold; `None` = 0.67 (seed 000 `consensus_threshold`).
    pub threshold: Option<Decimal>,
    /// Veto threshold; `None` = 0.334.
    pub veto_threshold: Option<Decimal>,
    /// Delay between the end of voting and the earliest execution, seconds.
    pub timelock_seconds: u64,
    /// How long after the timelock a passed proposal may be executed, seconds.
    pub execution_window_seconds: u64,
    /// The guardian's account name (may pause for at most `max_pause_seconds`); `None` = none.
    pub guardian: Option<String>,
    /// Longest pause the guardian may order, seconds.
    pub max_pause_seconds: u64,
}

impl Default for GovernanceSettings {
    /// A 100 GEN deposit, 3 days of voting, a 33.4 % quorum (the Cosmos SDK's), the default pass
    /// and veto thresholds, a 1-day timelock, 7 days to execute, guardian `"guardian"` with
    /// pauses of at most 3 days.
    fn default() -> Self {
        GovernanceSettings {
            deposit_amount: Uint128::new(100_000_000),
            voting_period_seconds: 3 * 24 * 3_600,
            quorum: Decimal::permille(334),
            threshold: None,
            veto_threshold: None,
            timelock_seconds: 24 * 3_600,
            execution_window_seconds: 7 * 24 * 3_600,
            guardian: Some("guardian".to_string()),
            max_pause_seconds: 3 * 24 * 3_600,
        }
    }
}

/// The marketplace of the deployment (seed 002's liquidity pools): one empty pool per listed
/// token, named by its label, selling to buyers for FLX with proceeds to the treasury.
#[derive(Clone, Debug, PartialEq)]
pub struct MarketplaceSettings {
    /// Token labels (`NEX`, `AUR`, ...) that get a pool, in order: pool ids 1, 2, ...
    pub pools: Vec<String>,
    /// Account names that may allocate from every pool (at most the contract's
    /// `max_sellers_per_pool`).
    pub sellers: Vec<String>,
    /// Longest life of an allocation, seconds; `None`: the contract's 7 days.
    pub max_allocation_seconds: Option<u64>,
}

impl Default for MarketplaceSettings {
    /// Pools of NEX and AUR (the issue's), seller `marketplace_seller`, allocations of at most
    /// 7 days.
    fn default() -> Self {
        MarketplaceSettings {
            pools: vec!["NEX".to_string(), "AUR".to_string()],
            sellers: vec!["marketplace_seller".to_string()],
            max_allocation_seconds: None,
        }
    }
}

/// One collateral the guarantee contract lists in the deployment: a token label and its haircut.
/// Any token but FLX is valued at the TWAP of its pair against FLX (`<label>-FLX`, one of
/// [`PAIRS`]); FLX is valued 1:1.
#[derive(Clone, Debug, PartialEq)]
pub struct CollateralSetting {
    /// The token's label (`FLX`, `NEX`, `AUR`).
    pub token: String,
    /// Coverage at most `max_ltv ×` the collateral's value, in `(0, 1]`.
    pub max_ltv: Decimal,
    /// Liquidatable below `coverage × maintenance_ratio`; `>= 1`, and `max_ltv × ratio < 1`
    /// for any token but FLX.
    pub maintenance_ratio: Decimal,
}

/// The guarantee contract of the deployment (seed 003's guarantee tokens).
#[derive(Clone, Debug, PartialEq)]
pub struct GuaranteeSettings {
    /// Seconds of TWAP collateral is valued over; `None`: the contract's hour (600 s at least).
    pub twap_window_seconds: Option<u64>,
    /// Seconds claim holders have to redeem after a default; `None`: the contract's 30 days.
    pub redemption_period_seconds: Option<u64>,
    /// The liquidator's fee, bps of the collateral (at most 500); `None`: the contract's 1 %.
    pub liquidation_fee_bps: Option<u16>,
    /// The collaterals listed, in order.
    pub collaterals: Vec<CollateralSetting>,
}

impl Default for GuaranteeSettings {
    /// The contract's window, redemption period and fee; collaterals FLX (1:1, `max_ltv` 1,
    /// ratio 1: never liquidated), AUR (gold-backed: `max_ltv` 0.8, ratio 1.2) and NEX (mined,
    /// more volatile: `max_ltv` 0.5, ratio 1.5). The seeds give no haircuts: these are the
    /// suite's, in the range Mars lists for major and minor assets.
    fn default() -> Self {
        let collateral = |token: &str, ltv: u64, ratio: u64| CollateralSetting {
            token: token.to_string(),
            max_ltv: Decimal::percent(ltv),
            maintenance_ratio: Decimal::percent(ratio),
        };
        GuaranteeSettings {
            twap_window_seconds: None,
            redemption_period_seconds: None,
            liquidation_fee_bps: None,
            collaterals: vec![
                collateral("FLX", 100, 100),
                collateral("AUR", 80, 120),
                collateral("NEX", 50, 150),
            ],
        }
    }
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
        retirable: None,
    }
}

fn instantiate(label: &str, code: &str, msg: &impl Serialize) -> AnyResult<DeployStep> {
    Ok(DeployStep::Instantiate {
        label: label.to_string(),
        code: code.to_string(),
        msg: serde_json::to_value(msg)?,
    })
}

/// As [`instantiate`], with the named fields of the message set to `#code` placeholders.
fn instantiate_with_codes(
    label: &str,
    code_name: &str,
    msg: &impl Serialize,
    codes: &[(&str, &str)],
) -> AnyResult<DeployStep> {
    let mut value = serde_json::to_value(msg)?;
    let Value::Object(fields) = &mut value else {
        return Err(anyhow!(
            "the instantiate message of {label} is not a JSON object"
        ));
    };
    for (field, code_ref) in codes {
        fields.insert(field.to_string(), Value::String(code(code_ref)));
    }
    Ok(DeployStep::Instantiate {
        label: label.to_string(),
        code: code_name.to_string(),
        msg: value,
    })
}

fn execute(label: &str, msg: &impl Serialize) -> AnyResult<DeployStep> {
    Ok(DeployStep::Execute {
        contract: contract(label),
        msg: serde_json::to_value(msg)?,
    })
}

impl Deployment {
    /// The suite's deployment in dependency order:
    /// 1. treasury; GEN (no minter, 100,000 GEN allocated 50/20/15/10/5 % to the five genesis
    ///    buckets of seed 001); NEX, FLX (initial balances) and AUR, each with the deployer as minter
    ///    for now; PoE mining, the FLX supply controller and the AUR reserve; then each token's
    ///    minter becomes its only minter: NEX PoE mining, FLX the controller, AUR the reserve;
    /// 2. staking with a pool per token (tiers GEN 10, AUR 5, NEX 3, FLX 1; rewards in FLX);
    ///    governance (deposits in GEN, power from staking, forfeits to the treasury);
    /// 3. the AMM: factory, router and the pools of [`PAIRS`] (each created unless it exists:
    ///    [`DeployStep::CreatePair`], labelled [`pair_label`]);
    /// 4. the marketplace with a pool per token of [`MarketplaceSettings::pools`] and its
    ///    sellers; the guarantee contract (claim tokens from the token code) listing
    ///    [`GuaranteeSettings::collaterals`], each valued at its `<token>-FLX` pair's TWAP;
    /// 5. the reputation registry and the task auction (its writer; rewards in FLX, NEX, AUR or
    ///    GEN, the tax to the treasury);
    /// 6. the hand-over ([`DeployStep::HandOver`]): every contract of [`GOVERNED`] not yet
    ///    governance's offers its cw-ownable ownership to governance, governance accepts the pending
    ///    ones in one `AcceptOwnership`, and governance becomes the wasm admin of every contract,
    ///    itself included. From then on the deployer controls nothing.
    pub fn plan(&self) -> AnyResult<DeployPlan> {
        build_plan(self)
    }
}

/// [`Deployment::plan`].
fn build_plan(input: &Deployment) -> AnyResult<DeployPlan> {
    let allocation = GenesisAllocation::split(gen_total_supply())?;
    let mut accounts: Vec<String> = vec![input.deployer.clone()];
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
        owner_salary_recipient: use_account(&input.owner_salary_recipient),
        reporters: input.reporters.iter().map(|r| use_account(r)).collect(),
        params: input.params.clone(),
    };
    let deployer = use_account(&input.deployer);
    let flux_reporters: Vec<String> = input
        .flux
        .reporters
        .iter()
        .map(|r| use_account(r))
        .collect();
    let custodians: Vec<String> = input
        .aurum
        .custodians
        .iter()
        .map(|c| use_account(c))
        .collect();
    let guardian = input.governance.guardian.as_deref().map(&mut use_account);
    let mut steps = vec![
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
            &token_msg("Nexus", "NEX", vec![], Some(deployer.clone())),
        )?,
        instantiate(
            "FLX",
            TOKEN_CODE,
            &token_msg("Flux", "FLX", flx_balances, Some(deployer.clone())),
        )?,
        instantiate(
            "AUR",
            TOKEN_CODE,
            &token_msg("Aurum", "AUR", vec![], Some(deployer.clone())),
        )?,
        instantiate("poe-mining", POE_MINING_CODE, &poe_msg)?,
        instantiate(
            "flux-controller",
            FLUX_CONTROLLER_CODE,
            &flux_controller::InstantiateMsg {
                owner: None,
                flx_token: contract("FLX"),
                mint_recipient: contract("treasury"),
                reporters: flux_reporters,
                params: input.flux.params.clone(),
            },
        )?,
        instantiate(
            "aurum-reserve",
            AURUM_RESERVE_CODE,
            &aurum_reserve::InstantiateMsg {
                owner: None,
                aur_token: contract("AUR"),
                payment_asset: treasury::AssetInfo::Cw20 {
                    contract_addr: contract("FLX"),
                },
                price: input.aurum.price,
                treasury: contract("treasury"),
                aur_per_gram: input.aurum.aur_per_gram,
                backing_ratio: input.aurum.backing_ratio,
                max_attestation_age_seconds: input.aurum.max_attestation_age_seconds,
                custodians,
            },
        )?,
        execute(
            "NEX",
            &token::ExecuteMsg::UpdateMinter {
                new_minter: Some(contract("poe-mining")),
            },
        )?,
        execute(
            "FLX",
            &token::ExecuteMsg::UpdateMinter {
                new_minter: Some(contract("flux-controller")),
            },
        )?,
        execute(
            "AUR",
            &token::ExecuteMsg::UpdateMinter {
                new_minter: Some(contract("aurum-reserve")),
            },
        )?,
        instantiate(
            "staking",
            STAKING_CODE,
            &staking::InstantiateMsg {
                owner: None,
                max_pools: None,
                max_claims: None,
            },
        )?,
    ];
    let st = &input.staking;
    for (label, tier) in ["GEN", "AUR", "NEX", "FLX"].iter().zip(st.tiers) {
        steps.push(execute(
            "staking",
            &staking::ExecuteMsg::CreatePool {
                token: contract(label),
                reward_token: contract("FLX"),
                min_stake: st.min_stake,
                lock_period_seconds: st.lock_period_seconds,
                unbonding_period_seconds: st.unbonding_period_seconds,
                tier,
            },
        )?);
    }
    let gov = &input.governance;
    steps.push(instantiate(
        "governance",
        GOVERNANCE_CODE,
        &governance::InstantiateMsg {
            staking: contract("staking"),
            deposit_token: contract("GEN"),
            deposit_amount: gov.deposit_amount,
            voting_period_seconds: gov.voting_period_seconds,
            quorum: gov.quorum,
            threshold: gov.threshold,
            veto_threshold: gov.veto_threshold,
            timelock_seconds: gov.timelock_seconds,
            execution_window_seconds: gov.execution_window_seconds,
            treasury: contract("treasury"),
            guardian,
            max_pause_seconds: gov.max_pause_seconds,
            // the contract's defaults: 7 days of guardian pauses per 30 days, failed executions
            // retried until they expire
            guardian_pause_budget_seconds: None,
            guardian_window_seconds: None,
            close_proposal_on_execution_failure: None,
        },
    )?);
    // The AMM, once governance exists: it owns and administers every pair and LP token.
    steps.push(instantiate_with_codes(
        "amm-factory",
        AMM_FACTORY_CODE,
        &amm::factory::InstantiateMsg {
            owner: None,
            pair_code_id: 0,
            token_code_id: 0,
            pair_owner: Some(contract("governance")),
            fee_address: Some(contract("treasury")),
            total_fee_bps: None,
            protocol_fee_share: None,
            observation_capacity: None,
            observation_interval_seconds: None,
        },
        &[
            ("pair_code_id", AMM_PAIR_CODE),
            ("token_code_id", TOKEN_CODE),
        ],
    )?);
    steps.push(instantiate(
        "amm-router",
        AMM_ROUTER_CODE,
        &amm::router::InstantiateMsg {
            factory: contract("amm-factory"),
        },
    )?);
    for (a, b) in PAIRS {
        let asset_infos = [
            AmmAsset::Token {
                contract_addr: contract(a),
            },
            AmmAsset::Token {
                contract_addr: contract(b),
            },
        ];
        steps.push(DeployStep::CreatePair {
            factory: contract("amm-factory"),
            asset_infos: serde_json::to_value(asset_infos)?,
            label: Some(pair_label(a, b)),
        });
    }
    // The marketplace: its pools and sellers.
    let market = &input.marketplace;
    steps.push(instantiate(
        "marketplace",
        MARKETPLACE_CODE,
        &marketplace::InstantiateMsg {
            owner: None,
            flx_token: contract("FLX"),
            treasury: contract("treasury"),
            max_allocation_seconds: market.max_allocation_seconds,
            max_pools: None,
            max_sellers_per_pool: None,
        },
    )?);
    let sellers: Vec<String> = market.sellers.iter().map(|s| use_account(s)).collect();
    for (index, token) in market.pools.iter().enumerate() {
        steps.push(execute(
            "marketplace",
            &marketplace::ExecuteMsg::CreatePool {
                name: token.clone(),
                token: contract(token),
                recipient: None,
            },
        )?);
        if !sellers.is_empty() {
            steps.push(execute(
                "marketplace",
                &marketplace::ExecuteMsg::UpdateSellers {
                    pool_id: u64::try_from(index)? + 1,
                    add: sellers.clone(),
                    remove: vec![],
                },
            )?);
        }
    }
    // The guarantee contract: claim tokens are poe-token instances; collaterals valued at
    // their pair's TWAP.
    let gs = &input.guarantee;
    steps.push(instantiate_with_codes(
        "guarantee",
        GUARANTEE_CODE,
        &guarantee::InstantiateMsg {
            owner: None,
            flx_token: contract("FLX"),
            router: contract("amm-router"),
            claim_token_code_id: 0,
            twap_window_seconds: gs.twap_window_seconds,
            redemption_period_seconds: gs.redemption_period_seconds,
            liquidation_fee_bps: gs.liquidation_fee_bps,
            max_slippage_bps: None,
            max_duration_seconds: None,
        },
        &[("claim_token_code_id", TOKEN_CODE)],
    )?);
    for c in &gs.collaterals {
        let pair = (c.token != "FLX").then(|| contract(&pair_label(&c.token, "FLX")));
        steps.push(execute(
            "guarantee",
            &guarantee::ExecuteMsg::UpdateCollateral {
                asset: AmmAsset::Token {
                    contract_addr: contract(&c.token),
                },
                params: Some(guarantee::CollateralParams {
                    max_ltv: c.max_ltv,
                    maintenance_ratio: c.maintenance_ratio,
                    pair,
                }),
            },
        )?);
    }
    // The reputation registry and the task auction, its one writer; rewards in any suite token,
    // the tax to the treasury.
    steps.push(instantiate(
        "reputation",
        REPUTATION_CODE,
        &reputation::InstantiateMsg {
            owner: None,
            writers: vec![],
            decay_rate_per_day: None,
        },
    )?);
    steps.push(instantiate(
        "task-auction",
        TASK_AUCTION_CODE,
        &task_auction::InstantiateMsg {
            owner: None,
            treasury: contract("treasury"),
            reputation: Some(contract("reputation")),
            accepted_tokens: ["FLX", "NEX", "AUR", "GEN"].map(contract).to_vec(),
            tax_bps: None,
            reputation_points_per_tag: None,
            max_bids_per_task: None,
            acceptance_timeout_seconds: None,
        },
    )?);
    steps.push(execute(
        "reputation",
        &reputation::ExecuteMsg::UpdateWriters {
            add: vec![contract("task-auction")],
            remove: vec![],
        },
    )?);
    // The hand-over (cw-ownable's two steps, resumable: see `DeployStep::HandOver`).
    steps.push(DeployStep::HandOver {
        governance: contract("governance"),
        contracts: GOVERNED.iter().map(|l| contract(l)).collect(),
    });
    for label in GOVERNED.iter().chain(&ADMINISTERED).chain(&["governance"]) {
        steps.push(DeployStep::UpdateAdmin {
            contract: contract(label),
            admin: contract("governance"),
        });
    }
    Ok(DeployPlan { accounts, steps })
}

/// What a [`DeployStep::HandOver`] does with each contract, from its `ownership {}` answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandOverAction {
    /// Governance owns it already: nothing.
    Skip,
    /// Offered to governance, not accepted yet: accept only.
    Accept,
    /// Not offered to governance (still the deployer's): offer, then accept.
    OfferAndAccept,
}

/// The [`HandOverAction`] for a contract whose cw-ownable state is `ownership`, handed to
/// `governance` (its address). An offer to anyone else is replaced by a new offer (only the
/// owner, the deployer, can make it; anything else fails the step with the contract's error).
pub fn hand_over_action(
    governance: &str,
    ownership: &cw_ownable::Ownership<String>,
) -> HandOverAction {
    if ownership.owner.as_deref() == Some(governance) {
        HandOverAction::Skip
    } else if ownership.pending_owner.as_deref() == Some(governance) {
        HandOverAction::Accept
    } else {
        HandOverAction::OfferAndAccept
    }
}

/// `{"update_ownership":{"transfer_ownership":{"new_owner":<governance>,"expiry":null}}}`: the
/// deployer's offer to governance (every governed contract takes this cw-ownable JSON).
pub fn ownership_offer_msg(governance: &str) -> AnyResult<Value> {
    Ok(serde_json::to_value(OwnershipExecuteMsg::UpdateOwnership(
        Action::TransferOwnership {
            new_owner: governance.to_string(),
            expiry: None,
        },
    ))?)
}

/// Governance's `{"accept_ownership":{"contracts":[..]}}` for `contracts` (addresses).
pub fn accept_ownership_msg(contracts: Vec<String>) -> AnyResult<Value> {
    Ok(serde_json::to_value(
        governance::ExecuteMsg::AcceptOwnership { contracts },
    )?)
}

/// Replaces every `@name`, `$label` and `#code` string in `value` by `account(name)`,
/// `contract(label)` and the number `code(name)`. Errors name the placeholder that does not
/// resolve.
pub fn resolve(
    value: &Value,
    account: &dyn Fn(&str) -> Option<String>,
    contract: &dyn Fn(&str) -> Option<String>,
    code: &dyn Fn(&str) -> Option<u64>,
) -> AnyResult<Value> {
    Ok(match value {
        Value::String(s) if s.starts_with('#') => {
            Value::from(code(&s[1..]).ok_or_else(|| anyhow!("unknown code {s}"))?)
        }
        Value::String(s) if s.starts_with('@') => {
            Value::String(account(&s[1..]).ok_or_else(|| anyhow!("unknown account {s}"))?)
        }
        Value::String(s) if s.starts_with('$') => {
            Value::String(contract(&s[1..]).ok_or_else(|| anyhow!("unknown contract {s}"))?)
        }
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| resolve(v, account, contract, code))
                .collect::<AnyResult<_>>()?,
        ),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| Ok((k.clone(), resolve(v, account, contract, code)?)))
                .collect::<AnyResult<_>>()?,
        ),
        other => other.clone(),
    })
}
