"""python3 -m recibo_rec.pack OUT [--crops crops] [--quality 85]

The fonts and the detector crops as two archives to carry to a training machine that has
neither (the device tool carries 64 MiB a call): `OUT/fonts.tgz` (fonts/ as collected, 14 MB)
and `OUT/crops.tgz` (every crop re-encoded as WebP, 36 MB for 195 MB of PNGs; the crops
are WhatsApp-damaged JPEGs already, and crops.load reads any format Pillow does). On the
training machine, from `training/`: `tar xzf OUT/fonts.tgz && tar xzf OUT/crops.tgz`.
"""
from __future__ import annotations

import argparse
import io
import json
import tarfile
from pathlib import Path

from PIL import Image

from .fonts import FONTS_DIR


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def pack_crops(folder: Path, out: Path, quality: int) -> int:
    """Writes `out` (a .tgz holding crops/labels.jsonl and crops/images/*.webp); returns the count."""
    rows = [json.loads(line) for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    with tarfile.open(out, "w:gz") as archive:
        for row in rows:
            image = Image.open(folder / "images" / row["file"]).convert("RGB")
            encoded = io.BytesIO()
            image.save(encoded, "WEBP", quality=quality, method=4)
            row["file"] = Path(row["file"]).with_suffix(".webp").name
            _add(archive, f"crops/images/{row['file']}", encoded.getvalue())
        labels = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        _add(archive, "crops/labels.jsonl", labels.encode("utf-8"))
    return len(rows)


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", type=Path)
    p.add_argument("--crops", type=Path, default=Path("crops"))
    p.add_argument("--quality", type=int, default=85, help="WebP quality of the crops")
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tarfile.open(args.out / "fonts.tgz", "w:gz") as archive:
        archive.add(FONTS_DIR, arcname="fonts")
    count = pack_crops(args.crops, args.out / "crops.tgz", args.quality)
    for name in ("fonts.tgz", "crops.tgz"):
        print(f"{args.out / name}: {(args.out / name).stat().st_size / 1e6:.1f} MB")
    print(f"{count:,} crops")


if __name__ == "__main__":
    main()
