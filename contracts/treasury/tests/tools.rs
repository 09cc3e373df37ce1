//! Common tools (seed 004 "Beni Comuni") over their lives: paid at registration, paid each
//! month by anyone's `Maintain`, inactive when the treasury is short (`inactive_funding_issue`),
//! active again when funded (without arrears), inactive when a month lapses unpaid, deprecated.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::coins;

/// A treasury with 1,200 FLX and the tool `geoip` (500 FLX a month to bob) registered.
fn with_tool() -> Suite {
    let s = Suite::new();
    s.treasury
        .deposit_cw20(&s.flx, &s.alice, u(1_200), None)
        .unwrap();
    s.treasury
        .register_tool(
            &s.owner,
            "geoip",
            s.asset("FLX"),
            u(500),
            &s.bob,
            commitment(0xab),
        )
        .unwrap();
    s
}

fn status(s: &Suite) -> ToolStatusResponse {
    s.treasury.tool_status("geoip").unwrap()
}

#[test]
fn a_tool_is_paid_its_first_month_at_registration() {
    let s = Suite::new();
    s.treasury
        .deposit_cw20(&s.flx, &s.alice, u(1_200), None)
        .unwrap();
    let now = s.now();
    let res = s
        .treasury
        .register_tool(
            &s.owner,
            "geoip",
            s.asset("FLX"),
            u(500),
            &s.bob,
            commitment(0xab),
        )
        .unwrap();
    let paid_until = now.plus_seconds(MONTH);
    assert_eq!(
        wasm_attrs(&res, &s.treasury.addr),
        attrs(&[
            ("action", "register_tool"),
            ("tool", "geoip"),
            ("asset", &format!("cw20:{}", s.flx.addr)),
            ("amount", "500"),
            ("payee", s.bob.as_str()),
            ("paid_until", &paid_until.seconds().to_string()),
        ])
    );
    assert_eq!(s.cw20_balance(&s.flx, &s.bob), 500);
    let ledger = s.balance(s.asset("FLX"));
    assert_eq!((ledger.balance, ledger.total_spent), (u(700), u(500)));
    assert_eq!(
        s.treasury.tool("geoip").unwrap(),
        ToolResponse {
            name: "geoip".into(),
            asset: s.asset("FLX"),
            monthly_cost: u(500),
            payee: s.bob.clone(),
            credential_commitment: commitment(0xab),
            registered_at: now,
            paid_until,
            last_payment_at: now,
            months_paid: 1,
            total_paid: u(500),
            inactive_funding_issue: false,
            funding_issue_since: None,
            deprecated_at: None,
        }
    );
    assert_eq!(
        status(&s),
        ToolStatusResponse {
            tool: "geoip".into(),
            active: true,
            inactive_funding_issue: false,
            deprecated: false,
            paid_until,
        }
    );
}

#[test]
fn maintenance_pays_monthly_goes_inactive_when_short_and_reactivates_when_funded() {
    let s = with_tool();
    // day 30: 700 held, pays 500
    s.advance(MONTH, 30);
    let res = s.treasury.maintain(&s.alice, "geoip").unwrap();
    let paid_until = s.now().plus_seconds(MONTH);
    assert_eq!(
        wasm_attrs(&res, &s.treasury.addr),
        attrs(&[
            ("action", "maintain"),
            ("tool", "geoip"),
            ("asset", &format!("cw20:{}", s.flx.addr)),
            ("amount", "500"),
            ("inactive_funding_issue", "false"),
            ("paid_until", &paid_until.seconds().to_string()),
        ])
    );
    assert_eq!(s.cw20_balance(&s.flx, &s.bob), 1_000);
    assert!(status(&s).active);

    // day 60: 200 held, short of 500: inactive, nothing paid, the call succeeds
    s.advance(MONTH, 30);
    let short_since = s.now();
    let res = s.treasury.maintain(&s.alice, "geoip").unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.treasury.addr),
        attrs(&[
            ("action", "maintain"),
            ("tool", "geoip"),
            ("asset", &format!("cw20:{}", s.flx.addr)),
            ("amount", "0"),
            ("inactive_funding_issue", "true"),
            ("balance", "200"),
            ("balance_error", ""),
        ])
    );
    assert_eq!(
        status(&s),
        ToolStatusResponse {
            tool: "geoip".into(),
            active: false,
            inactive_funding_issue: true,
            deprecated: false,
            paid_until,
        }
    );
    assert_eq!(s.cw20_balance(&s.flx, &s.bob), 1_000);
    // asking again while still short changes nothing but keeps the first time it was short
    s.advance(DAY, 1);
    s.treasury.maintain(&s.bob, "geoip").unwrap();
    let tool = s.treasury.tool("geoip").unwrap();
    assert_eq!(tool.funding_issue_since, Some(short_since));

    // funded 10 days later: one month from now is paid, not the 11 days it was inactive
    s.advance(9 * DAY, 9);
    s.treasury
        .deposit_cw20(&s.flx, &s.alice, u(2_000), None)
        .unwrap();
    s.treasury.maintain(&s.alice, "geoip").unwrap();
    let tool = s.treasury.tool("geoip").unwrap();
    assert_eq!(
        (
            tool.inactive_funding_issue,
            tool.funding_issue_since,
            tool.months_paid,
            tool.total_paid,
            tool.paid_until,
        ),
        (false, None, 3, u(1_500), s.now().plus_seconds(MONTH))
    );
    assert!(status(&s).active);
    assert_eq!(s.cw20_balance(&s.flx, &s.bob), 1_500);
    let ledger = s.balance(s.asset("FLX"));
    assert_eq!((ledger.balance, ledger.total_spent), (u(1_700), u(1_500)));
}

#[test]
fn a_month_that_lapses_unpaid_makes_the_tool_inactive_until_maintained() {
    let s = with_tool();
    s.advance(MONTH - 1, 1);
    assert!(status(&s).active);
    s.advance(1, 1);
    let st = status(&s);
    assert!(!st.active, "the paid month is over");
    assert!(
        !st.inactive_funding_issue,
        "nobody found the treasury short"
    );
    s.treasury.maintain(&s.bob, "geoip").unwrap();
    assert!(status(&s).active);
}

#[test]
fn a_deprecated_tool_is_never_active_or_paid_again() {
    let s = with_tool();
    let res = s.treasury.deprecate(&s.owner, "geoip").unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.treasury.addr),
        attrs(&[("action", "deprecate"), ("tool", "geoip")])
    );
    let st = status(&s);
    assert!(!st.active && st.deprecated);
    assert_eq!(
        s.treasury.tool("geoip").unwrap().deprecated_at,
        Some(s.now())
    );
    s.advance(MONTH, 30);
    let err = s.treasury.maintain(&s.bob, "geoip").unwrap_err();
    assert_eq!(
        contract_err(err),
        ContractError::ToolDeprecated {
            tool: "geoip".into()
        }
    );
    assert_eq!(s.cw20_balance(&s.flx, &s.bob), 500);
}

#[test]
fn tools_in_a_native_coin_and_pages_by_name() {
    let s = Suite::new();
    s.treasury
        .deposit_native(&s.alice, &coins(1_000, ATOM), None)
        .unwrap();
    for name in ["mail", "db.backup", "ci-runner"] {
        s.treasury
            .register_tool(&s.owner, name, s.asset(ATOM), u(100), &s.bob, commitment(1))
            .unwrap();
    }
    assert_eq!(s.native_balance(&s.bob, ATOM), 300);
    assert_eq!(s.balance(s.asset(ATOM)).total_spent, u(300));
    let names = |page: Vec<ToolResponse>| page.into_iter().map(|t| t.name).collect::<Vec<_>>();
    assert_eq!(
        names(s.treasury.tools(None, Some(2)).unwrap()),
        vec!["ci-runner", "db.backup"]
    );
    assert_eq!(
        names(s.treasury.tools(Some("db.backup"), None).unwrap()),
        vec!["mail"]
    );
}
