//! FLX elastic supply: network usage demand `U_net` (seed 001 "Network Usage Demand Estimation",
//! `NetworkUsageDemand` / `calculate_network_demand`) and the per-epoch supply adjustment it
//! drives (seed 000 `GovernanceParameters::flux_elasticity_factor` and `max_inflation_rate`).
//!
//! - Demand, seed 001: `U_net = alpha * pending_gas_buffer + beta * tx_fee_moving_average +
//!   gamma * queue_length / 1000`, the weights being governance parameters (the seed's
//!   `gas_buffer_weight`, `fee_average_weight`, `queue_length_weight`). With several reports, each
//!   component is the mean over the reports ([`net_demand`]).
//! - Adjustment, our formula (the seeds name the factor and the cap, not the curve): with the band
//!   `[lower, upper]` = `[contraction_threshold, expansion_threshold]`, supply `S`, elasticity `k`
//!   and cap `r` ([`supply_adjustment`]):
//!   - `U_net > upper`: expand by `min(floor(S * k * (U_net - upper) / upper), floor(S * r))`;
//!   - `U_net < lower`: contract by `min(floor(S * k * (lower - U_net) / lower), floor(S * r))`;
//!   - otherwise hold.
//!
//!   The distance to the band is relative to the edge crossed, so the response does not depend on
//!   the unit `U_net` is measured in; it is zero at the edge (no jump when demand leaves the band)
//!   and linear beyond it. Both directions round down, so the change never exceeds `S * r`.
//!
//! Everything is computed in `Decimal256`/`Uint256`: reports and weights are `Decimal`s (below
//! 3.4e20), so their products and sums cannot overflow; only the unbounded `computed_delta`
//! saturates, at `Uint256::MAX`, for inputs no real economy produces (the cap applies anyway).

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Decimal, Decimal256, Uint128, Uint256};

use crate::MathError;

/// The divisor that normalizes the queue length, seed 001 (`queue_length / 1000`).
pub const QUEUE_LENGTH_NORMALIZER: u128 = 1_000;

/// One observation of the network, posted by a reporter (seed 001 `NetworkUsageDemand` inputs).
/// The units are whatever the governance weights are calibrated for; `U_net` only meets them
/// through the weights and is compared with the band.
#[cw_serde]
pub struct NetworkUsage {
    /// Current gas demand: pending transactions x average gas price (seed 001).
    pub pending_gas_buffer: Decimal,
    /// Recent fee pressure: moving average of transaction fees (seed 001).
    pub tx_fee_moving_average: Decimal,
    /// Transactions waiting in the queue (seed 001 normalizes it by 1,000).
    pub queue_length: u64,
}

/// The weights of `U_net` (seed 001 `gas_buffer_weight`, `fee_average_weight`,
/// `queue_length_weight`), set by governance.
#[cw_serde]
#[derive(Copy)]
pub struct DemandWeights {
    /// Weight of the pending gas buffer.
    pub alpha: Decimal,
    /// Weight of the fee moving average.
    pub beta: Decimal,
    /// Weight of the normalized queue length.
    pub gamma: Decimal,
}

impl DemandWeights {
    /// At least one weight must be positive, or `U_net` is always zero.
    ///
    /// Errors: `InvalidParameter` (`alpha`) when all three are zero.
    pub fn validate(&self) -> Result<(), MathError> {
        if self.alpha.is_zero() && self.beta.is_zero() && self.gamma.is_zero() {
            return Err(MathError::invalid(
                "alpha",
                "alpha, beta and gamma are all zero: demand would always be zero",
            ));
        }
        Ok(())
    }
}

/// `U_net` and what it is made of (seed 001 `NetworkUsageDemand`).
#[cw_serde]
pub struct NetDemand {
    /// Reports averaged.
    pub reports: u32,
    /// Mean pending gas buffer (rounded down).
    pub pending_gas_buffer: Decimal256,
    /// Mean fee moving average (rounded down).
    pub tx_fee_moving_average: Decimal256,
    /// Mean queue length / 1,000 (rounded down).
    pub queue_length_factor: Decimal256,
    /// `alpha * pending_gas_buffer`.
    pub gas_buffer_term: Decimal256,
    /// `beta * tx_fee_moving_average`.
    pub fee_average_term: Decimal256,
    /// `gamma * queue_length_factor`.
    pub queue_term: Decimal256,
    /// `U_net`, the sum of the three terms.
    pub net_demand: Decimal256,
}

/// `U_net` of the mean of `reports` (seed 001 `calculate_network_demand`): each component is the
/// mean over the reports, rounded down to 18 decimals, then weighted and summed. As `U_net` is
/// linear, this is the mean of the reports' own `U_net` up to that rounding.
///
/// Errors: `InvalidParameter` (`reports`) when `reports` is empty or longer than `u32::MAX`;
/// `Overflow`/`CheckedFromRatio` cannot happen for `Decimal` inputs but are propagated.
pub fn net_demand(
    reports: &[NetworkUsage],
    weights: &DemandWeights,
) -> Result<NetDemand, MathError> {
    let count = u32::try_from(reports.len())
        .map_err(|_| MathError::invalid("reports", "more than u32::MAX reports"))?;
    if count == 0 {
        return Err(MathError::invalid("reports", "no report to average"));
    }
    let mut gas_sum = Decimal256::zero();
    let mut fee_sum = Decimal256::zero();
    let mut queue_sum = Uint256::zero();
    for report in reports {
        gas_sum = gas_sum.checked_add(report.pending_gas_buffer.into())?;
        fee_sum = fee_sum.checked_add(report.tx_fee_moving_average.into())?;
        queue_sum = queue_sum.checked_add(Uint256::from(report.queue_length))?;
    }
    let n = Decimal256::from_ratio(count, 1u128);
    let pending_gas_buffer = gas_sum.checked_div(n)?;
    let tx_fee_moving_average = fee_sum.checked_div(n)?;
    let queue_length_factor = Decimal256::checked_from_ratio(
        queue_sum,
        Uint256::from(count).checked_mul(Uint256::from(QUEUE_LENGTH_NORMALIZER))?,
    )?;
    let gas_buffer_term = Decimal256::from(weights.alpha).checked_mul(pending_gas_buffer)?;
    let fee_average_term = Decimal256::from(weights.beta).checked_mul(tx_fee_moving_average)?;
    let queue_term = Decimal256::from(weights.gamma).checked_mul(queue_length_factor)?;
    let net_demand = gas_buffer_term
        .checked_add(fee_average_term)?
        .checked_add(queue_term)?;
    Ok(NetDemand {
        reports: count,
        pending_gas_buffer,
        tx_fee_moving_average,
        queue_length_factor,
        gas_buffer_term,
        fee_average_term,
        queue_term,
        net_demand,
    })
}

/// The band and the response to leaving it.
#[cw_serde]
#[derive(Copy)]
pub struct ElasticityParams {
    /// Below this `U_net` the supply contracts (`lower`); below `expansion_threshold`.
    pub contraction_threshold: Decimal,
    /// Above this `U_net` the supply expands (`upper`).
    pub expansion_threshold: Decimal,
    /// `k`: supply change per unit of relative distance to the band (seed 000
    /// `flux_elasticity_factor`).
    pub elasticity_factor: Decimal,
    /// `r`: the largest change per epoch as a fraction of supply, in [0, 1] (seed 000
    /// `max_inflation_rate`; the same cap applies to contraction).
    pub max_inflation_rate: Decimal,
}

impl ElasticityParams {
    /// `contraction_threshold < expansion_threshold` (so `expansion_threshold > 0`) and
    /// `max_inflation_rate <= 1`.
    ///
    /// Errors: `InvalidParameter` naming `contraction_threshold` or `max_inflation_rate`.
    pub fn validate(&self) -> Result<(), MathError> {
        if self.contraction_threshold >= self.expansion_threshold {
            return Err(MathError::invalid(
                "contraction_threshold",
                format!(
                    "{} must be below expansion_threshold {}",
                    self.contraction_threshold, self.expansion_threshold
                ),
            ));
        }
        if self.max_inflation_rate > Decimal::one() {
            return Err(MathError::invalid(
                "max_inflation_rate",
                format!("{} is above 1", self.max_inflation_rate),
            ));
        }
        Ok(())
    }
}

/// Where `U_net` lies relative to the band.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum Direction {
    /// Above `expansion_threshold`: mint.
    Expand,
    /// Below `contraction_threshold`: burn.
    Contract,
    /// Inside the band (edges included): no change.
    Hold,
}

/// The supply change `U_net` asks for, before any limit outside the formula (buffer, mint cap).
#[cw_serde]
pub struct SupplyAdjustment {
    pub direction: Direction,
    /// Relative distance to the edge crossed: `(U_net - upper) / upper` or
    /// `(lower - U_net) / lower`; zero when holding. Saturates at `Decimal256::MAX`.
    pub distance: Decimal256,
    /// `floor(S * k * distance)`, base units, without the cap; saturates at `Uint256::MAX`.
    pub computed_delta: Uint256,
    /// `floor(S * r)`: the cap of one epoch's change, base units.
    pub max_delta: Uint128,
    /// `min(computed_delta, max_delta)`, base units (zero when holding).
    pub delta: Uint128,
    /// Whether the cap cut `computed_delta` down.
    pub bound_applied: bool,
}

/// The supply change for `u_net` with `params` and total supply `supply` (see the module docs for
/// the formula). Rounds down in both directions: `delta <= S * max_inflation_rate`.
///
/// Errors: `InvalidParameter` when `params` fail [`ElasticityParams::validate`].
pub fn supply_adjustment(
    u_net: Decimal256,
    params: &ElasticityParams,
    supply: Uint128,
) -> Result<SupplyAdjustment, MathError> {
    params.validate()?;
    let upper = Decimal256::from(params.expansion_threshold);
    let lower = Decimal256::from(params.contraction_threshold);
    // r <= 1: no overflow
    let max_delta = supply.checked_mul_floor(params.max_inflation_rate)?;
    let (direction, distance) = if u_net > upper {
        // upper > lower >= 0
        let distance = (u_net - upper)
            .checked_div(upper)
            .unwrap_or(Decimal256::MAX);
        (Direction::Expand, distance)
    } else if u_net < lower {
        // lower > u_net >= 0; distance <= 1
        (Direction::Contract, (lower - u_net).checked_div(lower)?)
    } else {
        (Direction::Hold, Decimal256::zero())
    };
    let rate = Decimal256::from(params.elasticity_factor)
        .checked_mul(distance)
        .unwrap_or(Decimal256::MAX);
    let computed_delta = Uint256::from(supply)
        .checked_mul_floor(rate)
        .unwrap_or(Uint256::MAX);
    let bound_applied = computed_delta > Uint256::from(max_delta);
    let delta = if bound_applied {
        max_delta
    } else {
        // computed_delta <= max_delta <= Uint128::MAX: the conversion cannot fail
        Uint128::try_from(computed_delta)
            .map_err(|e| MathError::invalid("computed_delta", e.to_string()))?
    };
    Ok(SupplyAdjustment {
        direction,
        distance,
        computed_delta,
        max_delta,
        delta,
        bound_applied,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn d256(s: &str) -> Decimal256 {
        s.parse().unwrap()
    }

    fn usage(gas: &str, fee: &str, queue: u64) -> NetworkUsage {
        NetworkUsage {
            pending_gas_buffer: d(gas),
            tx_fee_moving_average: d(fee),
            queue_length: queue,
        }
    }

    fn weights() -> DemandWeights {
        DemandWeights {
            alpha: d("0.5"),
            beta: d("0.3"),
            gamma: d("0.2"),
        }
    }

    fn params() -> ElasticityParams {
        ElasticityParams {
            contraction_threshold: d("0.8"),
            expansion_threshold: d("1.2"),
            elasticity_factor: d("0.5"),
            max_inflation_rate: d("0.05"),
        }
    }

    #[test]
    fn demand_is_the_seed_formula() {
        // 0.5 * 2 + 0.3 * 1 + 0.2 * 1500 / 1000 = 1 + 0.3 + 0.3 = 1.6
        let nd = net_demand(&[usage("2", "1", 1_500)], &weights()).unwrap();
        assert_eq!(nd.reports, 1);
        assert_eq!(nd.queue_length_factor, d256("1.5"));
        assert_eq!(nd.gas_buffer_term, d256("1"));
        assert_eq!(nd.fee_average_term, d256("0.3"));
        assert_eq!(nd.queue_term, d256("0.3"));
        assert_eq!(nd.net_demand, d256("1.6"));
    }

    #[test]
    fn demand_of_several_reports_is_the_mean() {
        let reports = [usage("2", "1", 1_000), usage("4", "0", 2_000)];
        let nd = net_demand(&reports, &weights()).unwrap();
        assert_eq!(nd.reports, 2);
        assert_eq!(nd.pending_gas_buffer, d256("3"));
        assert_eq!(nd.tx_fee_moving_average, d256("0.5"));
        assert_eq!(nd.queue_length_factor, d256("1.5"));
        // 1.5 + 0.15 + 0.3
        assert_eq!(nd.net_demand, d256("1.95"));
        // means round down
        let reports = [usage("1", "0", 1), usage("0", "0", 0), usage("0", "0", 0)];
        let nd = net_demand(&reports, &weights()).unwrap();
        assert_eq!(nd.pending_gas_buffer, d256("0.333333333333333333"));
        assert_eq!(nd.queue_length_factor, d256("0.000333333333333333"));
    }

    #[test]
    fn demand_needs_a_report_and_never_overflows() {
        assert_eq!(
            net_demand(&[], &weights()),
            Err(MathError::invalid("reports", "no report to average"))
        );
        let max = NetworkUsage {
            pending_gas_buffer: Decimal::MAX,
            tx_fee_moving_average: Decimal::MAX,
            queue_length: u64::MAX,
        };
        let w = DemandWeights {
            alpha: Decimal::MAX,
            beta: Decimal::MAX,
            gamma: Decimal::MAX,
        };
        let nd = net_demand(&[max.clone(), max.clone(), max], &w).unwrap();
        assert!(nd.net_demand > Decimal256::from(Decimal::MAX));
    }

    #[test]
    fn weights_must_not_all_be_zero() {
        assert!(weights().validate().is_ok());
        let zero = DemandWeights {
            alpha: Decimal::zero(),
            beta: Decimal::zero(),
            gamma: Decimal::zero(),
        };
        assert!(matches!(
            zero.validate(),
            Err(MathError::InvalidParameter { name, .. }) if name == "alpha"
        ));
    }

    #[test]
    fn band_and_rate_are_validated() {
        let mut p = params();
        p.contraction_threshold = p.expansion_threshold;
        assert!(matches!(
            p.validate(),
            Err(MathError::InvalidParameter { name, .. }) if name == "contraction_threshold"
        ));
        let mut p = params();
        p.max_inflation_rate = d("1.000000000000000001");
        assert!(matches!(
            p.validate(),
            Err(MathError::InvalidParameter { name, .. }) if name == "max_inflation_rate"
        ));
        let mut p = params();
        p.max_inflation_rate = Decimal::one();
        p.contraction_threshold = Decimal::zero();
        assert!(p.validate().is_ok());
        assert!(supply_adjustment(
            d256("1"),
            &{
                let mut p = params();
                p.contraction_threshold = d("2");
                p
            },
            Uint128::new(1)
        )
        .is_err());
    }

    #[test]
    fn expansion_is_proportional_to_the_distance_above_the_band() {
        let s = Uint128::new(1_000_000);
        // U = 1.32: distance (1.32 - 1.2) / 1.2 = 0.1; delta = 1e6 * 0.5 * 0.1 = 50,000 (cap 50,000)
        let a = supply_adjustment(d256("1.32"), &params(), s).unwrap();
        assert_eq!(a.direction, Direction::Expand);
        assert_eq!(a.distance, d256("0.1"));
        assert_eq!(a.computed_delta, Uint256::from(50_000u128));
        assert_eq!(a.max_delta, Uint128::new(50_000));
        assert_eq!(a.delta, Uint128::new(50_000));
        assert!(!a.bound_applied);
        // U = 1.26: distance 0.05, delta 25,000
        let a = supply_adjustment(d256("1.26"), &params(), s).unwrap();
        assert_eq!(a.delta, Uint128::new(25_000));
        // U = 2.4: distance 1, computed 500,000, capped at 50,000
        let a = supply_adjustment(d256("2.4"), &params(), s).unwrap();
        assert_eq!(a.computed_delta, Uint256::from(500_000u128));
        assert_eq!(a.delta, Uint128::new(50_000));
        assert!(a.bound_applied);
    }

    #[test]
    fn contraction_is_proportional_to_the_distance_below_the_band() {
        let s = Uint128::new(1_000_000);
        // U = 0.72: distance (0.8 - 0.72) / 0.8 = 0.1; delta 50,000
        let a = supply_adjustment(d256("0.72"), &params(), s).unwrap();
        assert_eq!(a.direction, Direction::Contract);
        assert_eq!(a.distance, d256("0.1"));
        assert_eq!(a.delta, Uint128::new(50_000));
        assert!(!a.bound_applied);
        // U = 0: distance 1, computed 500,000, capped
        let a = supply_adjustment(Decimal256::zero(), &params(), s).unwrap();
        assert_eq!(a.distance, Decimal256::one());
        assert_eq!(a.delta, Uint128::new(50_000));
        assert!(a.bound_applied);
    }

    #[test]
    fn inside_the_band_and_on_its_edges_nothing_changes() {
        let s = Uint128::new(1_000_000);
        for u in ["0.8", "1", "1.2"] {
            let a = supply_adjustment(d256(u), &params(), s).unwrap();
            assert_eq!(a.direction, Direction::Hold, "{u}");
            assert_eq!(a.delta, Uint128::zero());
            assert_eq!(a.computed_delta, Uint256::zero());
            assert!(!a.bound_applied);
        }
    }

    #[test]
    fn rounding_is_down_and_extremes_saturate() {
        // 7 * 0.5 * 0.1 = 0.35 -> 0; cap floor(7 * 0.05) = 0
        let a = supply_adjustment(d256("1.32"), &params(), Uint128::new(7)).unwrap();
        assert_eq!(a.delta, Uint128::zero());
        // a threshold of 1e-18 and a huge demand: everything saturates, the cap still holds
        let mut p = params();
        p.contraction_threshold = Decimal::zero();
        p.expansion_threshold = Decimal::raw(1);
        p.elasticity_factor = Decimal::MAX;
        p.max_inflation_rate = Decimal::one();
        let a = supply_adjustment(Decimal256::MAX, &p, Uint128::MAX).unwrap();
        assert_eq!(a.distance, Decimal256::MAX);
        assert_eq!(a.computed_delta, Uint256::MAX);
        assert_eq!(a.delta, Uint128::MAX);
        assert!(a.bound_applied);
        // zero supply never changes
        let a = supply_adjustment(d256("5"), &params(), Uint128::zero()).unwrap();
        assert_eq!((a.direction, a.delta), (Direction::Expand, Uint128::zero()));
        // a contraction threshold of zero never contracts
        let mut p = params();
        p.contraction_threshold = Decimal::zero();
        let a = supply_adjustment(Decimal256::zero(), &p, Uint128::new(10)).unwrap();
        assert_eq!(a.direction, Direction::Hold);
    }

    fn decimal() -> impl Strategy<Value = Decimal> {
        prop_oneof![
            (0u128..=10u128.pow(19)).prop_map(Decimal::raw),
            (0u128..=10u128.pow(24)).prop_map(Decimal::raw),
            Just(Decimal::zero()),
        ]
    }

    proptest! {
        #![proptest_config(Config { cases: 2_000, rng_seed: RngSeed::Fixed(0x5EED_0F1C), failure_persistence: None, ..Config::default() })]

        /// The change never exceeds `S * r`, goes the way the band says, and grows with the
        /// distance to the band.
        #[test]
        fn change_is_capped_directed_and_monotone(
            u in (0u128..10u128.pow(21)),
            extra in (0u128..10u128.pow(20)),
            lower in (0u128..10u128.pow(19)),
            width in (1u128..10u128.pow(19)),
            k in decimal(),
            r in (0u128..=10u128.pow(18)),
            supply in prop_oneof![0u128..10u128.pow(12), 0u128..u128::MAX],
        ) {
            let p = ElasticityParams {
                contraction_threshold: Decimal::raw(lower),
                expansion_threshold: Decimal::raw(lower + width),
                elasticity_factor: k,
                max_inflation_rate: Decimal::raw(r),
            };
            let s = Uint128::new(supply);
            let u_net = Decimal256::raw(u);
            let a = supply_adjustment(u_net, &p, s).unwrap();
            prop_assert!(a.delta <= a.max_delta);
            prop_assert!(Uint256::from(a.delta) <= Uint256::from(s).mul_floor(Decimal256::from(p.max_inflation_rate)));
            prop_assert!(Uint256::from(a.delta) <= a.computed_delta);
            let expected = if u_net > Decimal256::from(p.expansion_threshold) {
                Direction::Expand
            } else if u_net < Decimal256::from(p.contraction_threshold) {
                Direction::Contract
            } else {
                Direction::Hold
            };
            prop_assert_eq!(a.direction, expected);
            if a.direction == Direction::Hold {
                prop_assert!(a.delta.is_zero());
            }
            // further from the band in the same direction: at least as large a change
            let further = match a.direction {
                Direction::Expand => Some(Decimal256::raw(u + extra)),
                Direction::Contract => Some(Decimal256::raw(u.saturating_sub(extra))),
                Direction::Hold => None,
            };
            if let Some(v) = further {
                let b = supply_adjustment(v, &p, s).unwrap();
                prop_assert_eq!(b.direction, a.direction);
                prop_assert!(b.delta >= a.delta);
            }
        }

        /// The mean's `U_net` lies between the smallest and the largest report's `U_net` (up to
        /// the rounding of the mean).
        #[test]
        fn demand_of_a_mean_lies_between_the_reports(
            reports in proptest::collection::vec((decimal(), decimal(), 0u64..10u64.pow(12)), 1..12),
            (alpha, beta, gamma) in (decimal(), decimal(), decimal()),
        ) {
            let w = DemandWeights { alpha, beta, gamma };
            let reports: Vec<NetworkUsage> = reports
                .into_iter()
                .map(|(g, f, q)| NetworkUsage { pending_gas_buffer: g, tx_fee_moving_average: f, queue_length: q })
                .collect();
            let each: Vec<Decimal256> = reports
                .iter()
                .map(|r| net_demand(std::slice::from_ref(r), &w).unwrap().net_demand)
                .collect();
            let mean = net_demand(&reports, &w).unwrap().net_demand;
            let (min, max) = (each.iter().min().unwrap(), each.iter().max().unwrap());
            // each of the three floored means loses less than 1e-18, times a weight below 1e6, and
            // each product rounds down by less than 1e-18
            let slack = Decimal256::raw(3) * Decimal256::from(alpha.max(beta).max(gamma)) + Decimal256::raw(3);
            prop_assert!(mean <= *max + slack, "mean {} max {}", mean, max);
            prop_assert!(mean + slack >= *min, "mean {} min {}", mean, min);
        }
    }
}
