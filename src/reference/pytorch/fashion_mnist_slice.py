"""Writes the FashionMNIST slice the tests ship with: the first images and labels of each split,
in the dataset's own idx format, gzipped with a zero timestamp (the same bytes on every run).

usage: /usr/bin/python3 fashion_mnist_slice.py SOURCE_DIR OUT_DIR [TRAIN_COUNT TEST_COUNT]
"""
import gzip
import struct
import sys
from pathlib import Path


def first_items(path, count):
    data = gzip.decompress(path.read_bytes())
    magic, total = struct.unpack(">II", data[:8])
    dims = magic & 0xFF
    sizes = struct.unpack(">" + "I" * (dims - 1), data[8:4 + 4 * dims]) if dims > 1 else ()
    item = 1
    for size in sizes:
        item *= size
    header = struct.pack(">II", magic, count) + data[8:4 + 4 * dims]
    body_start = 4 + 4 * dims
    return header + data[body_start:body_start + count * item]


def main(source, out, train_count=1024, test_count=256):
    out.mkdir(parents=True, exist_ok=True)
    for split, count in (("train", train_count), ("t10k", test_count)):
        for kind in ("images-idx3-ubyte", "labels-idx1-ubyte"):
            name = f"{split}-{kind}.gz"
            sliced = first_items(source / name, count)
            (out / name).write_bytes(gzip.compress(sliced, compresslevel=9, mtime=0))


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]), Path(args[1]), *(int(a) for a in args[2:4]))
