// Many transactions fast: keys for many accounts, and broadcasting without waiting for each
// transaction's block (the gas benchmark registers 1,000+ miners, each signing its own tx).
//
// - `KeyRing`: an OfflineDirectSigner over many accounts of one mnemonic. Each key is derived once
//   (DirectSecp256k1HdWallet re-derives every account's key at every signature, which is fine for
//   the deploy's dozen accounts and far too slow for a thousand).
// - `TxPipeline`: signs with explicit account number and sequence (kept locally per sender) and
//   broadcasts with `broadcastTxSync` (returns after CheckTx), so one sender's transactions can
//   all enter the mempool before the next block; `waitForTxs` then polls until they are in blocks.
//   A sender's transactions are signed and broadcast strictly in sequence order.
import type { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { Bip39, EnglishMnemonic, Slip10, Slip10Curve, stringToPath } from "@cosmjs/crypto";
import {
  type AccountData,
  DirectSecp256k1Wallet,
  type DirectSignResponse,
  type EncodeObject,
  type OfflineDirectSigner,
} from "@cosmjs/proto-signing";
import type { IndexedTx } from "@cosmjs/stargate";
import { TxRaw, type SignDoc } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { BECH32_PREFIX, type DerivedAccount, hdPath } from "./accounts";
import { DEFAULT_GAS_PRICE, fixedFee, sleep } from "./chain";

/** Many accounts of one mnemonic (HD path m/44'/118'/0'/0/i, as accounts.ts), each derived once. */
export class KeyRing implements OfflineDirectSigner {
  private readonly wallets = new Map<string, DirectSecp256k1Wallet>();
  private readonly data: AccountData[] = [];
  private readonly byName = new Map<string, DerivedAccount>();

  private constructor(
    private readonly seed: Uint8Array,
    private readonly prefix: string,
  ) {}

  static async fromMnemonic(mnemonic: string, prefix: string = BECH32_PREFIX): Promise<KeyRing> {
    const seed = await Bip39.mnemonicToSeed(new EnglishMnemonic(mnemonic.trim()));
    return new KeyRing(seed, prefix);
  }

  /** Derives `names[i]` at HD index `firstIndex + i`; returns the new accounts. */
  async add(names: readonly string[], firstIndex: number): Promise<DerivedAccount[]> {
    const added: DerivedAccount[] = [];
    for (const [i, name] of names.entries()) {
      if (this.byName.has(name)) throw new Error(`account name ${name} appears twice`);
      const hdIndex = firstIndex + i;
      const { privkey } = Slip10.derivePath(Slip10Curve.Secp256k1, this.seed, stringToPath(hdPath(hdIndex)));
      const wallet = await DirectSecp256k1Wallet.fromKey(privkey, this.prefix);
      const [account] = await wallet.getAccounts();
      this.wallets.set(account.address, wallet);
      this.data.push(account);
      const derived = { name, address: account.address, hdIndex };
      this.byName.set(name, derived);
      added.push(derived);
    }
    return added;
  }

  /** name -> address; throws on an unknown name. */
  address(name: string): string {
    const a = this.byName.get(name);
    if (!a) throw new Error(`unknown account ${name}`);
    return a.address;
  }

  async getAccounts(): Promise<readonly AccountData[]> {
    return this.data;
  }

  async signDirect(signerAddress: string, signDoc: SignDoc): Promise<DirectSignResponse> {
    const wallet = this.wallets.get(signerAddress);
    if (!wallet) throw new Error(`no key for ${signerAddress}`);
    return wallet.signDirect(signerAddress, signDoc);
  }
}

/** Signs with locally tracked sequences and broadcasts without waiting for blocks. */
export class TxPipeline {
  private readonly accounts = new Map<string, { accountNumber: number; sequence: number }>();
  /** Per sender: the promise of its last submission, so its transactions go out in order. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly client: SigningCosmWasmClient,
    private readonly chainId: string,
    private readonly gasPrice: string = DEFAULT_GAS_PRICE,
  ) {}

  /**
   * Drops what is known of `sender`'s sequence: call it after `sender` signed through another
   * client (e.g. `client.upload`), so its next submission reads the sequence from the chain.
   */
  forget(sender: string): void {
    this.accounts.delete(sender);
  }

  /**
   * Signs `msgs` as `sender` with a fixed gas limit and broadcasts it (CheckTx only); resolves to
   * the transaction hash. Rejects when CheckTx refuses it (the local sequence is then re-read
   * from the chain on the sender's next submission).
   */
  submit(sender: string, msgs: readonly EncodeObject[], gasLimit: number, memo = ""): Promise<string> {
    const previous = this.queues.get(sender) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      let account = this.accounts.get(sender);
      if (!account) {
        const a = await this.client.getAccount(sender);
        if (!a) throw new Error(`account ${sender} does not exist on chain (fund it first)`);
        account = { accountNumber: a.accountNumber, sequence: a.sequence };
        this.accounts.set(sender, account);
      }
      const raw = await this.client.sign(sender, msgs, fixedFee(gasLimit, this.gasPrice), memo, {
        accountNumber: account.accountNumber,
        sequence: account.sequence,
        chainId: this.chainId,
      });
      try {
        const hash = await this.client.broadcastTxSync(TxRaw.encode(raw).finish());
        account.sequence += 1;
        return hash;
      } catch (e) {
        this.accounts.delete(sender);
        throw e;
      }
    });
    this.queues.set(sender, next);
    return next;
  }
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Polls until each transaction is in a block; throws when one failed there (with its log) or is
 * still missing after `timeoutMs`. Results in the order of `hashes`.
 */
export async function waitForTxs(
  client: SigningCosmWasmClient,
  hashes: readonly string[],
  options: { timeoutMs?: number; pollMs?: number; concurrency?: number } = {},
): Promise<IndexedTx[]> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  return mapLimit(hashes, options.concurrency ?? 16, async (hash) => {
    for (;;) {
      const tx = await client.getTx(hash);
      if (tx) {
        if (tx.code !== 0) throw new Error(`tx ${hash} failed in block ${tx.height}: ${tx.rawLog}`);
        return tx;
      }
      if (Date.now() > deadline) throw new Error(`tx ${hash} not in a block after ${options.timeoutMs ?? 120_000} ms`);
      await sleep(options.pollMs ?? 400);
    }
  });
}
