//! Queries.

use cosmwasm_std::{to_json_binary, Binary, Deps, Env, Order, StdResult};
use cw_storage_plus::Bound;
use poe_controllers::page::page_limit;

use crate::backing::Backing;
use crate::error::ContractError;
use crate::msg::{
    AttestationResponse, AttestationsResponse, BackingResponse, ConfigResponse, CustodiansResponse,
    LatestAttestationResponse, QueryMsg, RedemptionResponse, RedemptionStatus, RedemptionsResponse,
};
use crate::state::{
    redemptions, status_key, Attestation, Redemption, ATTESTATIONS, CONFIG, CUSTODIANS, LEDGER,
};

/// Dispatches a query.
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    Ok(match msg {
        QueryMsg::Config {} => to_json_binary(&query_config(deps)?)?,
        QueryMsg::Backing {} => to_json_binary(&query_backing(deps, &env)?)?,
        QueryMsg::Custodians { start_after, limit } => {
            to_json_binary(&query_custodians(deps, start_after, limit)?)?
        }
        QueryMsg::Attestation { id } => to_json_binary(&query_attestation(deps, id)?)?,
        QueryMsg::LatestAttestation {} => to_json_binary(&query_latest_attestation(deps)?)?,
        QueryMsg::Attestations { start_after, limit } => {
            to_json_binary(&query_attestations(deps, start_after, limit)?)?
        }
        QueryMsg::Redemption { id } => to_json_binary(&query_redemption(deps, id)?)?,
        QueryMsg::Redemptions {
            status,
            start_after,
            limit,
        } => to_json_binary(&query_redemptions(deps, status, start_after, limit)?)?,
        QueryMsg::Ownership {} => to_json_binary(&cw_ownable::get_ownership(deps.storage)?)?,
    })
}

/// The configuration and the number of custodians.
pub fn query_config(deps: Deps) -> StdResult<ConfigResponse> {
    let config = CONFIG.load(deps.storage)?;
    Ok(ConfigResponse {
        aur_token: config.aur_token.to_string(),
        payment_asset: config.payment.to_asset_info(),
        price: config.price,
        treasury: config.treasury.to_string(),
        aur_per_gram: config.aur_per_gram,
        backing_ratio: config.backing_ratio,
        max_attestation_age_seconds: config.max_attestation_age_seconds,
        custodian_count: CUSTODIANS.count(deps.storage)?,
    })
}

/// The backing at the current block (reads AUR's supply).
///
/// Errors: `Std` (AUR does not answer), `Math`.
pub fn query_backing(deps: Deps, env: &Env) -> Result<BackingResponse, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let ledger = LEDGER.load(deps.storage)?;
    let backing = Backing::load(deps, env, &config, &ledger)?;
    let halt_reason = backing.halt(&config);
    Ok(BackingResponse {
        reserve_mg: backing.reserve_mg,
        pending_redemption_mg: ledger.pending_mg,
        shipped_since_attestation_mg: ledger.shipped_since_attestation_mg,
        available_reserve_mg: backing.available_reserve_mg,
        reserve_value: backing.reserve_value,
        supply: backing.supply,
        max_supply: backing.max_supply,
        mintable: backing.max_supply.saturating_sub(backing.supply),
        backing_ratio: backing.live_ratio(&config)?,
        required_backing_ratio: config.backing_ratio,
        under_backed: backing.under_backed(),
        attested_at: backing.latest.as_ref().map(|a| a.timestamp),
        attestation_age_seconds: backing.age_seconds,
        max_attestation_age_seconds: config.max_attestation_age_seconds,
        minting_halted: halt_reason.is_some(),
        halt_reason,
        total_minted: ledger.total_minted,
        total_redeemed: ledger.total_redeemed,
    })
}

/// Custodians in address order after `start_after`; `limit` defaults to 10, 1 to 30 (`page_limit`).
///
/// Errors: invalid `start_after`.
pub fn query_custodians(
    deps: Deps,
    start_after: Option<String>,
    limit: Option<u32>,
) -> Result<CustodiansResponse, ContractError> {
    let limit = page_limit(limit);
    let start = start_after
        .map(|s| deps.api.addr_validate(&s))
        .transpose()?;
    let custodians = CUSTODIANS
        .page(deps.storage, start.as_ref(), Some(limit as u32))?
        .into_iter()
        .map(|a| a.to_string())
        .collect();
    Ok(CustodiansResponse { custodians })
}

/// One attestation.
///
/// Errors: [`ContractError::UnknownAttestation`].
pub fn query_attestation(deps: Deps, id: u64) -> Result<AttestationResponse, ContractError> {
    let attestation = ATTESTATIONS
        .may_load(deps.storage, id)?
        .ok_or(ContractError::UnknownAttestation { id })?;
    Ok(attestation_response(id, attestation))
}

/// The latest attestation, if any.
pub fn query_latest_attestation(deps: Deps) -> StdResult<LatestAttestationResponse> {
    let id = LEDGER.load(deps.storage)?.attestation_count;
    let attestation = ATTESTATIONS
        .may_load(deps.storage, id)?
        .map(|a| attestation_response(id, a));
    Ok(LatestAttestationResponse { attestation })
}

/// Attestations by id after `start_after`, oldest first; `limit` defaults to 10, 1 to 30 (`page_limit`).
pub fn query_attestations(
    deps: Deps,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<AttestationsResponse> {
    let limit = page_limit(limit);
    let attestations = ATTESTATIONS
        .range(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(limit)
        .map(|item| item.map(|(id, a)| attestation_response(id, a)))
        .collect::<StdResult<_>>()?;
    Ok(AttestationsResponse { attestations })
}

/// One redemption.
///
/// Errors: [`ContractError::UnknownRedemption`].
pub fn query_redemption(deps: Deps, id: u64) -> Result<RedemptionResponse, ContractError> {
    let redemption = redemptions()
        .may_load(deps.storage, id)?
        .ok_or(ContractError::UnknownRedemption { id })?;
    Ok(redemption_response(id, redemption))
}

/// Redemptions by id after `start_after`, only those of `status` when given (read from the
/// status index: a page never scans other redemptions); `limit` defaults to 10, 1 to 30 (`page_limit`).
pub fn query_redemptions(
    deps: Deps,
    status: Option<RedemptionStatus>,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> StdResult<RedemptionsResponse> {
    let limit = page_limit(limit);
    let min = start_after.map(Bound::exclusive);
    let map = redemptions();
    let items: Box<dyn Iterator<Item = StdResult<(u64, Redemption)>>> = match status {
        Some(status) => Box::new(map.idx.status.prefix(status_key(status)).range(
            deps.storage,
            min,
            None,
            Order::Ascending,
        )),
        None => Box::new(map.range(deps.storage, min, None, Order::Ascending)),
    };
    let redemptions = items
        .take(limit)
        .map(|item| item.map(|(id, r)| redemption_response(id, r)))
        .collect::<StdResult<_>>()?;
    Ok(RedemptionsResponse { redemptions })
}

fn attestation_response(id: u64, a: Attestation) -> AttestationResponse {
    AttestationResponse {
        id,
        custodian: a.custodian.to_string(),
        reserve_mg: a.reserve_mg,
        document_hash: a.document_hash,
        timestamp: a.timestamp,
        posted_at: a.posted_at,
        posted_height: a.posted_height,
    }
}

fn redemption_response(id: u64, r: Redemption) -> RedemptionResponse {
    RedemptionResponse {
        id,
        holder: r.holder.to_string(),
        amount: r.amount,
        grams_mg: r.grams_mg,
        delivery_note: r.delivery_note,
        created_at: r.created_at,
        status: r.status,
        fulfilled_by: r.fulfilled_by.map(|a| a.to_string()),
        fulfilled_at: r.fulfilled_at,
        fulfillment_document_hash: r.fulfillment_document_hash,
    }
}
