//! The suite builder and the deployed suite.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use anyhow::{Context, Result as AnyResult};
use cosmwasm_std::{Addr, Decimal, Empty, Timestamp, Uint128};
use cw_multi_test::{App, Contract, ContractWrapper, Executor};
use poe_interface::poe_mining::PoeParams;
use poe_math::fee::FeeRates;
use poe_math::genesis::{gen_total_supply, GenesisAllocation};
use poe_math::poe::{PoeScales, PoeWeights};
use poe_math::salary::OwnerSalaryPolicy;
use poe_math::weight::MinerWeightParams;

use crate::plan::{
    accept_ownership_msg, hand_over_action, ownership_offer_msg, resolve, AurumSettings,
    DeployPlan, DeployStep, FluxSettings, GovernanceSettings, GuaranteeSettings, HandOverAction,
    MarketplaceSettings, StakingSettings, AMM_FACTORY_CODE, AMM_PAIR_CODE, AMM_ROUTER_CODE,
    AURUM_RESERVE_CODE, FLUX_CONTROLLER_CODE, GOVERNANCE_CODE, GUARANTEE_CODE, MARKETPLACE_CODE,
    POE_MINING_CODE, REPUTATION_CODE, STAKING_CODE, TASK_AUCTION_CODE, TOKEN_CODE, TREASURY_CODE,
};
use crate::{
    AmmHandle, AurumHandle, FluxHandle, GovernanceHandle, GuaranteeHandle, MarketplaceHandle,
    PoeHandle, ReputationHandle, SharedApp, StakingHandle, SuiteApp, TaskAuctionHandle,
    TokenHandle, TreasuryHandle,
};
use poe_deploy::Deployment;
use poe_interface::governance::VoteOption;

/// Seconds per block assumed by [`Suite::advance_time`] to bump the height.
pub const BLOCK_SECONDS: u64 = 5;

/// The suite's default parameters (the seeds' values and the suite's scales): defined with the
/// deployment, in `poe-deploy`, since a scenario's defaults are these too.
pub use poe_deploy::default_params;

fn token_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_token::contract::execute,
            poe_token::contract::instantiate,
            poe_token::contract::query,
        )
        .with_migrate(poe_token::contract::migrate),
    )
}

fn treasury_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_treasury::contract::execute,
            poe_treasury::contract::instantiate,
            poe_treasury::contract::query,
        )
        .with_reply(poe_treasury::contract::reply)
        .with_migrate(poe_treasury::contract::migrate),
    )
}

fn poe_mining_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_mining::contract::execute,
            poe_mining::contract::instantiate,
            poe_mining::contract::query,
        )
        .with_migrate(poe_mining::contract::migrate),
    )
}

fn staking_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_staking::contract::execute,
            poe_staking::contract::instantiate,
            poe_staking::contract::query,
        )
        .with_migrate(poe_staking::contract::migrate),
    )
}

fn governance_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_governance::contract::execute,
            poe_governance::contract::instantiate,
            poe_governance::contract::query,
        )
        .with_reply(poe_governance::contract::reply)
        .with_migrate(poe_governance::contract::migrate),
    )
}

fn flux_controller_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_flux_controller::contract::execute,
            poe_flux_controller::contract::instantiate,
            poe_flux_controller::contract::query,
        )
        .with_migrate(poe_flux_controller::contract::migrate),
    )
}

fn aurum_reserve_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_aurum_reserve::contract::execute,
            poe_aurum_reserve::contract::instantiate,
            poe_aurum_reserve::contract::query,
        )
        .with_migrate(poe_aurum_reserve::contract::migrate),
    )
}

fn amm_factory_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_amm_factory::contract::execute,
            poe_amm_factory::contract::instantiate,
            poe_amm_factory::contract::query,
        )
        .with_reply(poe_amm_factory::contract::reply)
        .with_migrate(poe_amm_factory::contract::migrate),
    )
}

fn amm_pair_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_amm_pair::contract::execute,
            poe_amm_pair::contract::instantiate,
            poe_amm_pair::contract::query,
        )
        .with_reply(poe_amm_pair::contract::reply)
        .with_migrate(poe_amm_pair::contract::migrate),
    )
}

fn amm_router_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_amm_router::contract::execute,
            poe_amm_router::contract::instantiate,
            poe_amm_router::contract::query,
        )
        .with_reply(poe_amm_router::contract::reply)
        .with_migrate(poe_amm_router::contract::migrate),
    )
}

fn marketplace_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_marketplace::contract::execute,
            poe_marketplace::contract::instantiate,
            poe_marketplace::contract::query,
        )
        .with_migrate(poe_marketplace::contract::migrate),
    )
}

fn guarantee_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_guarantee::contract::execute,
            poe_guarantee::contract::instantiate,
            poe_guarantee::contract::query,
        )
        .with_reply(poe_guarantee::contract::reply)
        .with_migrate(poe_guarantee::contract::migrate),
    )
}

fn reputation_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_reputation::contract::execute,
            poe_reputation::contract::instantiate,
            poe_reputation::contract::query,
        )
        .with_migrate(poe_reputation::contract::migrate),
    )
}

fn task_auction_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_task_auction::contract::execute,
            poe_task_auction::contract::instantiate,
            poe_task_auction::contract::query,
        )
        .with_migrate(poe_task_auction::contract::migrate),
    )
}

/// Builds a [`Suite`]: parameters, reporters, FLX balances, and who holds which role, held as
/// a [`Deployment`] (`poe-deploy`'s description of the deployment, whose plan this builder runs).
/// Every address is `app.api().addr_make(name)` of a name given here.
#[derive(Clone, Debug, Default)]
pub struct SuiteBuilder {
    deployment: Deployment,
}

impl SuiteBuilder {
    /// The seeds' parameters ([`default_params`]), no reporter, no FLX balance; the deployer is
    /// `"deployer"`, the salary recipient `"owner_salary"`; staking, governance, the FLX
    /// controller and the AUR reserve with their defaults; the chain starts at cw-multi-test's
    /// default block time ([`Deployment::default`]).
    pub fn new() -> Self {
        Self::from_deployment(Deployment::default())
    }

    /// A builder of `deployment` (a scenario's: `Scenario::deployment`); the `with_*` methods
    /// change it further.
    pub fn from_deployment(deployment: Deployment) -> Self {
        SuiteBuilder { deployment }
    }

    /// The deployment this builder deploys.
    pub fn deployment(&self) -> &Deployment {
        &self.deployment
    }

    /// Replaces every PoE parameter.
    pub fn with_params(mut self, params: PoeParams) -> Self {
        self.deployment.params = params;
        self
    }

    /// The fee split rates.
    pub fn with_fee_rates(mut self, fee_rates: FeeRates) -> Self {
        self.deployment.params.fee_rates = fee_rates;
        self
    }

    /// The PoE component weights.
    pub fn with_poe_weights(mut self, poe_weights: PoeWeights) -> Self {
        self.deployment.params.poe_weights = poe_weights;
        self
    }

    /// The PoE normalisation scales (FLX base units per epoch).
    pub fn with_poe_scales(mut self, poe_scales: PoeScales) -> Self {
        self.deployment.params.poe_scales = poe_scales;
        self
    }

    /// Gamma at or above which an epoch mints NEX.
    pub fn with_min_poe_threshold(mut self, min_poe_threshold: Decimal) -> Self {
        self.deployment.params.min_poe_threshold = min_poe_threshold;
        self
    }

    /// NEX minted by an epoch at Gamma = 1, base units.
    pub fn with_max_emission_per_epoch(mut self, max_emission_per_epoch: Uint128) -> Self {
        self.deployment.params.max_emission_per_epoch = max_emission_per_epoch;
        self
    }

    /// Epoch length, seconds.
    pub fn with_epoch_length_seconds(mut self, epoch_length_seconds: u64) -> Self {
        self.deployment.params.epoch_length_seconds = epoch_length_seconds;
        self
    }

    /// How long a miner's locked reserve stays locked after its last deposit, seconds.
    pub fn with_lock_period_seconds(mut self, lock_period_seconds: u64) -> Self {
        self.deployment.params.lock_period_seconds = lock_period_seconds;
        self
    }

    /// Prestige and diversity multipliers.
    pub fn with_miner_weight(mut self, miner_weight: MinerWeightParams) -> Self {
        self.deployment.params.miner_weight = miner_weight;
        self
    }

    /// The owner salary policy.
    pub fn with_owner_salary_policy(mut self, policy: OwnerSalaryPolicy) -> Self {
        self.deployment.params.owner_salary_policy = policy;
        self
    }

    /// Adds one reporter (by name) to the initial allow-list.
    pub fn with_reporter(mut self, name: &str) -> Self {
        self.deployment.add_reporter(name);
        self
    }

    /// Adds reporters (by name) to the initial allow-list.
    pub fn with_reporters<S: AsRef<str>>(mut self, names: &[S]) -> Self {
        for name in names {
            self = self.with_reporter(name.as_ref());
        }
        self
    }

    /// An initial FLX balance of `amount` base units for `name` (added to any earlier one).
    /// Panics when the sum overflows.
    pub fn with_flx_balance(mut self, name: &str, amount: Uint128) -> Self {
        if let Err(err) = self.deployment.add_flx_balance(name, amount) {
            panic!("the FLX balance of {name}: {err}");
        }
        self
    }

    /// The deployer's name: it instantiates everything and owns every contract.
    pub fn with_deployer(mut self, name: &str) -> Self {
        self.deployment.deployer = name.to_string();
        self
    }

    /// The owner salary recipient's name.
    pub fn with_owner_salary_recipient(mut self, name: &str) -> Self {
        self.deployment.owner_salary_recipient = name.to_string();
        self
    }

    /// The FLX supply controller's settings ([`FluxSettings::default`] unless set).
    pub fn with_flux(mut self, flux: FluxSettings) -> Self {
        self.deployment.flux = flux;
        self
    }

    /// The AUR reserve's settings ([`AurumSettings::default`] unless set).
    pub fn with_aurum(mut self, aurum: AurumSettings) -> Self {
        self.deployment.aurum = aurum;
        self
    }

    /// The staking pools' parameters ([`StakingSettings::default`] unless set).
    pub fn with_staking(mut self, staking: StakingSettings) -> Self {
        self.deployment.staking = staking;
        self
    }

    /// Governance's settings ([`GovernanceSettings::default`] unless set).
    pub fn with_governance(mut self, governance: GovernanceSettings) -> Self {
        self.deployment.governance = governance;
        self
    }

    /// The marketplace's pools and sellers ([`MarketplaceSettings::default`] unless set).
    pub fn with_marketplace(mut self, marketplace: MarketplaceSettings) -> Self {
        self.deployment.marketplace = marketplace;
        self
    }

    /// The guarantee contract's bounds and collaterals ([`GuaranteeSettings::default`] unless
    /// set).
    pub fn with_guarantee(mut self, guarantee: GuaranteeSettings) -> Self {
        self.deployment.guarantee = guarantee;
        self
    }

    /// The block time at deployment, which is the start of epoch 0.
    pub fn with_start_time(mut self, start_time: Timestamp) -> Self {
        self.deployment.start_time = Some(start_time);
        self
    }

    /// The deployment this builder makes, as data ([`Deployment::plan`]): what `try_build` runs
    /// here and what the on-chain deploy tool runs on a node.
    pub fn deploy_plan(&self) -> AnyResult<DeployPlan> {
        self.deployment.plan()
    }

    /// Deploys the suite. Panics with the failing step when a contract refuses its instantiation
    /// (use [`SuiteBuilder::try_build`] to get the error instead).
    pub fn build(self) -> Suite {
        match self.try_build() {
            Ok(suite) => suite,
            Err(err) => panic!("deploying the suite failed: {err:#}"),
        }
    }

    /// Deploys the suite by running [`SuiteBuilder::deploy_plan`] (see [`Deployment::plan`]
    /// for the steps): the tokens, the treasury, PoE mining, staking and governance, and at the end
    /// governance owns every contract and is every contract's wasm admin.
    pub fn try_build(self) -> AnyResult<Suite> {
        self.try_build_with(|_, _, _| Ok(()))
    }

    /// As [`SuiteBuilder::try_build`], calling `before_step(app, contracts so far, step)` before
    /// each step of the plan: a test makes the chain what a stranger or an interrupted earlier
    /// run left (a pair created first, a hand-over half done) and checks the plan still
    /// completes.
    pub fn try_build_with(
        self,
        mut before_step: impl FnMut(
            &mut SuiteApp,
            &BTreeMap<String, Addr>,
            &DeployStep,
        ) -> AnyResult<()>,
    ) -> AnyResult<Suite> {
        let mut app = App::default();
        let d = &self.deployment;
        if let Some(time) = d.start_time {
            app.update_block(|b| b.time = time);
        }
        let addr = |app: &SuiteApp, name: &str| app.api().addr_make(name);
        let deployer = addr(&app, &d.deployer);
        let owner_salary_recipient = addr(&app, &d.owner_salary_recipient);
        let reporters: Vec<Addr> = d.reporters.iter().map(|r| addr(&app, r)).collect();
        let genesis_accounts: Vec<Addr> = GenesisAllocation::split(gen_total_supply())
            .context("genesis allocation")?
            .buckets()
            .iter()
            .map(|(name, _)| addr(&app, name))
            .collect();

        // Run the deployment plan, exactly as the on-chain deploy tool does.
        let plan = self.deploy_plan()?;
        let mut codes: BTreeMap<&str, u64> = BTreeMap::new();
        codes.insert(TOKEN_CODE, app.store_code(token_contract()));
        codes.insert(TREASURY_CODE, app.store_code(treasury_contract()));
        codes.insert(POE_MINING_CODE, app.store_code(poe_mining_contract()));
        codes.insert(STAKING_CODE, app.store_code(staking_contract()));
        codes.insert(GOVERNANCE_CODE, app.store_code(governance_contract()));
        codes.insert(
            FLUX_CONTROLLER_CODE,
            app.store_code(flux_controller_contract()),
        );
        codes.insert(AURUM_RESERVE_CODE, app.store_code(aurum_reserve_contract()));
        codes.insert(AMM_FACTORY_CODE, app.store_code(amm_factory_contract()));
        codes.insert(AMM_PAIR_CODE, app.store_code(amm_pair_contract()));
        codes.insert(AMM_ROUTER_CODE, app.store_code(amm_router_contract()));
        codes.insert(MARKETPLACE_CODE, app.store_code(marketplace_contract()));
        codes.insert(GUARANTEE_CODE, app.store_code(guarantee_contract()));
        codes.insert(REPUTATION_CODE, app.store_code(reputation_contract()));
        codes.insert(TASK_AUCTION_CODE, app.store_code(task_auction_contract()));
        let mut contracts: BTreeMap<String, Addr> = BTreeMap::new();
        for step in &plan.steps {
            before_step(&mut app, &contracts, step)?;
            let account = |name: &str| Some(app.api().addr_make(name).to_string());
            let contract = |label: &str| contracts.get(label).map(Addr::to_string);
            let code_id_of = |name: &str| codes.get(name).copied();
            // A plan string (`@name`, `$label`, `#code`) resolved to its value.
            let resolve_str = |s: &String| {
                resolve(
                    &serde_json::Value::String(s.clone()),
                    &account,
                    &contract,
                    &code_id_of,
                )
                .map(|v| v.as_str().map(str::to_string).unwrap_or_default())
            };
            match step {
                DeployStep::Instantiate { label, code, msg } => {
                    let msg = resolve(msg, &account, &contract, &code_id_of)?;
                    let code_id = *codes
                        .get(code.as_str())
                        .ok_or_else(|| anyhow::anyhow!("unknown code {code}"))?;
                    let address = app
                        .instantiate_contract(
                            code_id,
                            deployer.clone(),
                            &msg,
                            &[],
                            label.clone(),
                            Some(deployer.to_string()),
                        )
                        .with_context(|| format!("instantiating {label}"))?;
                    contracts.insert(label.clone(), address);
                }
                DeployStep::Execute {
                    contract: target,
                    msg,
                } => {
                    let msg = resolve(msg, &account, &contract, &code_id_of)?;
                    let target = resolve(
                        &serde_json::Value::String(target.clone()),
                        &account,
                        &contract,
                        &code_id_of,
                    )?;
                    let target = Addr::unchecked(target.as_str().unwrap_or_default());
                    app.execute_contract(deployer.clone(), target.clone(), &msg, &[])
                        .with_context(|| format!("executing {msg} on {target}"))?;
                }
                DeployStep::UpdateAdmin {
                    contract: target,
                    admin,
                } => {
                    let (target, admin) = (resolve_str(target)?, resolve_str(admin)?);
                    app.execute(
                        deployer.clone(),
                        cosmwasm_std::WasmMsg::UpdateAdmin {
                            contract_addr: target.clone(),
                            admin,
                        }
                        .into(),
                    )
                    .with_context(|| format!("updating the admin of {target}"))?;
                }
                DeployStep::CreatePair {
                    factory,
                    asset_infos,
                    label,
                } => {
                    let factory = Addr::unchecked(resolve_str(factory)?);
                    let asset_infos = resolve(asset_infos, &account, &contract, &code_id_of)?;
                    let existing: Result<poe_interface::amm::PairInfo, _> =
                        app.wrap().query_wasm_smart(
                            factory.clone(),
                            &serde_json::json!({ "pair": { "asset_infos": asset_infos } }),
                        );
                    if existing.is_err() {
                        app.execute_contract(
                            deployer.clone(),
                            factory.clone(),
                            &serde_json::json!({ "create_pair": { "asset_infos": asset_infos } }),
                            &[],
                        )
                        .with_context(|| format!("creating the pair of {asset_infos}"))?;
                    }
                    if let Some(label) = label {
                        let pair: poe_interface::amm::PairInfo = app
                            .wrap()
                            .query_wasm_smart(
                                factory.clone(),
                                &serde_json::json!({ "pair": { "asset_infos": asset_infos } }),
                            )
                            .with_context(|| format!("the pair of {asset_infos}"))?;
                        contracts.insert(label.clone(), Addr::unchecked(pair.contract_addr));
                    }
                }
                DeployStep::HandOver {
                    governance,
                    contracts: targets,
                } => {
                    let governance = resolve_str(governance)?;
                    let targets = targets
                        .iter()
                        .map(resolve_str)
                        .collect::<AnyResult<Vec<_>>>()?;
                    let mut pending = vec![];
                    for target in targets {
                        let ownership: cw_ownable::Ownership<String> = app
                            .wrap()
                            .query_wasm_smart(
                                target.clone(),
                                &serde_json::json!({ "ownership": {} }),
                            )
                            .with_context(|| format!("the ownership of {target}"))?;
                        match hand_over_action(&governance, &ownership) {
                            HandOverAction::Skip => continue,
                            HandOverAction::Accept => {}
                            HandOverAction::OfferAndAccept => {
                                app.execute_contract(
                                    deployer.clone(),
                                    Addr::unchecked(&target),
                                    &ownership_offer_msg(&governance)?,
                                    &[],
                                )
                                .with_context(|| format!("offering {target} to governance"))?;
                            }
                        }
                        pending.push(target);
                    }
                    if !pending.is_empty() {
                        app.execute_contract(
                            deployer.clone(),
                            Addr::unchecked(&governance),
                            &accept_ownership_msg(pending)?,
                            &[],
                        )
                        .context("governance accepting the ownership offers")?;
                    }
                }
            }
        }
        let get = |label: &str| {
            contracts
                .get(label)
                .cloned()
                .ok_or_else(|| anyhow::anyhow!("the plan has no {label}"))
        };
        let (treasury, gen, nex, flx, aur, poe) = (
            get("treasury")?,
            get("GEN")?,
            get("NEX")?,
            get("FLX")?,
            get("AUR")?,
            get("poe-mining")?,
        );
        let (staking, governance) = (get("staking")?, get("governance")?);
        let (flux, aurum) = (get("flux-controller")?, get("aurum-reserve")?);
        let (factory, router) = (get("amm-factory")?, get("amm-router")?);
        let (marketplace, guarantee) = (get("marketplace")?, get("guarantee")?);
        let (reputation, task_auction) = (get("reputation")?, get("task-auction")?);
        let guardian = d.governance.guardian.as_deref().map(|g| addr(&app, g));

        let app: SharedApp = Rc::new(RefCell::new(app));
        // GenesisAllocation::buckets is in the seed's order
        let bucket = |i: usize| genesis_accounts[i].clone();
        Ok(Suite {
            community_rewards: bucket(0),
            governance_reserve: bucket(1),
            development_fund: bucket(2),
            strategic_partnerships: bucket(3),
            emergency_reserve: bucket(4),
            deployer,
            owner: governance.clone(),
            guardian,
            owner_salary_recipient,
            reporters,
            gen: TokenHandle::new(app.clone(), gen, "GEN"),
            nex: TokenHandle::new(app.clone(), nex, "NEX"),
            flx: TokenHandle::new(app.clone(), flx.clone(), "FLX"),
            aur: TokenHandle::new(app.clone(), aur, "AUR"),
            treasury: TreasuryHandle::new(app.clone(), treasury),
            poe: PoeHandle::new(app.clone(), poe, flx),
            staking: StakingHandle::new(app.clone(), staking),
            governance: GovernanceHandle::new(app.clone(), governance),
            flux: FluxHandle::new(app.clone(), flux),
            aurum: AurumHandle::new(app.clone(), aurum),
            amm: AmmHandle::new(app.clone(), factory, router),
            marketplace: MarketplaceHandle::new(app.clone(), marketplace),
            guarantee: GuaranteeHandle::new(app.clone(), guarantee),
            reputation: ReputationHandle::new(app.clone(), reputation),
            task_auction: TaskAuctionHandle::new(app.clone(), task_auction),
            app,
        })
    }
}

/// The deployed suite: the chain, the named addresses and a typed handle per contract.
pub struct Suite {
    /// The embedded chain, shared with every handle.
    pub app: SharedApp,
    /// Instantiated everything and handed it to governance: owns nothing after the bootstrap.
    pub deployer: Addr,
    /// The owner of every contract (cw-ownable) and every contract's wasm admin: governance.
    /// A test may execute as this address to stand for an executed proposal;
    /// [`Suite::pass_proposal`] goes through a real one.
    pub owner: Addr,
    /// Governance's guardian (may pause PoE mining for a bounded time), if any.
    pub guardian: Option<Addr>,
    /// GEN genesis bucket, 50 %.
    pub community_rewards: Addr,
    /// GEN genesis bucket, 20 %.
    pub governance_reserve: Addr,
    /// GEN genesis bucket, 15 %.
    pub development_fund: Addr,
    /// GEN genesis bucket, 10 %.
    pub strategic_partnerships: Addr,
    /// GEN genesis bucket, 5 %.
    pub emergency_reserve: Addr,
    /// Receives the owner salary from PoE mining.
    pub owner_salary_recipient: Addr,
    /// The initial reporter allow-list of PoE mining.
    pub reporters: Vec<Addr>,
    /// Genesis (GEN): fixed supply, no minter.
    pub gen: TokenHandle,
    /// Nexus (NEX): minted only by PoE mining.
    pub nex: TokenHandle,
    /// Flux (FLX): job fees are paid in it.
    pub flx: TokenHandle,
    /// Aurum (AUR).
    pub aur: TokenHandle,
    /// The treasury.
    pub treasury: TreasuryHandle,
    /// PoE mining.
    pub poe: PoeHandle,
    /// Staking: a pool per token, voting power by height.
    pub staking: StakingHandle,
    /// Governance: owns every other contract.
    pub governance: GovernanceHandle,
    /// The FLX supply controller: FLX's only minter.
    pub flux: FluxHandle,
    /// The AUR reserve: AUR's only minter, against attested gold.
    pub aurum: AurumHandle,
    /// The AMM factory and router; `amm.pair(&suite.nex, &suite.flx)` gives a pool.
    pub amm: AmmHandle,
    /// The marketplace: a pool per token of the deployment's [`MarketplaceSettings`].
    pub marketplace: MarketplaceHandle,
    /// The guarantee contract: the deployment's [`GuaranteeSettings`] collaterals listed.
    pub guarantee: GuaranteeHandle,
    /// The reputation registry: the task auction is its writer.
    pub reputation: ReputationHandle,
    /// The task auction: rewards in the suite's tokens, the tax to the treasury.
    pub task_auction: TaskAuctionHandle,
}

impl Suite {
    /// The address of `name` (`app.api().addr_make(name)`), the same as the builder's.
    pub fn addr(&self, name: &str) -> Addr {
        self.app.borrow().api().addr_make(name)
    }

    /// The four tokens in the order GEN, NEX, FLX, AUR.
    pub fn tokens(&self) -> [&TokenHandle; 4] {
        [&self.gen, &self.nex, &self.flx, &self.aur]
    }

    /// The current block time.
    pub fn block_time(&self) -> Timestamp {
        self.app.borrow().block_info().time
    }

    /// The current block height.
    pub fn block_height(&self) -> u64 {
        self.app.borrow().block_info().height
    }

    /// Moves block time forward by `seconds` and the height by one block per
    /// [`BLOCK_SECONDS`] (at least one).
    pub fn advance_time(&self, seconds: u64) {
        let blocks = (seconds / BLOCK_SECONDS).max(1);
        self.app.borrow_mut().update_block(|b| {
            b.time = b.time.plus_seconds(seconds);
            b.height += blocks;
        });
    }

    /// Moves block time forward to `time` (nothing when it is not in the future), bumping the
    /// height as [`Suite::advance_time`] does.
    pub fn advance_to(&self, time: Timestamp) {
        let now = self.block_time();
        if time > now {
            self.advance_time(time.seconds() - now.seconds());
        }
    }

    /// The end of `epoch` (the first second after it), from PoE mining's genesis time and
    /// epoch length; valid while the epoch length has never been changed. Panics when the config
    /// query fails.
    pub fn epoch_end(&self, epoch: u64) -> Timestamp {
        let config = self.poe.config().expect("poe-mining config query");
        // the contract's schedule counts whole seconds from genesis
        Timestamp::from_seconds(
            config.genesis_time.seconds() + (epoch + 1) * config.params.epoch_length_seconds,
        )
    }

    /// Everything a rejected message could have changed, as one JSON string to compare before
    /// and after: PoE mining's statistics, every miner, the open epoch, the oldest open and the last
    /// closed epoch's index, config,
    /// reporters; the supplies of the four tokens; and the FLX, NEX and GEN balances of the
    /// reporters, PoE mining, the treasury, the salary recipient and `accounts`.
    pub fn snapshot(&self, accounts: &[&Addr]) -> String {
        let poe = &self.poe;
        let mut holders: Vec<Addr> = self.reporters.clone();
        holders.extend([
            poe.addr.clone(),
            self.treasury.addr.clone(),
            self.owner_salary_recipient.clone(),
        ]);
        holders.extend(accounts.iter().map(|a| (*a).clone()));
        let balances: Vec<[Uint128; 3]> = holders
            .iter()
            .map(|a| {
                [&self.flx, &self.nex, &self.gen].map(|t| t.balance(a).expect("balance query"))
            })
            .collect();
        let supplies: Vec<Uint128> = self
            .tokens()
            .iter()
            .map(|t| t.total_supply().expect("token_info query"))
            .collect();
        let epoch = poe.current_epoch().expect("current_epoch query");
        let next = epoch.next_epoch_to_close;
        let last_closed = next
            .checked_sub(1)
            .map(|e| poe.poe_index(e).expect("poe_index query"));
        serde_json::json!({
            "stats": poe.mining_statistics().expect("mining_statistics query"),
            "oldest_open": poe.poe_index(next).expect("poe_index query"),
            "last_closed": last_closed,
            "miners": poe.all_miners().expect("miners query"),
            "epoch": epoch,
            "config": poe.config().expect("config query"),
            "reporters": poe.reporters(None, None).expect("reporters query"),
            "supplies": supplies,
            "balances": balances,
        })
        .to_string()
    }

    /// Every contract of the suite with its label, in deployment order.
    pub fn contracts(&self) -> Vec<(&'static str, Addr)> {
        vec![
            ("treasury", self.treasury.addr.clone()),
            ("GEN", self.gen.addr.clone()),
            ("NEX", self.nex.addr.clone()),
            ("FLX", self.flx.addr.clone()),
            ("AUR", self.aur.addr.clone()),
            ("poe-mining", self.poe.addr.clone()),
            ("staking", self.staking.addr.clone()),
            ("governance", self.governance.addr.clone()),
            ("flux-controller", self.flux.addr.clone()),
            ("aurum-reserve", self.aurum.addr.clone()),
            ("amm-factory", self.amm.factory.clone()),
            ("amm-router", self.amm.router.clone()),
            ("marketplace", self.marketplace.addr.clone()),
            ("guarantee", self.guarantee.addr.clone()),
            ("reputation", self.reputation.addr.clone()),
            ("task-auction", self.task_auction.addr.clone()),
        ]
    }

    /// Every contract's raw storage (every key and value) and wasm admin: equal before and after
    /// a refused message exactly when the message changed nothing on any contract.
    pub fn raw_snapshot(&self) -> Vec<(&'static str, Option<Addr>, Vec<cosmwasm_std::Record>)> {
        let app = self.app.borrow();
        self.contracts()
            .into_iter()
            .map(|(label, addr)| {
                let admin = app.contract_data(&addr).ok().and_then(|d| d.admin);
                (label, admin, app.dump_wasm_raw(&addr))
            })
            .collect()
    }

    /// The start of `epoch`, under the same assumption as [`Suite::epoch_end`].
    pub fn epoch_start(&self, epoch: u64) -> Timestamp {
        let config = self.poe.config().expect("poe-mining config query");
        Timestamp::from_seconds(
            config.genesis_time.seconds() + epoch * config.params.epoch_length_seconds,
        )
    }

    /// Runs a proposal of `msgs` through governance: `proposer` pays the deposit, the next block
    /// every one of `voters` votes yes, time moves past the voting period and the timelock, and
    /// `proposer` executes it. Returns the proposal id; an error when any step is refused (the
    /// proposal may then be left open or failed: read it with `governance.proposal`).
    /// The voters need voting power at the proposal's start height (stake before proposing).
    pub fn pass_proposal(
        &self,
        proposer: &Addr,
        voters: &[&Addr],
        title: &str,
        msgs: Vec<cosmwasm_std::CosmosMsg>,
    ) -> AnyResult<u64> {
        let id = self
            .governance
            .propose(&self.gen, proposer, title, title, msgs)?;
        self.advance_time(BLOCK_SECONDS);
        for voter in voters {
            self.governance.vote(voter, id, VoteOption::Yes)?;
        }
        let proposal = self.governance.proposal(id)?;
        self.advance_to(proposal.executable_at);
        self.governance.execute_proposal(proposer, id)?;
        Ok(id)
    }

    /// Advances to the end of `epoch` and closes it (as the deployer).
    pub fn close_epoch(&self, epoch: u64) -> AnyResult<cw_multi_test::AppResponse> {
        self.advance_to(self.epoch_end(epoch));
        self.poe.close_epoch(&self.deployer, epoch)
    }
}
