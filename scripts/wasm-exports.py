#!/usr/bin/env python3
"""Print the names of a wasm module's exported functions, one per line.

Used by scripts/build-artifacts.sh to make sure every contract artifact exports its entry points.
cosmwasm-check alone does not catch a contract built with its `library` feature on (cargo feature
unification when several crates share one `cargo build`): it requires only `allocate`,
`deallocate` and `interface_version_8`, which cosmwasm-std exports in every build, so a contract
with no `instantiate` passes it and fails only when someone instantiates it on chain.

Reads the binary format directly (export section, id 7) so it needs nothing but python3.
"""
import sys


def leb128(data: bytes, pos: int) -> tuple[int, int]:
    """Decode an unsigned LEB128 integer at `pos`; return (value, next position)."""
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7


def function_exports(path: str) -> list[str]:
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\0asm":
        raise SystemExit(f"{path}: not a wasm module")
    pos = 8  # magic + version
    while pos < len(data):
        section_id = data[pos]
        size, pos = leb128(data, pos + 1)
        end = pos + size
        if section_id == 7:
            count, pos = leb128(data, pos)
            names = []
            for _ in range(count):
                length, pos = leb128(data, pos)
                name = data[pos : pos + length].decode("utf-8")
                pos += length
                kind = data[pos]
                _, pos = leb128(data, pos + 1)
                if kind == 0:  # function
                    names.append(name)
            return names
        pos = end
    return []


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: wasm-exports.py FILE.wasm")
    print("\n".join(function_exports(sys.argv[1])))
