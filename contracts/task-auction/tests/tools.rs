//! Seed 004's three-layer authorization of a common tool (`can_use_tool`): the tool is active
//! in the treasury, the caller works on the assigned task, and the task declares the tool.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{Addr, HexBinary};
use poe_interface::task_auction::{CanUseToolResponse, QueryMsg};

fn can(s: &Suite, tool: &str, task_id: u64, caller: &Addr) -> CanUseToolResponse {
    s.auction
        .query(&QueryMsg::CanUseTool {
            tool: tool.into(),
            task_id,
            caller: caller.to_string(),
        })
        .unwrap()
}

#[test]
fn a_tool_is_usable_by_the_assignee_of_a_task_that_declares_it_while_it_is_active() {
    let s = Suite::new();
    // the treasury holds 1,000 FLX and pays a 300 FLX monthly tool
    s.treasury
        .deposit_cw20(&s.flx, &s.creator, u(1_000), Some("funding"))
        .unwrap();
    let payee = s.app.borrow().api().addr_make("vendor");
    s.treasury
        .register_tool(
            &s.owner,
            "geoip",
            TreasuryHandle::cw20(&s.flx.addr),
            u(300),
            &payee,
            HexBinary::from(vec![7u8; 32]),
        )
        .unwrap();
    let now = s.now();
    let mut spec = task_spec("locate", &[], None, now.plus_seconds(60 * DAY));
    spec.required_tools = vec!["geoip".into()];
    s.auction
        .create_task(&s.flx, &s.creator, u(100), spec)
        .unwrap();
    // not yet assigned: nobody
    assert!(!can(&s, "geoip", 1, &s.a).allowed);
    s.auction.claim(&s.a, 1).unwrap();
    let yes = can(&s, "geoip", 1, &s.a);
    assert_eq!(
        yes,
        CanUseToolResponse {
            allowed: true,
            tool_active: true,
            caller_assigned: true,
            declared: true
        }
    );
    // someone else, or a tool the task does not declare, or one the treasury does not know
    let other = can(&s, "geoip", 1, &s.b);
    assert!(!other.allowed && !other.caller_assigned && other.tool_active);
    let undeclared = can(&s, "email", 1, &s.a);
    assert!(!undeclared.allowed && !undeclared.declared && !undeclared.tool_active);
    // after its paid month nobody maintained it: inactive, so not usable
    s.advance(31 * DAY);
    let lapsed = can(&s, "geoip", 1, &s.a);
    assert!(!lapsed.allowed && !lapsed.tool_active && lapsed.caller_assigned);
    // maintained again (the treasury can pay): usable again
    s.treasury.maintain(&s.stranger, "geoip").unwrap();
    assert!(can(&s, "geoip", 1, &s.a).allowed);
    // delivered: the work is done, the tool no longer
    s.auction.deliver(&s.a, 1).unwrap();
    assert!(!can(&s, "geoip", 1, &s.a).allowed);
}
