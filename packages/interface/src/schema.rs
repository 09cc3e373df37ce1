//! What every contract's schema binary does: write its API as `<outdir>/<name>.json` and nothing
//! else (`cosmwasm_schema::write_api!` would also write a `raw/` folder shared by every contract).

use std::path::PathBuf;

use cosmwasm_schema::Api;

/// Renders `api` (from `cosmwasm_schema::generate_api!`) to `<outdir>/<api.contract_name>.json`,
/// `outdir` being the program's first argument (default `schema`). Prints the path written.
///
/// Errors: the JSON rendering or the file system.
pub fn write_api_file(api: Api) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let out_dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("schema"));
    let path = out_dir.join(format!("{}.json", api.contract_name));
    std::fs::create_dir_all(&out_dir)?;
    std::fs::write(&path, api.render().to_string()? + "\n")?;
    println!("wrote {}", path.display());
    Ok(path)
}
