// The suite's TypeScript toolkit for dApps, scripts and tests.
//
//   import { contracts, loadDeployment, deriveAccounts, connectSigning } from "<repo>/ts/src";
//   const d = loadDeployment("poe-local");
//   const mining = new contracts.PoeMining.PoeMiningQueryClient(client, d.contracts["poe-mining"]);
export * from "./accounts";
export * from "./broadcast";
export * from "./chain";
export * from "./deployment";
export * from "./hooks";
export * from "./plan";
export { contracts } from "./contracts";
