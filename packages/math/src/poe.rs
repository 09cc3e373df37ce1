//! The PoE index and its issuance gate, seed 000/001 `PoEIndex`:
//!
//! `Phi = w_V * sum(V) / scale_V + w_L * sum(dL) / scale_L + w_U * uptime_avg + w_Q * quality_avg`
//! and `Gamma(Phi) = Phi / (1 + Phi)` ("Issuance gating function"); NEX is minted only when
//! `Gamma >= min_poe_threshold` (seed 001 `can_mint_tokens`), `max_emission_per_epoch * Gamma`
//! of it.
//!
//! Two of the seed's inputs are made to cost what they move (the suite's hardening; the seed
//! leaves them open):
//! - `uptime_avg` and `quality_avg` are averages **weighted by job value**,
//!   `sum(floor(V_j * u_j)) / sum(V_j)`, so a job moves them in proportion to the fee it paid
//!   (a one-unit job with perfect scores no longer counts as much as a 100,000 FLX job);
//! - a job's liquidity delta is bounded by its value: `|dL_j| <= V_j * max_liquidity_ratio`
//!   ([`max_liquidity_delta`]), so liquidity, like volume, is paid for by the 1 % fee.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Decimal, Int128, Uint128};

use crate::MathError;

/// The weights of the four PoE components (seed 001 `poe_parameters`), each in `[0, 1]`.
#[cw_serde]
#[derive(Copy)]
pub struct PoeWeights {
    /// `w_V`, seed default 0.3.
    pub volume_weight: Decimal,
    /// `w_L`, seed default 0.25.
    pub liquidity_weight: Decimal,
    /// `w_U`, seed default 0.25.
    pub uptime_weight: Decimal,
    /// `w_Q`, seed default 0.2.
    pub quality_weight: Decimal,
}

impl PoeWeights {
    /// Seed defaults (0.3, 0.25, 0.25, 0.2).
    pub fn seed_default() -> Self {
        PoeWeights {
            volume_weight: Decimal::percent(30),
            liquidity_weight: Decimal::percent(25),
            uptime_weight: Decimal::percent(25),
            quality_weight: Decimal::percent(20),
        }
    }

    /// Every weight in `[0, 1]` and at least one above zero.
    pub fn validate(&self) -> Result<(), MathError> {
        let all = [
            ("volume_weight", self.volume_weight),
            ("liquidity_weight", self.liquidity_weight),
            ("uptime_weight", self.uptime_weight),
            ("quality_weight", self.quality_weight),
        ];
        for (name, w) in all {
            if w > Decimal::one() {
                return Err(MathError::invalid(name, format!("{w} is above 1")));
            }
        }
        if all.iter().all(|(_, w)| w.is_zero()) {
            return Err(MathError::invalid(
                "poe_weights",
                "all four weights are zero",
            ));
        }
        Ok(())
    }
}

/// Normalisation scales of the PoE index, in the fee token's base units per epoch:
/// `scale_V` for job value, `scale_L` for liquidity delta. Both must be above zero.
#[cw_serde]
#[derive(Copy)]
pub struct PoeScales {
    /// `scale_V`: the epoch job value (base units) at which the volume component is `w_V`.
    pub volume_scale: Uint128,
    /// `scale_L`: the net liquidity delta (base units) at which the liquidity component is `w_L`.
    pub liquidity_scale: Uint128,
}

impl PoeScales {
    /// Both scales above zero.
    ///
    /// Errors: [`MathError::InvalidParameter`] naming the zero scale.
    pub fn validate(&self) -> Result<(), MathError> {
        if self.volume_scale.is_zero() {
            return Err(MathError::invalid("volume_scale", "must be above 0"));
        }
        if self.liquidity_scale.is_zero() {
            return Err(MathError::invalid("liquidity_scale", "must be above 0"));
        }
        Ok(())
    }
}

/// The largest `|liquidity_delta|` a job of `job_value` may report:
/// `floor(job_value * max_liquidity_ratio)` base units (saturating at `Uint128::MAX`, which only
/// a ratio above one and an absurd value reach).
///
/// Why relative and not absolute: the fee is 1 % of the job value, so a bound in proportion to
/// the value makes every unit of liquidity cost at least `total_fee_rate / max_liquidity_ratio`
/// of fee, however the reporter splits it over jobs; an absolute per-job bound would be free to
/// multiply with one-unit jobs. It also keeps `sum(dL)` within `max_liquidity_ratio * sum(V)`,
/// so it cannot be pushed to `Int128`'s edge for one unit of fee (which made every later job of
/// the epoch overflow).
pub fn max_liquidity_delta(job_value: Uint128, max_liquidity_ratio: Decimal) -> Uint128 {
    job_value
        .checked_mul_floor(max_liquidity_ratio)
        .unwrap_or(Uint128::MAX)
}

/// What an epoch's jobs add up to: the inputs of Phi.
#[cw_serde]
#[derive(Copy, Default)]
pub struct EpochActivity {
    /// `sum(V)`: total job value, base units.
    pub total_job_value: Uint128,
    /// `sum(dL)`: net liquidity delta, base units; may be negative, counts as 0 in Phi.
    pub net_liquidity_delta: Int128,
    /// `sum(floor(V_j * uptime_j))`: the jobs' uptime weighted by their value, base units
    /// (at most `total_job_value`).
    pub uptime_value: Uint128,
    /// `sum(floor(V_j * quality_j))`: the jobs' quality weighted by their value, base units
    /// (at most `total_job_value`).
    pub quality_value: Uint128,
    /// Number of jobs.
    pub job_count: u64,
}

impl EpochActivity {
    /// Adds one job (checked). `uptime` and `quality_score` are in `[0, 1]` (the contract checks
    /// it), so the weighted parts never exceed the job's value.
    ///
    /// Errors: `Overflow` (a sum beyond `Uint128` / `Int128`, or `u64` jobs).
    pub fn record_job(
        &mut self,
        job_value: Uint128,
        liquidity_delta: Int128,
        uptime: Decimal,
        quality_score: Decimal,
    ) -> Result<(), MathError> {
        self.total_job_value = self.total_job_value.checked_add(job_value)?;
        self.net_liquidity_delta = self.net_liquidity_delta.checked_add(liquidity_delta)?;
        self.uptime_value = self
            .uptime_value
            .checked_add(job_value.checked_mul_floor(uptime)?)?;
        self.quality_value = self
            .quality_value
            .checked_add(job_value.checked_mul_floor(quality_score)?)?;
        self.job_count = self
            .job_count
            .checked_add(1)
            .ok_or_else(|| MathError::invalid("job_count", "overflow"))?;
        Ok(())
    }

    /// `uptime_avg`: uptime weighted by job value, `sum(floor(V_j * u_j)) / sum(V_j)`, rounded
    /// down (0 with no job).
    pub fn uptime_avg(&self) -> Decimal {
        value_weighted_average(self.uptime_value, self.total_job_value)
    }

    /// `QualityScore(t)`: quality weighted by job value, `sum(floor(V_j * q_j)) / sum(V_j)`,
    /// rounded down (0 with no job).
    pub fn quality_avg(&self) -> Decimal {
        value_weighted_average(self.quality_value, self.total_job_value)
    }
}

/// `weighted / total` in `[0, 1]`, rounded down; 0 when `total` is 0.
fn value_weighted_average(weighted: Uint128, total: Uint128) -> Decimal {
    if total.is_zero() {
        return Decimal::zero();
    }
    // weighted <= total (each part is floor(V * x) with x <= 1), so the ratio is at most 1 and
    // fits; the fallback is never taken
    Decimal::checked_from_ratio(weighted, total)
        .unwrap_or(Decimal::one())
        .min(Decimal::one())
}

/// The PoE index of one epoch with its four components (seed 000 `PoEIndex`), all rounded down.
#[cw_serde]
#[derive(Copy, Default)]
pub struct PoeIndex {
    /// `Phi(t) = volume + liquidity + uptime + quality components`, in `[0, inf)`.
    pub phi_value: Decimal,
    /// `w_V * sum(V) / scale_V`.
    pub volume_component: Decimal,
    /// `w_L * max(sum(dL), 0) / scale_L`.
    pub liquidity_component: Decimal,
    /// `w_U * uptime_avg`.
    pub uptime_component: Decimal,
    /// `w_Q * QualityScore(t)`.
    pub quality_component: Decimal,
    /// `Gamma(Phi) = Phi / (1 + Phi)`, in `[0, 1)`.
    pub gamma: Decimal,
}

/// Computes Phi and Gamma of an epoch (seed 001 `calculate_phi` and `gamma`).
///
/// A negative net liquidity delta counts as zero, since `Phi` lives in `[0, inf)`.
/// Never fails: a ratio too large for a `Decimal` (a sum above ~3.4e20 times its scale) saturates
/// at `Decimal::MAX`, and so does Phi, where Gamma is 1 to 18 decimals. An epoch with an absurd job
/// value can therefore always be closed (a checked error here would block the epoch forever).
pub fn poe_index(activity: &EpochActivity, weights: &PoeWeights, scales: &PoeScales) -> PoeIndex {
    let ratio =
        |num: Uint128, den: Uint128| Decimal::checked_from_ratio(num, den).unwrap_or(Decimal::MAX);
    let liquidity = if activity.net_liquidity_delta.is_negative() {
        Uint128::zero()
    } else {
        Uint128::new(activity.net_liquidity_delta.i128() as u128)
    };
    let volume_component = weights
        .volume_weight
        .saturating_mul(ratio(activity.total_job_value, scales.volume_scale));
    let liquidity_component = weights
        .liquidity_weight
        .saturating_mul(ratio(liquidity, scales.liquidity_scale));
    // averages of values in [0, 1] times weights in [0, 1]: cannot overflow
    let uptime_component = weights.uptime_weight.saturating_mul(activity.uptime_avg());
    let quality_component = weights
        .quality_weight
        .saturating_mul(activity.quality_avg());
    let phi_value = volume_component
        .saturating_add(liquidity_component)
        .saturating_add(uptime_component)
        .saturating_add(quality_component);
    PoeIndex {
        phi_value,
        volume_component,
        liquidity_component,
        uptime_component,
        quality_component,
        gamma: gamma(phi_value),
    }
}

/// `Gamma(Phi) = Phi / (1 + Phi)`, rounded down; in `[0, 1)` for every `Phi >= 0` (at
/// `Phi = Decimal::MAX` the denominator saturates and Gamma is exactly 1).
pub fn gamma(phi_value: Decimal) -> Decimal {
    let denominator = Decimal::one().saturating_add(phi_value);
    // denominator >= 1 and >= phi_value: the quotient is at most 1 and never divides by zero
    phi_value.checked_div(denominator).unwrap_or(Decimal::one())
}

/// NEX issued for an epoch: `max_emission_per_epoch * Gamma` rounded down when
/// `Gamma >= min_poe_threshold`, else zero (seed 001 `can_mint_tokens` for `Nexus`).
pub fn epoch_emission(
    max_emission_per_epoch: Uint128,
    gamma: Decimal,
    min_poe_threshold: Decimal,
) -> Uint128 {
    if gamma < min_poe_threshold {
        Uint128::zero()
    } else {
        // gamma < 1, so the product is below max_emission_per_epoch and cannot overflow
        max_emission_per_epoch.mul_floor(gamma)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn phi_and_gamma_follow_the_seed_formula() {
        let mut activity = EpochActivity::default();
        activity
            .record_job(Uint128::new(600), Int128::new(100), dec("0.9"), dec("0.8"))
            .unwrap();
        activity
            .record_job(Uint128::new(400), Int128::new(-50), dec("0.7"), dec("1"))
            .unwrap();
        let scales = PoeScales {
            volume_scale: Uint128::new(1_000),
            liquidity_scale: Uint128::new(100),
        };
        let index = poe_index(&activity, &PoeWeights::seed_default(), &scales);
        // volume: 0.3 * 1000/1000 = 0.3; liquidity: 0.25 * 50/100 = 0.125
        // uptime, weighted by value: (600*0.9 + 400*0.7)/1000 = 0.82 -> 0.25 * 0.82 = 0.205
        // quality: (600*0.8 + 400*1)/1000 = 0.88 -> 0.2 * 0.88 = 0.176; Phi = 0.806
        assert_eq!(index.volume_component, dec("0.3"));
        assert_eq!(index.liquidity_component, dec("0.125"));
        assert_eq!(index.uptime_component, dec("0.205"));
        assert_eq!(index.quality_component, dec("0.176"));
        assert_eq!(index.phi_value, dec("0.806"));
        // Gamma = 0.806 / 1.806, rounded down to 18 decimals
        assert_eq!(index.gamma, dec("0.446290143964562569"));
    }

    #[test]
    fn empty_epoch_has_zero_index_and_no_emission() {
        let index = poe_index(
            &EpochActivity::default(),
            &PoeWeights::seed_default(),
            &PoeScales {
                volume_scale: Uint128::one(),
                liquidity_scale: Uint128::one(),
            },
        );
        assert_eq!(index, PoeIndex::default());
        assert_eq!(
            epoch_emission(Uint128::new(1_000), index.gamma, dec("0.1")),
            Uint128::zero()
        );
    }

    #[test]
    fn dust_jobs_move_the_averages_by_their_value_only() {
        // one large job of average scores, then a thousand one-unit jobs with perfect scores:
        // per job they would lift both averages to ~1; weighted by value they change nothing
        let mut activity = EpochActivity::default();
        activity
            .record_job(
                Uint128::new(100_000_000_000),
                Int128::zero(),
                dec("0.5"),
                dec("0.5"),
            )
            .unwrap();
        let before = (activity.uptime_avg(), activity.quality_avg());
        assert_eq!(before, (dec("0.5"), dec("0.5")));
        for _ in 0..1_000 {
            activity
                .record_job(
                    Uint128::one(),
                    Int128::zero(),
                    Decimal::one(),
                    Decimal::one(),
                )
                .unwrap();
        }
        // (5e10 + 1000) / (1e11 + 1000), rounded down
        let expected = Decimal::from_ratio(50_000_001_000u128, 100_000_001_000u128);
        assert_eq!(activity.uptime_avg(), expected);
        assert_eq!(activity.quality_avg(), expected);
        assert!(expected < dec("0.500000005"));
        // a one-unit job with a score below one rounds its weighted part down to zero
        let mut dust = EpochActivity::default();
        dust.record_job(Uint128::one(), Int128::zero(), dec("0.99"), dec("0.99"))
            .unwrap();
        assert_eq!(
            (dust.uptime_avg(), dust.quality_avg()),
            (Decimal::zero(), Decimal::zero())
        );
    }

    #[test]
    fn liquidity_is_bounded_by_the_job_value() {
        assert_eq!(
            max_liquidity_delta(Uint128::new(10_000), Decimal::one()),
            Uint128::new(10_000)
        );
        assert_eq!(
            max_liquidity_delta(Uint128::new(10_001), Decimal::percent(50)),
            Uint128::new(5_000)
        );
        assert_eq!(
            max_liquidity_delta(Uint128::new(7), Decimal::zero()),
            Uint128::zero()
        );
        assert_eq!(
            max_liquidity_delta(Uint128::MAX, Decimal::percent(200)),
            Uint128::MAX
        );
    }

    #[test]
    fn negative_liquidity_counts_as_zero() {
        let mut activity = EpochActivity::default();
        activity
            .record_job(
                Uint128::zero(),
                Int128::new(-5),
                Decimal::zero(),
                Decimal::zero(),
            )
            .unwrap();
        let scales = PoeScales {
            volume_scale: Uint128::one(),
            liquidity_scale: Uint128::one(),
        };
        let index = poe_index(&activity, &PoeWeights::seed_default(), &scales);
        assert_eq!(index.liquidity_component, Decimal::zero());
    }

    #[test]
    fn emission_is_gated_by_threshold() {
        let max = Uint128::new(1_000_000);
        assert_eq!(
            epoch_emission(max, dec("0.0999"), dec("0.1")),
            Uint128::zero()
        );
        assert_eq!(
            epoch_emission(max, dec("0.1"), dec("0.1")),
            Uint128::new(100_000)
        );
        assert_eq!(
            epoch_emission(max, dec("0.5"), dec("0.1")),
            Uint128::new(500_000)
        );
    }

    #[test]
    fn oversized_volume_saturates_instead_of_failing() {
        let activity = EpochActivity {
            total_job_value: Uint128::MAX,
            ..Default::default()
        };
        let scales = PoeScales {
            volume_scale: Uint128::one(),
            liquidity_scale: Uint128::one(),
        };
        let index = poe_index(&activity, &PoeWeights::seed_default(), &scales);
        assert_eq!(index.phi_value, Decimal::MAX.saturating_mul(dec("0.3")));
        assert!(index.gamma >= dec("0.999999999999999999"));
        assert_eq!(
            epoch_emission(Uint128::new(1_000), index.gamma, dec("0.1")),
            Uint128::new(1_000).mul_floor(index.gamma)
        );
    }

    #[test]
    fn weights_validate() {
        assert_eq!(PoeWeights::seed_default().validate(), Ok(()));
        let bad = PoeWeights {
            quality_weight: dec("1.01"),
            ..PoeWeights::seed_default()
        };
        assert!(bad.validate().is_err());
        let zero = PoeWeights {
            volume_weight: Decimal::zero(),
            liquidity_weight: Decimal::zero(),
            uptime_weight: Decimal::zero(),
            quality_weight: Decimal::zero(),
        };
        assert!(zero.validate().is_err());
    }

    proptest! {
        #![proptest_config(Config { cases: 2_000, rng_seed: RngSeed::Fixed(0x5EED_0002), ..Config::default() })]

        /// Gamma is in [0, 1), increases with Phi, and emission never exceeds the maximum.
        #[test]
        fn gamma_is_bounded_and_monotone(a in 0u128..10u128.pow(24), b in 0u128..10u128.pow(24), max in 0u128..u128::MAX) {
            let (lo, hi) = (a.min(b), a.max(b));
            let g_lo = gamma(Decimal::new(Uint128::new(lo)));
            let g_hi = gamma(Decimal::new(Uint128::new(hi)));
            prop_assert!(g_lo <= g_hi);
            prop_assert!(g_hi < Decimal::one());
            prop_assert!(epoch_emission(Uint128::new(max), g_hi, Decimal::zero()) <= Uint128::new(max));
        }

        /// Phi is exactly the sum of its components.
        #[test]
        fn phi_is_sum_of_components(values in proptest::collection::vec((0u128..10u128.pow(15), -10i128.pow(12)..10i128.pow(12), 0u64..=1_000, 0u64..=1_000), 0..40)) {
            let mut activity = EpochActivity::default();
            for (v, l, u, q) in values {
                activity.record_job(Uint128::new(v), Int128::new(l), Decimal::permille(u), Decimal::permille(q)).unwrap();
            }
            let scales = PoeScales { volume_scale: Uint128::new(10u128.pow(12)), liquidity_scale: Uint128::new(10u128.pow(9)) };
            let i = poe_index(&activity, &PoeWeights::seed_default(), &scales);
            prop_assert_eq!(i.phi_value, i.volume_component + i.liquidity_component + i.uptime_component + i.quality_component);
            prop_assert!(i.uptime_component <= PoeWeights::seed_default().uptime_weight);
            prop_assert!(i.quality_component <= PoeWeights::seed_default().quality_weight);
        }

        /// The value-weighted averages stay in [0, 1] and between the smallest and largest score
        /// (up to the rounding down of each job's weighted part, at most one unit per job).
        #[test]
        fn weighted_averages_stay_between_the_scores(values in proptest::collection::vec((1u128..10u128.pow(15), 0u64..=1_000), 1..40)) {
            let mut activity = EpochActivity::default();
            for (v, q) in &values {
                activity.record_job(Uint128::new(*v), Int128::zero(), Decimal::permille(*q), Decimal::permille(*q)).unwrap();
            }
            let lo = values.iter().map(|(_, q)| *q).min().unwrap();
            let hi = values.iter().map(|(_, q)| *q).max().unwrap();
            let avg = activity.quality_avg();
            prop_assert!(avg <= Decimal::permille(hi));
            let slack = Decimal::from_ratio(values.len() as u128, activity.total_job_value);
            prop_assert!(avg + slack >= Decimal::permille(lo));
            prop_assert_eq!(activity.uptime_avg(), avg);
        }
    }
}
