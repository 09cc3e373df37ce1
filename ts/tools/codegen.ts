// Generates the TypeScript clients of every contract from schema/<crate>.json with
// @cosmwasm/ts-codegen 1.12.1 (the last release that emits CosmJS clients; see docs/toolchain.md).
//
//   node --import tsx ts/tools/codegen.ts OUT_DIR      (run by scripts/codegen.sh)
//
// ts-codegen reads every *.json of a contract's `dir`, so each schema is copied into a folder
// of its own first (schema/ holds all contracts side by side).
import { TSBuilder } from "@cosmwasm/ts-codegen";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";

const repoRoot = resolve(import.meta.dirname, "../..");
const outPath = resolve(process.argv[2] ?? join(repoRoot, "ts/src/contracts"));

/** `poe-mining` -> `PoeMining`: the prefix of the generated classes and files. */
function pascal(crate: string): string {
  return crate
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

const schemaDir = join(repoRoot, "schema");
const schemas = readdirSync(schemaDir)
  .filter((f) => f.endsWith(".json"))
  .sort();
if (schemas.length === 0) throw new Error(`no schema in ${schemaDir}: run scripts/schema.sh`);

const work = mkdtempSync(join(tmpdir(), "poe-codegen-"));
try {
  const contracts = schemas.map((file) => {
    const crate = basename(file, ".json");
    const dir = join(work, crate);
    mkdirSync(dir);
    copyFileSync(join(schemaDir, file), join(dir, file));
    return { name: pascal(crate), dir };
  });
  mkdirSync(outPath, { recursive: true });
  await new TSBuilder({
    contracts,
    outPath,
    options: {
      // <Name>.types.ts: messages and responses; <Name>.client.ts: QueryClient + signing Client
      // (CosmJS SigningCosmWasmClient); <Name>.message-composer.ts: EncodeObjects for txs of
      // several messages; index.ts: one namespace per contract.
      bundle: { enabled: true, bundleFile: "index.ts", scope: "contracts" },
      types: { enabled: true },
      client: { enabled: true },
      messageComposer: { enabled: true },
      reactQuery: { enabled: false },
      recoil: { enabled: false },
      messageBuilder: { enabled: false },
      useContractsHook: { enabled: false },
    },
  }).build();
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.error(`generated ${schemas.length} contract clients into ${outPath}`);
