//! Writes `<outdir>/poe-task-auction.json` (outdir = first argument, default `schema`): the
//! contract's API for clients and `@cosmwasm/ts-codegen`.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use cosmwasm_schema::generate_api;
use poe_interface::task_auction::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    poe_interface::schema::write_api_file(generate_api! {
        name: "poe-task-auction",
        instantiate: InstantiateMsg,
        execute: ExecuteMsg,
        query: QueryMsg,
        migrate: MigrateMsg,
    })?;
    Ok(())
}
