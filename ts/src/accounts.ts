// Accounts derived from one mnemonic: the deployment plan's `@name`s become addresses at
// HD path m/44'/118'/0'/0/<i> (i = the name's position in the plan's `accounts`, deployer = 0),
// bech32 prefix `wasm` (wasmd built with app.Bech32Prefix=wasm, see docs/toolchain.md).
//
// One DirectSecp256k1HdWallet holds every derived key, so one SigningCosmWasmClient signs for all
// of them (each call names its sender). A browser dApp would use a wallet extension instead; a
// headless test cannot drive one, so it injects this wallet (docs/toolchain.md).
import { stringToPath } from "@cosmjs/crypto";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";

export const BECH32_PREFIX = "wasm";

/** m/44'/118'/0'/0/<index>: Cosmos coin type 118, first account, external chain. */
export function hdPath(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new Error(`bad HD index ${index}`);
  return `m/44'/118'/0'/0/${index}`;
}

export interface DerivedAccount {
  name: string;
  address: string;
  hdIndex: number;
}

export interface DerivedWallet {
  wallet: DirectSecp256k1HdWallet;
  accounts: DerivedAccount[];
  /** name -> address; throws on an unknown name. */
  address(name: string): string;
}

/**
 * Derives `names[i]` at HD index `firstIndex + i`. Pass the plan's accounts with firstIndex 0;
 * extra participants (e.g. the e2e test's miners) continue after them.
 */
export async function deriveAccounts(
  mnemonic: string,
  names: readonly string[],
  options: { firstIndex?: number; prefix?: string } = {},
): Promise<DerivedWallet> {
  const first = options.firstIndex ?? 0;
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw new Error(`account name ${n} appears twice`);
    seen.add(n);
  }
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(mnemonic.trim(), {
    hdPaths: names.map((_, i) => stringToPath(hdPath(first + i))),
    prefix: options.prefix ?? BECH32_PREFIX,
  });
  const derived = await wallet.getAccounts();
  const accounts = names.map((name, i) => ({ name, address: derived[i].address, hdIndex: first + i }));
  const byName = new Map(accounts.map((a) => [a.name, a.address]));
  return {
    wallet,
    accounts,
    address(name: string): string {
      const a = byName.get(name);
      if (!a) throw new Error(`unknown account @${name}`);
      return a;
    },
  };
}
