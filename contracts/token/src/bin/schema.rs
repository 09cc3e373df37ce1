//! Writes the token's API as `<outdir>/poe-token.json` (outdir = first argument, default
//! `schema`). Only that one file: `write_api!` would also write a `raw/` folder shared by every
//! contract and delete the other contracts' schemas.

use std::path::PathBuf;

use cosmwasm_schema::generate_api;
use poe_token::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out_dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("schema"));
    let api = generate_api! {
        name: "poe-token",
        instantiate: InstantiateMsg,
        execute: ExecuteMsg,
        query: QueryMsg,
        migrate: MigrateMsg,
    }
    .render();
    std::fs::create_dir_all(&out_dir)?;
    let path = out_dir.join("poe-token.json");
    std::fs::write(&path, api.to_string()? + "\n")?;
    println!("wrote {}", path.display());
    Ok(())
}
