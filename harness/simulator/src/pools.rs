//! The NEX/FLX and AUR/FLX pools during a run (scenario block `pools`, report key `pools`):
//! AUR/FLX is seeded at epoch 0's start by the market maker, who buys AUR from the reserve and
//! deposits it with the same FLX; NEX/FLX after epoch 0's claims, with NEX the market maker buys
//! over the counter from the miners richest in NEX. Then `trades_per_epoch` swaps per pool per
//! epoch, spread over the epoch, drawn with ChaCha8 from the scenario's seed (own salt); each is
//! simulated first, and `k` is compared across it.

use std::collections::BTreeMap;

use anyhow::{anyhow, Context, Result as AnyResult};
use cosmwasm_std::{Addr, Decimal, Timestamp, Uint128, Uint256};
use poe_deploy::scenario::PoolsConfig;
use poe_testing::{token_asset, PairHandle, Suite, TokenHandle};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::aurum::AurumRun;
use crate::generate::pick_index;
use crate::report::pools::{PoolEpoch, PoolsReport};
use crate::report::{fmt_units, reason, Check};

/// Salt of the RNG stream of the pools' trades (independent of the jobs' and actions' streams).
const TRADES_SALT: u64 = 0x7EAD_0000_5EED_0002;
/// At most this many trade errors are kept in the report.
const MAX_TRADE_ERRORS: usize = 20;
/// The pools, in this order: `pools[NEX_FLX]`, `pools[AUR_FLX]`.
const NEX_FLX: usize = 0;
const AUR_FLX: usize = 1;

/// One pool during the run.
struct Pool {
    name: String,
    pair: PairHandle,
    /// Index (0 or 1) of FLX in the pair's order.
    flx_index: usize,
    token: TokenHandle,
    seeded: bool,
    /// This epoch's trades so far.
    cur: PoolEpoch,
}

impl Pool {
    /// `(token, FLX)` of amounts given in the pair's order.
    fn token_and_flx(&self, amounts: [Uint128; 2]) -> (Uint128, Uint128) {
        (amounts[1 - self.flx_index], amounts[self.flx_index])
    }
}

/// The pools' part of a run and what it saw.
pub struct PoolsRun {
    cfg: PoolsConfig,
    epoch_length: u64,
    rng: ChaCha8Rng,
    /// The report's `pools` part, filled in as the run goes.
    pub report: PoolsReport,
    pools: Vec<Pool>,
    /// Trade times of the current epoch not yet done: (time, pool index), latest first.
    pending: Vec<(u64, usize)>,
    /// NEX the market maker bought from miners.
    pub nex_bought_from_miners: Uint128,
    /// FLX paid to the treasury as the protocol's share of swap fees.
    pub protocol_fees_flx: Uint128,
    k_violations: Vec<String>,
    sim_mismatches: Vec<String>,
    swaps_checked: u64,
}

impl PoolsRun {
    /// The pools of `cfg`, trades drawn from `seed`, epochs of `epoch_length` seconds.
    pub fn new(cfg: &PoolsConfig, seed: u64, epoch_length: u64) -> Self {
        PoolsRun {
            cfg: cfg.clone(),
            epoch_length,
            rng: ChaCha8Rng::seed_from_u64(seed ^ TRADES_SALT),
            report: PoolsReport {
                provider: cfg.provider.clone(),
                ..PoolsReport::default()
            },
            pools: Vec::new(),
            pending: Vec::new(),
            nex_bought_from_miners: Uint128::zero(),
            protocol_fees_flx: Uint128::zero(),
            k_violations: Vec::new(),
            sim_mismatches: Vec::new(),
            swaps_checked: 0,
        }
    }

    /// Before epoch 0: the two pairs the deployment opened.
    pub fn genesis(&mut self, suite: &Suite) -> AnyResult<()> {
        for (name, token) in [("NEX/FLX", &suite.nex), ("AUR/FLX", &suite.aur)] {
            let pair = suite
                .amm
                .pair(token, &suite.flx)
                .with_context(|| format!("the {name} pair"))?;
            let flx_index = usize::from(pair.assets[1] == token_asset(&suite.flx));
            self.pools.push(Pool {
                name: name.to_string(),
                pair,
                flx_index,
                token: token.clone(),
                seeded: false,
                cur: PoolEpoch::empty(0, name),
            });
        }
        Ok(())
    }

    /// At the start of epoch 0, after the reserve's attestation: the market maker buys AUR from
    /// the reserve (`aurum`) and deposits it with the same FLX (nothing without `aur_flx`).
    pub fn seed_aur_pool(&mut self, suite: &Suite, aurum: &mut AurumRun) -> AnyResult<()> {
        let Some(seed) = self.cfg.aur_flx.clone() else {
            return Ok(());
        };
        let provider = self.cfg.provider.clone();
        let flx = seed.buy_with_flx.0;
        let aur = aurum.purchase(
            suite,
            0,
            &provider,
            flx,
            Some("the market maker's AUR for the AUR/FLX pool".into()),
        )?;
        let note = if aur.is_zero() {
            "AUR/FLX: not seeded (the market maker's purchase was refused)".to_string()
        } else {
            self.provide(suite, AUR_FLX, aur, flx)?;
            format!(
                "AUR/FLX at the start of epoch 0: {} bought {} AUR from the reserve for {} FLX and deposited it with {} FLX",
                provider,
                fmt_units(aur.u128(), true),
                fmt_units(flx.u128(), true),
                fmt_units(flx.u128(), true)
            )
        };
        self.report.seeding.push(note);
        Ok(())
    }

    /// The market maker deposits `token_amount` of the pool's token with `flx` FLX.
    fn provide(
        &mut self,
        suite: &Suite,
        idx: usize,
        token_amount: Uint128,
        flx: Uint128,
    ) -> AnyResult<()> {
        let provider = suite.addr(&self.cfg.provider);
        let pool = self
            .pools
            .get_mut(idx)
            .ok_or_else(|| anyhow!("no pool {idx}"))?;
        pool.pair
            .provide(&provider, (&pool.token, token_amount), (&suite.flx, flx))
            .with_context(|| format!("seeding {}", pool.name))?;
        pool.seeded = true;
        Ok(())
    }

    /// At the start of `epoch` (block time `now`): this epoch's trades, spread over it (offset
    /// by a third of a slot per pool, never at the epoch's end).
    pub fn schedule(&mut self, epoch: u64, now: u64) {
        self.pending.clear();
        let n = self.cfg.trades_per_epoch;
        for (i, pool) in self.pools.iter_mut().enumerate() {
            pool.cur = PoolEpoch::empty(epoch, &pool.name);
            for j in 0..n {
                let slot = u128::from(self.epoch_length.saturating_sub(2)) / (u128::from(n) + 1);
                let offset = (u128::from(j) + 1) * slot + slot * i as u128 / 3;
                self.pending.push((now + offset as u64, i));
            }
        }
        self.pending.sort();
        self.pending.reverse(); // pop from the back: earliest first
    }

    /// Runs the trades scheduled up to `time` (advancing the chain to each); a pool not seeded
    /// skips its trades.
    pub fn trades_until(&mut self, suite: &Suite, time: u64) -> AnyResult<()> {
        while self.pending.last().is_some_and(|(t, _)| *t <= time) {
            let Some((t, idx)) = self.pending.pop() else {
                break;
            };
            if !self.pools[idx].seeded {
                continue;
            }
            suite.advance_to(Timestamp::from_seconds(t));
            self.trade(suite, idx)?;
        }
        Ok(())
    }

    /// One swap on pool `idx`: a trader, a side (flipped when the trader holds none of the
    /// offer) and a size up to `max_trade_fraction` of the offered reserve.
    fn trade(&mut self, suite: &Suite, idx: usize) -> AnyResult<()> {
        let cfg = &self.cfg;
        let trader_name = cfg.traders[pick_index(&mut self.rng, cfg.traders.len())].clone();
        let trader = suite.addr(&trader_name);
        let sell_token = self.rng.gen_range(0..2u32) == 1;
        let ppm_max = (cfg.max_trade_fraction.0.atomics().u128() / 10u128.pow(12)).max(1) as u64;
        let ppm = u128::from(self.rng.gen_range(1..=ppm_max));
        let max_spread = cfg.max_spread.0;
        let pool = &self.pools[idx];
        let before = pool.pair.pool()?;
        let reserves = [before.assets[0].amount, before.assets[1].amount];
        let (r_token, r_flx) = pool.token_and_flx(reserves);
        let pick = |sell_token: bool| -> AnyResult<(bool, Uint128)> {
            let (reserve, offer) = if sell_token {
                (r_token, &pool.token)
            } else {
                (r_flx, &suite.flx)
            };
            let want = reserve.multiply_ratio(ppm, 1_000_000u128);
            let have = offer.balance(&trader)?;
            Ok((sell_token, want.min(have)))
        };
        let (mut side, mut amount) = pick(sell_token)?;
        if amount.is_zero() {
            (side, amount) = pick(!sell_token)?;
        }
        if amount.is_zero() {
            return Ok(());
        }
        let (offer, ask) = if side {
            (pool.token.clone(), suite.flx.clone())
        } else {
            (suite.flx.clone(), pool.token.clone())
        };
        let sim = pool.pair.simulate(&offer, amount)?;
        let ask_before = ask.balance(&trader)?;
        let res = pool.pair.swap(&trader, &offer, amount, Some(max_spread));
        let epoch = pool.cur.epoch;
        let name = pool.name.clone();
        match res {
            Ok(_) => {
                let received = ask.balance(&trader)?.checked_sub(ask_before)?;
                self.swaps_checked += 1;
                if received != sim.return_amount {
                    self.sim_mismatches.push(format!(
                        "{name} epoch {epoch}: simulated {} received {received}",
                        sim.return_amount
                    ));
                }
                let after = self.pools[idx].pair.pool()?;
                let k_before = Uint256::from(reserves[0]) * Uint256::from(reserves[1]);
                let k_after =
                    Uint256::from(after.assets[0].amount) * Uint256::from(after.assets[1].amount);
                if k_after < k_before {
                    self.k_violations.push(format!(
                        "{name} epoch {epoch}: k fell from {k_before} to {k_after}"
                    ));
                }
                let cur = &mut self.pools[idx].cur;
                cur.trades += 1;
                if side {
                    // sold the token for FLX: fees in FLX
                    cur.volume_flx += received;
                    cur.fee_flx += sim.commission_amount;
                    cur.protocol_fee_flx += sim.protocol_fee_amount;
                    self.protocol_fees_flx += sim.protocol_fee_amount;
                } else {
                    cur.volume_flx += amount;
                    cur.fee_token += sim.commission_amount;
                    cur.protocol_fee_token += sim.protocol_fee_amount;
                }
            }
            Err(err) => {
                self.pools[idx].cur.trades_failed += 1;
                if self.report.trade_errors.len() < MAX_TRADE_ERRORS {
                    self.report.trade_errors.push(format!(
                        "{name} epoch {epoch}: {trader_name} selling {}: {}",
                        amount,
                        reason(&err)
                    ));
                }
            }
        }
        Ok(())
    }

    /// After epoch `epoch`'s claims: in epoch 0, the NEX/FLX pool is seeded with NEX the market
    /// maker buys from the miners richest in NEX (each sells at most `max_miner_share` of its
    /// NEX) at `price` FLX/NEX, deposited with the FLX it paid.
    pub fn after_claims(
        &mut self,
        suite: &Suite,
        epoch: u64,
        miners: &BTreeMap<String, Addr>,
    ) -> AnyResult<()> {
        if epoch != 0 {
            return Ok(());
        }
        let Some(seed) = self.cfg.nex_flx.clone() else {
            return Ok(());
        };
        let mm = suite.addr(&self.cfg.provider);
        let mut holdings = Vec::new();
        for (name, addr) in miners {
            holdings.push((suite.nex.balance(addr)?, name.clone(), addr.clone()));
        }
        holdings.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let mut bought = Uint128::zero();
        let mut paid = Uint128::zero();
        let mut sellers = 0u32;
        for (balance, _, addr) in holdings {
            if bought >= seed.nex.0 {
                break;
            }
            let part = balance
                .mul_floor(seed.max_miner_share.0)
                .min(seed.nex.0 - bought);
            if part.is_zero() {
                continue;
            }
            let flx = part.mul_floor(seed.price.0);
            suite.nex.transfer(&addr, &mm, part)?;
            suite.flx.transfer(&mm, &addr, flx)?;
            bought += part;
            paid += flx;
            self.nex_bought_from_miners += part;
            sellers += 1;
        }
        let note = if bought.is_zero() {
            "NEX/FLX: not seeded (no NEX claimed in epoch 0)".to_string()
        } else {
            self.provide(suite, NEX_FLX, bought, paid)?;
            format!(
                "NEX/FLX after epoch 0's claims: {} bought {} NEX from {} miners, the richest in NEX (each sold at most {} of its NEX) at {} FLX/NEX and deposited it with the {} FLX it paid",
                self.cfg.provider,
                fmt_units(bought.u128(), true),
                sellers,
                seed.max_miner_share.0,
                seed.price.0,
                fmt_units(paid.u128(), true)
            )
        };
        self.report.seeding.push(note);
        Ok(())
    }

    /// After the end of `epoch` (its trades done): each pool's reserves, spot price and TWAP
    /// over the epoch, with the epoch's trades.
    pub fn epoch_end(&mut self, epoch: u64) -> AnyResult<()> {
        for pool in &mut self.pools {
            let snap = pool.pair.pool()?;
            let (r_token, r_flx) =
                pool.token_and_flx([snap.assets[0].amount, snap.assets[1].amount]);
            let mut cur = std::mem::replace(&mut pool.cur, PoolEpoch::empty(epoch + 1, &pool.name));
            cur.epoch = epoch;
            cur.reserve_token = r_token;
            cur.reserve_flx = r_flx;
            cur.spot_price = (!r_token.is_zero()).then(|| Decimal::from_ratio(r_flx, r_token));
            if pool.seeded {
                match pool.pair.twap(self.epoch_length) {
                    Ok(t) => {
                        // the token's price in FLX: asset 0's average when the token is asset 0
                        cur.twap = Some(if pool.flx_index == 1 {
                            t.price0_average
                        } else {
                            t.price1_average
                        });
                    }
                    Err(e) => cur.twap_unavailable = Some(e.to_string()),
                }
            } else {
                cur.twap_unavailable = Some("not seeded".into());
            }
            self.report.epochs.push(cur);
        }
        Ok(())
    }

    /// The pools' checks: `k` never falls across a swap, every swap returns its simulation.
    pub fn checks(&self) -> Vec<Check> {
        let swaps = format!("{} swaps", self.swaps_checked);
        vec![
            Check::listing(
                "k = x * y never falls across a swap",
                &self.k_violations,
                swaps.clone(),
            ),
            Check::listing(
                "every swap returned exactly its simulation",
                &self.sim_mismatches,
                swaps,
            ),
        ]
    }
}
