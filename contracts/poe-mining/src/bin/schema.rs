//! Writes `<outdir>/poe-mining.json` (default `schema/`), the contract's API for clients and
//! `@cosmwasm/ts-codegen`.

use cosmwasm_schema::generate_api;
use poe_interface::poe_mining::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let api = generate_api! {
        name: "poe-mining",
        instantiate: InstantiateMsg,
        execute: ExecuteMsg,
        query: QueryMsg,
        migrate: MigrateMsg,
    }
    .render();
    let outdir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "schema".to_string());
    std::fs::create_dir_all(&outdir)?;
    let path = format!("{outdir}/poe-mining.json");
    std::fs::write(&path, api.to_string()?)?;
    println!("wrote {path}");
    Ok(())
}
