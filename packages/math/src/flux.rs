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
//!   and the epoch's cap `C` ([`supply_adjustment`]):
//!   - `U_net > upper`: expand by `min(floor(S * k * (U_net - upper) / upper), C)`;
//!   - `U_net < lower`: contract by `min(floor(S * k * (lower - U_net) / lower), C)`;
//!   - otherwise hold.
//!
//!   The cap is a yearly rate `R` (`max_annual_inflation_rate`) scaled to the epoch's length `t`
//!   seconds ([`epoch_cap`]): `C = floor(S * R * t / 31,557,600)` (a Julian year of 365.25
//!   days), so a shorter epoch gets a proportionally smaller cap and a change of epoch length
//!   cannot multiply the yearly inflation (at most `R` of the supply per year without
//!   compounding, `e^R - 1` with it).
//!
//!   The distance to the band is relative to the edge crossed, so the response does not depend on
//!   the unit `U_net` is measured in; it is zero at the edge (no jump when demand leaves the band)
//!   and linear beyond it. Both directions and the cap round down, so the change never exceeds `S * R * t / year`.
//!
//! Everything is computed in `Decimal256`/`Uint256`: reports and weights are `Decimal`s (below
//! 3.4e20), so their products and sums cannot overflow; only the unbounded `computed_delta`
//! saturates, at `Uint256::MAX`, for inputs no real economy produces (the cap applies anyway).

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Decimal, Decimal256, Uint128, Uint256};

use crate::MathError;

/// The divisor that normalizes the queue length, seed 001 (`queue_length / 1000`).
pub const QUEUE_LENGTH_NORMALIZER: u128 = 1_000;

/// Seconds in a (Julian) year, 365.25 days: the unit of `max_annual_inflation_rate`.
pub const SECONDS_PER_YEAR: u64 = 31_557_600;

/// The largest yearly cap accepted: 100 % of the supply per year.
pub const MAX_ANNUAL_INFLATION_RATE: Decimal = Decimal::one();

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
    /// Reports counted.
    pub reports: u32,
    /// Median pending gas buffer (lower median for an even count).
    pub pending_gas_buffer: Decimal256,
    /// Median fee moving average (lower median for an even count).
    pub tx_fee_moving_average: Decimal256,
    /// Median queue length / 1,000 (lower median for an even count; exact: the queue length is
    /// an integer, so the factor has at most 3 decimals).
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

/// The lower median of `values`: the `ceil(n / 2)`-th smallest (for an odd count the middle
/// value, for an even count the lower of the two middle ones). A value some report posted, with
/// no rounding; for an even count the tie goes against expansion (the direction that dilutes
/// every holder). `None` when `values` is empty. O(n) (`select_nth_unstable`).
pub fn lower_median<T: Ord + Copy>(values: &mut [T]) -> Option<T> {
    if values.is_empty() {
        return None;
    }
    let index = (values.len() - 1) / 2;
    let (_, median, _) = values.select_nth_unstable(index);
    Some(*median)
}

/// `U_net` of the component-wise median of `reports` (seed 001 `calculate_network_demand`, with
/// the median in place of a single observation): each of the three components is the
/// [`lower_median`] over the reports, then weighted and summed. Each component of the result is
/// one that a report posted, so as long as more than half of the reports are honest, every
/// component, and therefore `U_net` (monotone in each component), lies between values honest
/// reporters posted: one extreme reporter among honest ones cannot move the decision.
///
/// Cost: O(n) for n reports (the contract's n is at most its reporter cap).
///
/// Errors: `InvalidParameter` (`reports`) when `reports` is empty or longer than `u32::MAX`;
/// `Overflow`/`CheckedFromRatio` cannot happen for `Decimal` inputs but are propagated.
pub fn net_demand(
    reports: &[NetworkUsage],
    weights: &DemandWeights,
) -> Result<NetDemand, MathError> {
    let count = u32::try_from(reports.len())
        .map_err(|_| MathError::invalid("reports", "more than u32::MAX reports"))?;
    let mut gas: Vec<Decimal> = reports.iter().map(|r| r.pending_gas_buffer).collect();
    let mut fee: Vec<Decimal> = reports.iter().map(|r| r.tx_fee_moving_average).collect();
    let mut queue: Vec<u64> = reports.iter().map(|r| r.queue_length).collect();
    let (Some(gas), Some(fee), Some(queue)) = (
        lower_median(&mut gas),
        lower_median(&mut fee),
        lower_median(&mut queue),
    ) else {
        return Err(MathError::invalid(
            "reports",
            "no report to take the median of",
        ));
    };
    let pending_gas_buffer = Decimal256::from(gas);
    let tx_fee_moving_average = Decimal256::from(fee);
    let queue_length_factor = Decimal256::checked_from_ratio(queue, QUEUE_LENGTH_NORMALIZER)?;
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

/// The cap of one epoch's supply change: `floor(supply * annual_rate * epoch_seconds /
/// SECONDS_PER_YEAR)` base units, computed exactly in `Uint256` (one floor at the end, so it
/// rounds against the minter), saturating at `Uint128::MAX`. Summed over the epochs of a year
/// it is at most `annual_rate * supply` (for a constant supply), whatever the epoch length.
///
/// Errors: none for real inputs; `Overflow` is propagated.
pub fn epoch_cap(
    supply: Uint128,
    annual_rate: Decimal,
    epoch_seconds: u64,
) -> Result<Uint128, MathError> {
    // with a rate of at most MAX_ANNUAL_INFLATION_RATE (1e18 atomics < 2^60) the product is
    // below 2^128 * 2^60 * 2^64 = 2^252; any larger Decimal is checked
    let numerator = Uint256::from(supply)
        .checked_mul(Uint256::from(annual_rate.atomics()))?
        .checked_mul(Uint256::from(epoch_seconds))?;
    let denominator =
        Uint256::from(Decimal::one().atomics()).checked_mul(Uint256::from(SECONDS_PER_YEAR))?;
    let cap = numerator
        .checked_div(denominator)
        .map_err(|e| MathError::invalid("epoch_cap", e.to_string()))?;
    Ok(Uint128::try_from(cap).unwrap_or(Uint128::MAX))
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
    /// `R`: the largest change per year as a fraction of supply, in
    /// [0, [`MAX_ANNUAL_INFLATION_RATE`]] (seed 000 `max_inflation_rate`, read as a yearly rate);
    /// an epoch of `t` seconds may change the supply by at most [`epoch_cap`] `= floor(S * R * t
    /// / SECONDS_PER_YEAR)`. The same cap bounds contraction.
    pub max_annual_inflation_rate: Decimal,
}

impl ElasticityParams {
    /// `contraction_threshold < expansion_threshold` (so `expansion_threshold > 0`) and
    /// `max_annual_inflation_rate <= MAX_ANNUAL_INFLATION_RATE` (1).
    ///
    /// Errors: `InvalidParameter` naming `contraction_threshold` or
    /// `max_annual_inflation_rate`.
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
        if self.max_annual_inflation_rate > MAX_ANNUAL_INFLATION_RATE {
            return Err(MathError::invalid(
                "max_annual_inflation_rate",
                format!(
                    "{} is above {MAX_ANNUAL_INFLATION_RATE} per year",
                    self.max_annual_inflation_rate
                ),
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
    /// Whether the band asks to mint, burn or hold.
    pub direction: Direction,
    /// Relative distance to the edge crossed: `(U_net - upper) / upper` or
    /// `(lower - U_net) / lower`; zero when holding. Saturates at `Decimal256::MAX`.
    pub distance: Decimal256,
    /// `floor(S * k * distance)`, base units, without the cap; saturates at `Uint256::MAX`.
    pub computed_delta: Uint256,
    /// The epoch's length the cap was scaled to, seconds.
    pub epoch_seconds: u64,
    /// [`epoch_cap`]`(S, R, epoch_seconds)`: the cap of one epoch's change, base units.
    pub max_delta: Uint128,
    /// `min(computed_delta, max_delta)`, base units (zero when holding).
    pub delta: Uint128,
    /// Whether the cap cut `computed_delta` down.
    pub bound_applied: bool,
}

/// The supply change for `u_net` with `params`, total supply `supply` and an epoch of
/// `epoch_seconds` (see the module docs for the formula). Rounds down in both directions:
/// `delta <= epoch_cap(S, R, epoch_seconds)`.
///
/// Errors: `InvalidParameter` when `params` fail [`ElasticityParams::validate`].
pub fn supply_adjustment(
    u_net: Decimal256,
    params: &ElasticityParams,
    supply: Uint128,
    epoch_seconds: u64,
) -> Result<SupplyAdjustment, MathError> {
    params.validate()?;
    let upper = Decimal256::from(params.expansion_threshold);
    let lower = Decimal256::from(params.contraction_threshold);
    let max_delta = epoch_cap(supply, params.max_annual_inflation_rate, epoch_seconds)?;
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
        epoch_seconds,
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

    /// An epoch of a year: the cap is `R` of the supply.
    const Y: u64 = SECONDS_PER_YEAR;

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
            max_annual_inflation_rate: d("0.05"),
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
    fn demand_of_several_reports_is_the_component_wise_lower_median() {
        // odd count: the middle value of each component
        let reports = [
            usage("2", "1", 1_000),
            usage("4", "0", 2_000),
            usage("3", "9", 500),
        ];
        let nd = net_demand(&reports, &weights()).unwrap();
        assert_eq!(nd.reports, 3);
        assert_eq!(nd.pending_gas_buffer, d256("3"));
        assert_eq!(nd.tx_fee_moving_average, d256("1"));
        assert_eq!(nd.queue_length_factor, d256("1"));
        // 1.5 + 0.3 + 0.2
        assert_eq!(nd.net_demand, d256("2"));
        // even count: the lower of the two middle values, no rounding
        let reports = [usage("2", "1", 1_000), usage("4", "0", 2_001)];
        let nd = net_demand(&reports, &weights()).unwrap();
        assert_eq!(nd.pending_gas_buffer, d256("2"));
        assert_eq!(nd.tx_fee_moving_average, d256("0"));
        assert_eq!(nd.queue_length_factor, d256("1"));
        let four = [
            usage("1", "0", 1),
            usage("7", "0", 3),
            usage("5", "0", 4),
            usage("3", "0", 2),
        ];
        let nd = net_demand(&four, &weights()).unwrap();
        assert_eq!(nd.pending_gas_buffer, d256("3"));
        assert_eq!(nd.queue_length_factor, d256("0.002"));
    }

    #[test]
    fn one_extreme_report_among_honest_ones_does_not_move_the_median() {
        let honest = [usage("1", "1", 1_000), usage("1.1", "1", 1_100)];
        let base = net_demand(
            &[honest[0].clone(), honest[1].clone(), usage("1", "1", 1_000)],
            &weights(),
        )
        .unwrap()
        .net_demand;
        let extreme = NetworkUsage {
            pending_gas_buffer: Decimal::MAX,
            tx_fee_moving_average: Decimal::MAX,
            queue_length: u64::MAX,
        };
        let mut reports = honest.to_vec();
        reports.push(extreme);
        let nd = net_demand(&reports, &weights()).unwrap();
        assert!(nd.net_demand <= d256("1.12"), "{}", nd.net_demand);
        assert!(nd.net_demand >= base);
        let zero = usage("0", "0", 0);
        let mut reports = honest.to_vec();
        reports.push(zero);
        assert_eq!(net_demand(&reports, &weights()).unwrap().net_demand, base);
    }

    #[test]
    fn lower_median_of_slices() {
        assert_eq!(lower_median::<u64>(&mut []), None);
        assert_eq!(lower_median(&mut [5u64]), Some(5));
        assert_eq!(lower_median(&mut [9u64, 5]), Some(5));
        assert_eq!(lower_median(&mut [9u64, 1, 5]), Some(5));
        assert_eq!(lower_median(&mut [9u64, 1, 5, 7]), Some(5));
    }

    #[test]
    fn the_epoch_cap_is_the_yearly_rate_scaled_to_the_epoch() {
        let s = Uint128::new(1_000_000_000_000);
        let r = d("0.1");
        // a year: 10 %; an hour: floor(1e12 * 0.1 * 3600 / 31,557,600) = floor(11,407,711.6...)
        assert_eq!(
            epoch_cap(s, r, SECONDS_PER_YEAR).unwrap(),
            Uint128::new(100_000_000_000)
        );
        assert_eq!(epoch_cap(s, r, 3_600).unwrap(), Uint128::new(11_407_711));
        // two-hour epochs: twice the hourly cap, up to the one floor: the year's sum is the same
        let hourly = epoch_cap(s, r, 3_600).unwrap().u128();
        let two_hourly = epoch_cap(s, r, 7_200).unwrap().u128();
        assert!(two_hourly >= 2 * hourly && two_hourly <= 2 * hourly + 1);
        assert!(hourly * 8_766 <= 100_000_000_000);
        assert!(two_hourly * 4_383 <= 100_000_000_000);
        // saturates instead of overflowing
        assert_eq!(
            epoch_cap(Uint128::MAX, Decimal::one(), 10 * SECONDS_PER_YEAR).unwrap(),
            Uint128::MAX
        );
        assert!(epoch_cap(Uint128::MAX, Decimal::MAX, u64::MAX).is_err());
        assert_eq!(
            epoch_cap(s, Decimal::zero(), 3_600).unwrap(),
            Uint128::zero()
        );
        // supply_adjustment uses it
        let a = supply_adjustment(d256("100"), &params(), s, 3_600).unwrap();
        assert_eq!(a.max_delta, epoch_cap(s, d("0.05"), 3_600).unwrap());
        assert_eq!(a.epoch_seconds, 3_600);
        assert!(a.bound_applied);
    }

    #[test]
    fn demand_needs_a_report_and_never_overflows() {
        assert_eq!(
            net_demand(&[], &weights()),
            Err(MathError::invalid(
                "reports",
                "no report to take the median of"
            ))
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
        p.max_annual_inflation_rate = d("1.000000000000000001");
        assert!(matches!(
            p.validate(),
            Err(MathError::InvalidParameter { name, .. }) if name == "max_annual_inflation_rate"
        ));
        let mut p = params();
        p.max_annual_inflation_rate = Decimal::one();
        p.contraction_threshold = Decimal::zero();
        assert!(p.validate().is_ok());
        assert!(supply_adjustment(
            d256("1"),
            &{
                let mut p = params();
                p.contraction_threshold = d("2");
                p
            },
            Uint128::new(1),
            Y
        )
        .is_err());
    }

    #[test]
    fn expansion_is_proportional_to_the_distance_above_the_band() {
        let s = Uint128::new(1_000_000);
        // U = 1.32: distance (1.32 - 1.2) / 1.2 = 0.1; delta = 1e6 * 0.5 * 0.1 = 50,000 (cap 50,000)
        let a = supply_adjustment(d256("1.32"), &params(), s, Y).unwrap();
        assert_eq!(a.direction, Direction::Expand);
        assert_eq!(a.distance, d256("0.1"));
        assert_eq!(a.computed_delta, Uint256::from(50_000u128));
        assert_eq!(a.max_delta, Uint128::new(50_000));
        assert_eq!(a.delta, Uint128::new(50_000));
        assert!(!a.bound_applied);
        // U = 1.26: distance 0.05, delta 25,000
        let a = supply_adjustment(d256("1.26"), &params(), s, Y).unwrap();
        assert_eq!(a.delta, Uint128::new(25_000));
        // U = 2.4: distance 1, computed 500,000, capped at 50,000
        let a = supply_adjustment(d256("2.4"), &params(), s, Y).unwrap();
        assert_eq!(a.computed_delta, Uint256::from(500_000u128));
        assert_eq!(a.delta, Uint128::new(50_000));
        assert!(a.bound_applied);
    }

    #[test]
    fn contraction_is_proportional_to_the_distance_below_the_band() {
        let s = Uint128::new(1_000_000);
        // U = 0.72: distance (0.8 - 0.72) / 0.8 = 0.1; delta 50,000
        let a = supply_adjustment(d256("0.72"), &params(), s, Y).unwrap();
        assert_eq!(a.direction, Direction::Contract);
        assert_eq!(a.distance, d256("0.1"));
        assert_eq!(a.delta, Uint128::new(50_000));
        assert!(!a.bound_applied);
        // U = 0: distance 1, computed 500,000, capped
        let a = supply_adjustment(Decimal256::zero(), &params(), s, Y).unwrap();
        assert_eq!(a.distance, Decimal256::one());
        assert_eq!(a.delta, Uint128::new(50_000));
        assert!(a.bound_applied);
    }

    #[test]
    fn inside_the_band_and_on_its_edges_nothing_changes() {
        let s = Uint128::new(1_000_000);
        for u in ["0.8", "1", "1.2"] {
            let a = supply_adjustment(d256(u), &params(), s, Y).unwrap();
            assert_eq!(a.direction, Direction::Hold, "{u}");
            assert_eq!(a.delta, Uint128::zero());
            assert_eq!(a.computed_delta, Uint256::zero());
            assert!(!a.bound_applied);
        }
    }

    #[test]
    fn rounding_is_down_and_extremes_saturate() {
        // 7 * 0.5 * 0.1 = 0.35 -> 0; cap floor(7 * 0.05) = 0
        let a = supply_adjustment(d256("1.32"), &params(), Uint128::new(7), Y).unwrap();
        assert_eq!(a.delta, Uint128::zero());
        // a threshold of 1e-18 and a huge demand: everything saturates, the cap still holds
        let mut p = params();
        p.contraction_threshold = Decimal::zero();
        p.expansion_threshold = Decimal::raw(1);
        p.elasticity_factor = Decimal::MAX;
        p.max_annual_inflation_rate = Decimal::one();
        let a = supply_adjustment(Decimal256::MAX, &p, Uint128::MAX, Y).unwrap();
        assert_eq!(a.distance, Decimal256::MAX);
        assert_eq!(a.computed_delta, Uint256::MAX);
        assert_eq!(a.delta, Uint128::MAX);
        assert!(a.bound_applied);
        // zero supply never changes
        let a = supply_adjustment(d256("5"), &params(), Uint128::zero(), Y).unwrap();
        assert_eq!((a.direction, a.delta), (Direction::Expand, Uint128::zero()));
        // a contraction threshold of zero never contracts
        let mut p = params();
        p.contraction_threshold = Decimal::zero();
        let a = supply_adjustment(Decimal256::zero(), &p, Uint128::new(10), Y).unwrap();
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
                max_annual_inflation_rate: Decimal::raw(r),
            };
            let s = Uint128::new(supply);
            let u_net = Decimal256::raw(u);
            let a = supply_adjustment(u_net, &p, s, Y).unwrap();
            prop_assert!(a.delta <= a.max_delta);
            prop_assert!(Uint256::from(a.delta) <= Uint256::from(s).mul_floor(Decimal256::from(p.max_annual_inflation_rate)));
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
                let b = supply_adjustment(v, &p, s, Y).unwrap();
                prop_assert_eq!(b.direction, a.direction);
                prop_assert!(b.delta >= a.delta);
            }
        }

        /// The median's `U_net` lies between the smallest and the largest report's `U_net`, each
        /// of its components is one a report posted, and replacing fewer than half of the
        /// reports by anything keeps `U_net` between the values the others posted.
        #[test]
        fn demand_of_a_median_lies_between_the_honest_reports(
            reports in proptest::collection::vec((decimal(), decimal(), 0u64..10u64.pow(12)), 1..12),
            liars in proptest::collection::vec((decimal(), decimal(), any::<u64>()), 0..6),
            (alpha, beta, gamma) in (decimal(), decimal(), decimal()),
        ) {
            let w = DemandWeights { alpha, beta, gamma };
            let to_usage = |(g, f, q): (Decimal, Decimal, u64)| NetworkUsage {
                pending_gas_buffer: g,
                tx_fee_moving_average: f,
                queue_length: q,
            };
            let honest: Vec<NetworkUsage> = reports.into_iter().map(to_usage).collect();
            let each: Vec<Decimal256> = honest
                .iter()
                .map(|r| net_demand(std::slice::from_ref(r), &w).unwrap().net_demand)
                .collect();
            let nd = net_demand(&honest, &w).unwrap();
            prop_assert!(honest.iter().any(|r| Decimal256::from(r.pending_gas_buffer) == nd.pending_gas_buffer));
            prop_assert!(honest.iter().any(|r| Decimal256::from(r.tx_fee_moving_average) == nd.tx_fee_moving_average));
            // the component-wise bounds of the honest reports bound U_net (monotone in each)
            let low = NetworkUsage {
                pending_gas_buffer: honest.iter().map(|r| r.pending_gas_buffer).min().unwrap(),
                tx_fee_moving_average: honest.iter().map(|r| r.tx_fee_moving_average).min().unwrap(),
                queue_length: honest.iter().map(|r| r.queue_length).min().unwrap(),
            };
            let high = NetworkUsage {
                pending_gas_buffer: honest.iter().map(|r| r.pending_gas_buffer).max().unwrap(),
                tx_fee_moving_average: honest.iter().map(|r| r.tx_fee_moving_average).max().unwrap(),
                queue_length: honest.iter().map(|r| r.queue_length).max().unwrap(),
            };
            let floor = net_demand(&[low], &w).unwrap().net_demand;
            let ceiling = net_demand(&[high], &w).unwrap().net_demand;
            prop_assert!(floor <= *each.iter().min().unwrap() && *each.iter().max().unwrap() <= ceiling);
            prop_assert!(floor <= nd.net_demand && nd.net_demand <= ceiling);
            // fewer liars than honest reports
            let liars: Vec<NetworkUsage> = liars
                .into_iter()
                .take(honest.len().saturating_sub(1))
                .map(to_usage)
                .collect();
            let mut all = honest.clone();
            all.extend(liars);
            let mixed = net_demand(&all, &w).unwrap().net_demand;
            prop_assert!(floor <= mixed && mixed <= ceiling, "{} not in [{}, {}]", mixed, floor, ceiling);
        }

        /// The caps of the epochs of a year sum to at most the yearly rate of the supply,
        /// whatever the epoch length.
        #[test]
        fn epoch_caps_of_a_year_never_exceed_the_yearly_rate(
            supply in 0u128..10u128.pow(30),
            rate in 0u128..=10u128.pow(18),
            length in 1u64..=SECONDS_PER_YEAR,
        ) {
            let r = Decimal::raw(rate);
            let s = Uint128::new(supply);
            let epochs = SECONDS_PER_YEAR / length;
            let cap = epoch_cap(s, r, length).unwrap();
            let year = s.mul_floor(r);
            prop_assert!(Uint256::from(cap) * Uint256::from(epochs) <= Uint256::from(year));
            // and the cap of a whole year is the yearly rate, exactly
            prop_assert_eq!(epoch_cap(s, r, SECONDS_PER_YEAR).unwrap(), year);
        }
    }
}
