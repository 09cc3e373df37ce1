//! `Propose`: the cw20 `Receive` hook of the deposit.

use cosmwasm_std::{from_json, to_json_vec, CosmosMsg, DepsMut, Env, MessageInfo, Response};
use cw20::Cw20ReceiveMsg;
use poe_interface::governance::{
    DepositStatus, ProposalStatus, ReceiveMsg, Tally, VotingRules, MAX_DESCRIPTION_BYTES,
    MAX_PROPOSAL_MSGS, MAX_PROPOSAL_MSGS_BYTES, MAX_TITLE_BYTES, MIN_TITLE_BYTES,
};

use crate::error::ContractError;
use crate::execute::deposits::hold;
use crate::staking;
use crate::state::{Proposal, ProposalContent, CONFIG, CONTENTS, PROPOSALS, PROPOSAL_COUNT};

/// cw20 hook: the deposit token sends exactly `deposit_amount` with [`ReceiveMsg::Propose`].
/// The cw20 sender is the proposer; it must have voting power at the start of the current block
/// (`start_height = env.block.height`): only a member of the electorate a proposal is put to may
/// put it, and a stake made in this block does not count. The total power at `start_height` is
/// read now and stored; the quorum is measured against it. The proposal keeps the config's
/// current staking contract, deposit, rules and times (`end_time = now + voting_period_seconds`,
/// `executable_at = end_time + timelock_seconds`, `expires_at = executable_at +
/// execution_window_seconds`) and `close_proposal_on_execution_failure`.
///
/// Attributes: `action=propose`, `proposal_id`, `proposer`, `deposit`, `start_height`,
/// `end_time`, `total_power`.
///
/// Errors: `Payment` (native funds attached), [`ContractError::WrongDepositToken`],
/// [`ContractError::WrongDepositAmount`], `Std` (a `msg` that is not a [`ReceiveMsg`], a staking
/// contract that does not answer), [`ContractError::InvalidTitle`],
/// [`ContractError::DescriptionTooLong`], [`ContractError::TooManyMessages`],
/// [`ContractError::MessagesTooLarge`], [`ContractError::NoVotingPower`].
pub fn receive(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    wrapper: Cw20ReceiveMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let config = CONFIG.load(deps.storage)?;
    if info.sender != config.deposit_token {
        return Err(ContractError::WrongDepositToken {
            expected: config.deposit_token.to_string(),
            received: info.sender.to_string(),
        });
    }
    if wrapper.amount != config.deposit_amount {
        return Err(ContractError::WrongDepositAmount {
            expected: config.deposit_amount,
            received: wrapper.amount,
        });
    }
    let ReceiveMsg::Propose {
        title,
        description,
        msgs,
    } = from_json(&wrapper.msg)?;
    check_content(&title, &description, &msgs)?;

    let proposer = deps.api.addr_validate(&wrapper.sender)?;
    let height = env.block.height;
    let power = staking::voting_power(&deps.querier, &config.staking, &proposer, height)?;
    if power.is_zero() {
        return Err(ContractError::NoVotingPower {
            address: proposer.to_string(),
            height,
        });
    }
    let total_power = staking::total_power(&deps.querier, &config.staking, height)?;

    let now = env.block.time;
    let end_time = now.plus_seconds(config.voting_period_seconds);
    let executable_at = end_time.plus_seconds(config.timelock_seconds);
    let expires_at = executable_at.plus_seconds(config.execution_window_seconds);
    let proposal_id = PROPOSAL_COUNT.load(deps.storage)? + 1;
    PROPOSAL_COUNT.save(deps.storage, &proposal_id)?;
    let proposal = Proposal {
        proposer,
        deposit_token: config.deposit_token,
        deposit_amount: wrapper.amount,
        deposit_status: DepositStatus::Held,
        staking: config.staking,
        start_height: height,
        start_time: now,
        end_time,
        executable_at,
        expires_at,
        total_power,
        rules: VotingRules {
            quorum: config.quorum,
            threshold: config.threshold,
            veto_threshold: config.veto_threshold,
        },
        tally: Tally::default(),
        status: ProposalStatus::Open,
        execution_error: None,
        execution_attempts: 0,
        close_on_execution_failure: config.close_proposal_on_execution_failure,
    };
    hold(
        deps.storage,
        &proposal.deposit_token,
        proposal.deposit_amount,
    )?;
    PROPOSALS.save(deps.storage, proposal_id, &proposal)?;
    CONTENTS.save(
        deps.storage,
        proposal_id,
        &ProposalContent {
            title,
            description,
            msgs,
        },
    )?;

    Ok(Response::new()
        .add_attribute("action", "propose")
        .add_attribute("proposal_id", proposal_id.to_string())
        .add_attribute("proposer", proposal.proposer)
        .add_attribute("deposit", proposal.deposit_amount)
        .add_attribute("start_height", height.to_string())
        .add_attribute("end_time", end_time.seconds().to_string())
        .add_attribute("total_power", total_power))
}

/// Title: `MIN_TITLE_BYTES` (trimmed) to `MAX_TITLE_BYTES`; description: at most
/// `MAX_DESCRIPTION_BYTES`; at most `MAX_PROPOSAL_MSGS` messages of at most
/// `MAX_PROPOSAL_MSGS_BYTES` JSON together.
fn check_content(title: &str, description: &str, msgs: &[CosmosMsg]) -> Result<(), ContractError> {
    let trimmed = title.trim().len();
    if trimmed < MIN_TITLE_BYTES || title.len() > MAX_TITLE_BYTES {
        return Err(ContractError::InvalidTitle {
            len: if trimmed < MIN_TITLE_BYTES {
                trimmed
            } else {
                title.len()
            },
            min: MIN_TITLE_BYTES,
            max: MAX_TITLE_BYTES,
        });
    }
    if description.len() > MAX_DESCRIPTION_BYTES {
        return Err(ContractError::DescriptionTooLong {
            len: description.len(),
            max: MAX_DESCRIPTION_BYTES,
        });
    }
    if msgs.len() > MAX_PROPOSAL_MSGS {
        return Err(ContractError::TooManyMessages {
            count: msgs.len(),
            max: MAX_PROPOSAL_MSGS,
        });
    }
    let bytes = to_json_vec(msgs)?.len();
    if bytes > MAX_PROPOSAL_MSGS_BYTES {
        return Err(ContractError::MessagesTooLarge {
            bytes,
            max: MAX_PROPOSAL_MSGS_BYTES,
        });
    }
    Ok(())
}
